#pragma once
// QR codes for the screen, from ZXing-cpp's writer. The only file of kiosk_ui that sees ZXing.

#include <cstdint>
#include <string_view>
#include <vector>

#include "kiosk/base/result.h"

namespace kiosk::ui {

// The symbol's modules, row by row, without a quiet zone.
struct QrModules {
    int side = 0;
    std::vector<std::uint8_t> dark;  // 1 for a dark module

    bool at(int x, int y) const {
        return dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(side) + static_cast<std::size_t>(x)] != 0;
    }
};

// Error correction level M (15 % of the symbol may be lost). Error "qr.encode" when the text is
// empty or too long for a QR code.
Result<QrModules> encodeQr(std::string_view text);

}  // namespace kiosk::ui
