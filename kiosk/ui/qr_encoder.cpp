#include "kiosk/ui/qr_encoder.h"

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <exception>
#include <string>

namespace kiosk::ui {

Result<QrModules> encodeQr(std::string_view text) {
    if (text.empty()) return makeError("qr.encode", "nothing to encode");
    // ZXing reports misuse and overlong input by throwing; it stops here.
    try {
        // Levels count 0..8 in pairs of L, M, Q, H: 4 is M. A margin of 0: the widget adds the
        // quiet zone, and 1x1 asks for one pixel per module.
        const auto writer = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode).setEccLevel(4).setMargin(0);
        const ZXing::BitMatrix bits = writer.encode(std::string(text), 1, 1);
        if (bits.width() != bits.height() || bits.width() <= 0)
            return makeError("qr.encode", "the writer gave a matrix that is not square");
        QrModules modules;
        modules.side = bits.width();
        modules.dark.resize(static_cast<std::size_t>(modules.side) * static_cast<std::size_t>(modules.side));
        for (int y = 0; y < modules.side; ++y)
            for (int x = 0; x < modules.side; ++x)
                modules.dark[static_cast<std::size_t>(y * modules.side + x)] = bits.get(x, y) ? 1 : 0;
        return modules;
    } catch (const std::exception& e) {
        return makeError("qr.encode", e.what());
    }
}

}  // namespace kiosk::ui
