#pragma once
// The kiosk in front of a visitor, top to bottom: wait for input (or the next tick), update the
// flow with the time, draw, present; until SIGINT/SIGTERM, which SDL turns into its quit event.
// In fullscreen the window's own close (Alt-F4) does not quit: see Display. Runs on the main thread.

#include <chrono>
#include <functional>

#include "kiosk/app/session.h"
#include "kiosk/base/date.h"
#include "kiosk/ui/catalog.h"
#include "kiosk/ui/display.h"
#include "kiosk/ui/language.h"

namespace kiosk::app {

// The kiosk's civil day is Western Indonesian Time (WIB, UTC+7, no daylight saving) unless the
// configuration's [kiosk] time_zone says WITA or WIT (flow::FlowSettings::utcOffset).
inline constexpr std::chrono::minutes kLocalUtcOffset{7 * 60};
// Today at the kiosk, from the system clock.
Date localToday(std::chrono::minutes utcOffset = kLocalUtcOffset);

class LiveInputs;
class ServiceNotifier;

// Returns the process exit code. With `live`, what the devices and the camera read reaches the
// session each iteration, before the tick, and the camera picture is drawn.
// `betweenVisitors`, when given, runs every kBetweenVisitorsEvery while the session shows the
// attract screen with nobody mid-visit (the app takes new catalogues then).
// `service`, when given, hears READY once the first screen is presented, a keep-alive from every
// iteration (the loop wakes at least every 250 ms), and STOPPING on the way out.
inline constexpr std::chrono::seconds kBetweenVisitorsEvery{10};
int runMainLoop(ui::Display& display, Session& session, LiveInputs* live = nullptr,
                const std::function<void(Session&)>& betweenVisitors = {}, ServiceNotifier* service = nullptr);
// Silent (no speech, no beep), with the flow's default timings: for tests.
int runMainLoop(ui::Display& display, const ui::Catalogs& texts, ui::Language home);

}  // namespace kiosk::app
