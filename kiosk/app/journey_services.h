#pragma once
// What the journeys ask of the rest of the kiosk when the flow returns a command: the store, the
// receipt and the printer. The Session calls it on the UI thread and turns each answer into the
// event the flow waits for.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "kiosk/base/result.h"
#include "kiosk/core/flow/visit_flow.h"

namespace kiosk::app {

class JourneyServices {
public:
    virtual ~JourneyServices() = default;

    // A registration with this NIK is waiting for staff at this site.
    virtual bool nikPendingHere(std::string_view nik) = 0;
    // Writes the registration and its outbox row in one durable transaction; only then is there a
    // number to show. `documentImages` are the JPEGs of the documents photographed, in
    // core::kAllDocuments order (those the form marks scanned go in). Errors "store.disk_full" or
    // "store.failed" (the form stays as it was).
    virtual Result<flow::SavedRegistration> saveRegistration(
        const flow::FlowState& state, std::span<const std::uint8_t> photoJpeg,
        std::span<const std::vector<std::uint8_t>> documentImages = {}) = 0;
    virtual Result<void> printReceipt(const flow::SavedRegistration& saved, flow::Language language) = 0;
    // Counts the stop and prints the referral slip for staff; nothing about the person is kept.
    virtual void recordUnderAge(int minimumAge, flow::Language language) = 0;
    // "Cek status": checks a scanned receipt offline and finds its record's progress.
    virtual flow::ReceiptStatus receiptStatus(std::string_view scanned) = 0;
    // Staff sign-in with a badge and a PIN, and the sign-out the audit log records.
    virtual flow::StaffAnswer signInStaff(std::string_view badge, std::string_view pin) = 0;
    virtual void staffSignedOut(std::string_view staffId, std::string_view action) = 0;
    // A record of the worklist as a staff member sees it, photo and all (the photo's JPEG goes to
    // `photo`); none when it cannot be read (purged, or the store fails).
    virtual std::optional<flow::RecordView> openRecord(std::int64_t recordId, std::vector<std::uint8_t>& photo) = 0;
    // A supervisor's badge and PIN for a sign-off; audited as "staff.sign_off" or a failure.
    virtual flow::StaffAnswer checkSupervisor(std::string_view badge, std::string_view pin) = 0;
    // The decision the state holds, written with its outbox row and audit entry in one
    // transaction; a return for correction prints the applicant's list. The answer carries the
    // queue and worklist as they are afterwards.
    virtual flow::DecisionRecorded recordDecision(const flow::FlowState& state) = 0;
    // The end-of-day report of the local day `today`: figures from the store, nothing personal;
    // none when they cannot be read.
    virtual std::optional<core::DayReport> dayReport(Date today) = 0;
    // Prints it in `language`; the print is audited as "staff.report_printed" by `staffId`.
    virtual Result<void> printDayReport(const core::DayReport& report, flow::Language language,
                                        std::string_view staffId) = 0;
};

}  // namespace kiosk::app
