#include "kiosk/vision/frame_file.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <system_error>

namespace kiosk::vision {

Result<drivers::CameraFrame> readFrameFile(const std::filesystem::path& path, drivers::PixelFormat format) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return makeError("vision.image_file", path.string() + ": no such file");
    const bool gray = format == drivers::PixelFormat::Gray8;
    cv::Mat image;
    try {
        image = cv::imread(path.string(), gray ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR);
        if (format == drivers::PixelFormat::Rgb8 && !image.empty()) cv::cvtColor(image, image, cv::COLOR_BGR2RGB);
    } catch (const cv::Exception& e) {
        return makeError("vision.image_file", path.string() + ": " + e.what());
    }
    if (image.empty()) return makeError("vision.image_file", path.string() + ": not a picture OpenCV can read");
    if (!image.isContinuous()) image = image.clone();
    drivers::CameraFrame frame{{}, 0, {image.cols, image.rows}, format, {}};
    const auto* data = image.ptr<std::uint8_t>();
    frame.pixels.assign(data, data + image.total() * image.elemSize());
    return frame;
}

}  // namespace kiosk::vision
