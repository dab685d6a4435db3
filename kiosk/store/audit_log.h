#pragma once
// The audit log: PII-free entries (who, what, which record, when) in a hash chain.
// hash(n) = BLAKE2b-256(hash(n-1) || canonical bytes of entry n), hash(0) = 32 zero bytes; the head
// (last seq and hash) is also kept in its own row, so cutting entries off the end is detected too.
// These functions run on the caller's connection and thread.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/clock.h"
#include "kiosk/base/result.h"
#include "kiosk/store/database.h"
#include "kiosk/store/submission.h"

namespace kiosk::store {

struct AuditEntry {
    std::int64_t seq = 0;
    Clock::TimePoint at;
    std::string actor;   // "kiosk", "sync" or a staff id; never a name
    std::string action;  // dotted: "record.created", "record.purged"
    std::optional<RecordId> recordId;
};

struct AuditVerdict {
    std::int64_t entries = 0;
    std::optional<std::int64_t> firstBadSeq;  // set when the chain is broken
    std::string reason;                       // why it is broken; empty when intact
    std::string headHex;                      // the head hash as stored (sent with heartbeats)
    bool intact() const { return !firstBadSeq; }
};

// Appends one entry; must run inside the caller's open write transaction so that the entry
// commits or rolls back with what it describes. Returns the entry's seq.
Result<std::int64_t> appendAudit(Database& db, Clock::TimePoint at, std::string_view actor, std::string_view action,
                                 std::optional<RecordId> recordId);

// Walks the whole chain. A broken chain is a verdict, not an Error; Errors are database failures.
Result<AuditVerdict> verifyAudit(Database& db);

// The last `limit` entries, newest last.
Result<std::vector<AuditEntry>> recentAudit(Database& db, std::int64_t limit);

}  // namespace kiosk::store
