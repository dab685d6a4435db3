#pragma once
// A picture file as a camera frame, for kioskctl and for the tests and benchmarks that feed files to
// the vision code. Public: speaks drivers/api only.

#include <filesystem>

#include "drivers/api/camera.h"
#include "kiosk/base/result.h"

namespace kiosk::vision {

// Reads a PNG, JPEG, ... as a frame in `format` (Gray8 decodes a JPEG's luma only, which is much
// cheaper). "vision.image_file" with the reason when the file is missing or not a picture.
Result<drivers::CameraFrame> readFrameFile(const std::filesystem::path& path,
                                           drivers::PixelFormat format = drivers::PixelFormat::Bgr8);

}  // namespace kiosk::vision
