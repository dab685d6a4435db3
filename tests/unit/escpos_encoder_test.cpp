#include "drivers/printer/escpos_encoder.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "drivers/printer/qr_matrix.h"
#include "tests/unit/sample_receipt.h"

using namespace kiosk;
using namespace kiosk::drivers;
using namespace std::string_literals;

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::size_t firstDifference(const std::string& a, const std::string& b) {
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    return i;
}

std::string encode(const ReceiptDocument& receipt, QrMethod qr = QrMethod::Native, ReceiptGeometry geometry = {}) {
    auto bytes = encodeEscPos(receipt, geometry, qr);
    EXPECT_TRUE(bytes) << bytes.error().code << ": " << bytes.error().detail;
    return bytes ? *bytes : std::string();
}

TEST(EscPosEncoder, SampleReceiptMatchesTheGoldenFileByteForByte) {
    const std::string golden = readFile(LOKET_TEST_DATA_DIR "/escpos/sample_receipt.bin");
    ASSERT_FALSE(golden.empty()) << "missing golden file; see make_sample_receipt.py";
    const std::string bytes = encode(test::sampleReceipt());
    EXPECT_EQ(bytes.size(), golden.size());
    EXPECT_TRUE(bytes == golden) << "first difference at byte " << firstDifference(bytes, golden);
}

TEST(EscPosEncoder, StartsWithInitialiseAndTheCodePage) { EXPECT_EQ(encode({}), "\x1b@\x1bt\x10"s); }

TEST(EscPosEncoder, SendsOnlyTheSettingsThatChange) {
    ReceiptDocument receipt;
    receipt.add(TextLine{"A", TextSize::Normal, true, Alignment::Left})
        .add(TextLine{"B", TextSize::Normal, true, Alignment::Left})
        .add(TextLine{"C", TextSize::Double, false, Alignment::Centre});
    EXPECT_EQ(encode(receipt),
              "\x1b@\x1bt\x10"
              "\x1b"
              "E\x01"
              "A\n"
              "B\n"
              "\x1b"
              "a\x01\x1d!\x11\x1b"
              "E\x00"
              "C\n"s);
}

TEST(EscPosEncoder, ControlCharactersInTextNeverBecomeCommands) {
    ReceiptDocument receipt;
    receipt.add(TextLine{"NAMA\x1b@\x1dV\x01\n\x10\x04\x01 X"});
    EXPECT_EQ(encode(receipt),
              "\x1b@\x1bt\x10"
              "NAMA?@?V????? X\n"s);
}

TEST(EscPosEncoder, FeedAndCut) {
    ReceiptDocument receipt;
    receipt.add(PaperFeed{3}).add(Cut{});
    ReceiptGeometry geometry;
    geometry.cutFeedLines = 5;
    EXPECT_EQ(encode(receipt, QrMethod::Native, geometry),
              "\x1b@\x1bt\x10\x1b"
              "d\x03\x1b"
              "d\x05\x1dV\x01"s);
}

TEST(EscPosEncoder, RasterFallbackDrawsTheQrMatrixAtFullWidth) {
    ReceiptDocument receipt;
    receipt.add(QrCode{test::kSampleQrPayload, Alignment::Centre});
    const std::string bytes = encode(receipt, QrMethod::Raster);
    auto matrix = encodeQr(test::kSampleQrPayload);
    ASSERT_TRUE(matrix);
    const int module = 6;
    const int side = matrix->size * module;
    const int left = (576 - side) / 2;
    const std::string prefix =
        "\x1b@\x1bt\x10\x1b"
        "a\x01\x1bJ\x18"s;
    ASSERT_EQ(bytes.substr(0, prefix.size()), prefix);
    // Bands of at most 128 rows, each GS v 0 0 xL xH yL yH and 72 bytes per row.
    std::size_t at = prefix.size();
    for (int top = 0; top < side; top += 128) {
        const int rows = std::min(128, side - top);
        ASSERT_EQ(bytes.substr(at, 8), "\x1dv0\x00"s + char(72) + '\0' + char(rows) + '\0') << "band at row " << top;
        at += 8;
        for (int y = top; y < top + rows; ++y) {
            for (int x = 0; x < 576; ++x) {
                const auto byte = static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(x / 8)]);
                const bool printed = (byte & (0x80 >> (x % 8))) != 0;
                const bool dark = x >= left && x < left + side && matrix->at((x - left) / module, y / module);
                ASSERT_EQ(printed, dark) << "dot " << x << "," << y;
            }
            at += 72;
        }
    }
    EXPECT_EQ(bytes.substr(at), "\x1bJ\x18"s);
}

TEST(EscPosEncoder, ShrinksModulesToFitNarrowPaper) {
    ReceiptDocument receipt;
    receipt.add(QrCode{std::string(300, 'A')});
    ReceiptGeometry narrow;
    narrow.dotsWide = 384;
    const std::string bytes = encode(receipt, QrMethod::Native, narrow);
    auto matrix = encodeQr(std::string(300, 'A'));
    ASSERT_TRUE(matrix);
    const int module = (384 / (matrix->size + 8));
    ASSERT_LT(module, 6);
    EXPECT_NE(bytes.find("\x1d(k\x03\x00"
                         "1C"s +
                         char(module)),
              std::string::npos);
}

TEST(EscPosEncoder, RefusesAQrCodeThatCannotBePrinted) {
    ReceiptDocument tooLong;
    tooLong.add(QrCode{std::string(4000, 'x')});
    auto bytes = encodeEscPos(tooLong, {}, QrMethod::Native);
    ASSERT_FALSE(bytes);
    EXPECT_EQ(bytes.error().code, "qr.too_long");

    ReceiptDocument tooWide;
    tooWide.add(QrCode{std::string(2000, 'x')});
    ReceiptGeometry narrow;
    narrow.dotsWide = 96;
    bytes = encodeEscPos(tooWide, narrow, QrMethod::Raster);
    ASSERT_FALSE(bytes);
    EXPECT_EQ(bytes.error().code, "qr.too_large");

    ReceiptDocument empty;
    empty.add(QrCode{""});
    EXPECT_FALSE(encodeEscPos(empty, {}, QrMethod::Native));
}

TEST(EscPosEncoder, RefusesAnImpossibleGeometry) {
    ReceiptGeometry odd;
    odd.dotsWide = 575;
    EXPECT_EQ(encodeEscPos({}, odd, QrMethod::Native).error().code, "printer.width");
    ReceiptGeometry module;
    module.qrModuleDots = 17;
    EXPECT_EQ(encodeEscPos({}, module, QrMethod::Native).error().code, "printer.qr_module");
}

}  // namespace
