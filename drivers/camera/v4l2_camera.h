#pragma once
// A USB or built-in camera through Video4Linux2, by way of OpenCV's VideoCapture (CAP_V4L2).
//
// On open it asks for the configured size, rate and (optionally) a compressed format, then reads
// back what the driver settled on; the first frame has the last word on the size. A size other
// than the one asked for makes the camera Degraded, with both sizes in the reason. When reads
// fail (the camera was unplugged) the capture is released, the camera reports Failed, and the
// device is opened again every `reopenInterval` until it is back. Point it at a stable name
// (/dev/v4l/by-id/...-video-index0), which udev re-creates on replug.

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "drivers/api/camera.h"
#include "drivers/posix/waker.h"
#include "kiosk/base/clock.h"
#include "kiosk/base/result.h"

namespace kiosk::drivers {

struct V4l2CameraConfig {
    std::string device = "/dev/video0";  // a device path, or an index ("0" is /dev/video0)
    CameraMode request{{1280, 720}, {30}, PixelFormat::Bgr8};
    // A FOURCC to ask for, e.g. "MJPG": most USB cameras give 720p at 30 fps only compressed.
    // Empty: the driver's default.
    std::string fourcc;
    std::chrono::milliseconds reopenInterval{1000};
    bool required = false;  // from the site configuration
};

// Lives on the camera thread.
class V4l2Camera final : public Camera {
public:
    // Fails only on settings that can never work ("camera.device", "camera.size", "camera.rate",
    // "camera.fourcc", "camera.reopen_interval"); an absent camera is a health state.
    static Result<V4l2Camera> create(V4l2CameraConfig config, const Clock& clock, const Waker* waker = nullptr);
    V4l2Camera(V4l2Camera&&) noexcept;
    V4l2Camera& operator=(V4l2Camera&&) noexcept;
    ~V4l2Camera() override;

    // Opens the device first when it is closed and a reopen is due. A read waits for the device's
    // next frame, which a streaming camera delivers within one frame interval; `timeout` bounds
    // the waits while the device is away.
    std::optional<CameraFrame> next(std::chrono::milliseconds timeout) override;
    ComponentHealth health() const override;
    CameraMode requested() const override { return config_.request; }
    std::optional<CameraMode> negotiated() const override { return negotiated_; }

    bool connected() const;
    // How many times the device has been opened; a test watches it to time a replug.
    std::uint64_t openCount() const { return openCount_; }

private:
    struct Capture;
    V4l2Camera(V4l2CameraConfig config, const Clock& clock, const Waker* waker);

    bool tryOpen();
    void drop(std::string reason);

    V4l2CameraConfig config_;
    std::unique_ptr<Capture> capture_;
    const Clock* clock_;
    const Waker* waker_;
    std::optional<CameraMode> negotiated_;
    std::chrono::steady_clock::time_point nextOpenAt_{};
    std::uint64_t sequence_ = 0;
    std::uint64_t openCount_ = 0;
    std::string lastError_ = "not opened yet";
};

}  // namespace kiosk::drivers
