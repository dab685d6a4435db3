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
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "kiosk/core/flow/registration.h"
#include "kiosk/ui/sdl_handles.h"

namespace {

namespace fs = std::filesystem;
using kiosk::ui::Surface;

// The demo visit (assets/scenarios/demo.txt): two registrations and an under-age stop. Its first
// views, in order, are all different screens; then every step of the journey must appear.
const std::vector<std::string> kFirstScreens = {"01-attract-id", "02-language-choice-id", "03-menu-id",
                                                "04-reg-consent-id", "05-reg-consent-ticked"};
const std::vector<std::string> kAlsoShown = {"receipt-id", "receipt-en", "under-age-id"};
constexpr std::size_t kDistinct = 5;

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
        ASSERT_GE(run.outLines.size(), kFirstScreens.size()) << run.err;
        const fs::path base = shots.is_absolute() ? shots : dir_ / shots;  // kiosk ran in dir_
        std::vector<std::vector<std::uint32_t>> images;
        for (std::size_t i = 0; i < kFirstScreens.size(); ++i) {
            const fs::path expected = shots / (kFirstScreens[i] + ".png");
            EXPECT_EQ(fs::path(run.outLines[i]), expected);
            images.push_back(loadPng(base / (kFirstScreens[i] + ".png"), w, h));
        }
        // Different screens, not one picture many times.
        for (std::size_t i = 0; i < kDistinct; ++i)
            for (std::size_t j = i + 1; j < kDistinct; ++j) EXPECT_NE(images[i], images[j]) << i << " " << j;
        // Every step of the registration, the receipt in both languages and the under-age stop.
        std::set<std::string> names;
        for (const auto& line : run.outLines) {
            const auto file = fs::path(line).stem().string();
            ASSERT_TRUE(fs::is_regular_file(base / fs::path(line).filename())) << line;
            names.insert(file.substr(file.find('-') + 1));
        }
        for (const auto& spec : kiosk::flow::allSteps()) {
            const std::string view = "reg-" + std::string(spec.name);
            EXPECT_TRUE(names.contains(view + "-id") || names.contains(view + "-en")) << view << " never shown";
        }
        for (const auto& view : kAlsoShown) EXPECT_TRUE(names.contains(view)) << view;
        // Two registration receipts, the referral slip and the check-in receipt, drawn as the
        // paper comes out of the printer.
        std::size_t printed = 0;
        for (const auto& entry : fs::directory_iterator(base / "receipts"))
            printed += entry.path().extension() == ".png";
        EXPECT_EQ(printed, 4U);
    }

    fs::path dir_;
};

// Portrait is drawn for every screen by the screen tests (tests/ui/screen_table.cpp); one whole
// visit in portrait on top of that cost a CI minute for nothing more.
TEST_F(KioskRun, ScreenshotsLandscape) {
    const auto shots = dir_ / "shots";
    expectScreenshots(kiosk({"--screenshots", shots.string(), "--size", "1366x768"}), shots, 1366, 768);
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

TEST_F(KioskRun, ASettingsFileWithMistakesStopsItWithEveryMistakeListed) {
    std::ofstream(dir_ / "kiosk.toml") << "[kiosk]\nid = \"KIOSK-1\"\nsite_id = \"site 1\"\n"
                                       << "[store]\ndatabase = \"kiosk.db\"\nmaster_key = \"master.key\"\n"
                                       << "[sync]\ndevice_key = \"device.key\"\nbatch_size = 0\n"
                                       << "[devices.printer]\nbackend = \"laser\"\n";
    const auto run = kiosk({"--config", (dir_ / "kiosk.toml").string(), "--no-screenshots"});
    EXPECT_EQ(run.exitCode, 1);
    for (const auto* mistake : {"kiosk.toml:3: [kiosk] site_id must be", "kiosk.toml:9: [sync] batch_size must be",
                                "kiosk.toml:11: [devices.printer] backend must be one of"})
        EXPECT_NE(run.err.find(mistake), std::string::npos) << mistake << "\nnot in:\n" << run.err;
    // Nothing was made before the settings were right.
    EXPECT_FALSE(fs::exists(dir_ / "kiosk.db"));
    EXPECT_FALSE(fs::exists(dir_ / "master.key"));
}

TEST_F(KioskRun, MissingAssetsFailClearly) {
    const auto run = kiosk({"--assets", (dir_ / "nowhere").string(), "--screenshots", "shots"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.err.find("assets.missing"), std::string::npos) << run.err;
}

}  // namespace
