#include "kiosk/app/kiosk_app.h"

#include <iostream>
#include <system_error>
#include <variant>

#include "kiosk/app/command_line.h"
#include "kiosk/app/launch.h"
#include "kiosk/app/main_loop.h"
#include "kiosk/app/screenshot_tour.h"
#include "kiosk/ui/catalog.h"
#include "kiosk/ui/display.h"

namespace kiosk::app {
namespace {

constexpr int kCannotRun = 1;

int fail(const Error& error) {
    std::cerr << "kiosk: " << error.code << ": " << error.detail << '\n';
    return kCannotRun;
}

int writeScreenshots(ui::Display& display, const ui::Catalogs& texts, const std::filesystem::path& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return fail(makeError("screenshots.dir", "cannot create " + dir.string() + ": " + ec.message()));
    auto files = takeScreenshotTour(display, texts, dir);
    if (!files) return fail(files.error());
    for (const auto& file : *files) std::cout << file.string() << '\n';
    return 0;
}

}  // namespace

int runKiosk(int argc, const char* const* argv) {
    const auto parsed = parseCommandLine(argc, argv, std::cout, std::cerr);
    if (const auto* exit = std::get_if<ExitNow>(&parsed)) return exit->code;
    const auto& options = std::get<Options>(parsed);

    const auto assets = locateAssets(options, processEnvironment, executableDir());
    if (!assets) return fail(assets.error());
    const auto texts = ui::Catalogs::load(*assets / "i18n");
    if (!texts) return fail(texts.error());

    const auto mode = chooseVideoMode(options, processEnvironment);
    const ui::Size defaultSize = mode == ui::VideoMode::Windowed ? ui::Size{1366, 768} : ui::Size{1920, 1080};
    auto display = ui::Display::open(ui::DisplayOptions{mode, options.size.value_or(defaultSize), *assets});
    if (!display) return fail(display.error());

    if (mode == ui::VideoMode::Offscreen) {
        if (!options.screenshots) std::cerr << "kiosk: no display; drawing the screens into screenshots/\n";
        return writeScreenshots(*display, *texts, options.screenshots.value_or("screenshots"));
    }
    return runMainLoop(*display, *texts, options.language);
}

}  // namespace kiosk::app
