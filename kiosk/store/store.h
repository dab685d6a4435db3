#pragma once
// The kiosk's memory: one connection to the local database with everything the journeys need.
// A receipt from enqueue() means the record, its consent, its outbox row and its audit entry were
// committed together with synchronous=FULL: it survives a crash and a power cut.
//
// Lives on the thread that opened it. The kiosk opens one Store per thread that needs one
// (connection A on the UI thread, connection B on the sync thread); both may share a MasterKey.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "kiosk/base/clock.h"
#include "kiosk/base/result.h"
#include "kiosk/store/database.h"
#include "kiosk/store/master_key.h"
#include "kiosk/store/outbox.h"
#include "kiosk/store/record_crypto.h"
#include "kiosk/store/retention.h"
#include "kiosk/store/submission.h"

namespace kiosk::store {

struct StoreConfig {
    std::filesystem::path database;                    // created 0600 on first start
    std::uint64_t minFreeBytes = 64ull * 1024 * 1024;  // below this, enqueue refuses
    OpenOptions open;                                  // synchronous=FULL by default
};

// The times of a staff member's wrong PINs since their last good sign-in (from the audit log),
// oldest first.
struct StaffSignIns {
    std::vector<Clock::TimePoint> failures;
};

struct RecordSummary {
    RecordId id = 0;
    RecordKind kind = RecordKind::Registration;
    std::string siteId;
    std::string kioskId;
    Clock::TimePoint createdAt;
    std::string publicFields;
    LocalVerification verification = LocalVerification::NotRequired;
    bool purged = false;
    std::string submissionId;
    std::string payloadSha256;
};

// A record waiting for the staff's check at this site, with its upload state.
struct WorkItem {
    RecordId id = 0;
    RecordKind kind = RecordKind::Registration;
    Clock::TimePoint createdAt;
    std::string publicFields;
    OutboxState outbox = OutboxState::Pending;
    LocalVerification verification = LocalVerification::Pending;  // or Returned: back for a correction
};

// One decision recorded on a record, for its history on the staff screen.
struct DecisionEntry {
    RecordId id = 0;
    std::string submissionId;
    Clock::TimePoint createdAt;
    std::string publicFields;
    OutboxState outbox = OutboxState::Pending;
};

class Store {
public:
    // Opens (creating if need be) and migrates; refuses a database newer than this build.
    static Result<std::unique_ptr<Store>> open(const StoreConfig& config, const MasterKey& masterKey,
                                               const Clock& clock);

    // Record + keys + index hashes + consent + outbox row + audit entry in one transaction.
    // "store.disk_full" before anything is written when the disk is under the floor.
    Result<Receipt> enqueue(const NewSubmission& submission);

    // The decrypted personal payload; "store.purged" once retention erased it.
    Result<Bytes> personalData(RecordId id);
    Result<RecordSummary> record(RecordId id);

    // Lookups by keyed hash (duplicate NIK at this site, find by passport number). Purged records
    // are no longer found.
    Result<std::vector<RecordId>> findByNik(std::string_view nik);
    Result<std::vector<RecordId>> findByPassport(std::string_view passportNumber);

    // The records waiting for staff (the worklist): pending, or returned for a correction and
    // awaiting the applicant; returnees' complaints first (public field "complaint": true), then
    // the oldest first.
    Result<std::vector<WorkItem>> pendingVerification(std::int64_t limit);

    Result<void> setLocalVerification(RecordId id, LocalVerification state, std::string_view actor);

    // In one transaction: the decision as a record of kind StaffDecision naming its subject, with
    // its own keys, outbox row and "record.created" entry by the staff id, as enqueue() writes one;
    // the subject's local verification set to the outcome, with its audit entry by the staff id;
    // and, when signed off, a "record.decision.signed_off" entry by the signer. Refused, writing
    // nothing: "store.not_found" (no such subject), "store.not_decidable" (the subject is itself a
    // decision, needs no verification, or was purged), "store.already_decided" (the subject is
    // Verified and this is no supervisor override).
    Result<Receipt> recordDecision(const NewDecision& decision);
    // The decisions recorded on `subject`, oldest first.
    Result<std::vector<DecisionEntry>> decisionsFor(RecordId subject);
    // `detail` is operator text about the device (a status code), never anything a person typed.
    // `at` is when it happened (now when not given).
    Result<void> recordDeviceEvent(std::string_view device, std::string_view event, std::string_view detail,
                                   std::optional<Clock::TimePoint> at = std::nullopt);
    // Staff actions without a record ("staff.sign_in", "staff.sign_in_failed", "staff.sign_out"):
    // an audit entry with the staff id as actor, committed at once.
    Result<void> recordStaffEvent(std::string_view staffId, std::string_view action);
    // The "staff.sign_in_failed" entries of `staffId` at or after `since` and after their last
    // "staff.sign_in" (at most the latest 100).
    Result<StaffSignIns> staffSignIns(std::string_view staffId, Clock::TimePoint since);
    // Counters hold numbers only (e.g. "under_age": people under 18 turned away; nothing else kept).
    Result<std::int64_t> incrementCounter(std::string_view name);
    Result<std::int64_t> counter(std::string_view name);

    Result<PurgeReport> purge(const RetentionPolicy& policy);
    Result<void> checkDiskSpace() const;

    Outbox& outbox() { return outbox_; }
    Database& database() { return db_; }

    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

private:
    // What enqueue() does before its transaction (disk check, sealing, hashing: nothing written),
    // and the rows it writes inside one; recordDecision() uses both inside its own transaction.
    struct PreparedRecord;
    Result<PreparedRecord> prepareRecord(std::span<const std::uint8_t> payload, const IndexValues& index);
    // Everything but the payload, which `prepared` holds sealed.
    Result<RecordId> insertRecord(const NewSubmission& s, const PreparedRecord& prepared);

    Store(Database db, const MasterKey& masterKey, IndexHasher hasher, const Clock& clock, StoreConfig config);
    Result<std::vector<RecordId>> findBy(IndexKind kind, std::string_view value);

    Database db_;
    const MasterKey& masterKey_;
    IndexHasher hasher_;
    const Clock& clock_;
    StoreConfig config_;
    Outbox outbox_;
};

}  // namespace kiosk::store
