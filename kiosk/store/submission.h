#pragma once
// What the journeys hand to the store and what they get back. The store treats a record's personal
// payload as opaque bytes: it encrypts them and never looks inside.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/clock.h"
#include "kiosk/store/database.h"

namespace kiosk::store {

using RecordId = std::int64_t;

enum class RecordKind { Registration, ReturneeCheckIn, StaffDecision };
// A record's check by staff at this site. Pending and Returned await a decision (Returned: sent
// back to the applicant for correction, decided again when they come back); Verified means a
// decision to approve, reject or refer stands, and only a supervisor's override may change it.
enum class LocalVerification { NotRequired, Pending, Verified, Returned };

std::string_view toString(RecordKind kind);
std::optional<RecordKind> recordKindFrom(std::string_view text);
std::string_view toString(LocalVerification state);
std::optional<LocalVerification> localVerificationFrom(std::string_view text);

// Looked up by keyed hash only; the plain values are never stored.
struct IndexValues {
    std::optional<std::string> nik;
    std::optional<std::string> passportNumber;
};

// Proof of consent (UU 27/2022): which text, in which version, for which purposes, when, where.
struct Consent {
    std::string version;                // e.g. "2025-01-id"
    std::string textSha256;             // hex SHA-256 of the exact text shown
    std::vector<std::string> purposes;  // purpose keys the person agreed to, e.g. "registration"
};

struct NewSubmission {
    RecordKind kind = RecordKind::Registration;
    std::string siteId;
    std::string kioskId;
    std::string actor = "kiosk";  // who caused it: "kiosk" or a staff id; goes to the audit log
    Bytes personalPayload;        // names, NIK, passport, photo, ...: encrypted at rest
    std::string publicFields;     // non-personal JSON, stored plain (e.g. document checklist state)
    IndexValues index;
    std::optional<Consent> consent;
    LocalVerification verification = LocalVerification::NotRequired;
    std::optional<RecordId> subject;  // a staff decision names the record it decides on
};

// A staff decision on a record, written by Store::recordDecision. The store keeps the payload
// opaque like any other; core::StaffDecision builds it, the public fields and the override flag.
struct NewDecision {
    RecordId subject = 0;
    std::string siteId;
    std::string kioskId;
    std::string staffId;                     // who decided: the audit actor
    std::optional<std::string> signedOffBy;  // the supervisor or admin who signed it off
    Bytes payload;                           // the staff_decision payload, notes and all: encrypted at rest
    std::string publicFields;                // the decision kind, codes and staff ids; never a note
    // The subject's state from now on: Returned after a return for correction, Verified after an
    // approval, a rejection or a referral (what was decided is in the decision's public fields).
    LocalVerification outcome = LocalVerification::Verified;
    // A supervisor or an admin decided or signed off: only then may a decision replace one that
    // stands (the subject is Verified).
    bool supervisorOverride = false;
};

// Handed back only after the commit returned: a receipt means the record is on disk.
struct Receipt {
    RecordId recordId = 0;
    std::string submissionId;   // UUIDv4, the idempotency key for ever
    std::string payloadSha256;  // hex SHA-256 of the personal payload
    Clock::TimePoint createdAt;
};

// Times are stored as integer milliseconds since the Unix epoch.
std::int64_t toUnixMillis(Clock::TimePoint t);
Clock::TimePoint fromUnixMillis(std::int64_t ms);

}  // namespace kiosk::store
