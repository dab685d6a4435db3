#pragma once
// The catalogue keys of the journeys, built from the journey's own tables rather than listed one
// by one in text_keys.h: each step's title and prompt ("reg.nik.title"), each option
// ("option.marital.single"), each problem a step can report ("problem.nik.invalid"), each
// automatic check ("check.age.below_minimum"), the sections, the documents and the desks, and the
// fixed texts of the journey screens (menu, receipt, under-age stop). ui_tests holds the
// catalogues to exactly these keys plus text_keys.h.

#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/documents.h"
#include "kiosk/core/flow/registration.h"
#include "kiosk/core/flow/visit_flow.h"

namespace kiosk::ui {

std::string stepTitleKey(flow::RegStep step);
std::string stepPromptKey(flow::RegStep step);
// The second button of a step that can be answered with "not yet".
std::string skipKey(flow::RegStep step);
std::string optionKey(std::string_view code);
std::string problemKey(std::string_view code);
std::string checkKey(std::string_view code);
std::string syncStateKey(std::string_view state);        // "staff.sync.acknowledged"
std::string staffRoleKey(std::string_view role);         // "staff.role.officer"
std::string stageKey(flow::ReceiptProgress progress);    // "status.stage.in_review"
std::string statusVerdictKey(std::string_view verdict);  // "status.verdict.receipt.signature_invalid"
std::string sectionKey(int section, flow::Journey journey = flow::Journey::Registration);
// The consent's text and its mandatory purpose, which differ between the journeys.
std::string_view consentTextKey(flow::Journey journey);
std::string_view consentPurposeKey(flow::Journey journey);
std::string documentKey(core::DocumentKind kind);
// The maintenance screen: a device's name ("maintenance.part.camera"), a device state's word
// ("maintenance.state.failed"; a degraded or failed one's explanation adds "_note"), and the plain words for a logged
// problem's code ("maintenance.problem.printer", "maintenance.problem.other" for codes it does not know).
std::string partNameKey(flow::Part part);
std::string partStateKey(std::string_view state);
std::string maintenanceProblemKey(std::string_view code);
std::string deskKey(core::Desk desk);

// The fixed texts of the journey screens, each looked up by its literal key in kiosk/.
std::vector<std::string_view> journeyFixedKeys();
// Every key above, fixed ones included.
std::vector<std::string> journeyTextKeys();

}  // namespace kiosk::ui
