#include "kiosk/app/main_loop.h"

#include <chrono>

#include "kiosk/app/kiosk_log.h"
#include "kiosk/app/live_inputs.h"
#include "kiosk/app/service_notifier.h"
#include "kiosk/base/date.h"

namespace kiosk::app {

Date localToday(std::chrono::minutes utcOffset) { return dateAt(std::chrono::system_clock::now(), utcOffset); }

int runMainLoop(ui::Display& display, Session& session, LiveInputs* live,
                const std::function<void(Session&)>& betweenVisitors, ServiceNotifier* service) {
    using Clock = std::chrono::steady_clock;
    // Without input the loop still wakes now and then: the idle countdown and a held press in
    // the staff corner need the time to move on.
    constexpr std::chrono::milliseconds kWake{250};
    auto lastBetween = Clock::now();

    while (true) {
        const auto input = display.waitInput(session.needsDraw() ? std::chrono::milliseconds{0} : kWake);
        if (input.quit) {
            if (service) service->stopping();
            return 0;
        }

        const auto now = Clock::now();
        if (service) service->alive(now);
        const bool arrived = live && live->pump(session, now);
        session.apply(flow::Tick{now, localToday(session.state().settings.utcOffset)});
        if (betweenVisitors && now - lastBetween >= kBetweenVisitorsEvery && session.betweenVisitors()) {
            lastBetween = now;
            betweenVisitors(session);
        }
        if (live) {
            live->followScreen(session.state());
            if (auto problem = live->takeProblem()) log::warn(*problem);
        }
        const bool holding = input.touch.current.has_value();
        if (!session.needsDraw() && !input.events && !holding && !arrived) continue;  // the last frame stays on screen

        session.frame(display.painter(), input.touch, now, live ? live->view() : ui::JourneyView{});
        if (live) {
            live->drawOver(display.painter(), session.drawn());
            live->followScreen(session.state());  // a tap may have changed the screen
        }
        display.present();
        if (service) service->ready();
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
