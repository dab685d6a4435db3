#pragma once
// A document held up to the camera, kept as a picture a person at the ministry can read: the
// frame's quality is checked first (sharp enough to read small print, neither too dark nor
// burnt out), then it is scaled down and encoded as JPEG. Public: speaks drivers/api only.

#include <cstdint>
#include <vector>

#include "drivers/api/camera.h"
#include "kiosk/base/result.h"

namespace kiosk::vision {

struct DocumentStillSettings {
    // The weaker of the variances of the second derivative across and along the middle of the
    // picture (where the screen's frame guides the page: three fifths of its width, seven tenths
    // of its height), its luma scaled as if the whole frame were 800 px wide and smoothed of
    // sensor noise. Measured on the generated frames (tests/imagegen): the certificate held
    // still 213, moving 5; passport pages under mild and hard spoiling 59 to 472.
    double minSharpness = 40;
    double minBrightness = 50;   // mean luma, 0-255
    double maxBrightness = 235;
    int maxSide = 1600;  // the picture's longer side, in pixels
    int jpegQuality = 85;
};

struct DocumentStillCheck {
    double sharpness = 0;
    double brightness = 0;
};

// The sharpness and brightness of the frame's middle as the checks measure them.
Result<DocumentStillCheck> checkDocumentStill(const drivers::CameraFrame& frame,
                                              const DocumentStillSettings& settings = {});

// The JPEG to keep; refused with "document.blurry", "document.too_dark" or "document.too_bright"
// (the value in the detail), or "document.no_picture" when the frame cannot be read.
Result<std::vector<std::uint8_t>> documentStill(const drivers::CameraFrame& frame,
                                                const DocumentStillSettings& settings = {});

}  // namespace kiosk::vision
