// Where the assets come from and when the kiosk runs without a display.

#include "kiosk/app/launch.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <map>
#include <string>

namespace kiosk::app {
namespace {

const std::filesystem::path kAssets = LOKET_SOURCE_ASSETS_DIR;

Environment fakeEnvironment(std::map<std::string, std::string, std::less<>> vars) {
    return [vars = std::move(vars)](std::string_view name) -> std::optional<std::string> {
        const auto it = vars.find(name);
        if (it == vars.end() || it->second.empty()) return std::nullopt;
        return it->second;
    };
}

TEST(VideoMode, ScreenshotsAreAlwaysOffscreen) {
    Options o;
    o.screenshots = "shots";
    EXPECT_EQ(chooseVideoMode(o, fakeEnvironment({{"DISPLAY", ":0"}})), ui::VideoMode::Offscreen);
}

TEST(VideoMode, NoDisplayMeansOffscreen) {
    EXPECT_EQ(chooseVideoMode({}, fakeEnvironment({})), ui::VideoMode::Offscreen);
    EXPECT_EQ(chooseVideoMode({}, fakeEnvironment({{"DISPLAY", ""}})), ui::VideoMode::Offscreen);
    EXPECT_EQ(chooseVideoMode({}, fakeEnvironment({{"SDL_VIDEODRIVER", "dummy"}, {"DISPLAY", ":0"}})),
              ui::VideoMode::Offscreen);
}

TEST(VideoMode, ADisplayMeansFullscreenUnlessWindowed) {
    EXPECT_EQ(chooseVideoMode({}, fakeEnvironment({{"DISPLAY", ":0"}})), ui::VideoMode::Fullscreen);
    EXPECT_EQ(chooseVideoMode({}, fakeEnvironment({{"WAYLAND_DISPLAY", "wayland-0"}})), ui::VideoMode::Fullscreen);
    EXPECT_EQ(chooseVideoMode({}, fakeEnvironment({{"SDL_VIDEODRIVER", "kmsdrm"}})), ui::VideoMode::Fullscreen);
    Options windowed;
    windowed.windowed = true;
    EXPECT_EQ(chooseVideoMode(windowed, fakeEnvironment({{"DISPLAY", ":0"}})), ui::VideoMode::Windowed);
}

TEST(Assets, TheCommandLineComesFirst) {
    Options o;
    o.assets = kAssets;
    const auto found = locateAssets(o, fakeEnvironment({{"LOKET_ASSETS_DIR", "/nowhere"}}), {});
    ASSERT_TRUE(found) << found.error().detail;
    EXPECT_EQ(*found, kAssets);
}

TEST(Assets, ThenTheEnvironment) {
    const auto found = locateAssets({}, fakeEnvironment({{"LOKET_ASSETS_DIR", kAssets.string()}}), "/nowhere/bin");
    ASSERT_TRUE(found) << found.error().detail;
    EXPECT_EQ(*found, kAssets);
}

TEST(Assets, AFolderTheOperatorNamedMustHoldAssets) {
    Options o;
    o.assets = "/nowhere";
    const auto fromFlag = locateAssets(o, fakeEnvironment({}), {});
    ASSERT_FALSE(fromFlag);
    EXPECT_EQ(fromFlag.error().code, "assets.missing");
    const auto fromEnv = locateAssets({}, fakeEnvironment({{"LOKET_ASSETS_DIR", "/nowhere"}}), {});
    ASSERT_FALSE(fromEnv);
    EXPECT_EQ(fromEnv.error().code, "assets.missing");
}

TEST(Assets, ThenTheInstalledFolderBesideTheProgram) {
    const auto root = std::filesystem::temp_directory_path() / ("loket_launch_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(root / "bin");
    std::filesystem::create_directories(root / "share/loket/assets/i18n");
    std::filesystem::copy_file(kAssets / "i18n/id.json", root / "share/loket/assets/i18n/id.json");
    const auto found = locateAssets({}, fakeEnvironment({}), root / "bin");
    std::filesystem::remove_all(root);
    ASSERT_TRUE(found) << found.error().detail;
    EXPECT_EQ(*found, root / "share/loket/assets");
}

TEST(Assets, LastTheSourceTree) {
    const auto found = locateAssets({}, fakeEnvironment({}), "/nowhere/bin");
    ASSERT_TRUE(found) << found.error().detail;
    EXPECT_TRUE(std::filesystem::exists(*found / "i18n" / "en.json"));
}

}  // namespace
}  // namespace kiosk::app
