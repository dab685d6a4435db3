#include "kiosk/app/registration_desk.h"

#include <algorithm>
#include <chrono>

#include "kiosk/app/receipt_lookup.h"
#include "kiosk/app/staff_gate.h"
#include "kiosk/base/date.h"
#include "kiosk/base/wipe.h"
#include "kiosk/core/flow/registration.h"
#include "kiosk/core/mrz.h"
#include "kiosk/receipt/receipt_printout.h"
#include "kiosk/sync/receipt_signature.h"
#include "kiosk/sync/wire_format.h"
#include "kiosk/ui/journey_texts.h"

namespace kiosk::app {
namespace {

std::vector<std::string> purposesOf(const flow::RegistrationForm& form) {
    std::vector<std::string> out;
    const auto& c = form.consent;
    if (c.registration) out.emplace_back(form.journey == flow::Journey::Returnee ? "checkin" : "registration");
    if (c.updates) out.emplace_back("updates");
    if (c.trainingReferral) out.emplace_back("training");
    return out;
}

// Not personal: which of the eight documents are there, for the staff worklist.
std::string documentChecklist(const flow::RegistrationForm& form) {
    std::string checklist = "{";
    for (std::size_t i = 0; i < core::kAllDocuments.size(); ++i)
        checklist += std::string(i ? "," : "") + "\"" + std::string(core::documentCode(core::kAllDocuments[i])) +
                     "\":\"" + std::string(core::documentStateCode(form.documents[i])) + "\"";
    return checklist + "}";
}

}  // namespace

std::string consentTextSha256(const ui::Catalogs& texts, flow::Language language, flow::Journey journey) {
    const auto text = texts.in(language).lookup(ui::consentTextKey(journey));
    return sync::sha256Hex(text);
}

RegistrationDesk::RegistrationDesk(store::Store& store, const sync::DeviceKey& key, DeskIdentity identity,
                                   const Clock& clock, const ui::Catalogs& texts, drivers::ReceiptPrinter* printer,
                                   core::ReceiptSettings receipts, std::function<void()> onSaved)
    : store_(store),
      key_(key),
      identity_(std::move(identity)),
      clock_(clock),
      texts_(texts),
      printer_(printer),
      receipts_(std::move(receipts)),
      onSaved_(std::move(onSaved)) {}

bool RegistrationDesk::nikPendingHere(std::string_view nik) {
    const auto ids = store_.findByNik(nik);
    if (!ids) return false;
    for (const auto id : *ids) {
        const auto record = store_.record(id);
        if (record && record->verification == store::LocalVerification::Pending) return true;
    }
    return false;
}

Result<flow::SavedRegistration> RegistrationDesk::saveRegistration(
    const flow::FlowState& state, std::span<const std::uint8_t> photoJpeg,
    std::span<const std::vector<std::uint8_t>> documentImages) {
    const auto& form = state.visit.form;
    const bool checkIn = form.journey == flow::Journey::Returnee;
    const auto now = clock_.now();
    flow::PayloadExtras extras{checkIn ? std::string() : sync::base64Encode(photoJpeg),
                               consentTextSha256(texts_, state.visit.language, form.journey),
                               sync::formatRfc3339(now),
                               identity_.kioskId,
                               identity_.siteId,
                               {}};
    if (!checkIn)
        for (std::size_t i = 0; i < documentImages.size() && i < extras.documentImagesBase64.size(); ++i)
            if (form.documents[i] == core::DocumentState::Scanned && !documentImages[i].empty())
                extras.documentImagesBase64[i] = sync::base64Encode(documentImages[i]);
    std::string payload = checkIn ? flow::returneePayload(form, state.settings.catalogue, state.today, extras)
                                  : flow::registrationPayload(form, state.settings.catalogue, state.settings.agePolicy,
                                                              state.today, extras);
    wipe(extras.photoBase64);
    for (auto& picture : extras.documentImagesBase64) wipe(picture);

    store::NewSubmission submission;
    submission.kind = checkIn ? store::RecordKind::ReturneeCheckIn : store::RecordKind::Registration;
    submission.siteId = identity_.siteId;
    submission.kioskId = identity_.kioskId;
    submission.personalPayload.assign(payload.begin(), payload.end());
    wipe(payload);
    // Not personal: the documents' checklist, or whether a complaint waits for staff.
    const bool complaint = flow::hasComplaint(form);
    submission.publicFields =
        checkIn ? std::string(complaint ? R"({"complaint":true})" : R"({"complaint":false})") : documentChecklist(form);
    if (!form.text(flow::TextField::Nik).empty()) submission.index.nik = std::string(form.text(flow::TextField::Nik));
    if (!form.passportMrz.empty())
        if (auto mrz = core::parseMrz(form.passportMrz.view(), state.today); mrz && mrz->valid())
            submission.index.passportNumber = mrz->documentNumber;
    submission.consent = store::Consent{std::string(flow::kConsentVersion), extras.consentSha256, purposesOf(form)};
    // Registrations wait for the documents' check; a check-in waits for staff when something went
    // wrong abroad (a complaint, or rights not honoured).
    const bool staffNeeded = !checkIn || complaint || form.ticked(flow::ChipField::Rights).any();
    submission.verification = staffNeeded ? store::LocalVerification::Pending : store::LocalVerification::NotRequired;

    auto stored = store_.enqueue(submission);
    wipe(submission.personalPayload);
    if (submission.index.nik) wipe(*submission.index.nik);
    if (!stored) {
        const bool full = stored.error().code.find("disk") != std::string::npos ||
                          stored.error().code.find("full") != std::string::npos;
        return makeError(full ? "store.disk_full" : "store.failed", stored.error().code + ": " + stored.error().detail);
    }
    if (onSaved_) onSaved_();

    // The record is on disk: from here on a failure costs only the receipt, never the record.
    const auto kind = checkIn ? core::ReceiptKind::ReturneeCheckIn : core::ReceiptKind::Registration;
    auto issued = sync::issueReceipt(kind, identity_.kioskId, *stored, key_);
    flow::SavedRegistration saved;
    saved.journey = form.journey;
    if (checkIn) {
        saved.desks = flow::returneeDesks(form);
        saved.complaint = complaint;
    } else {
        saved.missing = flow::missingDocuments(form);
    }
    if (issued) {
        saved.number = issued->number;
        saved.token = issued->token;
    } else {
        saved.number = stored->submissionId;
    }
    core::ReceiptFacts facts;
    facts.kind = kind;
    facts.number = saved.number;
    facts.token = saved.token;
    facts.issuedAt = std::chrono::floor<std::chrono::seconds>(stored->createdAt);
    facts.missingDocuments = saved.missing;
    const auto desks = checkIn ? saved.desks : core::desksFor(saved.missing);
    for (const auto desk : desks) facts.desks.push_back({desk, {}});
    facts.complaintFiled = complaint;
    facts.consentPurposes = purposesOf(form);
    facts.consentVersion = std::string(flow::kConsentVersion);
    lastFacts_ = facts;
    return saved;
}

Result<void> RegistrationDesk::printReceipt(const flow::SavedRegistration& saved, flow::Language language) {
    if (!printer_) return makeError("printer.none", "no receipt printer is fitted");
    if (!lastFacts_ || lastFacts_->number != saved.number) return makeError("receipt.unknown", "not the last receipt");
    lastFacts_->language = std::string(flow::languageCode(language));
    const auto content = core::receiptContent(*lastFacts_, receipts_);
    const ui::Catalog& say = texts_.in(language);
    const auto paper =
        receipt::receiptDocument(content, [&](std::string_view key) { return std::string(say.lookup(key)); });
    return print(paper);
}

Result<void> RegistrationDesk::print(const drivers::ReceiptDocument& paper) {
    auto printed = printer_->print(paper);
    if (health_) health_->post(printer_->health());
    logDeviceHealth();
    return printed;
}

void RegistrationDesk::logDeviceHealth() {
    if (!health_) return;
    for (const auto& change : health_->takeChanges()) {
        const auto& h = change.health;
        static_cast<void>(store_.recordDeviceEvent(drivers::componentCode(h.component),
                                                   drivers::deviceStateCode(h.state), h.lastError, change.at));
    }
}

void RegistrationDesk::checkReceiptsWith(const sync::ReceiptKeyring& keys, std::filesystem::path statusesFile) {
    receiptKeys_ = &keys;
    statusesFile_ = std::move(statusesFile);
}

flow::ReceiptStatus RegistrationDesk::receiptStatus(std::string_view scanned) {
    if (!receiptKeys_) return flow::ReceiptStatus::because("receipt.unavailable");
    return lookUpReceipt(scanned, ReceiptRecords{*receiptKeys_, identity_.kioskId, store_, statusesFile_});
}

flow::StaffAnswer RegistrationDesk::signInStaff(std::string_view badge, std::string_view pin) {
    if (!staffGate_) return flow::StaffAnswer{};  // Unavailable
    return staffGate_->signIn(badge, pin);
}

void RegistrationDesk::staffSignedOut(std::string_view staffId, std::string_view action) {
    if (staffGate_) staffGate_->signedOut(staffId, action);
}

void RegistrationDesk::recordUnderAge(int minimumAge, flow::Language language) {
    static_cast<void>(store_.incrementCounter(kUnderAgeCounter));
    if (!printer_) return;
    // The referral slip names no one: staff take over from here, with the child and the family.
    const ui::Catalog& say = texts_.in(language);
    drivers::ReceiptDocument slip;
    slip.add(drivers::TextLine{std::string(say.lookup("under_age.slip_title")), drivers::TextSize::Double, true,
                               drivers::Alignment::Centre});
    slip.add(drivers::PaperFeed{1});
    slip.add(drivers::TextLine{std::string(say.lookup("under_age.slip_staff")), drivers::TextSize::Normal, false,
                               drivers::Alignment::Left});
    slip.add(drivers::TextLine{
        identity_.siteId + " / " + identity_.kioskId + " / " +
            core::formatReceiptTime(std::chrono::floor<std::chrono::seconds>(clock_.now()), receipts_) + " / " +
            std::to_string(minimumAge) + "+",
        drivers::TextSize::Normal, false, drivers::Alignment::Left});
    slip.add(drivers::Cut{});
    static_cast<void>(print(slip));
}

}  // namespace kiosk::app
