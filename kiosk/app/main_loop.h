#pragma once
// The kiosk in front of a visitor: poll input, update, draw, present, until the window closes or
// the process gets SIGINT/SIGTERM (SDL turns both into its quit event). Runs on the main thread.

#include <chrono>

#include "kiosk/ui/catalog.h"
#include "kiosk/ui/display.h"
#include "kiosk/ui/language.h"

namespace kiosk::app {

// After this long without a touch the kiosk returns to its welcome screen and its own language.
inline constexpr std::chrono::seconds kIdleTimeout{90};

// Returns the process exit code.
int runMainLoop(ui::Display& display, const ui::Catalogs& texts, ui::Language home);

}  // namespace kiosk::app
