// The kiosk program as an operator (or CI) runs it without a display: a separate process that
// draws its screens offscreen, writes them as PNG files, prints their paths and exits 0, quickly.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "kiosk/ui/sdl_handles.h"

namespace {

namespace fs = std::filesystem;
using kiosk::ui::Surface;

// The demo visit (assets/scenarios/demo.txt): every view it passes, in order.
const std::vector<std::string> kScreens = {"01-attract-id",
                                           "02-attract-en",
                                           "03-language-choice-en",
                                           "04-language-choice-id",
                                           "05-phone-entry-id",
                                           "06-phone-entry-typed",
                                           "07-phone-entry-countdown-id",
                                           "08-phone-entry-id",
                                           "09-phone-entry-countdown-id",
                                           "10-attract-id",
                                           "11-language-choice-id",
                                           "12-phone-entry-id",
                                           "13-phone-entry-empty",
                                           "14-language-choice-id",
                                           "15-attract-id",
                                           "16-staff-pin-id",
                                           "17-staff-pin-unavailable",
                                           "18-attract-id"};
// The first views of the demo are all different screens.
constexpr std::size_t kDistinct = 7;

std::string quote(const std::string& arg) {
    std::string q = "'";
    for (const char c : arg) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

struct KioskResult {
    int exitCode = -1;
    std::vector<std::string> outLines;
    std::string err;
};

class KioskRun : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("kiosk_run_test_" + std::to_string(::getpid()) + "_" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    // Runs kiosk in dir_ with no display in its environment; `timeout` turns a hang into a failure.
    KioskResult kiosk(const std::vector<std::string>& args) {
        std::string command = "cd " + quote(dir_.string()) +
                              " && env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER timeout 120 " +
                              quote(KIOSK_PATH);
        for (const auto& a : args) command += " " + quote(a);
        command += " 2>" + quote((dir_ / "stderr.txt").string());
        KioskResult run;
        FILE* pipe = ::popen(command.c_str(), "r");
        if (!pipe) return run;
        std::string out;
        char buffer[4096];
        std::size_t n;
        while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
        const int status = ::pclose(pipe);
        run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        std::istringstream lines(out);
        for (std::string line; std::getline(lines, line);) run.outLines.push_back(line);
        std::ifstream err(dir_ / "stderr.txt");
        run.err.assign(std::istreambuf_iterator<char>(err), std::istreambuf_iterator<char>());
        return run;
    }

    // Loads a PNG and checks its size; returns its pixels as ARGB8888.
    std::vector<std::uint32_t> loadPng(const fs::path& file, int w, int h) {
        Surface loaded{IMG_Load(file.c_str())};
        EXPECT_TRUE(loaded) << file << ": " << IMG_GetError();
        if (!loaded) return {};
        EXPECT_EQ(loaded->w, w) << file;
        EXPECT_EQ(loaded->h, h) << file;
        Surface argb{SDL_ConvertSurfaceFormat(loaded.get(), SDL_PIXELFORMAT_ARGB8888, 0)};
        if (!argb) return {};
        std::vector<std::uint32_t> pixels(static_cast<std::size_t>(argb->w) * static_cast<std::size_t>(argb->h));
        for (int y = 0; y < argb->h; ++y)
            std::memcpy(pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(argb->w),
                        static_cast<const unsigned char*>(argb->pixels) + static_cast<std::ptrdiff_t>(y) * argb->pitch,
                        static_cast<std::size_t>(argb->w) * sizeof(std::uint32_t));
        return pixels;
    }

    void expectScreenshots(const KioskResult& run, const fs::path& shots, int w, int h) {
        ASSERT_EQ(run.exitCode, 0) << run.err;
        ASSERT_EQ(run.outLines.size(), kScreens.size()) << run.err;
        std::vector<std::vector<std::uint32_t>> images;
        for (std::size_t i = 0; i < kScreens.size(); ++i) {
            const fs::path expected = shots / (kScreens[i] + ".png");
            EXPECT_EQ(fs::path(run.outLines[i]), expected);
            const fs::path onDisk = expected.is_absolute() ? expected : dir_ / expected;  // kiosk ran in dir_
            ASSERT_TRUE(fs::is_regular_file(onDisk)) << onDisk;
            images.push_back(loadPng(onDisk, w, h));
        }
        // Different screens, not one picture many times.
        for (std::size_t i = 0; i < kDistinct; ++i)
            for (std::size_t j = i + 1; j < kDistinct; ++j) EXPECT_NE(images[i], images[j]) << i << " " << j;
    }

    fs::path dir_;
};

TEST_F(KioskRun, ScreenshotsLandscape) {
    const auto shots = dir_ / "shots";
    expectScreenshots(kiosk({"--screenshots", shots.string(), "--size", "1366x768"}), shots, 1366, 768);
}

TEST_F(KioskRun, ScreenshotsPortrait) {
    const auto shots = dir_ / "portrait";
    expectScreenshots(kiosk({"--screenshots", shots.string(), "--size", "1080x1920"}), shots, 1080, 1920);
}

TEST_F(KioskRun, WithoutADisplayItDrawsIntoScreenshotsHereAndExits) {
    const auto run = kiosk({});
    expectScreenshots(run, "screenshots", 1920, 1080);
    EXPECT_TRUE(fs::is_regular_file(dir_ / "screenshots" / "01-attract-id.png"));
}

TEST_F(KioskRun, AnUnknownOptionExitsTwo) {
    const auto run = kiosk({"--kiosk-mode"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("--kiosk-mode"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(dir_ / "screenshots"));
}

TEST_F(KioskRun, VersionPrintsTheVersion) {
    const auto run = kiosk({"--version"});
    EXPECT_EQ(run.exitCode, 0);
    ASSERT_EQ(run.outLines.size(), 1U);
    EXPECT_EQ(run.outLines[0], std::string("kiosk ") + LOKET_VERSION);
}

TEST_F(KioskRun, MissingAssetsFailClearly) {
    const auto run = kiosk({"--assets", (dir_ / "nowhere").string(), "--screenshots", "shots"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.err.find("assets.missing"), std::string::npos) << run.err;
}

}  // namespace
