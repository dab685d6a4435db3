#include "drivers/printer/escpos_encoder.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <variant>

#include "drivers/printer/code_page.h"
#include "drivers/printer/qr_matrix.h"

namespace kiosk::drivers {

namespace {

constexpr char ESC = '\x1b';
constexpr char GS = '\x1d';
constexpr char LF = '\x0a';
// Raster images go in bands: some printers' receive buffers cannot hold one tall image.
constexpr int kRasterBandRows = 128;

char byte(int value) { return static_cast<char>(static_cast<std::uint8_t>(value)); }

class Encoder {
public:
    Encoder(const ReceiptGeometry& geometry, QrMethod qr) : geometry_(geometry), qr_(qr) {
        out_ += {ESC, '@'};
        out_ += {ESC, 't', byte(kWpc1252Table)};
    }

    Result<void> operator()(const TextLine& line) {
        setAlignment(line.alignment);
        if (line.size != size_) {
            size_ = line.size;
            out_ += {GS, '!', byte(size_ == TextSize::Double ? 0x11 : 0x00)};
        }
        if (line.bold != bold_) {
            bold_ = line.bold;
            out_ += {ESC, 'E', byte(bold_ ? 1 : 0)};
        }
        out_ += toWpc1252(line.text);
        out_ += LF;
        return {};
    }

    Result<void> operator()(const QrCode& qr) {
        auto matrix = encodeQr(qr.payload);
        if (!matrix) return matrix.error();
        const int module = geometry_.moduleDotsFor(matrix->size);
        if (module == 0)
            return makeError("qr.too_large",
                             "the QR code does not fit across " + std::to_string(geometry_.dotsWide) + " dots");
        setAlignment(qr.alignment);
        feedDots(ReceiptGeometry::kQuietModules * module);
        if (qr_ == QrMethod::Native)
            nativeQr(qr.payload, module);
        else
            rasterQr(*matrix, module, qr.alignment);
        feedDots(ReceiptGeometry::kQuietModules * module);
        return {};
    }

    Result<void> operator()(const PaperFeed& feed) {
        out_ += {ESC, 'd', byte(std::clamp(feed.lines, 0, 255))};
        return {};
    }

    Result<void> operator()(const Cut&) {
        out_ += {ESC, 'd', byte(geometry_.cutFeedLines)};
        out_ += {GS, 'V', byte(1)};
        return {};
    }

    std::string take() { return std::move(out_); }

private:
    void setAlignment(Alignment alignment) {
        if (alignment == alignment_) return;
        alignment_ = alignment;
        out_ += {ESC, 'a', byte(alignment_ == Alignment::Centre ? 1 : 0)};
    }

    void feedDots(int dots) { out_ += {ESC, 'J', byte(std::min(dots, 255))}; }

    // GS ( k pL pH cn fn [parameters], cn 49 (0x31) being QR Code.
    void qrFunction(char fn, std::string_view parameters) {
        const auto length = parameters.size() + 2;
        out_ += {GS, '(', 'k', byte(static_cast<int>(length & 0xFF)), byte(static_cast<int>(length >> 8)), '1', fn};
        out_ += parameters;
    }

    void nativeQr(std::string_view payload, int module) {
        qrFunction('A', std::string_view("2\0", 2));               // fn 65: model 2
        qrFunction('C', std::string(1, byte(module)));             // fn 67: module size in dots
        qrFunction('E', "1");                                      // fn 69: error correction M ('1' is 49)
        qrFunction('P', std::string("0") + std::string(payload));  // fn 80: store the data
        qrFunction('Q', "0");                                      // fn 81: print it
    }

    void rasterQr(const QrMatrix& matrix, int module, Alignment alignment) {
        // A full-width image with the code already placed: ESC a does not move raster images
        // on every printer.
        const int side = matrix.size * module;
        const int left = alignment == Alignment::Centre ? (geometry_.dotsWide - side) / 2 : 0;
        const int rowBytes = geometry_.dotsWide / 8;
        for (int top = 0; top < side; top += kRasterBandRows) {
            const int rows = std::min(kRasterBandRows, side - top);
            out_ +=
                {GS, 'v', '0', byte(0), byte(rowBytes & 0xFF), byte(rowBytes >> 8), byte(rows & 0xFF), byte(rows >> 8)};
            for (int y = top; y < top + rows; ++y) {
                for (int column = 0; column < rowBytes; ++column) {
                    int bits = 0;
                    for (int bit = 0; bit < 8; ++bit) {
                        const int x = column * 8 + bit - left;
                        const bool dark = x >= 0 && x < side && matrix.at(x / module, y / module);
                        if (dark) bits |= 0x80 >> bit;  // the leftmost dot is the high bit
                    }
                    out_ += byte(bits);
                }
            }
        }
    }

    const ReceiptGeometry& geometry_;
    QrMethod qr_;
    std::string out_;
    // What ESC @ leaves set.
    Alignment alignment_ = Alignment::Left;
    TextSize size_ = TextSize::Normal;
    bool bold_ = false;
};

}  // namespace

Result<std::string> encodeEscPos(const ReceiptDocument& receipt, const ReceiptGeometry& geometry, QrMethod qr) {
    if (auto ok = validateGeometry(geometry); !ok) return ok.error();
    Encoder encoder(geometry, qr);
    for (const auto& element : receipt.elements)
        if (auto ok = std::visit(encoder, element); !ok) return ok.error();
    return encoder.take();
}

}  // namespace kiosk::drivers
