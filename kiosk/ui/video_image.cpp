#include "kiosk/ui/video_image.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {
namespace {

struct Rgb {
    int r = 0;
    int g = 0;
    int b = 0;
};

// Integer BT.601 limited-range coefficients (scaled by 256), the ones video decoders use.
std::uint8_t lumaOf(Rgb p) { return static_cast<std::uint8_t>(((66 * p.r + 129 * p.g + 25 * p.b + 128) >> 8) + 16); }
std::uint8_t blueDiff(Rgb p) {
    return static_cast<std::uint8_t>(((-38 * p.r - 74 * p.g + 112 * p.b + 128) >> 8) + 128);
}
std::uint8_t redDiff(Rgb p) { return static_cast<std::uint8_t>(((112 * p.r - 94 * p.g - 18 * p.b + 128) >> 8) + 128); }

// Reads pixels of one source format; the conversion loop is instantiated once per format so the
// per-pixel switch disappears.
template <drivers::PixelFormat F>
Rgb pixelAt(const std::uint8_t* row, std::size_t x) {
    if constexpr (F == drivers::PixelFormat::Gray8) {
        const int v = row[x];
        return {v, v, v};
    } else if constexpr (F == drivers::PixelFormat::Bgr8) {
        const auto* p = row + 3 * x;
        return {p[2], p[1], p[0]};
    } else {
        const auto* p = row + 3 * x;
        return {p[0], p[1], p[2]};
    }
}

template <drivers::PixelFormat F>
void toYuv(const drivers::CameraFrame& frame, VideoImage& out) {
    const auto w = static_cast<std::size_t>(frame.size.width);
    const auto h = static_cast<std::size_t>(frame.size.height);
    const auto stride = frame.stride();
    const Size chroma = out.chromaSize();
    const auto cw = static_cast<std::size_t>(chroma.w);
    std::uint8_t* luma = out.bytes.data();
    std::uint8_t* planeU = luma + w * h;
    // I420 keeps U and V in planes of their own; NV12 interleaves them in one.
    const bool nv12 = out.layout == PixelLayout::Nv12;
    std::uint8_t* planeV = nv12 ? planeU + 1 : planeU + cw * static_cast<std::size_t>(chroma.h);
    const std::size_t step = nv12 ? 2 : 1;

    for (std::size_t cy = 0; cy < static_cast<std::size_t>(chroma.h); ++cy) {
        const std::size_t y0 = 2 * cy;
        const std::size_t y1 = std::min(y0 + 1, h - 1);
        const std::uint8_t* row0 = frame.pixels.data() + y0 * stride;
        const std::uint8_t* row1 = frame.pixels.data() + y1 * stride;
        std::uint8_t* luma0 = luma + y0 * w;
        std::uint8_t* luma1 = luma + y1 * w;
        std::uint8_t* u = planeU + cy * cw * step;
        std::uint8_t* v = planeV + cy * cw * step;
        for (std::size_t cx = 0; cx < cw; ++cx) {
            // At an odd right or bottom edge the block repeats its last pixel: the repeated
            // writes store the same value twice, which spares a test in every block.
            const std::size_t x0 = 2 * cx;
            const std::size_t x1 = std::min(x0 + 1, w - 1);
            const Rgb a = pixelAt<F>(row0, x0);
            const Rgb b = pixelAt<F>(row0, x1);
            const Rgb c = pixelAt<F>(row1, x0);
            const Rgb d = pixelAt<F>(row1, x1);
            luma0[x0] = lumaOf(a);
            luma0[x1] = lumaOf(b);
            luma1[x0] = lumaOf(c);
            luma1[x1] = lumaOf(d);
            const Rgb mean{(a.r + b.r + c.r + d.r + 2) / 4, (a.g + b.g + c.g + d.g + 2) / 4,
                           (a.b + b.b + c.b + d.b + 2) / 4};
            u[cx * step] = blueDiff(mean);
            v[cx * step] = redDiff(mean);
        }
    }
}

template <drivers::PixelFormat F>
void toRgb(const drivers::CameraFrame& frame, VideoImage& out) {
    const auto w = static_cast<std::size_t>(frame.size.width);
    const auto h = static_cast<std::size_t>(frame.size.height);
    if constexpr (F == drivers::PixelFormat::Rgb8) {
        std::copy_n(frame.pixels.begin(), static_cast<std::ptrdiff_t>(w * h * 3), out.bytes.begin());
    } else {
        std::uint8_t* dst = out.bytes.data();
        for (std::size_t y = 0; y < h; ++y) {
            const std::uint8_t* row = frame.pixels.data() + y * frame.stride();
            for (std::size_t x = 0; x < w; ++x, dst += 3) {
                const Rgb p = pixelAt<F>(row, x);
                dst[0] = static_cast<std::uint8_t>(p.r);
                dst[1] = static_cast<std::uint8_t>(p.g);
                dst[2] = static_cast<std::uint8_t>(p.b);
            }
        }
    }
}

template <drivers::PixelFormat F>
void convert(const drivers::CameraFrame& frame, VideoImage& out) {
    if (out.layout == PixelLayout::Rgb24)
        toRgb<F>(frame, out);
    else
        toYuv<F>(frame, out);
}

}  // namespace

std::size_t VideoImage::expectedBytes() const {
    if (layout == PixelLayout::Rgb24) return 3 * lumaBytes();
    const Size c = chromaSize();
    return lumaBytes() + 2 * static_cast<std::size_t>(c.w) * static_cast<std::size_t>(c.h);
}

void convertFrame(const drivers::CameraFrame& frame, PixelLayout layout, VideoImage& out) {
    out.layout = layout;
    out.size = Size{frame.size.width, frame.size.height};
    if (frame.size.empty() || frame.pixels.size() < frame.stride() * static_cast<std::size_t>(frame.size.height)) {
        out.size = {};
        out.bytes.clear();
        return;
    }
    out.bytes.resize(out.expectedBytes());
    switch (frame.format) {
    case drivers::PixelFormat::Bgr8: convert<drivers::PixelFormat::Bgr8>(frame, out); break;
    case drivers::PixelFormat::Rgb8: convert<drivers::PixelFormat::Rgb8>(frame, out); break;
    case drivers::PixelFormat::Gray8: convert<drivers::PixelFormat::Gray8>(frame, out); break;
    }
}

Rect coverSource(Size picture, Size box) {
    if (picture.w <= 0 || picture.h <= 0 || box.w <= 0 || box.h <= 0) return {};
    // Compare aspect ratios in integers: picture.w / picture.h against box.w / box.h.
    const long long wide = static_cast<long long>(picture.w) * box.h;
    const long long tall = static_cast<long long>(box.w) * picture.h;
    if (wide > tall) {
        const int w = static_cast<int>(tall / box.h);
        return {(picture.w - w) / 2, 0, w, picture.h};
    }
    const int h = static_cast<int>(wide / box.w);
    return {0, (picture.h - h) / 2, picture.w, h};
}

}  // namespace kiosk::ui
