// `kiosk --script FILE --screenshots DIR` as a separate process on SDL's offscreen driver: the
// idle countdown (it appears after the idle time, counts down, "still here" keeps the fields, no
// answer resets), the wipe (no trace of the previous visit on any screen afterwards, compared
// pixel for pixel with a fresh kiosk's), the double-tap guard, and mistakes in scripts.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "kiosk/ui/layout.h"

namespace {

namespace fs = std::filesystem;

std::string quote(const std::string& arg) {
    std::string q = "'";
    for (const char c : arg) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

std::string readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Played {
    int exitCode = -1;
    std::vector<fs::path> files;  // stdout, one PNG a line
    std::string err;

    // The PNG whose name ends in "-<suffix>.png"; empty if none or several.
    fs::path shot(const std::string& suffix) const {
        fs::path found;
        for (const auto& f : files)
            if (f.filename().string().ends_with("-" + suffix + ".png")) {
                if (!found.empty()) return {};
                found = f;
            }
        return found;
    }
    std::size_t indexOf(const fs::path& file) const {
        for (std::size_t i = 0; i < files.size(); ++i)
            if (files[i] == file) return i;
        return files.size();
    }
};

class ScenarioRun : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("scenario_run_test_" + std::to_string(::getpid()) + "_" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    Played play(const std::string& script, const std::vector<std::string>& extra = {}) {
        const auto file = dir_ / "visit.txt";
        std::ofstream(file) << script;
        std::string command = "env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER timeout 120 " + quote(KIOSK_PATH) +
                              " --script " + quote(file.string()) + " --screenshots " +
                              quote((dir_ / "shots").string()) + " --size " + size_;
        for (const auto& a : extra) command += " " + quote(a);
        command += " 2>" + quote((dir_ / "stderr.txt").string());
        Played run;
        FILE* pipe = ::popen(command.c_str(), "r");
        if (!pipe) return run;
        std::string out;
        char buffer[4096];
        for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
        const int status = ::pclose(pipe);
        run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        std::istringstream lines(out);
        for (std::string line; std::getline(lines, line);) run.files.emplace_back(line);
        run.err = readFile(dir_ / "stderr.txt");
        return run;
    }

    fs::path dir_;
    std::string size_ = "1024x600";
};

constexpr const char* kIdleVisit = R"(# to the NIK step
tap start
tap next
tap register
tap consent-0
tap next
wait-for reg-nik
screenshot blank
type 357801150695
screenshot typed

# no question before the idle time
advance 59s
wait-for reg-nik
wait-for reg-nik-countdown within 2s
screenshot asking
advance 5s
screenshot later

# "yes": everything is still there
tap stay
wait-for reg-nik
screenshot kept

# no answer: back to the welcome screen
wait-for reg-nik-countdown within 61s
wait-for attract within 21s

# the next person
tap start
tap next
tap register
tap consent-0
tap next
wait-for reg-nik
screenshot next-person
)";

TEST_F(ScenarioRun, TheIdleCountdownAppearsKeepsTheFieldsWhenAnsweredAndWipesWhenNot) {
    const auto run = play(kIdleVisit);
    ASSERT_EQ(run.exitCode, 0) << run.err;
    for (const char* name : {"blank", "typed", "asking", "later", "kept", "next-person"})
        ASSERT_FALSE(run.shot(name).empty()) << name << " in " << run.files.size() << " files";
    const auto image = [&](const char* name) { return readFile(run.shot(name)); };

    EXPECT_NE(image("typed"), image("blank"));
    EXPECT_NE(image("asking"), image("typed"));       // the dialog is drawn
    EXPECT_NE(image("later"), image("asking"));       // and counts down
    EXPECT_EQ(image("kept"), image("typed"));         // "yes" loses nothing
    EXPECT_EQ(image("next-person"), image("blank"));  // the wipe: as a fresh kiosk shows it
    EXPECT_NE(run.err.find("2 beeps (played)"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("1 wipes"), std::string::npos) << run.err;
}

TEST_F(ScenarioRun, NoScreenAfterTheWipeShowsAnythingOfThePreviousVisit) {
    const auto run = play(kIdleVisit + std::string("tap back\ntap back\ntap back\ntap back\nwait-for attract\n"));
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto typed = readFile(run.shot("typed"));
    // Every view after the reset is byte for byte the one the kiosk drew before anything was typed.
    std::map<std::string, std::string> before;  // view name -> image
    std::size_t reset = 0;
    for (std::size_t i = 0; i < run.files.size(); ++i) {
        const auto name = run.files[i].filename().string().substr(3);  // without "NN-"
        if (reset == 0 && i > 0 && name == "attract-id.png") reset = i;
        if (reset == 0) before.emplace(name, readFile(run.files[i]));
    }
    ASSERT_GT(reset, 0U);
    ASSERT_GT(run.files.size(), reset + 3);
    // Up to the next person's first field every view is as fresh; on the way back out their own
    // answers (the consent they ticked) show, but never the previous person's NIK.
    bool nextPersonAnswered = false;
    for (std::size_t i = reset; i < run.files.size(); ++i) {
        const auto name = run.files[i].filename().string().substr(3);
        const auto now = readFile(run.files[i]);
        EXPECT_NE(now, typed) << run.files[i];
        if (name == "reg-nik-next-person.png") nextPersonAnswered = true;
        if (nextPersonAnswered) continue;
        ASSERT_TRUE(before.contains(name)) << name;
        EXPECT_EQ(now, before[name]) << run.files[i];
    }
}

TEST_F(ScenarioRun, ADoubleTapOnStartDoesNotAlsoChooseALanguage) {
    // Where start and the language screen's English button overlap, the second tap of a double
    // tap on start would choose English.
    kiosk::ui::Rect both;
    for (const kiosk::ui::Size size : {kiosk::ui::Size{1024, 600}, kiosk::ui::Size{1366, 768},
                                       kiosk::ui::Size{1920, 1080}, kiosk::ui::Size{1080, 1920}}) {
        const auto start = kiosk::ui::layoutAttract(size).start;
        const auto english = kiosk::ui::layoutLanguageChoice(size).languages[1];
        const int left = std::max(start.x, english.x);
        const int top = std::max(start.y, english.y);
        both = {left, top, std::min(start.right(), english.right()) - left,
                std::min(start.bottom(), english.bottom()) - top};
        size_ = std::to_string(size.w) + "x" + std::to_string(size.h);
        if (both.w > 0 && both.h > 0) break;
    }
    ASSERT_GT(both.w, 0);
    ASSERT_GT(both.h, 0);
    const auto point = std::to_string(both.centre().x) + "," + std::to_string(both.centre().y);
    const auto run = play("tap " + point + " x2\nwait-for language-choice\nscreenshot after\n");
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_FALSE(run.shot("after").empty());
    for (const auto& f : run.files) EXPECT_EQ(f.filename().string().find("-en.png"), std::string::npos) << f;
    // Taps a person's pace apart do both count: the second one chooses English.
    const auto slow = play("tap " + point + "\ntap " + point + "\nwait-for language-choice\nscreenshot after\n");
    ASSERT_EQ(slow.exitCode, 0) << slow.err;
    EXPECT_TRUE(std::any_of(slow.files.begin(), slow.files.end(), [](const fs::path& f) {
        return f.filename().string().ends_with("-language-choice-en.png");
    }));
}

TEST_F(ScenarioRun, ADoubleTapOnStartByNameLandsOnTheLanguageScreenOnce) {
    const auto run = play("tap start x2\nwait-for language-choice\nscreenshot after\n");
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_FALSE(run.shot("after").empty());
    for (const auto& f : run.files) EXPECT_EQ(f.filename().string().find("-en.png"), std::string::npos) << f;
}

TEST_F(ScenarioRun, ATripleTapOnBackGoesBackOneStep) {
    const auto run = play("tap start\ntap next\nwait-for menu\ntap back x3\nwait-for language-choice\n");
    EXPECT_EQ(run.exitCode, 0) << run.err;
    // Without the guard the same taps, a person's pace apart, go all the way back.
    const auto slow = play("tap start\ntap next\nwait-for menu\ntap back\ntap back\nwait-for attract\n");
    EXPECT_EQ(slow.exitCode, 0) << slow.err;
}

TEST_F(ScenarioRun, AWaitThatIsNotMetFailsWithTheLineAndWhatIsShown) {
    const auto run = play("tap start\n\nwait-for menu within 5s\n");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.err.find("visit.txt:3: wait-for menu: the kiosk shows language-choice after 5000 ms"),
              std::string::npos)
        << run.err;
}

TEST_F(ScenarioRun, AControlThatIsNotOnTheScreenFails) {
    const auto run = play("tap next\n");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.err.find("visit.txt:1: no control \"next\" on attract (there: start, lang-id, lang-en"),
              std::string::npos)
        << run.err;
}

