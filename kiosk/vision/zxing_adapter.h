#pragma once
// Every call into ZXing-cpp, behind one function. Private to kiosk/vision: it speaks cv::Mat, and
// ZXing's own types never leave zxing_adapter.cpp.

#include <opencv2/core.hpp>

#include <vector>

#include "kiosk/base/result.h"
#include "kiosk/vision/barcode.h"

namespace kiosk::vision {

// How ZXing turns grey into black and white before it looks for symbols.
enum class ZxingBinarizer { LocalAverage, GlobalHistogram, FixedThreshold, BoolCast };

struct ZxingPass {
    BarcodeFormats formats = BarcodeFormats::all();
    ZxingBinarizer binarizer = ZxingBinarizer::LocalAverage;
    bool tryHarder = true;     // denser scan lines and more finder-pattern candidates
    bool tryRotate = false;    // also the image turned by 90, 180 and 270 degrees
    bool tryDownscale = true;  // also ZXing's own downscaled copies (never with Code 128: see the .cpp)
};

// Decodes every symbol ZXing finds in `luma` (8-bit, one channel, any row stride). Corners come
// back in `luma`'s pixels. ReadBarcodes, never ReadBarcode: the single call misses some PDF417
// that the plural one finds. Fails with "vision.zxing" when ZXing throws (it should not).
Result<std::vector<Barcode>> zxingRead(const cv::Mat& luma, const ZxingPass& pass);

}  // namespace kiosk::vision
