#pragma once
// A picture file as a camera frame, for kioskctl and for the tests and benchmarks that feed files to
// the vision code. Public: speaks drivers/api only.

#include <cstdint>
#include <filesystem>
#include <span>

#include "drivers/api/camera.h"
#include "kiosk/base/result.h"

namespace kiosk::vision {

// Reads a PNG, JPEG, ... as a frame in `format` (Gray8 decodes a JPEG's luma only, which is much
// cheaper). "vision.image_file" with the reason when the file is missing or not a picture.
Result<drivers::CameraFrame> readFrameFile(const std::filesystem::path& path,
                                           drivers::PixelFormat format = drivers::PixelFormat::Bgr8);

// The same for a picture in memory (a record's JPEG photo): "vision.image_bytes" when the bytes
// are not a picture.
Result<drivers::CameraFrame> decodeFrame(std::span<const std::uint8_t> bytes,
                                         drivers::PixelFormat format = drivers::PixelFormat::Bgr8);

}  // namespace kiosk::vision
