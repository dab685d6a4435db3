// Scenario scripts as text: every step's form, and mistakes reported with the file, the line and
// the form that was expected.

#include "kiosk/app/scenario_script.h"

#include <gtest/gtest.h>

namespace kiosk::app {
namespace {

using namespace std::chrono_literals;

Scenario parsed(std::string_view text) {
    auto s = parseScenario(text, "dir/visit.txt");
    EXPECT_TRUE(s) << s.error().detail;
    return s ? std::move(s).value() : Scenario{};
}

std::string failure(std::string_view text) {
    auto s = parseScenario(text, "dir/visit.txt");
    EXPECT_FALSE(s);
    if (s) return {};
    EXPECT_EQ(s.error().code, "script.syntax");
    return s.error().detail;
}

TEST(ScenarioScript, ReadsEveryStep) {
    const auto s = parsed(
        "# a visit\n"
        "\n"
        "tap start\n"
        "tap 640,360 x3\n"
        "hold staff-corner 3s\n"
        "type 0812 3456\n"
        "scan KK|3509121708950003\n"
        "mrz P<UTOERIKSSON<<ANNA L898902C36UTO7408122F\n"
        "camera faces/one.png\n"
        "language en\n"
        "wait-for reg-nik-countdown within 90s\n"
        "advance 2min\n"
        "  screenshot typed  \n");
    ASSERT_EQ(s.steps.size(), 11U);
    EXPECT_EQ(s.steps[0].line, 3);
    EXPECT_EQ(std::get<std::string>(std::get<TapStep>(s.steps[0].step).target), "start");
    const auto& triple = std::get<TapStep>(s.steps[1].step);
    EXPECT_EQ(std::get<ui::Point>(triple.target), (ui::Point{640, 360}));
    EXPECT_EQ(triple.count, 3);
    EXPECT_EQ(std::get<HoldStep>(s.steps[2].step).duration, 3s);
    EXPECT_EQ(std::get<TypeStep>(s.steps[3].step).text, "0812 3456");
    EXPECT_EQ(std::get<ScanStep>(s.steps[4].step).text, "KK|3509121708950003");
    EXPECT_EQ(std::get<MrzStep>(s.steps[5].step).lines.size(), 2U);
    EXPECT_EQ(std::get<CameraStep>(s.steps[6].step).image, std::filesystem::path("dir/faces/one.png"));
    EXPECT_EQ(std::get<LanguageStep>(s.steps[7].step).language, ui::Language::English);
    const auto& wait = std::get<WaitStep>(s.steps[8].step);
    EXPECT_EQ(wait.view, "reg-nik-countdown");
    EXPECT_EQ(wait.within, 90s);
    EXPECT_EQ(std::get<AdvanceStep>(s.steps[9].step).by, 2min);
    EXPECT_EQ(std::get<ScreenshotStep>(s.steps[10].step).name, "typed");
    EXPECT_EQ(s.steps[10].line, 13);
}

TEST(ScenarioScript, AnEmptyScriptHasNoSteps) {
    EXPECT_TRUE(parsed("").steps.empty());
    EXPECT_TRUE(parsed("# only a comment\n\n").steps.empty());
}

TEST(ScenarioScript, MistakesNameTheFileTheLineAndTheExpectedForm) {
    const struct {
        const char* text;
        const char* says;
    } cases[] = {
        {"tap start\ntap\n", "dir/visit.txt:2: tap takes a target and an optional count; expected: tap NAME|X,Y [xN]"},
        {"tap Start\n", "dir/visit.txt:1: \"Start\" is neither a control name nor X,Y; expected: tap NAME|X,Y [xN]"},
        {"tap back x0\n", "dir/visit.txt:1: the count is x1 to x10; expected: tap NAME|X,Y [xN]"},
        {"tap 10,-5\n", "expected: tap NAME|X,Y [xN]"},
        {"hold staff-corner\n",
         "dir/visit.txt:1: hold takes a target and a duration; expected: hold NAME|X,Y DURATION"},
        {"type\n", "dir/visit.txt:1: type needs text; expected: type TEXT"},
        {"mrz ONE\n", "dir/visit.txt:1: an MRZ has 2 or 3 lines; expected: mrz LINE LINE [LINE]"},
        {"language fr\n", "dir/visit.txt:1: unknown language; expected: language id|en"},
        {"\n\nwait-for attract in 5s\n", "dir/visit.txt:3: wrong wait-for; expected: wait-for VIEW [within DURATION]"},
        {"advance 5\n", "dir/visit.txt:1: advance takes one duration; expected: advance DURATION"},
        {"screenshot My Shot\n", "expected: screenshot NAME"},
        {"swipe left\n", "dir/visit.txt:1: unknown step \"swipe\"; expected: one of tap, hold,"},
    };
    for (const auto& c : cases) {
        const auto detail = failure(c.text);
        EXPECT_NE(detail.find(c.says), std::string::npos) << c.text << "\n  got: " << detail;
    }
}

TEST(ScenarioScript, Durations) {
    EXPECT_EQ(parseDuration("250ms"), 250ms);
    EXPECT_EQ(parseDuration("60s"), 60s);
    EXPECT_EQ(parseDuration("2min"), 2min);
    EXPECT_EQ(parseDuration("0s"), 0s);
    for (const char* bad : {"", "s", "5", "5h", "-5s", "1.5s", "5 s", "99999999s"})
        EXPECT_FALSE(parseDuration(bad)) << bad;
}

TEST(ScenarioScript, AMissingFileIsAReadError) {
    const auto s = loadScenario("/nonexistent/visit.txt");
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().code, "script.read");
}

TEST(ScenarioScript, TheShippedDemoParses) {
    const auto s = loadScenario(std::filesystem::path(LOKET_SOURCE_ASSETS_DIR) / "scenarios" / "demo.txt");
    ASSERT_TRUE(s) << s.error().detail;
    EXPECT_GT(s->steps.size(), 20U);
}

}  // namespace
}  // namespace kiosk::app
