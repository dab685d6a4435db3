#include "kiosk/ui/face_advice.h"

#include "kiosk/ui/camera_preview.h"
#include "kiosk/ui/registration_layouts.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {

void drawFaceAdvice(Painter& p, const Catalogs& texts, const flow::FlowState& state, Text advice) {
    const auto* reg = std::get_if<flow::RegistrationScreen>(&state.screen);
    if (!reg || reg->step != flow::RegStep::Photo || state.countdown || state.visit.form.photoTaken) return;
    const auto parts = stepParts(state, p.size());
    const auto& m = parts.layout.metrics;
    // The same line, in the same style, as cameraPreview's own hint: the advice takes its place.
    const auto l = layoutCameraPreview(parts.picture, CameraGuide::Face, m);
    p.fillRect(l.hint, colors::kHeader);
    p.paragraph(texts.in(state.visit.language).text(advice), l.hint.inset(m.px(2), m.px(0.5)),
                TextStyle{m.type.small, Weight::Bold, colors::kOnHeader});
}

}  // namespace kiosk::ui
