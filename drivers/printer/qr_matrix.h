#pragma once
// The modules of a QR code (model 2, error correction M), from ZXing-cpp's writer. The one file
// in the drivers that names ZXing; the ESC/POS raster fallback and the simulated printer draw
// from this matrix.

#include <cstdint>
#include <string_view>
#include <vector>

#include "kiosk/base/result.h"

namespace kiosk::drivers {

struct QrMatrix {
    int size = 0;                    // modules per side, without the quiet zone
    std::vector<std::uint8_t> dark;  // size * size, row by row; 1 = dark

    bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)] != 0; }
};

// "qr.empty", or "qr.too_long" when the payload does not fit the largest QR code at level M.
Result<QrMatrix> encodeQr(std::string_view payload);

}  // namespace kiosk::drivers
