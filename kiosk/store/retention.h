#pragma once
// Retention: a record's personal data is purged a configured time after the server's verified
// acknowledgement, and only once no local staff verification is pending (nor awaits the applicant's
// corrections: they come back to the same record). Unsent data is never purged. The non-personal
// row (kind, times, public fields, outbox state) stays for reports.

#include <chrono>
#include <cstdint>
#include <optional>

#include "kiosk/base/clock.h"
#include "kiosk/base/result.h"
#include "kiosk/store/database.h"

namespace kiosk::store {

struct RetentionPolicy {
    std::chrono::hours afterAcknowledgement{24 * 30};
};

struct PurgeReport {
    std::int64_t purged = 0;
    std::int64_t unsent = 0;  // never purged; raise an alert when they grow old
    std::optional<std::chrono::seconds> oldestUnsentAge;
};

// Purges in one transaction (deleting the wrapped key, the ciphertext and the index hashes, with an
// audit entry per record), then checkpoints the WAL (TRUNCATE) and runs incremental_vacuum so that
// neither old pages nor the file's size outlive the data. Runs on the caller's connection.
Result<PurgeReport> purgeExpired(Database& db, const Clock& clock, const RetentionPolicy& policy);

// Zeroed free pages go back to the file system and the WAL is emptied into the main file.
Result<void> compact(Database& db);

}  // namespace kiosk::store
