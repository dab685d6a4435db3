#pragma once
// The staff's review of a record: the record with its photo, checks and documents; one document's
// verdict; a decision's reason; the staff home with the worklist, and the end-of-day report. Like
// every screen they keep no state: they draw from the flow's state and return the Action a tap
// asked for. The supervisor's sign-off is in flow_screens.h.

#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/flow/visit_flow.h"
#include "kiosk/ui/catalog.h"
#include "kiosk/ui/painter.h"
#include "kiosk/ui/touch.h"

namespace kiosk::ui {

struct VideoImage;

// A staff member signed in: who, the queue, the worklist a page at a time, the report, "sign out".
std::optional<flow::Action> drawStaffHome(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                          const Touch& touch);
std::optional<flow::Action> drawStaffReport(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                            const Touch& touch);
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
std::string filterKey(flow::WorkFilter filter);         // "staff.filter.complaints"

}  // namespace kiosk::ui
