#include "kiosk/ui/camera_preview.h"

#include <algorithm>
#include <cmath>

#include "kiosk/ui/theme.h"

namespace kiosk::ui {

CameraPreviewLayout layoutCameraPreview(Rect area, CameraGuide guide, const Metrics& m) {
    CameraPreviewLayout l;
    // Two lines of small text: the hints are short sentences, the previews narrow.
    const int hintHeight = m.px(10);
    l.picture = Rect{area.x, area.y, area.w, area.h - hintHeight};
    l.hint = Rect{area.x, l.picture.bottom(), area.w, hintHeight};
    const Rect room = l.picture.inset(std::max(m.px(3), l.picture.w / 12), std::max(m.px(3), l.picture.h / 12));
    if (guide == CameraGuide::Face) {
        const int h = room.h;
        const int w = std::min(room.w, static_cast<int>(std::lround(h * kFaceAspect)));
        l.guide = Rect{room.centre().x - w / 2, room.y, w, h};
    } else if (guide == CameraGuide::Document) {
        int w = room.w;
        int h = static_cast<int>(std::lround(w / kDocumentAspect));
        if (h > room.h) {
            h = room.h;
            w = static_cast<int>(std::lround(h * kDocumentAspect));
        }
        l.guide = Rect{room.centre().x - w / 2, room.centre().y - h / 2, w, h};
        l.guideRadius = m.radius;
    }
    return l;
}

void cameraPreview(Painter& p, Rect area, const Metrics& m, const CameraPreviewSpec& spec) {
    const auto l = layoutCameraPreview(area, spec.guide, m);
    p.fillRect(l.picture, colors::kInk);
    if (spec.picture && spec.picture->size.w > 0) {
        const Rect source = coverSource(spec.picture->size, Size{l.picture.w, l.picture.h});
        p.video(*spec.picture, source, l.picture, spec.mirrored);
    } else {
        p.text(spec.waiting, l.picture.inset(m.px(3)), TextStyle{m.type.body, Weight::Bold, colors::kOnHeader});
    }
    if (spec.guide != CameraGuide::None) {
        const bool oval = spec.guide == CameraGuide::Face;
        p.veil(l.picture, l.guide, oval, l.guideRadius, colors::kScrim);
        const int thickness = std::max(3, m.px(0.8));
        if (oval)
            p.strokeEllipse(l.guide, thickness, colors::kGuide);
        else
            p.strokeRoundedRect(l.guide, l.guideRadius, thickness, colors::kGuide);
    }
    p.fillRect(l.hint, colors::kHeader);
    p.paragraph(spec.hint, l.hint.inset(m.px(2), m.px(0.5)), TextStyle{m.type.small, Weight::Bold, colors::kOnHeader});
}

}  // namespace kiosk::ui
