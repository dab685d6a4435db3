#include "kiosk/vision/face_photo.h"

#include <algorithm>

namespace kiosk::vision {

Result<FacePhotoTaker> FacePhotoTaker::create(FaceSettings settings) {
    auto assessor = FaceAssessor::create(std::move(settings));
    if (!assessor) return assessor.error();
    return FacePhotoTaker(std::move(*assessor));
}

FacePhotoTaker::FacePhotoTaker(FaceAssessor assessor) : assessor_(std::move(assessor)) {}

void FacePhotoTaker::reset() {
    assessor_.reset();
    lastFace_.reset();
    framesSinceFullSearch_ = 0;
    goodFrames_ = 0;
    eyesMissingFrames_ = 0;
    eyesSeen_ = false;
    eyesWaived_ = false;
    taken_ = false;
}

Result<FaceStep> FacePhotoTaker::onFrame(const drivers::CameraFrame& frame) {
    if (taken_) return FaceStep{FaceHint::Ready, {}, goodFrames_, eyesWaived_, std::nullopt};
    const auto& s = assessor_.settings();

    // Every fullDetectionEvery-th frame searches everywhere, so that a second face is noticed.
    const bool fullSearch =
        !lastFace_ || ++framesSinceFullSearch_ >= static_cast<std::uint64_t>(std::max(1, s.fullDetectionEvery));
    if (fullSearch) framesSinceFullSearch_ = 0;
    auto check = assessor_.assess(frame, fullSearch ? std::nullopt : lastFace_);
    if (!check) return check.error();
    lastFace_ = check->faces.empty() ? std::nullopt : std::optional<PixelRect>(check->faces.front());

    // The eye cascade cannot see through some glasses: once everything but the eyes has been fine
    // for long, and no eyes were ever seen, the eyes stop blocking the photo. A person whose eyes
    // were seen open once is held to it.
    const auto* eyes = check->find("eyes");
    if (eyes && eyes->pass) eyesSeen_ = true;
    const bool onlyEyesFail = eyes && !eyes->pass && hintOf(check->checks, false) == FaceHint::Ready;
    eyesMissingFrames_ = onlyEyesFail ? eyesMissingFrames_ + 1 : 0;
    if (!eyesSeen_ && eyesMissingFrames_ >= s.eyesWaivedAfter) eyesWaived_ = true;

    FaceStep step;
    step.hint = hintOf(check->checks, s.eyesRequired && !eyesWaived_);
    check->hint = step.hint;
    step.eyesWaived = eyesWaived_;
    goodFrames_ = step.hint == FaceHint::Ready ? goodFrames_ + 1 : 0;
    step.goodFrames = goodFrames_;
    if (goodFrames_ >= std::max(1, s.goodFramesToCapture)) {
        auto jpeg = assessor_.encodeCrop(frame, *check);
        if (!jpeg) return jpeg.error();
        step.photo = FacePhoto{std::move(*jpeg), *check->crop, *check};
        taken_ = true;
    }
    step.check = std::move(*check);
    return step;
}

}  // namespace kiosk::vision
