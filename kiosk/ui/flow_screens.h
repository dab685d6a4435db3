#pragma once
// Draw functions for the flow's own views: the staff PIN, the "need more time?"
// dialog and the listen-again button. Like every screen they keep no state: they draw from the
// flow's state and the frame's touch and return the Action a tap asked for.

#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/flow/visit_flow.h"
#include "kiosk/ui/catalog.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/painter.h"
#include "kiosk/ui/touch.h"

namespace kiosk::ui {

// The line under the PIN field: what to do next, or what went wrong.
std::string staffMessage(const flow::FlowState& state, const Catalog& say);
std::optional<flow::Action> drawStaffPin(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                         const Touch& touch);
// An override's sign-off: the supervisor's badge and PIN, on the PIN screen's layout.
std::optional<flow::Action> drawStaffSignOff(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                             const Touch& touch);
std::string staffSignOffMessage(const flow::FlowState& state, const Catalog& say);
// Dims whatever is drawn and asks "Perlu waktu lagi?" with the seconds left.
std::optional<flow::Action> drawCountdown(Painter& p, const Catalog& say, int secondsLeft, const Touch& touch);
// The "Kembali" button every step has at `where`; true in the frame it is tapped.
bool drawBackButton(Painter& p, const Catalog& say, Rect where, const Metrics& m, const Touch& touch);
// Returns true in the frame "Dengarkan lagi" is tapped.
bool drawListenButton(Painter& p, const Catalog& say, const Touch& touch);

}  // namespace kiosk::ui
