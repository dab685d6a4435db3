#pragma once
// Without a display the kiosk plays a short visit by itself, tapping its own buttons, and saves
// each screen as a PNG: the attract screen and the language choice, in both languages.

#include <filesystem>
#include <vector>

#include "kiosk/base/result.h"
#include "kiosk/ui/catalog.h"
#include "kiosk/ui/display.h"

namespace kiosk::app {

// Returns the files written, in order. Error "tour.step" when a tap did not lead where it should;
// "display.png" when a file cannot be written.
Result<std::vector<std::filesystem::path>> takeScreenshotTour(ui::Display& display, const ui::Catalogs& texts,
                                                              const std::filesystem::path& dir);

}  // namespace kiosk::app
