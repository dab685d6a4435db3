#include "kiosk/ui/qr_code.h"

#include <algorithm>

#include "kiosk/ui/theme.h"

namespace kiosk::ui {

QrPlacement placeQr(Rect box, int modules) {
    const int across = modules + 2 * kQrQuietModules;
    if (modules <= 0) return {};
    const int modulePx = std::min(box.w, box.h) / across;
    const int side = modulePx * across;
    return {Rect{box.x + (box.w - side) / 2, box.y + (box.h - side) / 2, side, side}, modulePx};
}

void qrCode(Painter& p, Rect box, const QrModules& modules) {
    const auto placed = placeQr(box, modules.side);
    if (placed.modulePx <= 0) return;
    p.fillRect(placed.square, colors::kSurface);
    const int origin = kQrQuietModules * placed.modulePx;
    // One rectangle per run of dark modules in a row: a few hundred rectangles, not thousands.
    for (int y = 0; y < modules.side; ++y) {
        int x = 0;
        while (x < modules.side) {
            if (!modules.at(x, y)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < modules.side && modules.at(x, y)) ++x;
            p.fillRect(
                Rect{placed.square.x + origin + start * placed.modulePx, placed.square.y + origin + y * placed.modulePx,
                     (x - start) * placed.modulePx, placed.modulePx},
                colors::kQrDark);
        }
    }
}

}  // namespace kiosk::ui
