#include "kiosk/vision/frame_mats.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <string>
#include <system_error>

namespace kiosk::vision {
namespace {

Result<cv::Mat> viewOf(const drivers::CameraFrame& frame) {
    const auto& size = frame.size;
    if (size.empty()) return makeError("vision.frame", "a frame without pixels");
    if (frame.pixels.size() != frame.stride() * static_cast<std::size_t>(size.height))
        return makeError("vision.frame", "a frame of " + std::to_string(size.width) + "x" +
                                             std::to_string(size.height) + " with " +
                                             std::to_string(frame.pixels.size()) + " bytes");
    const int type = frame.format == drivers::PixelFormat::Gray8 ? CV_8UC1 : CV_8UC3;
    // OpenCV does not write through this view: the callers below only read or convert it.
    auto* data = const_cast<std::uint8_t*>(frame.pixels.data());  // NOLINT
    return cv::Mat(size.height, size.width, type, data, frame.stride());
}

}  // namespace

Result<cv::Mat> lumaOf(const drivers::CameraFrame& frame) {
    auto view = viewOf(frame);
    if (!view) return view.error();
    cv::Mat gray;
    switch (frame.format) {
    case drivers::PixelFormat::Gray8: return view;
    case drivers::PixelFormat::Bgr8: cv::cvtColor(*view, gray, cv::COLOR_BGR2GRAY); break;
    case drivers::PixelFormat::Rgb8: cv::cvtColor(*view, gray, cv::COLOR_RGB2GRAY); break;
    }
    return gray;
}

Result<cv::Mat> bgrOf(const drivers::CameraFrame& frame) {
    auto view = viewOf(frame);
    if (!view) return view.error();
    cv::Mat bgr;
    switch (frame.format) {
    case drivers::PixelFormat::Bgr8: return view;
    case drivers::PixelFormat::Rgb8: cv::cvtColor(*view, bgr, cv::COLOR_RGB2BGR); break;
    case drivers::PixelFormat::Gray8: cv::cvtColor(*view, bgr, cv::COLOR_GRAY2BGR); break;
    }
    return bgr;
}

Result<cv::Mat> readImageFile(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return makeError("vision.image_file", path.string() + ": no such file");
    cv::Mat image;
    try {
        image = cv::imread(path.string(), cv::IMREAD_COLOR);
    } catch (const cv::Exception& e) {
        return makeError("vision.image_file", path.string() + ": " + e.what());
    }
    if (image.empty()) return makeError("vision.image_file", path.string() + ": not a picture OpenCV can read");
    return image;
}

drivers::CameraFrame frameOf(const cv::Mat& bgr, Clock::TimePoint at, std::uint64_t sequence) {
    const cv::Mat continuous = bgr.isContinuous() ? bgr : bgr.clone();
    drivers::CameraFrame frame{at, sequence, {continuous.cols, continuous.rows}, drivers::PixelFormat::Bgr8, {}};
    const auto* data = continuous.ptr<std::uint8_t>();
    frame.pixels.assign(data, data + continuous.total() * continuous.elemSize());
    return frame;
}

}  // namespace kiosk::vision
