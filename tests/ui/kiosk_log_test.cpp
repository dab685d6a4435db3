// The kiosk's log: a line per event with its level and code, to a file with a time stamp on each
// line, in several threads at once without a torn line; a file that cannot be opened leaves the
// log where it was.

#include <gtest/gtest.h>
#include <stdlib.h>  // mkdtemp

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/app/kiosk_log.h"

namespace kiosk::app {
namespace {

class KioskLog : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (std::filesystem::temp_directory_path() / "loket-log-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
    }
    void TearDown() override {
        log::toStandardError();
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    std::vector<std::string> lines(const std::filesystem::path& file) {
        std::ifstream in(file);
        std::vector<std::string> out;
        for (std::string line; std::getline(in, line);) out.push_back(line);
        return out;
    }
    std::filesystem::path dir_;
};

TEST_F(KioskLog, AFileHasATimeStampLevelCodeAndDetailOnEachLine) {
    const auto file = dir_ / "kiosk.log";
    ASSERT_TRUE(log::toFile(file));
    log::info("start", "version 0.1.0");
    log::warn(Error{"printer.paper_out", "the printer is out of paper"});
    log::error("store.disk_full");
    const auto got = lines(file);
    ASSERT_EQ(got.size(), 3u);
    const std::regex stamp(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d kiosk: )");
    for (const auto& line : got) EXPECT_TRUE(std::regex_search(line, stamp)) << line;
    EXPECT_TRUE(got[0].ends_with("kiosk: info start: version 0.1.0")) << got[0];
    EXPECT_TRUE(got[1].ends_with("kiosk: warning printer.paper_out: the printer is out of paper")) << got[1];
    EXPECT_TRUE(got[2].ends_with("kiosk: error store.disk_full")) << got[2];
}

TEST_F(KioskLog, ThreadsLoggingAtOnceNeverTearALine) {
    const auto file = dir_ / "kiosk.log";
    ASSERT_TRUE(log::toFile(file));
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([t] {
            for (int i = 0; i < 200; ++i) log::info("thread." + std::to_string(t), "event " + std::to_string(i));
        });
    for (auto& t : threads) t.join();
    const auto got = lines(file);
    ASSERT_EQ(got.size(), 800u);
    const std::regex whole(R"(kiosk: info thread\.[0-3]: event \d{1,3}$)");
    for (const auto& line : got) ASSERT_TRUE(std::regex_search(line, whole)) << line;
}

TEST_F(KioskLog, AFileThatCannotBeOpenedLeavesTheLogWhereItWas) {
    const auto file = dir_ / "kiosk.log";
    ASSERT_TRUE(log::toFile(file));
    // Under a regular file: no folder can be made there.
    EXPECT_FALSE(log::toFile(file / "kiosk.log"));
    log::info("still.here");
    const auto got = lines(file);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_TRUE(got[0].ends_with("kiosk: info still.here"));
}

}  // namespace
}  // namespace kiosk::app
