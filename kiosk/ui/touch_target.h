#pragma once
// How many pixels a finger needs. A touch target must be at least 9 mm on the glass; how many
// pixels that is depends on the panel, so it comes from the display's physical size when SDL
// knows it, else from the panels kiosks are built with (pure, no SDL, except displayDpi()).

#include <optional>

#include "kiosk/ui/geometry.h"

namespace kiosk::ui {

inline constexpr double kMinTargetMillimetres = 9.0;

// Pixels per inch of the panels a kiosk of this resolution is usually built with:
// 1920x1080 at 21.5", 1366x768 at 15.6", 1080x1920 portrait at 21.5". Other sizes are taken as
// a 96 dpi desktop monitor, which errs on the side of bigger targets for any larger panel.
double typicalDpi(Size window);

// The least side of a touch target, in pixels, for a panel of `dpi` (typicalDpi() when unknown).
int minTargetPx(Size window, std::optional<double> dpi = std::nullopt);

// What SDL reports for the first display, if it reports anything believable (some drivers say
// 0 or a made-up 72). Needs SDL's video started; nullopt otherwise.
std::optional<double> displayDpi();

}  // namespace kiosk::ui
