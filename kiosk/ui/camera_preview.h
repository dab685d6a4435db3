#pragma once
// The live camera picture with a guide over it: an oval for the face, a frame for a passport or
// ID card. Outside the guide the picture is dimmed, so the place to aim for stands out; a line of
// text under the picture says what to do. Immediate-mode: the caller converts each new frame
// (convertFrame) into a VideoImage it keeps, and passes it in every frame.

#include <string_view>

#include "kiosk/ui/layout.h"
#include "kiosk/ui/painter.h"
#include "kiosk/ui/video_image.h"

namespace kiosk::ui {

enum class CameraGuide { None, Face, Document };

struct CameraPreviewSpec {
    const VideoImage* picture = nullptr;  // nullptr until the first frame: the `waiting` text shows
    CameraGuide guide = CameraGuide::None;
    bool mirrored = false;  // a face camera shows a mirror image, as people expect
    std::string_view hint;
    std::string_view waiting;
};

struct CameraPreviewLayout {
    Rect picture;
    Rect guide;
    int guideRadius = 0;  // the document frame's corners
    Rect hint;
};

// Passport data pages and ID cards are about 1.42 times as wide as they are high.
inline constexpr double kDocumentAspect = 1.42;
// A face, with room for the hair and the chin, about 0.75 times as wide as high.
inline constexpr double kFaceAspect = 0.75;

CameraPreviewLayout layoutCameraPreview(Rect area, CameraGuide guide, const Metrics& m);

void cameraPreview(Painter& p, Rect area, const Metrics& m, const CameraPreviewSpec& spec);

}  // namespace kiosk::ui
