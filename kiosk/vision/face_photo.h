#pragma once
// The face photo on the camera: guides the person frame by frame and takes the photo by itself once
// the frames have passed every quality check for a while (FaceSettings::goodFramesToCapture in a
// row). Between full searches it only looks near the face it found last, which keeps a 1280x720
// frame well within the camera's frame time.

#include <cstdint>
#include <optional>
#include <vector>

#include "drivers/api/camera.h"
#include "kiosk/base/result.h"
#include "kiosk/vision/face_quality.h"

namespace kiosk::vision {

struct FacePhoto {
    std::vector<std::uint8_t> jpeg;  // the 7:9 crop, at most FaceSettings::photoMaxWidth wide
    PixelRect crop;                  // where it was cut from the frame
    FaceCheck check;                 // the verdict of the frame it was cut from
};

// What one frame told: the advice to show, and the photo on the frame that took it.
struct FaceStep {
    FaceHint hint = FaceHint::NoFace;
    FaceCheck check;
    int goodFrames = 0;       // acceptable frames in a row, counting this one
    bool eyesWaived = false;  // the eyes could not be seen for long, and no longer stop the photo
    std::optional<FacePhoto> photo;
};

// Lives on the camera thread. After the photo is taken it ignores frames until reset().
class FacePhotoTaker {
public:
    static Result<FacePhotoTaker> create(FaceSettings settings = {});

    // "vision.frame" for a frame without valid pixels; everything else is advice in the step.
    Result<FaceStep> onFrame(const drivers::CameraFrame& frame);
    // Starts over for the next person (or a retake): forgets the face, the count and the photo.
    void reset();

    bool taken() const { return taken_; }

private:
    explicit FacePhotoTaker(FaceAssessor assessor);

    FaceAssessor assessor_;
    std::optional<PixelRect> lastFace_;
    std::uint64_t framesSinceFullSearch_ = 0;
    int goodFrames_ = 0;
    int eyesMissingFrames_ = 0;
    bool eyesSeen_ = false;
    bool eyesWaived_ = false;
    bool taken_ = false;
};

}  // namespace kiosk::vision
