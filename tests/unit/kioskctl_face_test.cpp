// kioskctl face as an operator runs it: a separate process on picture files, JSON on stdout, the
// exit code (0 acceptable, 1 not, 2 misuse or unreadable) and the passport crop it writes.

#include <gtest/gtest.h>
#include <stdlib.h>

#include <opencv2/imgcodecs.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/unit/face_scenes.h"
#include "tests/unit/kioskctl_process.h"

namespace kiosk::test {
namespace {

class KioskctlFace : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (std::filesystem::temp_directory_path() / "loket-ctl-face-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
        const cv::Mat photo = portrait();
        ASSERT_FALSE(photo.empty()) << kPortraitFile << " is missing: run scripts/install-deps.sh";
        const cv::Mat scene = sceneWithFace(photo);
        ASSERT_TRUE(cv::imwrite(file("good.jpg"), scene));
        ASSERT_TRUE(cv::imwrite(file("dark.png"), exposed(scene, 0.35)));
        ASSERT_TRUE(cv::imwrite(file("wall.png"), wall({640, 480})));
        std::ofstream(file("not-a-picture.jpg")) << "plain text";
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    std::string file(const std::string& name) const { return (dir_ / name).string(); }

    std::filesystem::path dir_;
};

const nlohmann::json* check(const nlohmann::json& j, const std::string& name) {
    for (const auto& c : j["checks"])
        if (c["name"] == name) return &c;
    return nullptr;
}

TEST_F(KioskctlFace, AGoodPhotoIsAcceptableWithEveryCheckAndWritesTheCrop) {
    const auto run = runKioskctl({"face", file("good.jpg"), "--out", file("crop.jpg")});
    ASSERT_EQ(run.exitCode, 0) << run.out;
    const auto j = run.json();
    EXPECT_EQ(j["file"], file("good.jpg"));
    EXPECT_EQ(j["acceptable"], true);
    EXPECT_EQ(j["hint"], "face.ready");
    ASSERT_EQ(j["faces"].size(), 1u);
    EXPECT_GT(j["faces"][0]["width"].get<int>(), 150);
    for (const auto* name : {"faces", "face_size", "offset_x", "offset_y", "crop_x", "crop_y", "brightness", "clipped",
                             "light_balance", "sharpness", "eyes"}) {
        const auto* c = check(j, name);
        ASSERT_NE(c, nullptr) << name;
        EXPECT_EQ((*c)["pass"], true) << name;
        EXPECT_TRUE((*c)["value"].is_number()) << name;
        EXPECT_TRUE((*c)["min"].is_number() || (*c)["max"].is_number()) << name;
    }
    EXPECT_EQ((*check(j, "face_size"))["min"], 0.25);
    EXPECT_EQ(j["out"], file("crop.jpg"));
    const cv::Mat crop = cv::imread(file("crop.jpg"), cv::IMREAD_COLOR);
    ASSERT_FALSE(crop.empty());
    EXPECT_EQ(crop.cols * 9, crop.rows * 7);
    EXPECT_EQ(j["crop"]["width"].get<int>() * 9, j["crop"]["height"].get<int>() * 7);
}

TEST_F(KioskctlFace, ADarkPhotoIsRefusedWithTheAdviceAndExitOne) {
    const auto run = runKioskctl({"face", file("dark.png")});
    ASSERT_EQ(run.exitCode, 1) << run.out;
    const auto j = run.json();
    EXPECT_EQ(j["acceptable"], false);
    EXPECT_EQ(j["hint"], "face.too_dark");
    EXPECT_EQ(j["faces"].size(), 1u);
    EXPECT_EQ((*check(j, "brightness"))["pass"], false);
    EXPECT_LT((*check(j, "brightness"))["value"].get<double>(), 70.0);
    EXPECT_EQ(j["out"], nullptr);
}

TEST_F(KioskctlFace, APictureWithoutAFaceIsRefusedWithNoCrop) {
    const auto run = runKioskctl({"face", file("wall.png"), "--out", file("crop.jpg")});
    ASSERT_EQ(run.exitCode, 1) << run.out;
    const auto j = run.json();
    EXPECT_EQ(j["faces"].size(), 0u);
    EXPECT_EQ(j["hint"], "face.no_face");
    EXPECT_EQ(j["crop"], nullptr);
    EXPECT_EQ(j["out"], nullptr);
    EXPECT_FALSE(std::filesystem::exists(file("crop.jpg")));
}

TEST_F(KioskctlFace, AMissingOrUnreadableFileOrCascadeIsMisuseWithExitTwo) {
    auto run = runKioskctl({"face", file("absent.jpg")});
    EXPECT_EQ(run.exitCode, 2) << run.out;
    EXPECT_EQ(run.json()["error"]["code"], "vision.image_file");
    run = runKioskctl({"face", file("not-a-picture.jpg")});
    EXPECT_EQ(run.exitCode, 2) << run.out;
    EXPECT_EQ(run.json()["error"]["code"], "vision.image_file");
    run = runKioskctl({"face", file("good.jpg"), "--face-cascade", file("absent.xml")});
    EXPECT_EQ(run.exitCode, 2) << run.out;
    EXPECT_EQ(run.json()["error"]["code"], "vision.face_cascade");
    EXPECT_NE(run.json()["error"]["detail"].get<std::string>().find("absent.xml"), std::string::npos);
    run = runKioskctl({"face"});
    EXPECT_EQ(run.exitCode, 2);
}

}  // namespace
}  // namespace kiosk::test
