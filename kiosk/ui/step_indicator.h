#pragma once
// Where the visitor is in a journey: "Langkah 3 dari 8" and a bar of segments, the finished ones
// filled, the current one outlined thickly. Draws only; it takes no taps.

#include <vector>

#include "kiosk/ui/catalog.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/painter.h"

namespace kiosk::ui {

struct StepIndicatorLayout {
    Rect text;
    std::vector<Rect> segments;
};

// `total` segments under the text line (pure).
StepIndicatorLayout layoutStepIndicator(Rect area, int total, const Metrics& m);
int stepIndicatorHeight(const Metrics& m);

// `current` counts from 1.
void stepIndicator(Painter& p, Rect area, const Metrics& m, const Catalog& texts, int current, int total);

}  // namespace kiosk::ui
