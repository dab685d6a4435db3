// The camera's barcode reader on drawn frames: each format, the cases one plain ZXing call misses
// (an off-centre DataMatrix, low contrast, a tiny QR), the format filter, and malformed frames.

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "kiosk/vision/barcode_reader.h"
#include "tests/unit/code_test_images.h"

namespace kiosk::test {
namespace {

using vision::BarcodeFormat;
using vision::BarcodeFormats;

vision::BarcodeReader reader() { return vision::BarcodeReader({}, tickingClock()); }

std::vector<vision::Barcode> read(const cv::Mat& gray, BarcodeFormats formats = BarcodeFormats::all()) {
    auto codes = reader().read(grayFrame(gray), formats);
    EXPECT_TRUE(codes.ok()) << (codes.ok() ? "" : codes.error().detail);
    return codes.ok() ? *codes : std::vector<vision::Barcode>{};
}

struct FormatCase {
    ZXing::BarcodeFormat zxing;
    BarcodeFormat format;
    const char* text;
    int modulePx;
};

void PrintTo(const FormatCase& c, std::ostream* os) { *os << vision::barcodeFormatName(c.format); }

class EachFormat : public ::testing::TestWithParam<FormatCase> {};

TEST_P(EachFormat, ReadsTheExactTextOffCentreInAClutteredFrame) {
    const auto& c = GetParam();
    const cv::Mat frame = frameWith(renderCode(c.zxing, c.text, c.modulePx), {820, 90});
    const auto codes = read(frame);
    ASSERT_EQ(codes.size(), 1u);
    EXPECT_EQ(codes[0].format, c.format);
    EXPECT_EQ(codes[0].text, c.text);
    EXPECT_EQ(std::string(codes[0].bytes.begin(), codes[0].bytes.end()), c.text);
}

INSTANTIATE_TEST_SUITE_P(
    Formats, EachFormat,
    ::testing::Values(FormatCase{ZXing::BarcodeFormat::QRCode, BarcodeFormat::QrCode, "https://loket.example/r/A1", 4},
                      FormatCase{ZXing::BarcodeFormat::PDF417, BarcodeFormat::Pdf417, "PDF-417 0123456789", 3},
                      FormatCase{ZXing::BarcodeFormat::DataMatrix, BarcodeFormat::DataMatrix, "DM|REG-2026-000042", 5},
                      FormatCase{ZXing::BarcodeFormat::Aztec, BarcodeFormat::Aztec, "AZTEC 2026-11-29", 6},
                      FormatCase{ZXing::BarcodeFormat::Code128, BarcodeFormat::Code128, "REG-2026-000042", 3}),
    [](const auto& param) { return std::string(vision::barcodeFormatName(param.param.format)); });

TEST(BarcodeReader, FindsADataMatrixFarFromTheMiddleThatOneZxingCallMisses) {
    const cv::Mat frame =
        frameWith(renderCode(ZXing::BarcodeFormat::DataMatrix, "KIOSK-JKT-01|0042", 4), {60, 560}, false);
    const auto codes = read(frame);
    ASSERT_EQ(codes.size(), 1u);
    EXPECT_EQ(codes[0].text, "KIOSK-JKT-01|0042");
    // The corners land on the code in frame pixels, for the overlay.
    for (const auto& p : codes[0].corners) {
        EXPECT_GE(p.x, 60);
        EXPECT_LE(p.x, 60 + 140);
        EXPECT_GE(p.y, 560);
        EXPECT_LE(p.y, 720);
    }
}

TEST(BarcodeReader, ReadsALowContrastQrCode) {
    cv::Mat frame = frameWith(renderCode(ZXing::BarcodeFormat::QRCode, "LOW-CONTRAST-7", 4), {500, 300});
    frame.convertTo(frame, CV_8U, 0.25, 100);  // black 100, white 164
    cv::GaussianBlur(frame, frame, {}, 0.8);
    const auto codes = read(frame);
    ASSERT_EQ(codes.size(), 1u);
    EXPECT_EQ(codes[0].text, "LOW-CONTRAST-7");
}

TEST(BarcodeReader, ReadsATinyQrCodeByEnlargingIt) {
    // Two pixels a module, softened as a camera lens would.
    cv::Mat frame = frameWith(renderCode(ZXing::BarcodeFormat::QRCode, "TINY-0001", 2), {900, 400});
    cv::GaussianBlur(frame, frame, {}, 0.7);
    const auto codes = read(frame);
    ASSERT_EQ(codes.size(), 1u);
    EXPECT_EQ(codes[0].text, "TINY-0001");
}

TEST(BarcodeReader, ReadsACode128DrownedInSensorNoiseByAveragingAlongItsBars) {
    // Three pixels a module at low contrast under heavy sensor noise: every other pass misses it,
    // the columns averaged along the bars read.
    cv::Mat frame = frameWith(renderCode(ZXing::BarcodeFormat::Code128, "NOISY-128-0007", 3), {300, 250}, false);
    frame.convertTo(frame, CV_8U, 0.3, 90);
    cv::Mat noise(frame.size(), CV_16SC1);
    cv::RNG rng(20261208);
    rng.fill(noise, cv::RNG::NORMAL, 0, 20);
    cv::Mat noisy;
    frame.convertTo(noisy, CV_16SC1);
    noisy += noise;
    noisy.convertTo(frame, CV_8U);
    const auto codes = read(frame, {BarcodeFormat::Code128});
    ASSERT_EQ(codes.size(), 1u);
    EXPECT_EQ(codes[0].text, "NOISY-128-0007");
}

TEST(BarcodeReader, LooksOnlyForTheFormatsAsked) {
    const cv::Mat frame = frameWith(renderCode(ZXing::BarcodeFormat::QRCode, "ONLY-QR", 4), {600, 200});
    EXPECT_TRUE(read(frame, {BarcodeFormat::Code128, BarcodeFormat::Pdf417}).empty());
    EXPECT_TRUE(read(frame, BarcodeFormats{}).empty());
    EXPECT_EQ(read(frame, {BarcodeFormat::QrCode}).size(), 1u);
}

TEST(BarcodeReader, ReportsACodeSeenTwiceInOneFrameOnce) {
    // Stuck twice on one form: the same code, found by every pass that finds either.
    const cv::Mat code = renderCode(ZXing::BarcodeFormat::QRCode, "TWICE", 4);
    cv::Mat frame = frameWith(code, {100, 350}, false);
    code.copyTo(frame(cv::Rect({900, 350}, code.size())));
    const auto codes = read(frame);
    ASSERT_EQ(codes.size(), 1u);
    EXPECT_EQ(codes[0].text, "TWICE");
}

TEST(BarcodeReader, StopsAtTheFirstPassThatReadsACode) {
    cv::Mat frame = frameWith(renderCode(ZXing::BarcodeFormat::QRCode, "FIRST", 4), {100, 350}, false);
    const cv::Mat second = renderCode(ZXing::BarcodeFormat::QRCode, "SECOND", 4);
    second.copyTo(frame(cv::Rect({900, 350}, second.size())));
    const auto codes = read(frame);
    ASSERT_FALSE(codes.empty());
    for (const auto& c : codes) EXPECT_TRUE(c.text == "FIRST" || c.text == "SECOND") << c.text;
}

TEST(BarcodeReader, FindsNothingInAFrameWithoutACode) {
    const cv::Mat frame = frameWith(cv::Mat(10, 10, CV_8UC1, cv::Scalar(150)), {0, 0});
    EXPECT_TRUE(read(frame).empty());
}

TEST(BarcodeReader, ReadsColourFramesInEveryPixelFormat) {
    const cv::Mat gray = frameWith(renderCode(ZXing::BarcodeFormat::QRCode, "COLOUR", 4), {300, 300});
    cv::Mat bgr;
    cv::cvtColor(gray, bgr, cv::COLOR_GRAY2BGR);
    for (const auto format : {drivers::PixelFormat::Bgr8, drivers::PixelFormat::Rgb8}) {
        drivers::CameraFrame f{{}, 1, {bgr.cols, bgr.rows}, format, {}};
        f.pixels.assign(bgr.ptr<std::uint8_t>(), bgr.ptr<std::uint8_t>() + bgr.total() * 3);
        const auto codes = reader().read(f, BarcodeFormats::all());
        ASSERT_TRUE(codes.ok());
        ASSERT_EQ(codes->size(), 1u);
        EXPECT_EQ((*codes)[0].text, "COLOUR");
    }
}

TEST(BarcodeReader, RefusesAFrameWithoutPixels) {
    const auto codes = reader().read(drivers::CameraFrame{}, BarcodeFormats::all());
    ASSERT_FALSE(codes.ok());
    EXPECT_EQ(codes.error().code, "vision.frame");
}

TEST(BarcodeReader, RefusesAFrameWhoseBufferDoesNotMatchItsSize) {
    drivers::CameraFrame f{{}, 0, {640, 480}, drivers::PixelFormat::Bgr8, std::vector<std::uint8_t>(640 * 480)};
    const auto codes = reader().read(f, BarcodeFormats::all());
    ASSERT_FALSE(codes.ok());
    EXPECT_EQ(codes.error().code, "vision.frame");
}

TEST(BarcodeReader, ReadsNothingInAFrameTooSmallToHoldACode) {
    drivers::CameraFrame f{{}, 0, {3, 2}, drivers::PixelFormat::Gray8, std::vector<std::uint8_t>(6, 0)};
    const auto codes = reader().read(f, BarcodeFormats::all());
    ASSERT_TRUE(codes.ok());
    EXPECT_TRUE(codes->empty());
}

TEST(BarcodeReader, StopsWhenTheBudgetIsSpent) {
    // An off-centre DataMatrix needs the crops; with the budget spent at the first look there are none.
    const cv::Mat frame =
        frameWith(renderCode(ZXing::BarcodeFormat::DataMatrix, "KIOSK-JKT-01|0042", 4), {60, 560}, false);
    const vision::BarcodeReader hurried({std::chrono::milliseconds(0)}, tickingClock());
    const auto codes = hurried.read(grayFrame(frame), BarcodeFormats::all());
    ASSERT_TRUE(codes.ok());
    EXPECT_TRUE(codes->empty());
}

TEST(BarcodeFormatNames, AreZxingsAndRoundTrip) {
    EXPECT_EQ(vision::barcodeFormatName(BarcodeFormat::QrCode), "QRCode");
    EXPECT_EQ(vision::barcodeFormatName(BarcodeFormat::Code128), "Code128");
    for (const auto f : vision::kAllBarcodeFormats)
        EXPECT_EQ(vision::barcodeFormatFromName(vision::barcodeFormatName(f)), f);
    EXPECT_FALSE(vision::barcodeFormatFromName("QR").has_value());
}

}  // namespace
}  // namespace kiosk::test
