#include "kiosk/vision/zxing_adapter.h"

// The UTF-8 text() of ZXing 1.4; without it the header warns that text() is about to change.
#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>

#include <exception>
#include <string>

namespace kiosk::vision {
namespace {

ZXing::BarcodeFormats zxingFormats(BarcodeFormats formats) {
    ZXing::BarcodeFormats out;
    if (formats.contains(BarcodeFormat::QrCode)) out |= ZXing::BarcodeFormat::QRCode;
    if (formats.contains(BarcodeFormat::Pdf417)) out |= ZXing::BarcodeFormat::PDF417;
    if (formats.contains(BarcodeFormat::DataMatrix)) out |= ZXing::BarcodeFormat::DataMatrix;
    if (formats.contains(BarcodeFormat::Aztec)) out |= ZXing::BarcodeFormat::Aztec;
    if (formats.contains(BarcodeFormat::Code128)) out |= ZXing::BarcodeFormat::Code128;
    return out;
}

std::optional<BarcodeFormat> ourFormat(ZXing::BarcodeFormat f) {
    switch (f) {
    case ZXing::BarcodeFormat::QRCode: return BarcodeFormat::QrCode;
    case ZXing::BarcodeFormat::PDF417: return BarcodeFormat::Pdf417;
    case ZXing::BarcodeFormat::DataMatrix: return BarcodeFormat::DataMatrix;
    case ZXing::BarcodeFormat::Aztec: return BarcodeFormat::Aztec;
    case ZXing::BarcodeFormat::Code128: return BarcodeFormat::Code128;
    default: return std::nullopt;
    }
}

ZXing::Binarizer zxingBinarizer(ZxingBinarizer b) {
    switch (b) {
    case ZxingBinarizer::LocalAverage: return ZXing::Binarizer::LocalAverage;
    case ZxingBinarizer::GlobalHistogram: return ZXing::Binarizer::GlobalHistogram;
    case ZxingBinarizer::FixedThreshold: return ZXing::Binarizer::FixedThreshold;
    case ZxingBinarizer::BoolCast: return ZXing::Binarizer::BoolCast;
    }
    return ZXing::Binarizer::LocalAverage;
}

PixelPoint pointOf(const ZXing::PointI& p) { return {p.x, p.y}; }

}  // namespace

Result<std::vector<Barcode>> zxingRead(const cv::Mat& luma, const ZxingPass& pass) {
    if (luma.empty() || luma.type() != CV_8UC1)
        return makeError("vision.zxing", "ZXing is given 8-bit grey images only");
    if (pass.formats.empty()) return std::vector<Barcode>{};
    // Debian's ZXing 1.4.0 is built with assertions, and merging a Code 128 read in its downscaled
    // copy with the same code read at full size fails one (Result::operator==): the process aborts.
    // Linear codes are therefore never read with ZXing's own downscaling; the reader scales itself.
    const bool linear = pass.formats.contains(BarcodeFormat::Code128);
    const auto hints = ZXing::DecodeHints()
                           .setFormats(zxingFormats(pass.formats))
                           .setBinarizer(zxingBinarizer(pass.binarizer))
                           .setTryHarder(pass.tryHarder)
                           .setTryRotate(pass.tryRotate)
                           .setTryDownscale(pass.tryDownscale && !linear);
    const ZXing::ImageView view(luma.ptr<std::uint8_t>(), luma.cols, luma.rows, ZXing::ImageFormat::Lum,
                                static_cast<int>(luma.step[0]));
    std::vector<Barcode> found;
    try {
        for (const auto& r : ZXing::ReadBarcodes(view, hints)) {
            const auto format = ourFormat(r.format());
            if (!r.isValid() || !format) continue;
            Barcode b;
            b.format = *format;
            b.text = r.text();
            b.bytes.assign(r.bytes().begin(), r.bytes().end());
            const auto& q = r.position();
            b.corners = {pointOf(q.topLeft()), pointOf(q.topRight()), pointOf(q.bottomRight()),
                         pointOf(q.bottomLeft())};
            found.push_back(std::move(b));
        }
    } catch (const std::exception& e) {
        return makeError("vision.zxing", e.what());
    }
    return found;
}

}  // namespace kiosk::vision
