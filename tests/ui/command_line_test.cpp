// kiosk's command line: every option, and misuse answered with a reason and exit code 2.

#include "kiosk/app/command_line.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace kiosk::app {
namespace {

struct Parsed {
    std::variant<Options, ExitNow> result;
    std::string out;
    std::string err;
    const Options* options() const { return std::get_if<Options>(&result); }
    int exitCode() const { return std::get<ExitNow>(result).code; }
};

Parsed parse(std::vector<const char*> args) {
    args.insert(args.begin(), "kiosk");
    std::ostringstream out;
    std::ostringstream err;
    auto result = parseCommandLine(static_cast<int>(args.size()), args.data(), out, err);
    return {std::move(result), out.str(), err.str()};
}

TEST(CommandLine, NoArgumentsMeansFullscreenIndonesian) {
    const auto p = parse({});
    ASSERT_TRUE(p.options());
    EXPECT_FALSE(p.options()->windowed);
    EXPECT_FALSE(p.options()->screenshots);
    EXPECT_FALSE(p.options()->size);
    EXPECT_FALSE(p.options()->assets);
    EXPECT_EQ(p.options()->language, ui::Language::Indonesian);
}

TEST(CommandLine, ReadsEveryOption) {
    const auto p = parse(
        {"--windowed", "--screenshots", "/tmp/shots", "--size", "1080x1920", "--assets", "/opt/a", "--lang", "en"});
    ASSERT_TRUE(p.options()) << p.err;
    EXPECT_TRUE(p.options()->windowed);
    EXPECT_EQ(p.options()->screenshots, std::filesystem::path("/tmp/shots"));
    EXPECT_EQ(p.options()->size, (ui::Size{1080, 1920}));
    EXPECT_EQ(p.options()->assets, std::filesystem::path("/opt/a"));
    EXPECT_EQ(p.options()->language, ui::Language::English);
}

TEST(CommandLine, MisuseExitsTwoWithAReasonOnStderr) {
    for (const auto& args : std::vector<std::vector<const char*>>{
             {"--fullscreen"}, {"--size", "big"}, {"--size", "1920"}, {"--lang", "fr"}, {"--screenshots"}, {"extra"}}) {
        const auto p = parse(args);
        ASSERT_FALSE(p.options()) << args[0];
        EXPECT_EQ(p.exitCode(), kUsageError) << args[0];
        EXPECT_FALSE(p.err.empty()) << args[0];
    }
}

TEST(CommandLine, HelpAndVersionAnswerAndExitZero) {
    const auto help = parse({"--help"});
    ASSERT_FALSE(help.options());
    EXPECT_EQ(help.exitCode(), 0);
    EXPECT_NE(help.out.find("--screenshots"), std::string::npos);
    const auto version = parse({"--version"});
    ASSERT_FALSE(version.options());
    EXPECT_EQ(version.exitCode(), 0);
    EXPECT_NE(version.out.find(LOKET_VERSION), std::string::npos);
}

TEST(CommandLine, ScriptsAndTimings) {
    const auto defaults = parse({});
    ASSERT_TRUE(defaults.options());
    EXPECT_FALSE(defaults.options()->script);
    EXPECT_EQ(defaults.options()->idleTimeout, std::chrono::seconds{60});
    EXPECT_EQ(defaults.options()->countdown, std::chrono::seconds{20});
    const auto p = parse({"--script", "visit.txt", "--idle-timeout", "30", "--countdown", "10"});
    ASSERT_TRUE(p.options()) << p.err;
    EXPECT_EQ(p.options()->script, std::filesystem::path("visit.txt"));
    EXPECT_EQ(p.options()->idleTimeout, std::chrono::seconds{30});
    EXPECT_EQ(p.options()->countdown, std::chrono::seconds{10});
    for (const auto& args : std::vector<std::vector<const char*>>{
             {"--idle-timeout", "2"}, {"--idle-timeout", "soon"}, {"--countdown", "0"}, {"--script"}}) {
        const auto bad = parse(args);
        ASSERT_FALSE(bad.options()) << args[0];
        EXPECT_EQ(bad.exitCode(), kUsageError) << args[0];
    }
}

TEST(CommandLine, ParseSize) {
    EXPECT_EQ(parseSize("1366x768"), (ui::Size{1366, 768}));
    EXPECT_EQ(parseSize("200x16384"), (ui::Size{200, 16384}));
    for (const char* bad : {"", "x", "1366", "1366x", "x768", "1366X768", "1366x768x2", "-1366x768", "199x768",
                            "1366x16385", "13 66x768", "1366x768 "})
        EXPECT_FALSE(parseSize(bad)) << bad;
}

}  // namespace
}  // namespace kiosk::app
