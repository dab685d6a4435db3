#include "drivers/camera/opencv_frames.h"

#include <opencv2/imgproc.hpp>

#include <string>

namespace kiosk::drivers {

Result<cv::Mat> asBgr(const cv::Mat& image) {
    if (image.empty()) return makeError("camera.pixels", "an empty picture");
    if (image.depth() != CV_8U)
        return makeError("camera.pixels",
                         "a picture with more than 8 bits a channel (" + std::to_string(image.depth()) + ")");
    try {
        cv::Mat bgr;
        switch (image.channels()) {
        case 3: return image;
        case 1: cv::cvtColor(image, bgr, cv::COLOR_GRAY2BGR); return bgr;
        case 4: cv::cvtColor(image, bgr, cv::COLOR_BGRA2BGR); return bgr;
        default: break;
        }
    } catch (const cv::Exception& e) {
        return makeError("camera.pixels", e.what());
    }
    return makeError("camera.pixels", "a picture with " + std::to_string(image.channels()) + " channels");
}

Result<CameraFrame> toCameraFrame(const cv::Mat& bgr, FrameSize size, PixelFormat format, Clock::TimePoint at,
                                  std::uint64_t sequence) {
    CameraFrame frame{at, sequence, size, format, {}};
    try {
        cv::Mat sized = bgr;
        // INTER_AREA: most scaling here makes a picture smaller, where it does not shimmer.
        if (bgr.cols != size.width || bgr.rows != size.height)
            cv::resize(bgr, sized, cv::Size(size.width, size.height), 0, 0, cv::INTER_AREA);
        cv::Mat out;
        switch (format) {
        case PixelFormat::Bgr8: out = sized; break;
        case PixelFormat::Rgb8: cv::cvtColor(sized, out, cv::COLOR_BGR2RGB); break;
        case PixelFormat::Gray8: cv::cvtColor(sized, out, cv::COLOR_BGR2GRAY); break;
        }
        if (!out.isContinuous()) out = out.clone();
        const auto* data = out.ptr<std::uint8_t>();
        frame.pixels.assign(data, data + out.total() * out.elemSize());
    } catch (const cv::Exception& e) {
        return makeError("camera.pixels", e.what());
    }
    return frame;
}

}  // namespace kiosk::drivers
