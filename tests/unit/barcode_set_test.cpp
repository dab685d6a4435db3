// The barcode reader over the generated camera-like set (tests/imagegen/make_code_images, seed 6,
// 80 frames written into the build tree by the code_images fixture): per format, the share of frames read
// with the exact text must stay above a floor, and no frame may yield a wrong text.

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "kiosk/vision/barcode_reader.h"
#include "kiosk/vision/frame_file.h"
#include "tests/imagegen/code_manifest.h"
#include "tests/unit/code_test_images.h"

namespace kiosk::test {
namespace {

struct Floor {
    const char* format;
    // Measured on this set (16 frames a format): QR 15, PDF417 16, DataMatrix 15, Aztec 15, Code 128
    // 16 read; the floors leave a frame or two for tuning of the strategy.
    double minRate;
};

void PrintTo(const Floor& f, std::ostream* os) { *os << f.format << " >= " << f.minRate; }

class GeneratedSet : public ::testing::TestWithParam<Floor> {};

TEST_P(GeneratedSet, ReadsTheFormatAboveItsFloorWithoutWrongTexts) {
    const auto samples = testimages::readCodeManifest(LOKET_CODE_IMAGES_DIR);
    ASSERT_FALSE(samples.empty()) << "no manifest in " << LOKET_CODE_IMAGES_DIR << " (the code_images fixture)";
    const auto format = vision::barcodeFormatFromName(GetParam().format);
    ASSERT_TRUE(format.has_value());
    const vision::BarcodeReader reader({}, tickingClock());
    int total = 0, read = 0;
    for (const auto& s : samples) {
        if (s.format != GetParam().format) continue;
        ++total;
        const auto frame = vision::readFrameFile(s.file, drivers::PixelFormat::Gray8);
        ASSERT_TRUE(frame.ok()) << s.file;
        const auto codes = reader.read(*frame, vision::BarcodeFormats::all());
        ASSERT_TRUE(codes.ok()) << s.file;
        for (const auto& c : *codes) {
            if (c.format != *format) continue;
            EXPECT_EQ(c.text, s.text) << s.file << " (" << s.degradation << ")";
            if (c.text == s.text) ++read;
        }
    }
    ASSERT_GT(total, 0);
    const double rate = static_cast<double>(read) / total;
    std::printf("%s: %d of %d frames read\n", GetParam().format, read, total);
    EXPECT_GE(rate, GetParam().minRate) << read << " of " << total << " " << GetParam().format << " frames read";
}

INSTANTIATE_TEST_SUITE_P(Formats, GeneratedSet,
                         ::testing::Values(Floor{"QRCode", 0.85}, Floor{"PDF417", 0.9}, Floor{"DataMatrix", 0.8},
                                           Floor{"Aztec", 0.8}, Floor{"Code128", 0.9}),
                         [](const auto& param) { return std::string(param.param.format); });

}  // namespace
}  // namespace kiosk::test
