#pragma once
// The admin's maintenance screen and the devices' live tests. They draw from the flow's state
// (FlowState::condition, FlowState::partTest) and return the Action a tap asked for; the words
// are the catalogues', the drivers' own details shown small for the technician.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/flow/visit_flow.h"
#include "kiosk/ui/catalog.h"
#include "kiosk/ui/painter.h"
#include "kiosk/ui/registration_screens.h"
#include "kiosk/ui/touch.h"

namespace kiosk::ui {

std::optional<flow::Action> drawMaintenance(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                            const Touch& touch);
std::optional<flow::Action> drawPartTest(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                         const JourneyView& view, const Touch& touch);

// "12,3 GB" in Indonesian, "12.3 GB" in English; "850 MB" under a gigabyte.
std::string formatBytes(std::uint64_t bytes, Language language);
// "08:07" in the kiosk's zone.
std::string clockTime(std::chrono::sys_seconds at, std::chrono::minutes utcOffset);

}  // namespace kiosk::ui
