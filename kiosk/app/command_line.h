#pragma once
// kiosk [--config FILE] [--windowed] [--script FILE] [--screenshots DIR | --no-screenshots] [--size WxH] [--assets DIR]
// [--lang id|en]
//       [--idle-timeout SECONDS] [--countdown SECONDS] [--version] [--help]

#include <chrono>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string_view>
#include <variant>

#include "kiosk/ui/geometry.h"
#include "kiosk/ui/language.h"

namespace kiosk::app {

struct Options {
    bool windowed = false;
    std::optional<std::filesystem::path> config;       // the settings file: store, keys, server, devices
    std::optional<std::filesystem::path> script;       // replay this scenario headless and exit
    std::optional<std::filesystem::path> screenshots;  // where a headless run saves its PNGs
    bool noScreenshots = false;                        // a script played without saving any
    std::optional<ui::Size> size;
    std::optional<std::filesystem::path> assets;
    std::optional<std::filesystem::path> logFile;  // a rotating log file instead of standard error
    ui::Language language = ui::kDefaultLanguage;  // the language the kiosk returns to between visitors
    std::chrono::seconds idleTimeout{60};          // without a touch, then "need more time?"
    std::chrono::seconds countdown{20};            // how long that question waits before the visit is wiped
};

// --help and --version were answered (code 0), or the command line was wrong (code 2, reason on
// `err`).
struct ExitNow {
    int code = 0;
};

inline constexpr int kUsageError = 2;

std::variant<Options, ExitNow> parseCommandLine(int argc, const char* const* argv, std::ostream& out,
                                                std::ostream& err);

// "1920x1080" -> {1920, 1080}; each side 200..16384.
std::optional<ui::Size> parseSize(std::string_view text);

}  // namespace kiosk::app
