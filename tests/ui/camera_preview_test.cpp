// The camera preview drawn for real: a flat-coloured frame streamed as I420, NV12 and RGB24 shows
// its colour on screen (so the conversion and the texture upload agree), the guide dims the
// picture around the oval but not inside it, and the renderer names the layout it streams best.
// The on-screen QR code, drawn the same way, reads back as its text.

// ZXing 1.4 hands out text as UTF-8 only when asked to.
#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>

#include "kiosk/ui/camera_preview.h"
#include "kiosk/ui/display.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/qr_code.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/video_image.h"

namespace kiosk::ui {
namespace {

const std::filesystem::path kAssets = LOKET_SOURCE_ASSETS_DIR;
constexpr Size kWindow{1366, 768};

drivers::CameraFrame flatFrame(std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    drivers::CameraFrame f;
    f.size = {320, 180};
    f.format = drivers::PixelFormat::Bgr8;
    for (int i = 0; i < 320 * 180; ++i) f.pixels.insert(f.pixels.end(), {b, g, r});
    return f;
}

struct Rgb {
    int r, g, b;
};
Rgb at(const Image& image, Point p) {
    const auto v = image.pixels[static_cast<std::size_t>(p.y * image.size.w + p.x)];
    return {static_cast<int>((v >> 16) & 0xFFU), static_cast<int>((v >> 8) & 0xFFU), static_cast<int>(v & 0xFFU)};
}

class PreviewTest : public ::testing::TestWithParam<PixelLayout> {
protected:
    void SetUp() override {
        auto display = Display::open(DisplayOptions{VideoMode::Offscreen, kWindow, kAssets});
        ASSERT_TRUE(display) << display.error().detail;
        display_.emplace(std::move(display).value());
    }
    Image draw(const drivers::CameraFrame& frame, CameraGuide guide) {
        convertFrame(frame, GetParam(), picture_);
        cameraPreview(display_->painter(), kArea, metricsFor(kWindow),
                      CameraPreviewSpec{&picture_, guide, false, "hint", "waiting"});
        auto image = display_->capture();
        EXPECT_TRUE(image);
        return image ? std::move(image).value() : Image{};
    }

    static constexpr Rect kArea{100, 100, 640, 460};
    std::optional<Display> display_;
    VideoImage picture_;
};

TEST_P(PreviewTest, ShowsTheFramesColour) {
    const Image image = draw(flatFrame(200, 120, 40), CameraGuide::None);
    const auto l = layoutCameraPreview(kArea, CameraGuide::None, metricsFor(kWindow));
    const Rgb c = at(image, l.picture.centre());
    // YUV 4:2:0 in limited range and back loses a little.
    EXPECT_NEAR(c.r, 200, 6);
    EXPECT_NEAR(c.g, 120, 6);
    EXPECT_NEAR(c.b, 40, 6);
}

TEST_P(PreviewTest, TheGuideDimsOnlyAroundTheOval) {
    const Image image = draw(flatFrame(230, 230, 230), CameraGuide::Face);
    const auto l = layoutCameraPreview(kArea, CameraGuide::Face, metricsFor(kWindow));
    const Rgb inside = at(image, l.guide.centre());
    const Rgb corner = at(image, Point{l.picture.x + 5, l.picture.y + 5});
    const Rgb besideOval = at(image, Point{l.guide.x + 3, l.guide.y + 3});  // in the box, outside the oval
    EXPECT_GT(inside.g, 200);
    EXPECT_LT(corner.g, 120);
    EXPECT_LT(besideOval.g, 120);
}

INSTANTIATE_TEST_SUITE_P(
    Layouts, PreviewTest, ::testing::Values(PixelLayout::I420, PixelLayout::Nv12, PixelLayout::Rgb24),
    [](const auto& p) {
        return std::string(p.param == PixelLayout::I420 ? "I420" : p.param == PixelLayout::Nv12 ? "NV12" : "RGB24");
    });

TEST(PreviewLayout, TheSoftwareRendererStreamsRgb) {
    auto display = Display::open(DisplayOptions{VideoMode::Offscreen, kWindow, kAssets});
    ASSERT_TRUE(display) << display.error().detail;
    EXPECT_EQ(display->painter().preferredVideoLayout(), PixelLayout::Rgb24);
}

TEST(OnScreenQr, ReadsBackAsItsText) {
    auto display = Display::open(DisplayOptions{VideoMode::Offscreen, kWindow, kAssets});
    ASSERT_TRUE(display) << display.error().detail;
    const std::string text = "LOKET-DEMO-2026-000123";
    const auto modules = encodeQr(text);
    ASSERT_TRUE(modules) << modules.error().detail;
    display->painter().clear(colors::kBackground);
    qrCode(display->painter(), Rect{400, 200, 300, 300}, *modules);
    const auto image = display->capture();
    ASSERT_TRUE(image);
    std::vector<std::uint8_t> grey;
    for (const auto v : image->pixels) grey.push_back(static_cast<std::uint8_t>((v >> 8) & 0xFFU));
    const auto read =
        ZXing::ReadBarcode(ZXing::ImageView(grey.data(), image->size.w, image->size.h, ZXing::ImageFormat::Lum),
                           ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode));
    ASSERT_TRUE(read.isValid());
    EXPECT_EQ(read.text(), text);
}

}  // namespace
}  // namespace kiosk::ui
