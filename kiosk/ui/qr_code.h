#pragma once
// An on-screen QR code: black modules on white with the four-module quiet zone, each module a
// whole number of pixels so that phone cameras see sharp edges. Draws only.

#include "kiosk/ui/painter.h"
#include "kiosk/ui/qr_encoder.h"

namespace kiosk::ui {

inline constexpr int kQrQuietModules = 4;

// The square the code takes inside `box`, quiet zone included, and the pixels per module (pure).
struct QrPlacement {
    Rect square;
    int modulePx = 0;
};
QrPlacement placeQr(Rect box, int modules);

void qrCode(Painter& p, Rect box, const QrModules& modules);

}  // namespace kiosk::ui
