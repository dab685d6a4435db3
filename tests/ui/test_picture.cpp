#include "tests/ui/test_picture.h"

#include <cstddef>
#include <cstdint>

namespace kiosk::ui::testing {
namespace {

struct Bgr {
    std::uint8_t b, g, r;
};

void put(drivers::CameraFrame& f, int x, int y, Bgr c) {
    const auto i =
        (static_cast<std::size_t>(y) * static_cast<std::size_t>(f.size.width) + static_cast<std::size_t>(x)) * 3;
    f.pixels[i] = c.b;
    f.pixels[i + 1] = c.g;
    f.pixels[i + 2] = c.r;
}

}  // namespace

drivers::CameraFrame makeTestPicture(int width, int height, int phase) {
    drivers::CameraFrame f;
    f.size = {width, height};
    f.format = drivers::PixelFormat::Bgr8;
    f.sequence = static_cast<std::uint64_t>(phase);
    f.pixels.assign(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3, 0);
    const Bgr wall{0xB8, 0xC4, 0xC9};
    const Bgr shirt{0x7A, 0x4A, 0x2E};
    const Bgr skin{0x6E, 0x9A, 0xC8};
    const Bgr card{0xE8, 0xEE, 0xF0};
    const Bgr stripe{0x80, 0x50, 0x20};
    const int shift = (phase * 7) % (width / 8 + 1);
    const int cx = width / 3 + shift;
    const int cy = height * 2 / 5;
    const int rx = width / 9;
    const int ry = height / 4;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            Bgr c = y > height * 3 / 4 ? shirt : wall;
            const long dx = x - cx;
            const long dy = y - cy;
            if (dx * dx * ry * ry + dy * dy * rx * rx <= static_cast<long>(rx) * rx * ry * ry) c = skin;
            const bool inCard =
                x > width * 3 / 5 - shift && x < width * 9 / 10 - shift && y > height / 4 && y < height * 3 / 5;
            if (inCard) c = y < height / 4 + height / 14 ? stripe : card;
            put(f, x, y, c);
        }
    return f;
}

}  // namespace kiosk::ui::testing
