#include "kiosk/store/day_report.h"

#include <string>

#include "kiosk/store/outbox.h"

namespace kiosk::store {

namespace {

// Prepares `sql`, binds the day as ?1 and ?2 (Unix milliseconds) and hands each row to `onRow`.
template <class OnRow>
Result<void> eachRow(Database& db, std::string_view sql, Clock::TimePoint start, Clock::TimePoint end, OnRow onRow) {
    auto query = db.prepare(sql);
    if (!query) return query.error();
    query->bind(1, toUnixMillis(start)).bind(2, toUnixMillis(end));
    for (;;) {
        auto row = query->step();
        if (!row) return row.error();
        if (!*row) return {};
        onRow(*query);
    }
}

Result<void> readKinds(Database& db, Clock::TimePoint start, Clock::TimePoint end, DayFigures& out) {
    const auto sql = "SELECT kind, count(*) FROM records WHERE created_at >= ?1 AND created_at < ?2 GROUP BY kind";
    return eachRow(db, sql, start, end, [&](Statement& row) {
        const auto kind = recordKindFrom(row.text(0));
        const auto n = row.integer(1);
        if (kind == RecordKind::Registration) out.records.registrations = n;
        if (kind == RecordKind::ReturneeCheckIn) out.records.returneeCheckIns = n;
        if (kind == RecordKind::StaffDecision) out.records.staffDecisions = n;
    });
}

Result<void> readVerification(Database& db, Clock::TimePoint start, Clock::TimePoint end, DayFigures& out) {
    const auto sql =
        "SELECT local_verification, count(*) FROM records WHERE kind = 'registration' "
        "AND created_at >= ?1 AND created_at < ?2 GROUP BY local_verification";
    return eachRow(db, sql, start, end, [&](Statement& row) {
        const auto state = localVerificationFrom(row.text(0));
        const auto n = row.integer(1);
        if (state == LocalVerification::NotRequired) out.registrations.notRequired = n;
        if (state == LocalVerification::Pending) out.registrations.pending = n;
        if (state == LocalVerification::Verified) out.registrations.verified = n;
        if (state == LocalVerification::Returned) out.registrations.returned = n;
    });
}

// "id_conflict" is the reject code the sync engine gives a 409 (kiosk/sync/answer_classifier.h).
Result<void> readOutbox(Database& db, Clock::TimePoint start, Clock::TimePoint end, DayFigures& out) {
    const auto sql =
        "SELECT o.state, count(*), coalesce(sum(o.reject_code = 'id_conflict'), 0) FROM outbox o "
        "JOIN records r ON r.id = o.record_id WHERE r.created_at >= ?1 AND r.created_at < ?2 GROUP BY o.state";
    return eachRow(db, sql, start, end, [&](Statement& row) {
        const auto state = outboxStateFrom(row.text(0));
        if (!state) return;
        const auto n = row.integer(1);
        switch (*state) {
        case OutboxState::Pending: out.outbox.pending = n; break;
        case OutboxState::InFlight: out.outbox.inFlight = n; break;
        case OutboxState::Sent: out.outbox.sent = n; break;
        case OutboxState::Acknowledged: out.outbox.acknowledged = n; break;
        case OutboxState::Rejected:
            out.outbox.rejected = n;
            out.outbox.conflicts = row.integer(2);
            break;
        }
    });
}

// The decision code of each staff decision, read from its public fields ({"decision": "approve",
// ...}); the rest of those fields (a reason may be free text) is never read.
Result<void> readDecisions(Database& db, Clock::TimePoint start, Clock::TimePoint end, DayFigures& out) {
    const auto sql =
        "SELECT CASE WHEN json_valid(public_fields) THEN CASE WHEN json_type(public_fields, '$.decision') = 'text' "
        "THEN json_extract(public_fields, '$.decision') END END AS decision, count(*) FROM records "
        "WHERE kind = 'staff_decision' AND created_at >= ?1 AND created_at < ?2 GROUP BY decision ORDER BY decision";
    return eachRow(db, sql, start, end, [&](Statement& row) {
        const auto code = row.isNull(0) ? std::string() : row.text(0);
        if (core::isReportCode(code))
            out.decisions.push_back({code, row.integer(1)});
        else
            out.decisionsWithoutCode += row.integer(1);
    });
}

Result<void> readUnderAge(Database& db, Clock::TimePoint start, Clock::TimePoint end, DayFigures& out) {
    auto query = db.prepare(
        "SELECT (SELECT count(*) FROM audit WHERE action = 'counter.' || ?3 AND at >= ?1 AND at < ?2), "
        "coalesce((SELECT value FROM counters WHERE name = ?3), 0)");
    if (!query) return query.error();
    query->bind(1, toUnixMillis(start)).bind(2, toUnixMillis(end)).bind(3, kUnderAgeStopCounter);
    auto row = query->step();
    if (!row) return row.error();
    out.underAgeStops.day = query->integer(0);
    out.underAgeStops.total = query->integer(1);
    return {};
}

Result<void> readDevices(Database& db, Clock::TimePoint start, Clock::TimePoint end, DayFigures& out) {
    const auto sql =
        "SELECT device, event, detail, at, events FROM (SELECT device, event, detail, at, "
        "count(*) OVER (PARTITION BY device) AS events, "
        "row_number() OVER (PARTITION BY device ORDER BY at DESC, id DESC) AS latest "
        "FROM device_events WHERE at >= ?1 AND at < ?2) WHERE latest = 1 ORDER BY device";
    return eachRow(db, sql, start, end, [&](Statement& row) {
        out.devices.push_back(core::DeviceHealthLine{row.text(0), row.text(1), row.text(2),
                                                     fromUnixMillis(row.integer(3)), row.integer(4)});
    });
}

// The queue as the outbox reports it, with the creation time of its oldest unsent row.
Result<void> readQueue(Database& db, Outbox& outbox, DayFigures& out) {
    auto status = outbox.status();
    if (!status) return status.error();
    out.queue.unsent = status->unsent();
    out.queue.oldestAge = status->oldestUnsentAge;
    auto oldest = db.prepare("SELECT min(created_at) FROM outbox WHERE state IN ('pending', 'in_flight', 'sent')");
    if (!oldest) return oldest.error();
    auto row = oldest->step();
    if (!row) return row.error();
    if (*row && !oldest->isNull(0)) out.queue.oldestCreatedAt = fromUnixMillis(oldest->integer(0));
    return {};
}

Result<DayFigures> figures(Database& db, Outbox& outbox, Clock::TimePoint start, Clock::TimePoint end) {
    auto tx = Transaction::begin(db, Transaction::Mode::Deferred);
    if (!tx) return tx.error();
    DayFigures out;
    for (const auto read : {readKinds, readVerification, readOutbox, readDecisions, readUnderAge, readDevices})
        if (auto r = read(db, start, end, out); !r) return r.error();
    if (auto r = readQueue(db, outbox, out); !r) return r.error();
    if (auto r = tx->commit(); !r) return r.error();
    return out;
}

}  // namespace

Result<DayFigures> dayFigures(Store& store, Clock::TimePoint dayStart, Clock::TimePoint dayEnd) {
    return figures(store.database(), store.outbox(), dayStart, dayEnd);
}

Result<DayFigures> dayFigures(Database& db, const Clock& clock, Clock::TimePoint dayStart, Clock::TimePoint dayEnd) {
    Outbox outbox(db, clock);
    return figures(db, outbox, dayStart, dayEnd);
}

}  // namespace kiosk::store
