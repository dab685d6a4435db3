#include "kiosk/app/kiosk_app.h"

#include <iostream>
#include <system_error>
#include <variant>

#include "kiosk/app/command_line.h"
#include "kiosk/app/espeak_speaker.h"
#include "kiosk/app/launch.h"
#include "kiosk/app/main_loop.h"
#include "kiosk/app/scenario_player.h"
#include "kiosk/app/session.h"
#include "kiosk/ui/beeper.h"
#include "kiosk/ui/catalog.h"
#include "kiosk/ui/display.h"

namespace kiosk::app {
namespace {

constexpr int kCannotRun = 1;

int fail(const Error& error) {
    std::cerr << "kiosk: " << error.code << ": " << error.detail << '\n';
    return kCannotRun;
}

// Without a script of its own, a headless kiosk plays the demo visit shipped with the assets.
int playHeadless(ui::Display& display, Session& session, const Options& options, const std::filesystem::path& assets,
                 const ui::Beeper& beeper, const RecordingSpeaker& speech) {
    const auto file = options.script.value_or(assets / "scenarios" / "demo.txt");
    const auto scenario = loadScenario(file);
    if (!scenario) {
        std::cerr << "kiosk: " << scenario.error().code << ": " << scenario.error().detail << '\n';
        return scenario.error().code == "script.syntax" ? kUsageError : kCannotRun;
    }
    const auto dir = options.screenshots.value_or("screenshots");
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return fail(makeError("screenshots.dir", "cannot create " + dir.string() + ": " + ec.message()));
    const auto files = playScenario(display, session, *scenario, dir, std::cout);
    if (!files) return fail(files.error());
    // For whoever reads the run's log (and the scenario tests): what could not be seen in the PNGs.
    std::cerr << "kiosk: played " << file.string() << ": " << files->size() << " screenshots, " << beeper.beeps()
              << " beeps (" << (beeper.audible() ? "played" : "no audio device") << "), " << speech.said().size()
              << " instructions read aloud, " << session.wipes() << " wipes\n";
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
    const bool headless = mode == ui::VideoMode::Offscreen;
    const ui::Size defaultSize = mode == ui::VideoMode::Windowed ? ui::Size{1366, 768} : ui::Size{1920, 1080};
    auto display = ui::Display::open(ui::DisplayOptions{mode, options.size.value_or(defaultSize), *assets});
    if (!display) return fail(display.error());

    flow::FlowSettings settings;
    settings.home = options.language;
    settings.idleTimeout = options.idleTimeout;
    settings.countdown = options.countdown;
    // Headless, nothing is heard: the speech is recorded and the beep goes to SDL's dummy driver.
    auto beeper = ui::Beeper::open(headless);
    RecordingSpeaker recording;
    EspeakSpeaker espeak;
    Speaker& speaker = headless ? static_cast<Speaker&>(recording) : static_cast<Speaker&>(espeak);
    Session session(settings, *texts, speaker, &beeper);

    if (headless) {
        if (!options.script && !options.screenshots)
            std::cerr << "kiosk: no display; playing the demo visit into screenshots/\n";
        return playHeadless(*display, session, options, *assets, beeper, recording);
    }
    return runMainLoop(*display, session);
}

}  // namespace kiosk::app
