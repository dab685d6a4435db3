#pragma once
// The OpenCV glue of kiosk/vision: camera frames and image files in, 8-bit cv::Mat out. Private to
// kiosk/vision; its public headers speak drivers/api and plain values only.

#include <opencv2/core.hpp>

#include <filesystem>

#include "drivers/api/camera.h"
#include "kiosk/base/result.h"

namespace kiosk::vision {

// The frame's luma (one channel, 8 bits). A Gray8 frame is viewed in place, without a copy: the
// Mat is valid only while `frame` lives and is unchanged.
Result<cv::Mat> lumaOf(const drivers::CameraFrame& frame);

// The frame as 8-bit BGR (a copy unless the frame is already BGR, then a view as above).
Result<cv::Mat> bgrOf(const drivers::CameraFrame& frame);

// Reads an image file (PNG, JPEG, ...) as 8-bit BGR; "vision.image_file" with the reason when the
// file is missing or not a picture OpenCV can read.
Result<cv::Mat> readImageFile(const std::filesystem::path& path);

// `bgr` as a CameraFrame in BGR, for the commands and tests that feed files to the pipeline.
drivers::CameraFrame frameOf(const cv::Mat& bgr, Clock::TimePoint at = {}, std::uint64_t sequence = 0);

}  // namespace kiosk::vision
