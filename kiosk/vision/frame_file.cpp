#include "kiosk/vision/frame_file.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <system_error>

namespace kiosk::vision {

namespace {

// What both readers end with: the picture in `format`, as a frame.
Result<drivers::CameraFrame> frameOf(cv::Mat image, drivers::PixelFormat format, const std::string& what,
                                     std::string_view code) {
    try {
        if (format == drivers::PixelFormat::Rgb8 && !image.empty()) cv::cvtColor(image, image, cv::COLOR_BGR2RGB);
    } catch (const cv::Exception& e) {
        return makeError(std::string(code), what + ": " + e.what());
    }
    if (image.empty()) return makeError(std::string(code), what + ": not a picture OpenCV can read");
    if (!image.isContinuous()) image = image.clone();
    drivers::CameraFrame frame{{}, 0, {image.cols, image.rows}, format, {}};
    const auto* data = image.ptr<std::uint8_t>();
    frame.pixels.assign(data, data + image.total() * image.elemSize());
    return frame;
}

}  // namespace

Result<drivers::CameraFrame> readFrameFile(const std::filesystem::path& path, drivers::PixelFormat format) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return makeError("vision.image_file", path.string() + ": no such file");
    const bool gray = format == drivers::PixelFormat::Gray8;
    cv::Mat image;
    try {
        image = cv::imread(path.string(), gray ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR);
    } catch (const cv::Exception& e) {
        return makeError("vision.image_file", path.string() + ": " + e.what());
    }
    return frameOf(std::move(image), format, path.string(), "vision.image_file");
}

Result<drivers::CameraFrame> decodeFrame(std::span<const std::uint8_t> bytes, drivers::PixelFormat format) {
    if (bytes.empty()) return makeError("vision.image_bytes", "no bytes");
    const bool gray = format == drivers::PixelFormat::Gray8;
    cv::Mat image;
    try {
        const cv::Mat raw(1, static_cast<int>(bytes.size()), CV_8UC1, const_cast<std::uint8_t*>(bytes.data()));
        image = cv::imdecode(raw, gray ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR);
    } catch (const cv::Exception& e) {
        return makeError("vision.image_bytes", std::string("the picture: ") + e.what());
    }
    return frameOf(std::move(image), format, std::to_string(bytes.size()) + " bytes", "vision.image_bytes");
}

}  // namespace kiosk::vision
