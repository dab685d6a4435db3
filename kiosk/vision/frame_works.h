#pragma once
// The MRZ and face-photo kinds of FrameWork: they drive MrzFrameReader and FacePhotoTaker frame by
// frame and turn what those say into VisionEvents worth waking the UI for (changes, not repeats).
// Both rest after their result (the accepted MRZ, the photo) until the demand is set again, so a
// page or face left in front of the camera costs no more work and gives no second result.

#include <memory>
#include <optional>
#include <vector>

#include "drivers/api/camera.h"
#include "kiosk/base/result.h"
#include "kiosk/vision/face_photo.h"
#include "kiosk/vision/face_quality.h"
#include "kiosk/vision/frame_pipeline.h"
#include "kiosk/vision/mrz_frame_reader.h"

namespace kiosk::vision {

// Reads the MRZ by voting over frames. Lives on the camera thread.
class MrzWork final : public FrameWork {
public:
    explicit MrzWork(MrzReaderOptions options = {}) : reader_(options) {}
    void reset(const Demand& demand) override;
    std::vector<VisionEvent> onFrame(const drivers::CameraFrame& frame) override;
    // Frames the reader refused as malformed since construction (a driver bug if ever non-zero).
    std::size_t refusedFrames() const { return refused_; }

private:
    MrzFrameReader reader_;
    std::optional<MrzProgressed> lastSent_;
    bool accepted_ = false;
    std::size_t refused_ = 0;
};

// Guides the person and takes the face photo. Lives on the camera thread.
class FaceWork final : public FrameWork {
public:
    // "vision.face_cascade" when a cascade in `settings` cannot be loaded.
    static Result<std::unique_ptr<FaceWork>> create(FaceSettings settings = {});

    void reset(const Demand& demand) override;
    std::vector<VisionEvent> onFrame(const drivers::CameraFrame& frame) override;
    std::size_t refusedFrames() const { return refused_; }

private:
    explicit FaceWork(FacePhotoTaker taker) : taker_(std::move(taker)) {}

    FacePhotoTaker taker_;
    std::optional<FaceHint> lastHint_;
    std::size_t refused_ = 0;
};

}  // namespace kiosk::vision
