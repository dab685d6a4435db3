#include "kiosk/ui/journey_texts.h"

#include <algorithm>
#include <array>
#include <utility>

namespace kiosk::ui {
namespace {

// The problems the registration steps report (flow::problemWith, the scan steps, the store).
constexpr auto kProblems = std::to_array<std::string_view>({"consent.required",
                                                            "nik.invalid",
                                                            "graduation-year.invalid",
                                                            "choice.none",
                                                            "passport.none",
                                                            "family-card.none",
                                                            "photo.none",
                                                            "passport.unreadable",
                                                            "family-card.too_long",
                                                            "receipt.not_printed",
                                                            "store.disk_full",
                                                            "store.failed",
                                                            "receipt.malformed",
                                                            "return-identify.none",
                                                            "return-identify.unreadable",
                                                            "return-contract-start.invalid",
                                                            "return-contract-end.invalid",
                                                            "return-contract-end.before_start",
                                                            "return-arrival.invalid",
                                                            "return-arrival.before_contract",
                                                            "staff.record_unavailable",
                                                            "decision.documents_incomplete",
                                                            "decision.nothing_to_correct",
                                                            "decision.reason_required",
                                                            "decision.category_required",
                                                            "decision.supervisor_required",
                                                            "decision.supervisor_same_person",
                                                            "decision.supervisor_not_supervisor",
                                                            "decision.already_decided",
                                                            "decision.invalid",
                                                            "staff.report_unavailable",
                                                            "staff.report_not_printed",
                                                            "document.blurry",
                                                            "document.too_dark",
                                                            "document.too_bright",
                                                            "document.no_picture",
                                                            "print.failed",
                                                            "print.no_printer",
                                                            "maintenance.sync_not_configured",
                                                            "export.no_media",
                                                            "export.read_only",
                                                            "export.media_full",
                                                            "export.not_configured",
                                                            "export.failed"});

// The maintenance screen's plain words for what the kiosk logged or the sync thread raised: the
// first entry whose code is a prefix of the problem's code gives the text's name.
constexpr std::pair<std::string_view, std::string_view> kMaintenanceProblems[] = {
    {"sync.alert.kiosk_refused", "kiosk_refused"},
    {"sync.alert.id_conflict", "id_conflict"},
    {"sync.alert.ack_mismatch", "ack_mismatch"},
    {"sync.alert.local_corruption", "local_corruption"},
    {"sync.alert.document_rejected", "document_rejected"},
    {"sync.alert.audit_chain_broken", "audit_chain_broken"},
    {"sync.alert.status_unknown", "status_unknown"},
    {"sync.queued", "queued"},
    {"sync.", "sync"},
    {"print.", "printer"},
    {"devices.", "devices"},
    {"camera.", "camera"},
    {"vision.", "camera"},
    {"documents.", "documents"},
    {"receipt.hotline", "hotline"},
    {"export.", "export"},
    {"store.disk_full", "disk_full"},
    {"store.", "store"},
    {"speech.", "speech"},
    {"service.", "service"},
    {"log.", "log"},
};

// The maintenance texts named by the flow's state or by a function, not looked up literally.
constexpr auto kMaintenanceKeys = std::to_array<std::string_view>(
    {"maintenance.printed", "maintenance.sync_started", "maintenance.exported", "maintenance.test.camera_title",
     "maintenance.test.scanner_title", "maintenance.test.mrz_title", "maintenance.test.printer_title",
     "maintenance.test.camera_prompt", "maintenance.test.scanner_prompt", "maintenance.test.mrz_prompt",
     "maintenance.test.printer_prompt", "maintenance.problem.other"});

// Why a scanned receipt could not be trusted or followed (flow::ReceiptStatus::verdict).
constexpr auto kVerdicts =
    std::to_array<std::string_view>({"receipt.signature_invalid", "receipt.kiosk_unknown", "receipt.not_found",
                                     "receipt.mismatch", "receipt.unavailable"});

// What the automatic checks can find (core::Eligibility, flow::offerFindings).
constexpr auto kChecks = std::to_array<std::string_view>({"age.below_minimum",
                                                          "age.unknown",
                                                          "identity.birth_date_mismatch",
                                                          "identity.sex_mismatch",
                                                          "passport.expired",
                                                          "passport.expires_soon",
                                                          "passport.expires_before_contract_end",
                                                          "nik.duplicate_pending",
                                                          "nik.province_unknown",
                                                          "offer.not_listed",
                                                          "offer.fee_asked",
                                                          "offer.fee_charged_where_free",
                                                          "offer.not_in_catalogue",
                                                          "offer.fee_above_catalogue",
                                                          "offer.salary_below_catalogue",
                                                          "offer.salary_currency_differs",
                                                          "offer.agency_differs",
                                                          "offer.opening_expired",
                                                          "offer.destination_differs",
                                                          "offer.sector_differs",
                                                          "offer.job_order_missing",
                                                          "offer.agency_missing",
                                                          "offer.fee_currency_differs",
                                                          "offer.fee_below_catalogue",
                                                          "offer.salary_period_differs",
                                                          "offer.salary_above_catalogue"});

constexpr auto kDesks = std::to_array<core::Desk>(
    {core::Desk::Employment, core::Desk::ComplaintsInformation, core::Desk::PopulationRegistry, core::Desk::Health,
     core::Desk::Immigration, core::Desk::Police, core::Desk::Banking, core::Desk::SocialSecurity});

constexpr auto kFixed = std::to_array<std::string_view>({
    "menu.title",
    "menu.prompt",
    "menu.register",
    "menu.register_note",
    "menu.status",
    "menu.status_note",
    "menu.return",
    "menu.return_note",
    "return.identify.receipt_read",
    "return.review.chosen",
    "return.receipt.title",
    "return.receipt.number",
    "return.receipt.desks",
    "return.receipt.complaint",
    "status_scan.title",
    "status_scan.prompt",
    "status_scan.waiting",
    "staff.scan_badge",
    "staff.badge_read",
    "staff.badge_needed",
    "staff.pin_short",
    "staff.pin_wrong",
    "staff.locked",
    "staff.badge_unknown",
    "staff.home_title",
    "staff.home_who",
    "staff.home_unsent",
    "staff.home_oldest",
    "staff.home_nothing_waiting",
    "staff.home_acknowledged",
    "staff.home_rejected",
    "staff.home_under_age",
    "staff.sign_out",
    "staff.worklist_title",
    "staff.worklist_empty",
    "staff.record_unavailable",
    "staff.record_no_photo",
    "staff.record_nik",
    "staff.record_passport",
    "staff.record_birth",
    "staff.record_checks_none",
    "staff.record_checks",
    "staff.record_no_complaint",
    "staff.record_complaint",
    "staff.record_standing",
    "decision.handled",
    "staff.document_prompt",
    "staff.document_check",
    "staff.sign_off_title",
    "staff.sign_off_prompt",
    "staff.sign_off_scan",
    "staff.sign_off_confirm",
    "staff.sign_off_locked",
    "staff.sign_off_pin_wrong",
    "correction.title",
    "correction.intro",
    "correction.item",
    "correction.free",
    "staff.worklist_complaint",
    "staff.worklist_checkin_row",
    "staff.worklist_returned_row",
    "staff.worklist_row",
    "staff.worklist_filter_empty",
    "staff.page_previous",
    "staff.page_next",
    "staff.page_label",
    "staff.report",
    "staff.report_prompt",
    "staff.report_print",
    "staff.report_page",
    "reg.scan",
    "document_scan.prompt",
    "document_scan.status",
    "document_scan.take",
    "document_scan.hint",
    "status.title",
    "status.number",
    "status.issued",
    "status.genuine",
    "status.elsewhere",
    "status.waiting_network",
    "status.checked_at_desk",
    "status.done",
    "reg.submit",
    "reg.change",
    "reg.retake",
    "reg.have",
    "reg.not_yet",
    "reg.scan.waiting",
    "reg.scan.passport_read",
    "reg.scan.family_card_read",
    "reg.photo.waiting",
    "reg.photo.taken",
    "reg.consent.updates",
    "reg.consent.training",
    "reg.checks.nik_ok",
    "reg.checks.passport_ok",
    "reg.checks.no_passport",
    "reg.checks.age_ok",
    "reg.checks.all_clear",
    "reg.review.empty",
    "reg.opening.salary",
    "reg.skills.missing",
    "reg.skills.ask_desk",
    "saving.title",
    "saving.body",
    "receipt_screen.title",
    "receipt_screen.number",
    "receipt_screen.missing",
    "receipt_screen.complete",
    "receipt_screen.hotline",
    "receipt_screen.broker_warning",
    "receipt_screen.printing",
    "receipt_screen.printed",
    "receipt_screen.done",
    "under_age.title",
    "under_age.body",
    "under_age.slip",
    "under_age.done",
    "under_age.slip_title",
    "under_age.slip_staff",
    "desk.village_head",
    "maintenance.open",
    "maintenance.devices_title",
    "maintenance.disk",
    "maintenance.disk_unknown",
    "maintenance.export",
    "maintenance.failed",
    "maintenance.failed_retry",
    "maintenance.last_sent",
    "maintenance.never_sent",
    "maintenance.paused",
    "maintenance.problems_none",
    "maintenance.problems_title",
    "maintenance.prompt",
    "maintenance.queue_title",
    "maintenance.reading",
    "maintenance.required",
    "maintenance.storage_title",
    "maintenance.sync_now",
    "maintenance.sync_off",
    "maintenance.test.camera_hint",
    "maintenance.test.code_is_test_page",
    "maintenance.test.code_read",
    "maintenance.test.mrz_bad",
    "maintenance.test.mrz_read",
    "maintenance.test.waiting",
    "maintenance.title",
    "maintenance.unsent",
    "maintenance.unsent_none",
    "maintenance.usb",
    "maintenance.usb_none",
    "maintenance.usb_read_only",
    "maintenance.usb_unknown",
    "maintenance.last_export",
    "maintenance.test",
});

}  // namespace

std::string stepTitleKey(flow::RegStep step) { return "reg." + std::string(flow::specOf(step).name) + ".title"; }
std::string stepPromptKey(flow::RegStep step) { return "reg." + std::string(flow::specOf(step).name) + ".prompt"; }
std::string skipKey(flow::RegStep step) { return "reg." + std::string(flow::specOf(step).name) + ".skip"; }
std::string optionKey(std::string_view code) { return "option." + std::string(code); }
std::string problemKey(std::string_view code) { return "problem." + std::string(code); }
std::string checkKey(std::string_view code) { return "check." + std::string(code); }
std::string syncStateKey(std::string_view state) {
    for (const auto known : {"pending", "in_flight", "sent", "acknowledged", "rejected"})
        if (state == known) return "staff.sync." + std::string(state);
    return "staff.sync.pending";
}

std::string staffRoleKey(std::string_view role) {
    if (role == "supervisor") return "staff.role.supervisor";
    if (role == "admin") return "staff.role.admin";
    return "staff.role.officer";
}

std::string stageKey(flow::ReceiptProgress progress) {
    switch (progress) {
    case flow::ReceiptProgress::SavedHere: return "status.stage.saved";
    case flow::ReceiptProgress::Sent: return "status.stage.sent";
    case flow::ReceiptProgress::Received: return "status.stage.received";
    case flow::ReceiptProgress::InReview: return "status.stage.in_review";
    case flow::ReceiptProgress::Verified: return "status.stage.verified";
    case flow::ReceiptProgress::Returned: return "status.stage.returned";
    case flow::ReceiptProgress::Refused: return "status.stage.refused";
    }
    return "status.stage.saved";
}
std::string statusVerdictKey(std::string_view verdict) {
    // "receipt.malformed" never reaches the status screen (it stays a problem on the scan screen).
    for (const auto known : kVerdicts)
        if (known == verdict) return "status.verdict." + std::string(verdict);
    return "status.verdict.receipt.unavailable";
}
std::string sectionKey(int section, flow::Journey journey) {
    return (journey == flow::Journey::Returnee ? "return.section." : "section.") + std::to_string(section);
}
std::string_view consentTextKey(flow::Journey journey) {
    return journey == flow::Journey::Returnee ? "return.consent.text" : "reg.consent.text";
}
std::string_view consentPurposeKey(flow::Journey journey) {
    return journey == flow::Journey::Returnee ? "reg.consent.checkin" : "reg.consent.registration";
}
std::string partNameKey(flow::Part part) { return "maintenance.part." + std::string(flow::partCode(part)); }
std::string partStateKey(std::string_view state) {
    for (const auto known : {"ready", "degraded", "failed", "not_fitted"})
        if (state == known) return "maintenance.state." + std::string(state);
    return "maintenance.state.failed";
}
std::string maintenanceProblemKey(std::string_view code) {
    for (const auto& [prefix, name] : kMaintenanceProblems)
        if (code.starts_with(prefix)) return "maintenance.problem." + std::string(name);
    return "maintenance.problem.other";
}
std::string documentKey(core::DocumentKind kind) { return "document." + std::string(core::documentCode(kind)); }
std::string deskKey(core::Desk desk) { return "desk." + std::string(core::deskCode(desk)); }

std::vector<std::string_view> journeyFixedKeys() { return {kFixed.begin(), kFixed.end()}; }

std::vector<std::string> journeyTextKeys() {
    std::vector<std::string> keys(kFixed.begin(), kFixed.end());
    for (const auto& spec : flow::allSteps()) {
        keys.push_back(stepTitleKey(spec.step));
        keys.push_back(stepPromptKey(spec.step));
        if (spec.skippable) keys.push_back(skipKey(spec.step));
        if (spec.text) keys.push_back(problemKey(std::string(spec.name) + ".incomplete"));
    }
    for (const auto code : flow::allOptionCodes()) keys.push_back(optionKey(code));
    for (const auto code : kProblems) keys.push_back(problemKey(code));
    for (const auto code : kChecks) keys.push_back(checkKey(code));
    for (const auto verdict : kVerdicts) keys.push_back(statusVerdictKey(verdict));
    for (const auto role : {"officer", "supervisor", "admin"}) keys.push_back(staffRoleKey(role));
    for (const auto state : {"pending", "in_flight", "sent", "acknowledged", "rejected"})
        keys.push_back(syncStateKey(state));
    for (const auto progress :
         {flow::ReceiptProgress::SavedHere, flow::ReceiptProgress::Sent, flow::ReceiptProgress::Received,
          flow::ReceiptProgress::InReview, flow::ReceiptProgress::Verified, flow::ReceiptProgress::Returned,
          flow::ReceiptProgress::Refused})
        keys.push_back(stageKey(progress));
    for (int s = 1; s <= flow::kSections; ++s) keys.push_back(sectionKey(s));
    for (const int s : {1, 2, 3, 4, 5, 6, 7}) keys.push_back(sectionKey(s, flow::Journey::Returnee));
    for (const auto journey : {flow::Journey::Registration, flow::Journey::Returnee}) {
        keys.emplace_back(consentTextKey(journey));
        keys.emplace_back(consentPurposeKey(journey));
    }
    // The reason screens' texts, by the decision's code; the staff home's news after a decision.
    for (const auto kind : {core::DecisionKind::Reject, core::DecisionKind::Refer}) {
        keys.push_back("staff.reason_title." + std::string(core::decisionKindCode(kind)));
        keys.push_back("staff.reason_prompt." + std::string(core::decisionKindCode(kind)));
    }
    keys.emplace_back("staff.decision_saved");
    keys.emplace_back("staff.report_printed");
    for (const auto filter : flow::kWorkFilters)
        keys.push_back("staff.filter." + std::string(flow::workFilterCode(filter)));
    for (const auto kind : core::kAllDocuments) keys.push_back(documentKey(kind));
    for (const auto desk : kDesks) keys.push_back(deskKey(desk));
    for (const auto kind : {core::DecisionKind::Approve, core::DecisionKind::ReturnForCorrection,
                            core::DecisionKind::Reject, core::DecisionKind::Refer})
        keys.push_back("decision." + std::string(core::decisionKindCode(kind)));
    for (const auto verdict : {core::DocumentVerdict::NotReviewed, core::DocumentVerdict::Valid,
                               core::DocumentVerdict::Invalid, core::DocumentVerdict::Missing})
        keys.push_back("staff.verdict." + std::string(core::documentVerdictCode(verdict)));
    for (const auto code : core::kDocumentReasons) keys.push_back("reason." + std::string(code));
    for (const auto code : core::kRejectReasons) keys.push_back("reason." + std::string(code));
    for (const auto code : core::kReferralCategories) keys.push_back("reason." + std::string(code));
    for (const auto key : kMaintenanceKeys) keys.emplace_back(key);
    for (const auto part : flow::kParts) keys.push_back(partNameKey(part));
    for (const auto state : {"ready", "degraded", "failed", "not_fitted"}) keys.push_back(partStateKey(state));
    for (const auto state : {"degraded", "failed"}) keys.push_back(partStateKey(state) + "_note");
    for (const auto& [prefix, name] : kMaintenanceProblems) keys.push_back(maintenanceProblemKey(prefix));
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

}  // namespace kiosk::ui
