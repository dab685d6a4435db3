// The settings file mutated at random, thousands of times from a fixed seed: the example file with
// bytes changed, lines dropped, doubled or swapped, values swapped for other types, the text cut
// short. Neither reader (the sync part, the devices part) may crash, hang or accept garbage
// silently: each answer is settings, or an error that names the file.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "drivers/setup/device_settings.h"
#include "kiosk/sync/sync_settings.h"

namespace kiosk::test {
namespace {

const std::filesystem::path kExample = std::filesystem::path(LOKET_SOURCE_DIR) / "config" / "kiosk.example.toml";
const std::filesystem::path kFile = "/etc/loket/kiosk.toml";
constexpr int kRounds = 4000;

std::string readExample() {
    std::ifstream in(kExample);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::stringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& l : lines) text += l + '\n';
    return text;
}

// One to four changes of the kinds a hand-edited or damaged file shows.
std::string mutated(const std::string& example, std::mt19937& rng) {
    auto lines = linesOf(example);
    const auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    const std::vector<std::string> values{
        "0",          "-1",      "99999999999999999999", "3.5",       "nan",        "inf",         "true",  "\"\"",
        "\"x\"",      "[]",      "[1, \"a\"]",           "{ a = 1 }", "1979-05-27", "\"\\u0000\"", "\"/\"", "'''\n'''",
        "\"KIOSK-\"", "\"WITA\""};
    const int changes = 1 + static_cast<int>(pick(4));
    for (int c = 0; c < changes && !lines.empty(); ++c) {
        const std::size_t at = pick(lines.size());
        switch (pick(7)) {
        case 0:  // a byte changed
            if (!lines[at].empty()) lines[at][pick(lines[at].size())] = static_cast<char>(pick(256));
            break;
        case 1:  // a line dropped
            lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(at));
            break;
        case 2: {  // a line doubled (a key or a table given twice)
            const std::string copy = lines[at];
            lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(pick(lines.size())), copy);
            break;
        }
        case 3:  // two lines swapped (a key under another table)
            std::swap(lines[at], lines[pick(lines.size())]);
            break;
        case 4: {  // a value of another type or range
            const auto eq = lines[at].find('=');
            if (eq != std::string::npos) lines[at] = lines[at].substr(0, eq + 1) + " " + values[pick(values.size())];
            break;
        }
        case 5:  // a key misspelt
            if (const auto eq = lines[at].find('='); eq != std::string::npos && eq > 1) lines[at].insert(eq - 1, "x");
            break;
        default:  // the file cut short at a line, as by a full disk
            lines.resize(at + 1);
            break;
        }
    }
    std::string text = joined(lines);
    if (pick(10) == 0) text.resize(pick(text.size() + 1));
    return text;
}

TEST(SettingsMutation, TheExampleItselfIsAccepted) {
    const auto example = readExample();
    ASSERT_FALSE(example.empty()) << kExample;
    EXPECT_TRUE(sync::parseSyncSettings(example, kFile));
    EXPECT_TRUE(drivers::parseDeviceSettings(example, kFile));
}

TEST(SettingsMutation, NoMutationCrashesEitherReaderAndEveryRefusalNamesTheFile) {
    const auto example = readExample();
    ASSERT_FALSE(example.empty());
    std::mt19937 rng(20261208);
    int refusedSync = 0;
    int refusedDevices = 0;
    for (int round = 0; round < kRounds; ++round) {
        const std::string text = mutated(example, rng);
        const auto syncPart = sync::parseSyncSettings(text, kFile);
        if (!syncPart) {
            ++refusedSync;
            EXPECT_EQ(syncPart.error().code, "sync.settings");
            EXPECT_EQ(syncPart.error().detail.rfind(kFile.string(), 0), 0u)
                << "round " << round << ": " << syncPart.error().detail;
        }
        const auto devicePart = drivers::parseDeviceSettings(text, kFile);
        if (!devicePart) {
            ++refusedDevices;
            EXPECT_FALSE(devicePart.error().code.empty());
            EXPECT_NE(devicePart.error().detail.find(kFile.string()), std::string::npos)
                << "round " << round << ": " << devicePart.error().detail;
        }
    }
    // The mutations must mostly do harm, or the test shows nothing.
    EXPECT_GT(refusedSync, kRounds / 5);
    EXPECT_GT(refusedDevices, kRounds / 5);
}

}  // namespace
}  // namespace kiosk::test
