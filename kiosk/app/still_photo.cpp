#include "kiosk/app/still_photo.h"

#include "kiosk/vision/face_photo.h"
#include "kiosk/vision/frame_file.h"

namespace kiosk::app {

Result<std::vector<std::uint8_t>> photoFromStill(const std::filesystem::path& image) {
    auto frame = vision::readFrameFile(image);
    if (!frame) return frame.error();
    auto taker = vision::FacePhotoTaker::create();
    if (!taker) return taker.error();
    // A person holding still for about two seconds of camera frames.
    constexpr int kFrames = 60;
    std::string advice = "no frame";
    for (int i = 0; i < kFrames; ++i) {
        auto step = taker->onFrame(*frame);
        if (!step) return step.error();
        if (step->photo) return std::move(step->photo->jpeg);
        advice = std::string(vision::faceHintCode(step->hint));
    }
    return makeError("photo.not_taken",
                     image.filename().string() + ": the picture never passed the checks (" + advice + ")");
}

}  // namespace kiosk::app
