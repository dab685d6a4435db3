#pragma once
// The registration journey's back office on the kiosk: writes a finished registration and its
// outbox row in one durable transaction, signs its receipt, prints it, and counts under-age stops.
// Lives on the UI thread (its Store connection is that thread's); the printer is called from it.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "drivers/api/receipt_printer.h"
#include "kiosk/app/health_board.h"
#include "kiosk/app/journey_services.h"
#include "kiosk/base/clock.h"
#include "kiosk/core/receipt_content.h"
#include "kiosk/store/day_report.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/device_key.h"
#include "kiosk/sync/receipt_signature.h"
#include "kiosk/ui/catalog.h"

namespace kiosk::app {

class StaffGate;

struct DeskIdentity {
    std::string kioskId;
    std::string siteId;
};

class RegistrationDesk final : public JourneyServices {
public:
    // `printer` may be null (no printer fitted: the receipt is on screen only). `onSaved` runs after
    // each committed record (the app wakes the sync thread with it).
    RegistrationDesk(store::Store& store, const sync::DeviceKey& key, DeskIdentity identity, const Clock& clock,
                     const ui::Catalogs& texts, drivers::ReceiptPrinter* printer, core::ReceiptSettings receipts,
                     std::function<void()> onSaved = {});

    bool nikPendingHere(std::string_view nik) override;
    Result<flow::SavedRegistration> saveRegistration(
        const flow::FlowState& state, std::span<const std::uint8_t> photoJpeg,
        std::span<const std::vector<std::uint8_t>> documentImages = {}) override;
    Result<void> printReceipt(const flow::SavedRegistration& saved, flow::Language language) override;
    void recordUnderAge(int minimumAge, flow::Language language) override;
    flow::ReceiptStatus receiptStatus(std::string_view scanned) override;
    flow::StaffAnswer signInStaff(std::string_view badge, std::string_view pin) override;
    void staffSignedOut(std::string_view staffId, std::string_view action) override;
    // The staff's review (record_review.cpp).
    std::optional<flow::RecordView> openRecord(std::int64_t recordId, std::vector<std::uint8_t>& photo) override;
    flow::StaffAnswer checkSupervisor(std::string_view badge, std::string_view pin) override;
    flow::DecisionRecorded recordDecision(const flow::FlowState& state) override;
    std::optional<core::DayReport> dayReport(Date today) override;
    Result<void> printDayReport(const core::DayReport& report, flow::Language language,
                                std::string_view staffId) override;

    // The hotline and time zone printed on receipts, from the configuration.
    void useReceiptSettings(core::ReceiptSettings receipts) { receipts_ = std::move(receipts); }
    // Where the devices' health is posted; without a board no device event is written.
    // `board` must outlive the desk.
    void watchDevicesWith(HealthBoard* board) { health_ = board; }
    // Writes what changed on the board since the last call as device events. On the UI thread:
    // after each print (which posts the printer's health), before a day report (which asks the
    // printer how it is), and between visitors.
    void logDeviceHealth();

    // Who may sign in; without a gate (no configuration yet) staff sign-in is unavailable.
    void admitStaffWith(StaffGate* gate) { staffGate_ = gate; }

    // The keys receipts are checked with and the server's review states; without them every
    // receipt is "receipt.unavailable". `keys` must outlive the desk.
    void checkReceiptsWith(const sync::ReceiptKeyring& keys, std::filesystem::path statusesFile);

    // What the store counts under-age stops as (nothing else about the person is kept).
    static constexpr std::string_view kUnderAgeCounter = store::kUnderAgeStopCounter;

private:
    // Prints `paper`, then logs what the printer's health became.
    Result<void> print(const drivers::ReceiptDocument& paper);
    // A return for correction's list for the applicant: each document and why, nothing else.
    void printCorrections(const std::string& number, const core::StaffDecision& decision, flow::Language language);

    store::Store& store_;
    const sync::DeviceKey& key_;
    DeskIdentity identity_;
    const Clock& clock_;
    const ui::Catalogs& texts_;
    drivers::ReceiptPrinter* printer_;
    core::ReceiptSettings receipts_;
    std::function<void()> onSaved_;
    const sync::ReceiptKeyring* receiptKeys_ = nullptr;
    StaffGate* staffGate_ = nullptr;
    HealthBoard* health_ = nullptr;
    std::filesystem::path statusesFile_;
    // The last receipt's facts, to print again without keeping anything else of the visit.
    std::optional<core::ReceiptFacts> lastFacts_;
};

// A return for correction's list for the applicant, in `say`'s words: the registration number,
// each document to bring again and why, and that the correction is free. Nothing else of them.
drivers::ReceiptDocument correctionSlip(const std::string& number, const core::StaffDecision& decision,
                                        const ui::Catalog& say);

// The hex SHA-256 of the consent text exactly as shown in `language` for `journey`.
std::string consentTextSha256(const ui::Catalogs& texts, flow::Language language,
                              flow::Journey journey = flow::Journey::Registration);

}  // namespace kiosk::app
