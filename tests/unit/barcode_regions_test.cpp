// Where the barcode reader looks: the candidate regions of a frame. A bar code's wide spaces can
// break it into pieces; the pieces come back joined as well, and unrelated areas stay apart.

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include <sstream>

#include "kiosk/vision/barcode_regions.h"
#include "tests/unit/code_test_images.h"

namespace kiosk::test {
namespace {

float longSide(const cv::RotatedRect& box) { return std::max(box.size.width, box.size.height); }

// The code's drawn extent in the frame, quiet zone excluded.
cv::Rect inkOf(const cv::Mat& code, cv::Point at, int modulePx) {
    const int quiet = 4 * modulePx;
    return {at.x + quiet, at.y + quiet, code.cols - 2 * quiet, code.rows - 2 * quiet};
}

TEST(CodeRegions, ABarCodeSplitByItsWideSpacesIsAlsoOfferedWhole) {
    // Five pixels a module: a four-module space is 20 frame pixels, wider than the edge density
    // joins, so the symbol falls apart into pieces of the same height in one line.
    const int module = 5;
    const cv::Mat code = renderCode(ZXing::BarcodeFormat::Code128, "W 4242", module);
    const cv::Point at{140, 380};
    const cv::Mat frame = frameWith(code, at);
    const cv::Rect ink = inkOf(code, at, module);
    ASSERT_LT(ink.br().x, frame.cols) << "the test's code must fit the frame unmoved";

    const auto regions = vision::findCodeRegions(frame, 8);
    const cv::Point2f middle(static_cast<float>(ink.x) + static_cast<float>(ink.width) / 2,
                             static_cast<float>(ink.y) + static_cast<float>(ink.height) / 2);
    const auto width = static_cast<float>(ink.width);
    const auto height = static_cast<float>(ink.height);
    const auto whole = std::find_if(regions.begin(), regions.end(), [&](const vision::CodeRegion& r) {
        return longSide(r.box) >= 0.85F * width && std::abs(r.box.center.x - middle.x) < 0.05F * width &&
               std::abs(r.box.center.y - middle.y) < 0.1F * height;
    });
    std::ostringstream seen;
    for (const auto& r : regions) seen << ' ' << r.box.center << ' ' << r.box.size << ' ' << r.box.angle << ';';
    ASSERT_NE(whole, regions.end()) << "the code spans " << ink << "; regions:" << seen.str();
    // The whole code ranks above each of its pieces.
    for (auto r = regions.begin(); r != whole; ++r) EXPECT_FALSE(ink.contains(r->box.center));
}

TEST(CodeRegions, CodesOfDifferentSizesOrOutOfLineAreNotJoined) {
    cv::Mat frame(720, 1280, CV_8UC1, cv::Scalar(150));
    const cv::Mat small = renderCode(ZXing::BarcodeFormat::QRCode, "LEFT", 4);
    const cv::Mat large = renderCode(ZXing::BarcodeFormat::QRCode, "RIGHT SIDE, TWICE AS LARGE", 6);
    small.copyTo(frame(cv::Rect({200, 300}, small.size())));
    large.copyTo(frame(cv::Rect({200 + small.cols + 20, 300}, large.size())));
    const cv::Mat below = renderCode(ZXing::BarcodeFormat::QRCode, "BELOW", 4);
    below.copyTo(frame(cv::Rect({200, 300 + large.rows + 20}, below.size())));

    for (const auto& r : vision::findCodeRegions(frame, 8))
        EXPECT_LT(longSide(r.box), 1.3F * static_cast<float>(large.cols)) << "joined at " << r.box.center;
}

}  // namespace
}  // namespace kiosk::test
