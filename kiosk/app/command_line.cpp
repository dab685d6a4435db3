#include "kiosk/app/command_line.h"

#include <CLI/CLI.hpp>

#include <charconv>
#include <ostream>
#include <string>

namespace kiosk::app {
namespace {

std::optional<int> parseSide(std::string_view text) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < 200 || value > 16384) return std::nullopt;
    return value;
}

}  // namespace

std::optional<ui::Size> parseSize(std::string_view text) {
    const auto x = text.find('x');
    if (x == std::string_view::npos) return std::nullopt;
    const auto w = parseSide(text.substr(0, x));
    const auto h = parseSide(text.substr(x + 1));
    if (!w || !h) return std::nullopt;
    return ui::Size{*w, *h};
}

std::variant<Options, ExitNow> parseCommandLine(int argc, const char* const* argv, std::ostream& out,
                                                std::ostream& err) {
    CLI::App app{"Loket: the registration kiosk for Indonesian migrant workers", "kiosk"};
    app.set_version_flag("--version", std::string("kiosk ") + LOKET_VERSION);

    Options options;
    std::string script;
    std::string screenshots;
    long idleSeconds = options.idleTimeout.count();
    long countdownSeconds = options.countdown.count();
    std::string size;
    std::string assets;
    std::string lang{ui::languageCode(options.language)};
    std::string config;
    app.add_option("--config", config,
                   "The kiosk's settings file (config/kiosk.example.toml): store, keys, server, devices. Without "
                   "it nothing can be saved")
        ->type_name("FILE");
    app.add_flag("--windowed", options.windowed, "Open a window instead of filling the screen");
    app.add_option("--script", script, "Replay a scenario script (docs/scenario-scripts.md) without a display and exit")
        ->type_name("FILE");
    app.add_option("--screenshots", screenshots,
                   "Play the script (or the demo) without a display, saving every screen as a PNG file in DIR")
        ->type_name("DIR");
    app.add_flag("--no-screenshots", options.noScreenshots,
                 "Play the script without a display and without saving any PNG (crash and soak tests)");
    app.add_option("--size", size, "Window (or screenshot) size, e.g. 1080x1920")
        ->type_name("WxH")
        ->check([](const std::string& s) { return parseSize(s) ? std::string() : "expected WxH, e.g. 1366x768"; });
    app.add_option("--assets", assets, "The assets folder (default: LOKET_ASSETS_DIR, then the installed one)")
        ->type_name("DIR");
    std::string logFile;
    app.add_option("--log-file", logFile,
                   "Log to this file, rotated at 5 MiB, 5 kept (default: standard error, for the journal)")
        ->type_name("FILE");
    app.add_option("--lang", lang, "The kiosk's own language")->check(CLI::IsMember({"id", "en"}));
    app.add_option("--idle-timeout", idleSeconds, "Seconds without a touch before \"need more time?\"")
        ->type_name("SECONDS")
        ->check(CLI::Range(5L, 3600L));
    app.add_option("--countdown", countdownSeconds, "Seconds that question waits before the visit is wiped")
        ->type_name("SECONDS")
        ->check(CLI::Range(3L, 300L));

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return ExitNow{app.exit(e, out, err)};
    } catch (const CLI::ParseError& e) {
        app.exit(e, out, err);
        return ExitNow{kUsageError};
    }
    if (!script.empty()) options.script = script;
    if (!config.empty()) options.config = config;
    if (!screenshots.empty()) options.screenshots = screenshots;
    options.idleTimeout = std::chrono::seconds{idleSeconds};
    options.countdown = std::chrono::seconds{countdownSeconds};
    if (!size.empty()) options.size = parseSize(size);
    if (!assets.empty()) options.assets = assets;
    if (!logFile.empty()) options.logFile = logFile;
    options.language = ui::languageFromCode(lang).value_or(ui::kDefaultLanguage);
    return options;
}

}  // namespace kiosk::app
