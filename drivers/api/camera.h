#pragma once
// A camera (V4L2, or a simulated one playing an image folder or a video file). Frames are plain
// pixel buffers so that nothing outside drivers/camera needs OpenCV.
//
// Negotiation is request, then report: the site asks for a size, a frame rate and a pixel format;
// the device gives what it can, and negotiated() says what that was. The pixel format is always
// the one asked for (backends convert); size and rate may differ.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "drivers/api/device_health.h"
#include "kiosk/base/clock.h"

namespace kiosk::drivers {

enum class PixelFormat {
    Bgr8,   // 3 bytes a pixel, blue first (OpenCV's own order)
    Rgb8,   // 3 bytes a pixel, red first (SDL_PIXELFORMAT_RGB24)
    Gray8,  // 1 byte a pixel
};

constexpr std::size_t bytesPerPixel(PixelFormat f) { return f == PixelFormat::Gray8 ? 1 : 3; }

constexpr std::string_view pixelFormatCode(PixelFormat f) {
    switch (f) {
    case PixelFormat::Bgr8: return "bgr8";
    case PixelFormat::Rgb8: return "rgb8";
    case PixelFormat::Gray8: return "gray8";
    }
    return "unknown";
}

struct FrameSize {
    int width = 0;  // pixels; 0 x 0 in a request means "whatever the device gives"
    int height = 0;

    bool empty() const { return width <= 0 || height <= 0; }
    friend bool operator==(const FrameSize&, const FrameSize&) = default;
};

struct FrameRate {
    double perSecond = 0;  // 0 in a request means "whatever the device gives"; 0 in a report: unknown

    // The time between two frames; zero when the rate is unknown.
    std::chrono::nanoseconds interval() const {
        if (perSecond <= 0) return std::chrono::nanoseconds::zero();
        return std::chrono::nanoseconds(static_cast<std::int64_t>(1e9 / perSecond + 0.5));
    }
    friend bool operator==(const FrameRate&, const FrameRate&) = default;
};

struct CameraMode {
    FrameSize size;
    FrameRate rate;
    PixelFormat format = PixelFormat::Bgr8;
    friend bool operator==(const CameraMode&, const CameraMode&) = default;
};

struct CameraFrame {
    Clock::TimePoint at;         // when the frame was taken
    std::uint64_t sequence = 0;  // counts frame slots; a gap means frames were dropped
    FrameSize size;
    PixelFormat format = PixelFormat::Bgr8;
    // Rows top to bottom, each exactly width * bytesPerPixel(format) bytes, no padding.
    std::vector<std::uint8_t> pixels;

    std::size_t stride() const { return static_cast<std::size_t>(size.width) * bytesPerPixel(format); }
};

// Lives on the camera thread.
class Camera : public Device {
public:
    // Waits at most `timeout` for the next frame; nullopt when none came (the device is away,
    // no frame was due, or the Waker was raised). A camera that went away is closed, reports
    // Failed with the reason, and is opened again after a pause.
    virtual std::optional<CameraFrame> next(std::chrono::milliseconds timeout) = 0;

    virtual CameraMode requested() const = 0;
    // What the device gave when it was last opened; nullopt before it ever opened.
    virtual std::optional<CameraMode> negotiated() const = 0;
};

}  // namespace kiosk::drivers
