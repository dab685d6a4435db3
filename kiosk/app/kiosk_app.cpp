#include "kiosk/app/kiosk_app.h"

#include <stdlib.h>  // mkdtemp
#include <unistd.h>  // getpid, getppid

#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <system_error>
#include <variant>

#include "kiosk/app/command_line.h"
#include "kiosk/app/espeak_speaker.h"
#include "kiosk/app/kiosk_log.h"
#include "kiosk/app/kiosk_services.h"
#include "kiosk/app/launch.h"
#include "kiosk/app/live_inputs.h"
#include "kiosk/app/main_loop.h"
#include "kiosk/app/scenario_player.h"
#include "kiosk/app/service_notifier.h"
#include "kiosk/app/session.h"
#include "kiosk/ui/beeper.h"
#include "kiosk/ui/catalog.h"
#include "kiosk/ui/display.h"
#include "kiosk/ui/wake_event.h"

namespace kiosk::app {
namespace {

constexpr int kCannotRun = 1;

int fail(const Error& error) {
    log::error(error);
    return kCannotRun;
}

// Without a script of its own, a headless kiosk plays the demo visit shipped with the assets.
int playHeadless(ui::Display& display, Session& session, const Options& options, const std::filesystem::path& assets,
                 const ui::Beeper& beeper, const RecordingSpeaker& speech) {
    const auto file = options.script.value_or(assets / "scenarios" / "demo.txt");
    const auto scenario = loadScenario(file);
    if (!scenario) {
        log::error(scenario.error());
        return scenario.error().code == "script.syntax" ? kUsageError : kCannotRun;
    }
    // An empty folder: nothing is saved.
    const std::filesystem::path dir =
        options.noScreenshots ? std::filesystem::path{} : options.screenshots.value_or("screenshots");
    std::error_code ec;
    if (!dir.empty()) std::filesystem::create_directories(dir, ec);
    if (ec) return fail(makeError("screenshots.dir", "cannot create " + dir.string() + ": " + ec.message()));
    const auto files = playScenario(display, session, *scenario, dir, std::cout);
    if (!files) return fail(files.error());
    // For whoever reads the run's log (and the scenario tests): what could not be seen in the PNGs.
    log::info("played", file.string() + ": " + std::to_string(files->size()) + " screenshots, " +
                            std::to_string(beeper.beeps()) + " beeps (" +
                            (beeper.audible() ? "played" : "no audio device") + "), " +
                            std::to_string(speech.said().size()) + " instructions read aloud, " +
                            std::to_string(session.wipes()) + " wipes");
    return 0;
}

// A kiosk played headless without its settings file still saves and prints, into a store made
// for the run: the demo works on any laptop. Nothing of it outlives the run but the printed
// receipts, drawn as PNGs beside the screenshots.
struct DemoSettings {
    std::filesystem::path dir;
    std::filesystem::path file;
    ~DemoSettings() {
        std::error_code ec;
        if (!dir.empty()) std::filesystem::remove_all(dir, ec);
    }
};

Result<void> writeDemoSettings(DemoSettings& demo, const std::filesystem::path& receipts) {
    std::string pattern = (std::filesystem::temp_directory_path() / "loket-demo-XXXXXX").string();
    if (!mkdtemp(pattern.data())) return makeError("demo.settings", "cannot create a folder for the demo's store");
    demo.dir = pattern;
    demo.file = demo.dir / "kiosk.toml";
    std::ofstream out(demo.file);
    out << "[kiosk]\nid = \"KIOSK-DEMO-01\"\nsite_id = \"LTSA-DEMO\"\n\n"
        << "[store]\ndatabase = \"kiosk.db\"\nmaster_key = \"master.key\"\n\n"
        << "[sync]\ndevice_key = \"device.key\"\nstate_dir = \"sync\"\n\n"
        << "[devices.printer]\nbackend = \"simulated\"\noutput_dir = \"" << receipts.string() << "\"\n";
    if (!out.flush()) return makeError("demo.settings", "cannot write " + demo.file.string());
    return {};
}

// systemd not hearing the kiosk (a socket gone) is said once, on the way out; `code` unchanged.
int withServiceProblem(const ServiceNotifier& service, int code) {
    if (service.problem()) log::warn("service.notify", *service.problem());
    return code;
}

}  // namespace

int runKiosk(int argc, const char* const* argv) {
    const auto parsed = parseCommandLine(argc, argv, std::cout, std::cerr);
    if (const auto* exit = std::get_if<ExitNow>(&parsed)) return exit->code;
    const auto& options = std::get<Options>(parsed);
    if (options.logFile && !log::toFile(*options.logFile))
        log::warn("log.file", "cannot write " + options.logFile->string() + "; logging to standard error");

    const auto assets = locateAssets(options, processEnvironment, executableDir());
    if (!assets) return fail(assets.error());
    log::info("start", std::string("version ") + LOKET_VERSION + ", assets from " + assets->string());
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

    // With its settings file the kiosk saves, signs, prints and uploads; without it, it only shows.
    SystemClock clock;
    DemoSettings demo;  // outlives the services, whose store lives in its folder
    std::unique_ptr<KioskServices> services;
    std::optional<std::filesystem::path> config = options.config;
    if (!config && headless) {
        const auto receipts = std::filesystem::absolute(options.screenshots.value_or("screenshots")) / "receipts";
        std::error_code ec;
        std::filesystem::create_directories(receipts, ec);
        if (auto written = writeDemoSettings(demo, receipts); !written) return fail(written.error());
        config = demo.file;
    }
    if (config) {
        auto opened = KioskServices::open(*config, *texts, clock);
        if (!opened) return fail(opened.error());
        services = std::move(*opened);
        for (const auto& note : services->notes()) log::warn(note);
        services->applyTo(settings, localToday(services->utcOffset()));
    }
    Session session(settings, *texts, speaker, &beeper, services ? &services->journeys() : nullptr,
                    services ? &services->maintenance() : nullptr);

    if (headless) {
        if (!options.script && !options.screenshots)
            log::info("demo", "no display; playing the demo visit into screenshots/");
        const int played = playHeadless(*display, session, options, *assets, beeper, recording);
        // A scripted visit ends when what it saved has reached the server (or the server is not there).
        if (services && played == 0 && !services->drain(std::chrono::seconds{60}))
            log::warn("sync.queued", "some submissions are still queued; they go when the server answers");
        return played;
    }
    // Under systemd (config/loket-kiosk.service) the kiosk says when it is ready and keeps the
    // watchdog fed from its UI loop.
    auto service = ServiceNotifier::fromEnvironment(processEnvironment, static_cast<long>(::getpid()),
                                                    static_cast<long>(::getppid()));
    if (service.watchdog())
        log::info("service.watchdog", "every " + std::to_string(service.watchdog()->count() / 1000) + " ms");
    // The interactive kiosk reads its own devices; a scripted run above never starts them.
    if (services) {
        auto wakeUi = ui::makeWakeEvent();
        if (!wakeUi) return fail(wakeUi.error());
        // Between visitors the kiosk logs what became of its devices and takes what the sync
        // thread pulled since: new openings, minimum ages, staff, hotline; and drops openings
        // that expired overnight.
        const auto zone = services->utcOffset();
        Date appliedOn = localToday(zone);
        const auto takeNewDocuments = [&](Session& s) {
            services->logDeviceHealth();
            const bool changed = services->refreshDocuments();
            if (!changed && localToday(zone) == appliedOn) return;
            for (const auto& note : services->notes()) log::warn(note);
            appliedOn = localToday(zone);
            services->applyTo(settings, appliedOn);
            if (s.useSettings(settings) && changed)
                log::info("documents.applied", "newer configuration and catalogues in use");
        };
        if (auto* channels = services->startDeviceThreads(std::move(*wakeUi))) {
            LiveInputs live(*channels, *texts, display->painter().preferredVideoLayout());
            session.useDocumentCamera([&live] { return live.documentPicture(); });
            const int code = runMainLoop(*display, session, &live, takeNewDocuments, &service);
            session.useDocumentCamera({});
            return withServiceProblem(service, code);
        }
        return withServiceProblem(service, runMainLoop(*display, session, nullptr, takeNewDocuments, &service));
    }
    return withServiceProblem(service, runMainLoop(*display, session, nullptr, {}, &service));
}

}  // namespace kiosk::app
