#pragma once
// The staff's review of a record: the record with its photo, checks and documents; one document's
// verdict; a decision's reason. Like every screen they keep no state: they draw from the flow's
// state and return the Action a tap asked for. The staff home (the worklist) is in
// registration_screens.h, the supervisor's sign-off in flow_screens.h.

#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/flow/visit_flow.h"
#include "kiosk/ui/catalog.h"
#include "kiosk/ui/painter.h"
#include "kiosk/ui/touch.h"

namespace kiosk::ui {

struct VideoImage;

std::optional<flow::Action> drawStaffRecord(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                            const VideoImage* photo, const Touch& touch);
std::optional<flow::Action> drawStaffDocument(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                              const Touch& touch);
std::optional<flow::Action> drawStaffReason(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                            const Touch& touch);

// Catalogue keys: "decision.approve", "reason.doc.expired", "reason.reject.duplicate", ...
std::string decisionKey(core::DecisionKind kind);
std::string reasonKey(std::string_view code);
std::string verdictKey(core::DocumentVerdict verdict);  // "staff.verdict.valid"

}  // namespace kiosk::ui
