#include "drivers/camera/simulated_camera.h"

#include <algorithm>
#include <cmath>

#include "drivers/camera/camera_request.h"
#include "drivers/camera/frame_source.h"
#include "drivers/camera/opencv_frames.h"
#include "drivers/posix/fd_io.h"

namespace kiosk::drivers {

namespace {
using std::chrono::steady_clock;
}

Result<SimulatedCamera> SimulatedCamera::create(SimulatedCameraConfig config, const Clock& clock, const Waker* waker) {
    if (config.folder.empty() == config.video.empty())
        return makeError("camera.source", "a simulated camera plays either a folder of images or a video file");
    if (auto ok = validateCameraRequest(config.request); !ok) return ok.error();
    if (config.reopenInterval <= std::chrono::milliseconds::zero())
        return makeError("camera.reopen_interval", "the reopen interval must be positive");
    auto source = config.folder.empty() ? videoFileSource(config.video) : imageFolderSource(config.folder);
    return SimulatedCamera{std::move(config), std::move(source), clock, waker};
}

SimulatedCamera::SimulatedCamera(SimulatedCameraConfig config, std::unique_ptr<FrameSource> source, const Clock& clock,
                                 const Waker* waker)
    : config_(std::move(config)), source_(std::move(source)), clock_(&clock), waker_(waker), nextOpenAt_(clock.now()) {}

SimulatedCamera::SimulatedCamera(SimulatedCamera&&) noexcept = default;
SimulatedCamera& SimulatedCamera::operator=(SimulatedCamera&&) noexcept = default;
SimulatedCamera::~SimulatedCamera() = default;

void SimulatedCamera::tryOpen() {
    // The first picture is read once to learn the size, then the source starts again from it.
    auto first = source_->open();
    std::optional<cv::Mat> picture;
    if (first) {
        auto read = source_->read();
        if (!read) return fail(read.error().detail);
        picture = std::move(*read);
        first = source_->open();
    }
    if (!first) return fail(first.error().detail);
    if (!picture)
        return fail("there is no picture to play in " +
                    (config_.folder.empty() ? config_.video : config_.folder).string());

    CameraMode mode = config_.request;
    if (mode.size.empty()) mode.size = {picture->cols, picture->rows};
    if (mode.rate.perSecond <= 0) mode.rate = source_->nativeRate();
    if (mode.rate.perSecond <= 0) mode.rate = SimulatedCameraConfig::kDefaultRate;
    negotiated_ = mode;
    open_ = true;
    finished_ = false;
    start_ = clock_->now();
    nextSlot_ = 0;
    lastError_.clear();
}

void SimulatedCamera::fail(std::string reason) {
    source_->close();
    open_ = false;
    lastError_ = std::move(reason);
    nextOpenAt_ = clock_->now() + std::chrono::duration_cast<Clock::TimePoint::duration>(config_.reopenInterval);
}

Clock::TimePoint SimulatedCamera::slotTime(std::uint64_t slot) const {
    const double ns = static_cast<double>(slot) * 1e9 / negotiated_->rate.perSecond;
    return start_ + std::chrono::duration_cast<Clock::TimePoint::duration>(std::chrono::nanoseconds(std::llround(ns)));
}

std::uint64_t SimulatedCamera::latestSlot(Clock::TimePoint now) const {
    if (now <= start_) return 0;
    const auto elapsed = std::chrono::duration_cast<std::chrono::nanoseconds>(now - start_).count();
    auto slot = static_cast<std::uint64_t>(static_cast<double>(elapsed) * negotiated_->rate.perSecond / 1e9);
    // The product above may round either way; the slot times themselves decide.
    while (slotTime(slot + 1) <= now) ++slot;
    while (slot > 0 && slotTime(slot) > now) --slot;
    return slot;
}

bool SimulatedCamera::waitUntil(Clock::TimePoint due, steady_clock::time_point deadline) const {
    const auto untilDue = std::chrono::ceil<std::chrono::milliseconds>(due - clock_->now());
    const auto untilDeadline = std::chrono::ceil<std::chrono::milliseconds>(deadline - steady_clock::now());
    const auto wait = std::min(untilDue, untilDeadline);
    if (wait > std::chrono::milliseconds::zero() &&
        waitForFd(-1, false, waker_, steady_clock::now() + wait) == FdReady::Woken)
        return false;
    return clock_->now() >= due;
}

std::optional<CameraFrame> SimulatedCamera::next(std::chrono::milliseconds timeout) {
    const auto deadline = steady_clock::now() + timeout;
    for (;;) {
        if (!open_) {
            if (clock_->now() >= nextOpenAt_) tryOpen();
            if (!open_) {
                if (!waitUntil(nextOpenAt_, deadline)) return std::nullopt;
                continue;
            }
        }
        if (finished_) {
            // Nothing more will come; wait like an idle device so the caller does not spin.
            waitForFd(-1, false, waker_, deadline);
            return std::nullopt;
        }
        const auto due = slotTime(nextSlot_);
        if (clock_->now() < due) {
            if (!waitUntil(due, deadline)) return std::nullopt;
            continue;
        }
        const auto slot = std::max(nextSlot_, latestSlot(clock_->now()));
        auto frame = deliver(slot);
        if (frame) nextSlot_ = slot + 1;
        return frame;
    }
}

std::optional<CameraFrame> SimulatedCamera::deliver(std::uint64_t slot) {
    auto picture = source_->read();
    if (picture && !*picture && config_.loop) {
        if (auto again = source_->open(); !again) {
            fail(again.error().detail);
            return std::nullopt;
        }
        picture = source_->read();
    }
    if (!picture) {
        fail(picture.error().detail);
        return std::nullopt;
    }
    if (!*picture) {
        finished_ = true;
        return std::nullopt;
    }
    auto frame = toCameraFrame(**picture, negotiated_->size, negotiated_->format, slotTime(slot), slot);
    if (!frame) {
        fail(frame.error().detail);
        return std::nullopt;
    }
    return std::move(*frame);
}

ComponentHealth SimulatedCamera::health() const {
    if (!open_) return {Component::Camera, config_.required, DeviceState::Failed, lastError_};
    return {Component::Camera, config_.required, DeviceState::Ready, {}};
}

}  // namespace kiosk::drivers
