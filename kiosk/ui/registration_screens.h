#pragma once
// The journey's screens: the menu, every registration step (drawn by the step's kind: a number,
// a name, a choice, chips, a scan, the camera, the checks, the documents, the review), saving,
// the receipt, the under-age stop and "Cek status". Like every screen they keep no state: they draw from the
// flow's state and return the Action a tap asked for.

#include <optional>
#include <vector>

#include "kiosk/core/flow/visit_flow.h"
#include "kiosk/ui/catalog.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/registration_layouts.h"
#include "kiosk/ui/painter.h"
#include "kiosk/ui/touch.h"

namespace kiosk::ui {

struct VideoImage;

// What the journey screens need besides the flow's state.
struct JourneyView {
    const VideoImage* camera = nullptr;  // the live picture on the photo and scan steps
    const VideoImage* recordPhoto = nullptr;  // the photo of the record a staff member has open
};

std::optional<flow::Action> drawMenu(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                     const Touch& touch);
std::optional<flow::Action> drawRegistrationStep(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                                 const JourneyView& view, const Touch& touch);
std::optional<flow::Action> drawSaving(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                       const Touch& touch);
std::optional<flow::Action> drawReceipt(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                        const Touch& touch);
// One of the eight documents held up to the camera.
std::optional<flow::Action> drawDocumentScan(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                             const JourneyView& view, const Touch& touch);
// "Cek status": scanning a receipt, and what it says.
std::optional<flow::Action> drawStatusScan(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                           const JourneyView& view, const Touch& touch);
std::optional<flow::Action> drawStatus(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                       const Touch& touch);
std::optional<flow::Action> drawUnderAge(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                          const Touch& touch);

// The words read aloud for a journey view: its title and prompt.
std::string journeyInstruction(const flow::FlowState& state, const Catalog& say);

}  // namespace kiosk::ui
