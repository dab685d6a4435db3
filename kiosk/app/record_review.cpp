// The staff's side of the registration desk: opening a record of the worklist, a supervisor's
// sign-off, and recording a decision (RegistrationDesk's staff half; registration_desk.cpp holds
// the visitor's).

#include <chrono>
#include <nlohmann/json.hpp>

#include "kiosk/app/registration_desk.h"
#include "kiosk/app/staff_gate.h"
#include "kiosk/base/wipe.h"
#include "kiosk/core/receipt_number.h"
#include "kiosk/receipt/day_report_printout.h"
#include "kiosk/receipt/receipt_printout.h"
#include "kiosk/sync/wire_format.h"
#include "kiosk/ui/journey_texts.h"
#include "kiosk/ui/staff_screens.h"
#include "kiosk/ui/text_format.h"

namespace kiosk::app {
namespace {

using nlohmann::json;

// A member, or null when the object or the member is not there.
const json& member(const json& object, std::string_view key) {
    static const json none;
    if (!object.is_object()) return none;
    const auto it = object.find(key);
    return it != object.end() ? *it : none;
}

std::string text(const json& object, std::string_view key) {
    const json& value = member(object, key);
    return value.is_string() ? value.get<std::string>() : std::string();
}

// Zeroes every string in a parsed payload before it is freed: names, numbers and the photo.
void scrub(json& value) {
    if (value.is_string()) {
        wipe(value.get_ref<std::string&>());
    } else if (value.is_structured()) {
        for (auto& child : value) scrub(child);
    }
}

// The personal payload, parsed, and its bytes zeroed whatever happens.
json parsePayload(store::Bytes& bytes) {
    auto parsed = json::parse(bytes.begin(), bytes.end(), nullptr, false);
    wipe(bytes);
    return parsed.is_object() ? parsed : json();
}

core::DocumentState declaredState(const std::string& code) {
    if (code == "have") return core::DocumentState::Have;
    if (code == "scanned") return core::DocumentState::Scanned;
    return core::DocumentState::NotYet;
}

std::optional<core::DecisionKind> standingOf(const std::vector<store::DecisionEntry>& decisions) {
    if (decisions.empty()) return std::nullopt;
    const auto fields = json::parse(decisions.back().publicFields, nullptr, false);
    return core::decisionKindFromCode(text(fields, "decision"));
}

}  // namespace

std::optional<flow::RecordView> RegistrationDesk::openRecord(std::int64_t recordId, std::vector<std::uint8_t>& photo) {
    const auto summary = store_.record(recordId);
    if (!summary || summary->purged || summary->kind == store::RecordKind::StaffDecision) return std::nullopt;
    auto bytes = store_.personalData(recordId);
    if (!bytes) return std::nullopt;
    json payload = parsePayload(*bytes);
    if (payload.is_null()) return std::nullopt;

    flow::RecordView view;
    view.recordId = recordId;
    view.checkIn = summary->kind == store::RecordKind::ReturneeCheckIn;
    view.submissionId = summary->submissionId;
    const auto number =
        core::makeReceiptNumber(view.checkIn ? core::ReceiptKind::ReturneeCheckIn : core::ReceiptKind::Registration,
                                identity_.kioskId, recordId);
    view.number = number ? number->text() : summary->submissionId;
    const json& identity = member(payload, "identity");
    const json& passport = member(identity, "passport");
    static_cast<void>(view.name.assign(text(member(payload, "personal"), "name")));
    static_cast<void>(view.nik.assign(text(identity, "nik")));
    static_cast<void>(view.passportNumber.assign(text(passport, "number")));
    view.birthDate = text(identity, "nik_birth_date");
    if (view.birthDate.empty()) view.birthDate = text(passport, "birth_date");
    if (view.checkIn) {
        view.plan = text(member(payload, "work"), "country") + " " + text(member(payload, "return"), "reason");
        view.complaint = text(member(payload, "complaint"), "category");
        static_cast<void>(view.complaintText.assign(text(member(payload, "complaint"), "text")));
    } else {
        const json& placement = member(payload, "placement");
        view.plan = text(placement, "destination") + " " + text(placement, "sector");
        const json& checks = member(payload, "checks");
        if (checks.is_array())
            for (const auto& check : checks) view.checks.push_back(text(check, "code"));
        for (std::size_t i = 0; i < core::kAllDocuments.size(); ++i)
            view.declared[i] =
                declaredState(text(member(payload, "documents"), core::documentCode(core::kAllDocuments[i])));
    }
    std::string jpeg = text(payload, "photo_jpeg_base64");
    if (!jpeg.empty()) {
        if (auto decoded = sync::base64Decode(jpeg)) {
            photo.assign(decoded->begin(), decoded->end());
            wipe(*decoded);
            view.photo = true;
        }
        wipe(jpeg);
    }
    // The view holds what it shows; the parsed copy of everything else goes zeroed.
    scrub(payload);
    payload = json();
    if (const auto decisions = store_.decisionsFor(recordId)) view.standing = standingOf(*decisions);
    return view;
}

flow::StaffAnswer RegistrationDesk::checkSupervisor(std::string_view badge, std::string_view pin) {
    if (!staffGate_) return flow::StaffAnswer{};
    return staffGate_->signOff(badge, pin);
}

flow::DecisionRecorded RegistrationDesk::recordDecision(const flow::FlowState& state) {
    flow::DecisionRecorded answer;
    if (!state.record || !state.staffAnswer || !staffGate_) {
        answer.code = "store.failed";
        return answer;
    }
    const auto& record = *state.record;
    const auto decision = flow::decisionOf(record, state.draft, state.staffAnswer->staffId, state.staffAnswer->role);
    const auto context = flow::contextOf(record);
    if (!core::validateDecision(decision, context)) {
        answer.code = "decision.invalid";
        return answer;
    }
    const auto payload = core::decisionPayload(
        decision, context,
        core::DecisionOrigin{sync::formatRfc3339(clock_.now()), identity_.kioskId, identity_.siteId});
    store::NewDecision entry;
    entry.subject = record.recordId;
    entry.siteId = identity_.siteId;
    entry.kioskId = identity_.kioskId;
    entry.staffId = state.staffAnswer->staffId;
    if (decision.signedOffBy) entry.signedOffBy = decision.signedOffBy->staffId;
    entry.payload.assign(payload.begin(), payload.end());
    entry.publicFields = core::decisionPublicFields(decision);
    entry.outcome = decision.kind == core::DecisionKind::ReturnForCorrection ? store::LocalVerification::Returned
                                                                             : store::LocalVerification::Verified;
    entry.supervisorOverride = core::backedBySupervisor(decision);
    const auto stored = store_.recordDecision(entry);
    wipe(entry.payload);
    if (!stored) {
        const auto& code = stored.error().code;
        answer.code = code == "store.already_decided" ? "decision.already_decided"
                      : code.find("disk") != std::string::npos || code.find("full") != std::string::npos
                          ? "store.disk_full"
                          : "store.failed";
        return answer;
    }
    if (onSaved_) onSaved_();
    // On disk: a return for correction now prints the applicant's list; a printer fault costs
    // only the paper, which staff can read from the screen's record again.
    if (decision.kind == core::DecisionKind::ReturnForCorrection)
        printCorrections(record.number, decision, state.visit.language);
    answer.ok = true;
    answer.queue = staffGate_->figures();
    answer.worklist = staffGate_->worklist();
    return answer;
}

drivers::ReceiptDocument correctionSlip(const std::string& number, const core::StaffDecision& decision,
                                        const ui::Catalog& say) {
    drivers::ReceiptDocument slip;
    const auto line = [&](std::string text, drivers::TextSize size, bool bold, drivers::Alignment align) {
        slip.add(drivers::TextLine{std::move(text), size, bold, align});
    };
    line(std::string(say.lookup("correction.title")), drivers::TextSize::Double, true, drivers::Alignment::Centre);
    slip.add(drivers::PaperFeed{1});
    line(ui::formatText(say.lookup("correction.intro"), {{"number", number}}), drivers::TextSize::Normal, false,
         drivers::Alignment::Left);
    for (const auto& correction : core::correctionsOf(decision))
        line("- " + ui::formatText(say.lookup("correction.item"),
                                   {{"document", std::string(say.lookup(ui::documentKey(correction.document)))},
                                    {"reason", std::string(say.lookup(ui::reasonKey(correction.reasonCode)))}}),
             drivers::TextSize::Normal, false, drivers::Alignment::Left);
    slip.add(drivers::PaperFeed{1});
    line(std::string(say.lookup("correction.free")), drivers::TextSize::Normal, true, drivers::Alignment::Centre);
    slip.add(drivers::Cut{});
    return slip;
}

void RegistrationDesk::printCorrections(const std::string& number, const core::StaffDecision& decision,
                                        flow::Language language) {
    if (!printer_) return;
    static_cast<void>(print(correctionSlip(number, decision, texts_.in(language))));
}

std::optional<core::DayReport> RegistrationDesk::dayReport(Date today) {
    // The devices as they are now: the printer is asked, the others' last rounds are on the board.
    if (printer_) {
        static_cast<void>(printer_->pollStatus());
        if (health_) health_->post(printer_->health());
    }
    logDeviceHealth();
    const auto window = core::dayWindow(today, receipts_.utcOffset);
    auto figures = store::dayFigures(store_, window.start, window.end);
    if (!figures) return std::nullopt;
    core::DayReport report;
    report.siteId = identity_.siteId;
    report.kioskId = identity_.kioskId;
    report.day = today;
    report.utcOffset = receipts_.utcOffset;
    report.zoneName = receipts_.zoneName;
    report.generatedAt = clock_.now();
    report.figures = std::move(*figures);
    return report;
}

Result<void> RegistrationDesk::printDayReport(const core::DayReport& report, flow::Language language,
                                              std::string_view staffId) {
    if (!printer_) return makeError("printer.none", "no receipt printer is fitted");
    const ui::Catalog& say = texts_.in(language);
    const auto paper =
        receipt::dayReportDocument(report, [&](std::string_view key) { return std::string(say.lookup(key)); });
    auto printed = print(paper);
    if (printed) static_cast<void>(store_.recordStaffEvent(staffId, "staff.report_printed"));
    return printed;
}

}  // namespace kiosk::app
