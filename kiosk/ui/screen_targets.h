#pragma once
// What each view offers, by name: the controls a scenario script can touch ("start", "next",
// "key-5", ...) with their places, and the instruction read aloud. Computed from the same layouts
// the draw functions use, so a name always points at what is drawn. Pure, no SDL.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/flow/visit_flow.h"
#include "kiosk/ui/catalog.h"
#include "kiosk/ui/geometry.h"

namespace kiosk::ui {

struct NamedTarget {
    std::string name;
    Rect place;
};

// The dialog's controls first (when it is open), then the screen's, then "staff-corner".
std::vector<NamedTarget> targetsOf(const flow::FlowState& state, Size window);
std::optional<Rect> findTarget(const flow::FlowState& state, Size window, std::string_view name);

// The screen's name, with "-countdown" while "need more time?" is open: "phone-entry-countdown".
std::string viewName(const flow::FlowState& state);

// The text "Dengarkan lagi" reads, in the visitor's language; empty where nothing is read (staff).
std::string instructionFor(const flow::FlowState& state, const Catalogs& texts);

}  // namespace kiosk::ui
