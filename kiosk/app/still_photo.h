#pragma once
// A picture held still in front of the camera, as the scenario scripts give it ("camera FILE"):
// the face photo taker sees the same frame until it takes the photo or gives up. Lives on the
// thread that calls it.

#include <cstdint>
#include <filesystem>
#include <vector>

#include "kiosk/base/result.h"

namespace kiosk::app {

// The JPEG the kiosk would keep. "vision.image_file" for an unreadable file; "photo.not_taken"
// (with the last advice in the detail) when the picture never passes the quality checks.
Result<std::vector<std::uint8_t>> photoFromStill(const std::filesystem::path& image);

}  // namespace kiosk::app
