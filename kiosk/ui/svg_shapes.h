#pragma once
// SVG documents for the painter's anti-aliased shapes, drawn white so that a tint colours them
// (SDL_image rasterises them). Pure text, no SDL.

#include <string>

#include "kiosk/ui/geometry.h"

namespace kiosk::ui {

// An oval outline filling a `size` box, the stroke inside the box.
std::string ellipseOutlineSvg(Size size, int thickness);

// A `size` box filled except for a hole (an oval, or a rectangle with round corners) at `hole`,
// given relative to the box: one path filled even-odd.
std::string veilSvg(Size size, Rect hole, bool ovalHole, int holeRadius);

}  // namespace kiosk::ui
