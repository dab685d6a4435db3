#include "kiosk/vision/frame_works.h"

#include <utility>

namespace kiosk::vision {

void MrzWork::reset(const Demand&) {
    reader_.reset();
    lastSent_.reset();
    accepted_ = false;
}

std::vector<VisionEvent> MrzWork::onFrame(const drivers::CameraFrame& frame) {
    if (accepted_) return {};
    auto progress = reader_.onFrame(frame);
    if (!progress) {
        ++refused_;
        return {};
    }
    std::vector<VisionEvent> events;
    MrzProgressed now{frame.sequence, frame.at, progress->stage, progress->agreeing, progress->needed};
    // The same stage and count as last time tell the screen nothing new.
    const bool changed = !lastSent_ || lastSent_->stage != now.stage || lastSent_->agreeing != now.agreeing ||
                         lastSent_->needed != now.needed;
    if (changed) {
        lastSent_ = now;
        events.emplace_back(now);
    }
    if (progress->stage == MrzStage::Accepted && progress->mrz) {
        accepted_ = true;
        auto text = progress->mrz->text();
        events.emplace_back(MrzAccepted{frame.sequence, frame.at, std::move(text), std::move(*progress->mrz)});
    }
    return events;
}

Result<std::unique_ptr<FaceWork>> FaceWork::create(FaceSettings settings) {
    auto taker = FacePhotoTaker::create(std::move(settings));
    if (!taker) return taker.error();
    return std::unique_ptr<FaceWork>(new FaceWork(std::move(*taker)));
}

void FaceWork::reset(const Demand&) {
    taker_.reset();
    lastHint_.reset();
}

std::vector<VisionEvent> FaceWork::onFrame(const drivers::CameraFrame& frame) {
    if (taker_.taken()) return {};
    auto step = taker_.onFrame(frame);
    if (!step) {
        ++refused_;
        return {};
    }
    std::vector<VisionEvent> events;
    // The advice changes a few times a second at most; the screen hears of each change once.
    if (lastHint_ != step->hint) {
        lastHint_ = step->hint;
        events.emplace_back(FaceGuidance{frame.sequence, frame.at, step->hint});
    }
    if (step->photo) {
        auto& photo = *step->photo;
        events.emplace_back(
            FacePhotoTaken{frame.sequence, frame.at, std::move(photo.jpeg), photo.crop, std::move(photo.check)});
    }
    return events;
}

}  // namespace kiosk::vision
