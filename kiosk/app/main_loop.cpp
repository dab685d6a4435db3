#include "kiosk/app/main_loop.h"

#include "kiosk/ui/attract_flow.h"
#include "kiosk/ui/screens.h"

namespace kiosk::app {

int runMainLoop(ui::Display& display, const ui::Catalogs& texts, ui::Language home) {
    using Clock = std::chrono::steady_clock;
    // Without input the loop still wakes now and then, to notice that the visitor has left.
    constexpr std::chrono::milliseconds kIdleWake{250};

    const ui::Visit fresh{ui::AttractScreen{}, home};
    ui::Visit visit = fresh;
    auto lastInput = Clock::now();
    bool redraw = true;  // the screen on display no longer shows `visit` as it is

    while (true) {
        const auto input = display.waitInput(redraw ? std::chrono::milliseconds{0} : kIdleWake);
        if (input.quit) return 0;

        const auto now = Clock::now();
        if (input.input) lastInput = now;
        if (now - lastInput >= kIdleTimeout && visit != fresh) {
            visit = ui::onEvent(visit, ui::IdleTimedOut{home});
            redraw = true;
        }
        if (!redraw && !input.events) continue;  // nothing new: the last frame stays on screen

        const auto event = ui::drawVisit(display.painter(), texts, visit, input.touch);
        display.present();

        redraw = event.has_value();
        if (event) visit = ui::onEvent(visit, *event);
    }
}

}  // namespace kiosk::app
