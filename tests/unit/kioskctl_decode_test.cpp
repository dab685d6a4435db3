// kioskctl decode run as a process: one JSON line per image, and the exit code saying whether every
// image held a code (0), some held none (1), or an image could not be read or the call was wrong (2).

#include <gtest/gtest.h>
#include <stdlib.h>

#include <opencv2/imgcodecs.hpp>

#include <fstream>
#include <sstream>

#include "tests/unit/code_test_images.h"
#include "tests/unit/kioskctl_process.h"

namespace kiosk::test {
namespace {

using Json = nlohmann::json;

std::vector<Json> lines(const std::string& out) {
    std::vector<Json> all;
    std::stringstream in(out);
    for (std::string line; std::getline(in, line);) all.push_back(Json::parse(line));
    return all;
}

class KioskctlDecode : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (std::filesystem::temp_directory_path() / "loket-ctl-decode-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
        cv::imwrite(path("qr.png"),
                    frameWith(renderCode(ZXing::BarcodeFormat::QRCode, "LKT1|REG-2026-000123", 4), {700, 150}));
        cv::imwrite(path("code128.jpg"),
                    frameWith(renderCode(ZXing::BarcodeFormat::Code128, "REG-2026-000123", 3), {200, 500}));
        cv::imwrite(path("blank.png"), cv::Mat(120, 160, CV_8UC1, cv::Scalar(200)));
        std::ofstream(path("notes.png")) << "not a picture";
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::string path(const std::string& name) const { return (dir_ / name).string(); }
    KioskctlRun decode(std::vector<std::string> args) {
        args.insert(args.begin(), {"decode", "--budget-ms", "60000"});
        return runKioskctl(args);
    }

    std::filesystem::path dir_;
};

TEST_F(KioskctlDecode, PrintsOneLinePerImageWithFormatTextAndTime) {
    const auto run = decode({path("qr.png"), path("code128.jpg")});
    ASSERT_EQ(run.exitCode, 0) << run.out;
    const auto all = lines(run.out);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0]["file"], path("qr.png"));
    ASSERT_EQ(all[0]["results"].size(), 1u);
    EXPECT_EQ(all[0]["results"][0]["format"], "QRCode");
    EXPECT_EQ(all[0]["results"][0]["text"], "LKT1|REG-2026-000123");
    EXPECT_EQ(all[0]["results"][0]["corners"].size(), 4u);
    EXPECT_TRUE(all[0]["ms"].is_number());
    EXPECT_GE(all[0]["ms"].get<double>(), 0.0);
    EXPECT_EQ(all[1]["results"][0]["format"], "Code128");
    EXPECT_EQ(all[1]["results"][0]["text"], "REG-2026-000123");
}

TEST_F(KioskctlDecode, ExitsOneWhenAnImageHoldsNoCode) {
    const auto run = decode({path("qr.png"), path("blank.png")});
    EXPECT_EQ(run.exitCode, 1) << run.out;
    const auto all = lines(run.out);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[1]["file"], path("blank.png"));
    EXPECT_TRUE(all[1]["results"].empty());
}

TEST_F(KioskctlDecode, ReportsAnUnreadableFileOnItsLineAndExitsTwo) {
    const auto run = decode({path("notes.png"), path("missing.png"), path("qr.png")});
    EXPECT_EQ(run.exitCode, 2) << run.out;
    const auto all = lines(run.out);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0]["error"]["code"], "vision.image_file");
    EXPECT_EQ(all[1]["error"]["code"], "vision.image_file");
    EXPECT_FALSE(all[0].contains("results"));
    EXPECT_EQ(all[2]["results"][0]["text"], "LKT1|REG-2026-000123");
}

TEST_F(KioskctlDecode, LooksOnlyForTheFormatsAsked) {
    const auto run = decode({"--formats", "Code128,PDF417", path("qr.png")});
    EXPECT_EQ(run.exitCode, 1) << run.out;
    EXPECT_TRUE(lines(run.out).at(0)["results"].empty());
}

TEST_F(KioskctlDecode, RefusesAnUnknownFormatOrNoImage) {
    EXPECT_EQ(decode({"--formats", "QR", path("qr.png")}).exitCode, 2);
    EXPECT_EQ(runKioskctl({"decode"}).exitCode, 2);
}

}  // namespace
}  // namespace kiosk::test
