// The wake that the devices and camera threads send the UI thread: one SDL user event, which ends
// Display::waitInput's wait at once and counts as "something happened" (draw again).

#include "kiosk/ui/wake_event.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

#include "kiosk/ui/display.h"
#include "kiosk/ui/sdl_handles.h"

namespace kiosk::ui {
namespace {

using namespace std::chrono_literals;

TEST(WakeEvent, EndsTheWaitForInputAtOnce) {
    auto display = Display::open(DisplayOptions{VideoMode::Offscreen, Size{640, 480}, LOKET_SOURCE_ASSETS_DIR});
    ASSERT_TRUE(display) << display.error().detail;
    SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
    auto wake = makeWakeEvent();
    ASSERT_TRUE(wake) << wake.error().detail;

    // Whatever the window itself still has to say (shown, exposed) goes first.
    bool quiet = false;
    for (int i = 0; i < 10 && !quiet; ++i) quiet = !display->waitInput(0ms).events;
    ASSERT_TRUE(quiet);
    (*wake)();
    const auto start = std::chrono::steady_clock::now();
    const auto woken = display->waitInput(10s);
    EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
    EXPECT_TRUE(woken.events);
    EXPECT_FALSE(woken.input) << "a wake is not the visitor";
    EXPECT_FALSE(woken.quit);
}

}  // namespace
}  // namespace kiosk::ui