TEST_F(ScenarioRun, ASyntaxErrorExitsTwoBeforeAnythingIsDrawn) {
    const auto run = play("tap start\nwait-for\n");
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.files.empty());
    EXPECT_NE(run.err.find("visit.txt:2: wrong wait-for; expected: wait-for VIEW [within DURATION]"), std::string::npos)
        << run.err;
}

TEST_F(ScenarioRun, TheIdleTimeIsConfigurable) {
    const auto run = play(
        "tap start\nadvance 9s\nwait-for language-choice\nwait-for language-choice-countdown within 1s\n"
        "wait-for attract within 5s\n",
        {"--idle-timeout", "10", "--countdown", "5"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
}

TEST_F(ScenarioRun, TheStaffCornerNeedsAThreeSecondPress) {
    const auto run = play(
        "hold staff-corner 2s\nwait-for attract\nhold staff-corner 3s\nwait-for staff-pin\n"
        "type 1234\ntap sign-in\nwait-for staff-pin\n");
    EXPECT_EQ(run.exitCode, 0) << run.err;
}

TEST_F(ScenarioRun, DeviceInputIsTakenIn) {
    std::ofstream(dir_ / "frame.png") << "not decoded yet";
    const auto run = play("scan 3509121708950003\nmrz P<UTOERIKSSON L898902C36UTO\ncamera frame.png\n");
    EXPECT_EQ(run.exitCode, 0) << run.err;
    const auto missing = play("camera nowhere.png\n");
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_NE(missing.err.find("cannot read the camera image"), std::string::npos) << missing.err;
}

}  // namespace
