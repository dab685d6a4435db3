#include "kiosk/vision/barcode.h"

namespace kiosk::vision {

std::string_view barcodeFormatName(BarcodeFormat f) {
    switch (f) {
    case BarcodeFormat::QrCode: return "QRCode";
    case BarcodeFormat::Pdf417: return "PDF417";
    case BarcodeFormat::DataMatrix: return "DataMatrix";
    case BarcodeFormat::Aztec: return "Aztec";
    case BarcodeFormat::Code128: return "Code128";
    }
    return "unknown";
}

std::optional<BarcodeFormat> barcodeFormatFromName(std::string_view name) {
    for (const auto f : kAllBarcodeFormats)
        if (barcodeFormatName(f) == name) return f;
    return std::nullopt;
}

}  // namespace kiosk::vision
