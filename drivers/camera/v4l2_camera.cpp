#include "drivers/camera/v4l2_camera.h"

#include <opencv2/videoio.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "drivers/camera/camera_request.h"
#include "drivers/camera/opencv_frames.h"
#include "drivers/posix/fd_io.h"

namespace kiosk::drivers {

namespace {

using std::chrono::steady_clock;

std::optional<int> deviceIndex(const std::string& device) {
    if (device.empty() || device.size() > 3 ||
        !std::all_of(device.begin(), device.end(), [](unsigned char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    return std::stoi(device);
}

std::string sizeText(FrameSize s) { return std::to_string(s.width) + "x" + std::to_string(s.height); }

}  // namespace

struct V4l2Camera::Capture {
    cv::VideoCapture capture;
};

Result<V4l2Camera> V4l2Camera::create(V4l2CameraConfig config, const Clock& clock, const Waker* waker) {
    if (config.device.empty()) return makeError("camera.device", "no camera device configured");
    if (!config.fourcc.empty() && config.fourcc.size() != 4)
        return makeError("camera.fourcc", "a FOURCC is four characters, e.g. MJPG or YUYV");
    if (auto ok = validateCameraRequest(config.request); !ok) return ok.error();
    if (config.reopenInterval <= std::chrono::milliseconds::zero())
        return makeError("camera.reopen_interval", "the reopen interval must be positive");
    return V4l2Camera{std::move(config), clock, waker};
}

V4l2Camera::V4l2Camera(V4l2CameraConfig config, const Clock& clock, const Waker* waker)
    : config_(std::move(config)), capture_(std::make_unique<Capture>()), clock_(&clock), waker_(waker) {}

V4l2Camera::V4l2Camera(V4l2Camera&&) noexcept = default;
V4l2Camera& V4l2Camera::operator=(V4l2Camera&&) noexcept = default;
V4l2Camera::~V4l2Camera() = default;

bool V4l2Camera::connected() const { return capture_->capture.isOpened(); }

bool V4l2Camera::tryOpen() {
    nextOpenAt_ = steady_clock::now() + config_.reopenInterval;
    const auto index = deviceIndex(config_.device);
    std::string path = index ? "/dev/video" + std::to_string(*index) : config_.device;
    std::error_code error;
    // Checked first: OpenCV's own message for a missing device is a warning on stderr, not words
    // for the health screen. A by-id link is followed to the node it names now.
    if (!std::filesystem::exists(path, error)) {
        lastError_ = "no camera at " + path;
        return false;
    }
    if (!index) path = std::filesystem::canonical(path, error).string();
    auto& capture = capture_->capture;
    const auto& request = config_.request;
    try {
        if (!capture.open(path, cv::CAP_V4L2)) {
            lastError_ = "cannot open the camera at " + path;
            return false;
        }
        if (!config_.fourcc.empty()) {
            const auto& f = config_.fourcc;
            capture.set(cv::CAP_PROP_FOURCC, cv::VideoWriter::fourcc(f[0], f[1], f[2], f[3]));
        }
        if (!request.size.empty()) {
            capture.set(cv::CAP_PROP_FRAME_WIDTH, request.size.width);
            capture.set(cv::CAP_PROP_FRAME_HEIGHT, request.size.height);
        }
        if (request.rate.perSecond > 0) capture.set(cv::CAP_PROP_FPS, request.rate.perSecond);
        CameraMode mode;
        mode.size = {static_cast<int>(capture.get(cv::CAP_PROP_FRAME_WIDTH)),
                     static_cast<int>(capture.get(cv::CAP_PROP_FRAME_HEIGHT))};
        const double fps = capture.get(cv::CAP_PROP_FPS);
        mode.rate = FrameRate{std::isfinite(fps) && fps > 0 ? fps : 0};
        mode.format = request.format;
        negotiated_ = mode;
    } catch (const cv::Exception& e) {
        capture.release();
        lastError_ = "cannot set up the camera at " + path + ": " + e.what();
        return false;
    }
    sequence_ = 0;
    ++openCount_;
    lastError_.clear();
    return true;
}

void V4l2Camera::drop(std::string reason) {
    capture_->capture.release();
    lastError_ = std::move(reason);
    nextOpenAt_ = steady_clock::now() + config_.reopenInterval;
}

std::optional<CameraFrame> V4l2Camera::next(std::chrono::milliseconds timeout) {
    const auto deadline = steady_clock::now() + timeout;
    while (!connected()) {
        if (steady_clock::now() >= nextOpenAt_ && tryOpen()) break;
        if (waitForFd(-1, false, waker_, std::min(deadline, nextOpenAt_)) == FdReady::Woken) return std::nullopt;
        if (steady_clock::now() >= deadline) return std::nullopt;
    }
    cv::Mat image;
    bool ok = false;
    std::string why;
    try {
        ok = capture_->capture.read(image) && !image.empty();
    } catch (const cv::Exception& e) {
        why = std::string(": ") + e.what();
    }
    const auto at = clock_->now();
    if (!ok) {
        drop("the camera " + config_.device + " stopped delivering frames (unplugged?)" + why);
        return std::nullopt;
    }
    auto bgr = asBgr(image);
    if (!bgr) {
        drop("the camera " + config_.device + " sent " + bgr.error().detail);
        return std::nullopt;
    }
    // The frame itself has the last word on the size; some drivers report the request back.
    negotiated_->size = {bgr->cols, bgr->rows};
    auto frame = toCameraFrame(*bgr, negotiated_->size, negotiated_->format, at, sequence_++);
    if (!frame) {
        drop("the camera " + config_.device + ": " + frame.error().detail);
        return std::nullopt;
    }
    return std::move(*frame);
}

ComponentHealth V4l2Camera::health() const {
    ComponentHealth h{Component::Camera, config_.required, DeviceState::Ready, lastError_};
    if (!connected()) {
        h.state = DeviceState::Failed;
        return h;
    }
    const auto& asked = config_.request.size;
    if (negotiated_ && !asked.empty() && negotiated_->size != asked) {
        h.state = DeviceState::Degraded;
        h.lastError = "asked the camera for " + sizeText(asked) + ", it gives " + sizeText(negotiated_->size);
    }
    return h;
}

}  // namespace kiosk::drivers
