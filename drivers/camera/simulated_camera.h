#pragma once
// A camera that plays the images of a folder (in file-name order) or a video file at a set frame
// rate, looping, for demos and tests.
//
// Frame k since the source was opened is taken at open time + k / rate by the injected Clock, so
// a test with a FakeClock gets exact frame times: advance the clock, ask with a zero timeout. A
// caller that falls behind gets the latest frame slot (the sequence number jumps, as with a live
// camera that dropped frames nobody took) but the source's next picture, so nothing is skipped.
//
// A missing folder, an empty one, or a file that cannot be read makes the camera Failed with the
// reason, as an unplugged camera would be; it tries the source again every `reopenInterval`.

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "drivers/api/camera.h"
#include "drivers/posix/waker.h"
#include "kiosk/base/clock.h"
#include "kiosk/base/result.h"

namespace kiosk::drivers {

class FrameSource;

struct SimulatedCameraConfig {
    std::filesystem::path folder;  // either a folder of images ...
    std::filesystem::path video;   // ... or a video file
    // Size 0 x 0: the size of the first picture; every frame is scaled to the size in force.
    // Rate 0: the video's own rate, else kDefaultRate.
    CameraMode request;
    bool loop = true;                                // otherwise the camera stays quiet after the last picture
    std::chrono::milliseconds reopenInterval{1000};  // by the injected Clock
    bool required = false;                           // from the site configuration

    static constexpr FrameRate kDefaultRate{15};
};

// Lives on the camera thread.
class SimulatedCamera final : public Camera {
public:
    // Fails only on settings that can never work ("camera.source": neither or both of folder and
    // video; "camera.size", "camera.rate", "camera.reopen_interval").
    static Result<SimulatedCamera> create(SimulatedCameraConfig config, const Clock& clock,
                                          const Waker* waker = nullptr);
    SimulatedCamera(SimulatedCamera&&) noexcept;
    SimulatedCamera& operator=(SimulatedCamera&&) noexcept;
    ~SimulatedCamera() override;

    std::optional<CameraFrame> next(std::chrono::milliseconds timeout) override;
    ComponentHealth health() const override;
    CameraMode requested() const override { return config_.request; }
    std::optional<CameraMode> negotiated() const override { return negotiated_; }

    // True after the last picture of a source that does not loop.
    bool finished() const { return finished_; }

private:
    SimulatedCamera(SimulatedCameraConfig config, std::unique_ptr<FrameSource> source, const Clock& clock,
                    const Waker* waker);

    void tryOpen();
    void fail(std::string reason);
    // Waits for `due` on the injected clock, at most until `deadline`; false when it did not come.
    bool waitUntil(Clock::TimePoint due, std::chrono::steady_clock::time_point deadline) const;
    Clock::TimePoint slotTime(std::uint64_t slot) const;
    std::uint64_t latestSlot(Clock::TimePoint now) const;
    // The next picture, starting the source again at its end when looping.
    std::optional<CameraFrame> deliver(std::uint64_t slot);

    SimulatedCameraConfig config_;
    std::unique_ptr<FrameSource> source_;
    const Clock* clock_;
    const Waker* waker_;
    bool open_ = false;
    bool finished_ = false;
    std::optional<CameraMode> negotiated_;
    Clock::TimePoint start_{};
    std::uint64_t nextSlot_ = 0;
    Clock::TimePoint nextOpenAt_{};
    std::string lastError_ = "not opened yet";
};

}  // namespace kiosk::drivers
