#pragma once
// The UI thread's end of the devices and camera threads. Each main-loop iteration drains what they
// handed over into the Session, in order: a scanned code or an MRZ becomes the flow's event, the
// camera's codes and MRZ likewise, its face photo goes to Session::takePhoto. It keeps for drawing
// the newest camera picture (as a video image reused from frame to frame) and the newest face
// advice, and tells the camera what the screen on show needs.
//
// Lives on the UI thread; no SDL here, so tests drive it with a Session alone.

#include <optional>

#include "kiosk/app/input_channels.h"
#include "kiosk/app/session.h"
#include "kiosk/core/flow/visit_flow.h"
#include "kiosk/ui/catalog.h"
#include "kiosk/ui/painter.h"
#include "kiosk/ui/registration_screens.h"
#include "kiosk/ui/text_keys.h"
#include "kiosk/ui/video_image.h"
#include "kiosk/vision/frame_pipeline.h"

namespace kiosk::app {

// The catalogue text of a face hint (its key is vision::faceHintCode).
ui::Text faceAdviceText(vision::FaceHint hint);

class LiveInputs {
public:
    // `texts` are the session's catalogues, for the advice drawn over the screens. Camera frames
    // are converted to `layout`, the one the renderer streams best (Painter::preferredVideoLayout).
    LiveInputs(InputChannels& channels, const ui::Catalogs& texts, ui::PixelLayout layout = ui::PixelLayout::I420);
    ~LiveInputs();

    // Applies everything the threads queued since the last call to `session`, stamped `now`;
    // true when anything arrived, a camera picture included (the screen should be drawn again).
    bool pump(Session& session, flow::Instant now);
    // Call whenever the state may have changed: when the view on show, or what it needs from the
    // camera, changed (or a retake starts the photo over), the camera is told, and what belonged
    // to the last demand (the picture, the advice) is forgotten.
    void followScreen(const flow::FlowState& state);

    // The camera picture for the journey screens, once a frame arrived for the current demand.
    ui::JourneyView view() const;
    const std::optional<vision::FaceHint>& faceHint() const { return faceHint_; }
    // What the screens cannot draw from the state: the face advice over the photo step.
    void drawOver(ui::Painter& painter, const flow::FlowState& drawn) const;
    // The document on show photographed from the newest camera frame ("document.no_picture"
    // before the first frame, or the quality check's refusal).
    Result<std::vector<std::uint8_t>> documentPicture() const;
    // A problem the camera thread met (its cascades would not load), once, for the log.
    std::optional<Error> takeProblem() { return channels_.cameraProblem.take(); }

    LiveInputs(const LiveInputs&) = delete;
    LiveInputs& operator=(const LiveInputs&) = delete;

private:
    void apply(Session& session, vision::VisionEvent event, flow::Instant now);
    bool takePicture();
    void forgetPicture();

    InputChannels& channels_;
    const ui::Catalogs& texts_;
    ui::PixelLayout layout_;
    vision::Demand demand_;
    std::optional<flow::ViewId> view_;
    bool photoTaken_ = false;
    std::optional<vision::FaceHint> faceHint_;
    ui::VideoImage picture_;
    std::optional<drivers::CameraFrame> frame_;  // the newest frame while a document is photographed
};

}  // namespace kiosk::app
