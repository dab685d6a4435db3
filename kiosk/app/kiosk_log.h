#pragma once
// The kiosk's log: one line per event, "kiosk: LEVEL CODE: DETAIL", through spdlog, to standard
// error (which systemd hands to the journal, with its own time stamps) or, with --log-file, to a
// rotating file with a time stamp on each line (5 files of 5 MiB).
//
// What goes in is codes and operator details only: an Error's detail never holds personal data
// (kiosk/base/result.h), and nothing a visitor typed, scanned or showed to the camera is ever
// logged. The end-to-end demo test scans the whole log for the visitors' made-up values.
//
// Any thread may log.

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/result.h"

namespace kiosk::app::log {

// Standard error; the default, also before start() is called.
void toStandardError();
// A rotating file; false (and the log stays on standard error) when it cannot be opened.
bool toFile(const std::filesystem::path& file);

void info(std::string_view code, std::string_view detail = {});
void warn(std::string_view code, std::string_view detail = {});
void error(std::string_view code, std::string_view detail = {});
inline void warn(const Error& e) { warn(e.code, e.detail); }
inline void error(const Error& e) { error(e.code, e.detail); }

// A warning or an error as it was logged, for the maintenance screen's "last problems".
struct Logged {
    std::chrono::sys_seconds at{};
    std::string code;
    std::string detail;
};
// How many of the latest warnings and errors are kept in memory.
inline constexpr std::size_t kKeptProblems = 20;
// The latest warnings and errors, the newest first (at most kKeptProblems).
std::vector<Logged> recentProblems();
// Forgets them (tests).
void forgetProblems();

}  // namespace kiosk::app::log
