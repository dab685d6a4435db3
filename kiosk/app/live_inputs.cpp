#include "kiosk/app/live_inputs.h"

#include <string>
#include <utility>
#include <vector>

#include "kiosk/app/vision_demand.h"
#include "kiosk/base/overloaded.h"
#include "kiosk/base/wipe.h"
#include "kiosk/ui/face_advice.h"
#include "kiosk/vision/document_still.h"

namespace kiosk::app {
namespace {

// "LINE1\nLINE2" (a trailing newline or not) -> {"LINE1", "LINE2"}
std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t from = 0;
    while (from < text.size()) {
        const auto end = text.find('\n', from);
        lines.push_back(text.substr(from, end == std::string::npos ? std::string::npos : end - from));
        if (end == std::string::npos) break;
        from = end + 1;
    }
    return lines;
}

bool onPhotoStep(const flow::FlowState& state) {
    const auto* reg = std::get_if<flow::RegistrationScreen>(&state.screen);
    return reg && reg->step == flow::RegStep::Photo;
}

}  // namespace

ui::Text faceAdviceText(vision::FaceHint hint) {
    using H = vision::FaceHint;
    switch (hint) {
    case H::NoFace: return ui::Text::FaceNoFace;
    case H::SeveralFaces: return ui::Text::FaceSeveralFaces;
    case H::MoveCloser: return ui::Text::FaceMoveCloser;
    case H::MoveBack: return ui::Text::FaceMoveBack;
    case H::MoveLeft: return ui::Text::FaceMoveLeft;
    case H::MoveRight: return ui::Text::FaceMoveRight;
    case H::MoveUp: return ui::Text::FaceMoveUp;
    case H::MoveDown: return ui::Text::FaceMoveDown;
    case H::TooDark: return ui::Text::FaceTooDark;
    case H::TooBright: return ui::Text::FaceTooBright;
    case H::UnevenLight: return ui::Text::FaceUnevenLight;
    case H::HoldStill: return ui::Text::FaceHoldStill;
    case H::EyesClosed: return ui::Text::FaceEyesClosed;
    case H::Ready: return ui::Text::FaceReady;
    }
    return ui::Text::CameraFaceHint;
}

LiveInputs::LiveInputs(InputChannels& channels, const ui::Catalogs& texts, ui::PixelLayout layout)
    : channels_(channels), texts_(texts), layout_(layout) {}

LiveInputs::~LiveInputs() { forgetPicture(); }

bool LiveInputs::pump(Session& session, flow::Instant now) {
    // Before the drain: whatever is queued after it rings (and wakes the loop) again.
    channels_.wake.rearm();
    bool arrived = false;
    for (auto& input : channels_.devices.takeAll()) {
        arrived = true;
        std::visit(Overloaded{
                       [&](drivers::ScannedCode& code) {
                           session.apply(flow::CodeScanned{now, std::move(code.bytes)});
                       },
                       [&](drivers::MrzText& mrz) {
                           session.apply(flow::MrzScanned{now, std::move(mrz.lines)});
                       },
                   },
                   input);
    }
    for (auto& event : channels_.vision.takeAll()) {
        arrived = true;
        apply(session, std::move(event), now);
    }
    return takePicture() || arrived;
}

void LiveInputs::apply(Session& session, vision::VisionEvent event, flow::Instant now) {
    std::visit(Overloaded{
                   [&](vision::BarcodesRead& read) {
                       for (auto& code : read.codes) session.apply(flow::CodeScanned{now, std::move(code.text)});
                   },
                   [&](vision::MrzProgressed&) {},
                   [&](vision::MrzAccepted& mrz) {
                       session.apply(flow::MrzScanned{now, splitLines(mrz.text)});
                   },
                   [&](vision::FaceGuidance& guidance) {
                       // Advice still on its way from a demand the screen has left is not shown.
                       if (demand_.kind == vision::Demand::Kind::FacePhoto) faceHint_ = guidance.hint;
                   },
                   [&](vision::FacePhotoTaken& photo) {
                       if (onPhotoStep(session.state()))
                           session.takePhoto(std::move(photo.jpeg), now);
                       else
                           wipe(photo.jpeg);  // a face nobody asked for any more is not kept
                   },
               },
               event);
}

void LiveInputs::followScreen(const flow::FlowState& state) {
    const auto demand = demandFor(state);
    const bool taken = state.visit.form.photoTaken;
    const bool retake = demand.kind == vision::Demand::Kind::FacePhoto && photoTaken_ && !taken;
    photoTaken_ = taken;
    const bool newDemand = demand != demand_;
    const bool newView = view_ != state.view;
    view_ = state.view;
    // A new view that needs the camera starts its work over (the person came back to the step).
    if (!newDemand && !retake && !(newView && demand.kind != vision::Demand::Kind::Nothing)) return;
    demand_ = demand;
    channels_.demand.put(demand);
    faceHint_.reset();
    if (newDemand) forgetPicture();
}

ui::JourneyView LiveInputs::view() const { return ui::JourneyView{picture_.size.w > 0 ? &picture_ : nullptr}; }

void LiveInputs::drawOver(ui::Painter& painter, const flow::FlowState& drawn) const {
    if (faceHint_) ui::drawFaceAdvice(painter, texts_, drawn, faceAdviceText(*faceHint_));
}

bool LiveInputs::takePicture() {
    auto frame = channels_.preview.take();
    // Between camera screens frames are dropped unconverted: nothing shows them.
    if (!frame || demand_.kind == vision::Demand::Kind::Nothing) return false;
    ui::convertFrame(*frame, layout_, picture_);
    // The frame itself is kept only while a document may be photographed from it.
    if (demand_.kind == vision::Demand::Kind::Picture) {
        if (frame_) wipe(frame_->pixels);
        frame_ = std::move(*frame);
    }
    return picture_.size.w > 0;
}

Result<std::vector<std::uint8_t>> LiveInputs::documentPicture() const {
    if (!frame_) return makeError("document.no_picture", "no camera frame yet");
    return vision::documentStill(*frame_);
}

void LiveInputs::forgetPicture() {
    // The last picture may show the previous person's face or passport.
    wipe(picture_.bytes);
    picture_.size = {};
    if (frame_) wipe(frame_->pixels);
    frame_.reset();
}

}  // namespace kiosk::app
