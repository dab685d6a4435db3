#include "kiosk/store/retention.h"

#include <vector>

#include "kiosk/store/audit_log.h"
#include "kiosk/store/outbox.h"
#include "kiosk/store/submission.h"

namespace kiosk::store {

Result<PurgeReport> purgeExpired(Database& db, const Clock& clock, const RetentionPolicy& policy) {
    const auto now = clock.now();
    const auto cutoff = toUnixMillis(now - policy.afterAcknowledgement);
    PurgeReport report;
    {
        auto tx = Transaction::begin(db);
        if (!tx) return tx.error();
        auto due = db.prepare(
            "SELECT r.id FROM records r JOIN outbox o ON o.record_id = r.id "
            "WHERE o.state = 'acknowledged' AND o.acknowledged_at <= ?1 "
            "AND r.local_verification NOT IN ('pending', 'returned') AND r.purged_at IS NULL ORDER BY r.id");
        if (!due) return due.error();
        due->bind(1, cutoff);
        std::vector<RecordId> ids;
        for (;;) {
            auto row = due->step();
            if (!row) return row.error();
            if (!*row) break;
            ids.push_back(due->integer(0));
        }
        for (const auto id : ids) {
            for (const auto* sql :
                 {"DELETE FROM record_keys WHERE record_id = ?1", "DELETE FROM record_payloads WHERE record_id = ?1",
                  "DELETE FROM record_index WHERE record_id = ?1"}) {
                auto del = db.prepare(sql);
                if (!del) return del.error();
                if (auto r = del->bind(1, id).run(); !r) return r.error();
            }
            auto mark = db.prepare("UPDATE records SET purged_at = ?2 WHERE id = ?1");
            if (!mark) return mark.error();
            if (auto r = mark->bind(1, id).bind(2, toUnixMillis(now)).run(); !r) return r.error();
            if (auto r = appendAudit(db, now, "retention", "record.purged", id); !r) return r.error();
        }
        if (auto r = tx->commit(); !r) return r.error();
        report.purged = static_cast<std::int64_t>(ids.size());
    }
    if (report.purged > 0)
        if (auto r = compact(db); !r) return r.error();
    auto status = Outbox(db, clock).status();
    if (!status) return status.error();
    report.unsent = status->unsent();
    report.oldestUnsentAge = status->oldestUnsentAge;
    return report;
}

Result<void> compact(Database& db) {
    auto vacuum = db.prepare("PRAGMA incremental_vacuum");
    if (!vacuum) return vacuum.error();
    if (auto r = vacuum->run(); !r) return r.error();
    // Checkpoint after the vacuum so the truncated, zeroed pages reach the main file and the WAL is
    // emptied. A reader holding an old snapshot makes it report busy; the next purge retries.
    auto checkpoint = db.prepare("PRAGMA wal_checkpoint(TRUNCATE)");
    if (!checkpoint) return checkpoint.error();
    auto row = checkpoint->step();
    if (!row) return row.error();
    if (*row && checkpoint->integer(0) != 0)
        return Error{"store.busy", "WAL checkpoint could not finish: another connection is reading"};
    return {};
}

}  // namespace kiosk::store
