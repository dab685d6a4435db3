#pragma once
// The OpenCV glue of drivers/camera: cv::Mat in, CameraFrame out. Private to drivers/camera; no
// header outside this folder includes OpenCV.

#include <opencv2/core.hpp>

#include "drivers/api/camera.h"
#include "kiosk/base/result.h"

namespace kiosk::drivers {

// Any 8-bit image (grey, BGR, BGRA) as 8-bit BGR ("camera.pixels" for anything else).
Result<cv::Mat> asBgr(const cv::Mat& image);

// Scales `bgr` to `size` (when it differs) and converts it to `format`.
Result<CameraFrame> toCameraFrame(const cv::Mat& bgr, FrameSize size, PixelFormat format, Clock::TimePoint at,
                                  std::uint64_t sequence);

}  // namespace kiosk::drivers
