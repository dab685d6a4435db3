#include "kiosk/app/main_loop.h"

#include <chrono>

#include "kiosk/base/date.h"

namespace kiosk::app {

Date localToday() { return dateAt(std::chrono::system_clock::now(), kLocalUtcOffset); }

int runMainLoop(ui::Display& display, Session& session) {
    using Clock = std::chrono::steady_clock;
    // Without input the loop still wakes now and then: the idle countdown and a held press in
    // the staff corner need the time to move on.
    constexpr std::chrono::milliseconds kWake{250};

    while (true) {
        const auto input = display.waitInput(session.needsDraw() ? std::chrono::milliseconds{0} : kWake);
        if (input.quit) return 0;

        const auto now = Clock::now();
        session.apply(flow::Tick{now, localToday()});
        const bool holding = input.touch.current.has_value();
        if (!session.needsDraw() && !input.events && !holding) continue;  // the last frame stays on screen

        session.frame(display.painter(), input.touch, now);
        display.present();
    }
}

int runMainLoop(ui::Display& display, const ui::Catalogs& texts, ui::Language home) {
    RecordingSpeaker silent;
    flow::FlowSettings settings;
    settings.home = home;
    Session session(settings, texts, silent, nullptr);
    return runMainLoop(display, session);
}

}  // namespace kiosk::app
