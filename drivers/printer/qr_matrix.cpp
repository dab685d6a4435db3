#include "drivers/printer/qr_matrix.h"

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/MultiFormatWriter.h>

#include <exception>
#include <string>

namespace kiosk::drivers {

namespace {
// MultiFormatWriter's QR levels: 0..8 in pairs, L M Q H; 4 is M (15 % of the symbol recoverable).
constexpr int kEccLevelM = 4;
}  // namespace

Result<QrMatrix> encodeQr(std::string_view payload) {
    if (payload.empty()) return makeError("qr.empty", "a QR code needs a payload");
    try {
        // ISO-8859-1 maps each byte to one character, so the symbol carries the payload's bytes
        // as they are, as the printer's own QR command does.
        const auto writer = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                                .setEncoding(ZXing::CharacterSet::ISO8859_1)
                                .setEccLevel(kEccLevelM)
                                .setMargin(0);
        std::wstring text(payload.begin(), payload.end());
        for (auto& c : text) c = static_cast<wchar_t>(static_cast<unsigned char>(c));
        // A 1 x 1 request gives one pixel per module: the writer never draws smaller than that.
        const ZXing::BitMatrix bits = writer.encode(text, 1, 1);
        QrMatrix matrix;
        matrix.size = bits.width();
        matrix.dark.resize(static_cast<std::size_t>(bits.width() * bits.height()));
        for (int y = 0; y < bits.height(); ++y)
            for (int x = 0; x < bits.width(); ++x)
                matrix.dark[static_cast<std::size_t>(y * matrix.size + x)] = bits.get(x, y);
        return matrix;
    } catch (const std::exception& e) {
        return makeError("qr.too_long", std::string("cannot encode the QR code: ") + e.what());
    }
}

}  // namespace kiosk::drivers
