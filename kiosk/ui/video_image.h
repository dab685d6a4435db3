#pragma once
// A camera picture ready for the screen. The preview streams the frame as planar YUV 4:2:0, the
// format video textures are made for: a byte and a half a pixel instead of three (RGB), and the
// GPU, or SDL's software renderer, converts while it draws. Pure: no SDL here.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "drivers/api/camera.h"
#include "kiosk/ui/geometry.h"

namespace kiosk::ui {

enum class PixelLayout {
    I420,   // Y plane, then U, then V, each chroma plane at half width and height (SDL's IYUV)
    Nv12,   // Y plane, then U and V interleaved at half width and height
    Rgb24,  // 3 bytes a pixel, red first: the costly way, kept for comparison
};

struct VideoImage {
    Size size;
    PixelLayout layout = PixelLayout::I420;
    std::vector<std::uint8_t> bytes;  // the planes back to back, rows without padding

    // Chroma planes round odd sizes up.
    Size chromaSize() const { return {(size.w + 1) / 2, (size.h + 1) / 2}; }
    std::size_t lumaBytes() const { return static_cast<std::size_t>(size.w) * static_cast<std::size_t>(size.h); }
    std::size_t expectedBytes() const;
};

// Converts a camera frame (Bgr8, Rgb8 or Gray8) into `out`, reusing its buffer, so that a preview
// streaming every frame allocates nothing after the first one. BT.601 limited range, as video
// textures expect; chroma is the mean of each 2x2 block. A frame whose buffer is too short for
// its size leaves `out` empty.
void convertFrame(const drivers::CameraFrame& frame, PixelLayout layout, VideoImage& out);

// The part of the picture to show so that it covers `box` without distortion: cropped equally on
// the two sides that are too long.
Rect coverSource(Size picture, Size box);

}  // namespace kiosk::ui
