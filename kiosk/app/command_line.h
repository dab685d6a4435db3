#pragma once
// kiosk [--windowed] [--screenshots DIR] [--size WxH] [--assets DIR] [--lang id|en] [--version] [--help]

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
    std::optional<std::filesystem::path> screenshots;  // draw every screen into DIR and exit
    std::optional<ui::Size> size;
    std::optional<std::filesystem::path> assets;
    ui::Language language = ui::kDefaultLanguage;  // the language the kiosk returns to between visitors
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
