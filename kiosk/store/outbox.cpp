#include "kiosk/store/outbox.h"

#include <algorithm>
#include <array>
#include <utility>

#include "kiosk/store/audit_log.h"

namespace kiosk::store {

namespace {

constexpr std::array<std::pair<OutboxState, std::string_view>, 5> kStates{{
    {OutboxState::Pending, "pending"},
    {OutboxState::InFlight, "in_flight"},
    {OutboxState::Sent, "sent"},
    {OutboxState::Acknowledged, "acknowledged"},
    {OutboxState::Rejected, "rejected"},
}};

constexpr std::string_view kActor = "sync";

}  // namespace

std::string_view toString(OutboxState state) {
    for (const auto& [s, name] : kStates)
        if (s == state) return name;
    return {};
}

std::optional<OutboxState> outboxStateFrom(std::string_view text) {
    for (const auto& [s, name] : kStates)
        if (name == text) return s;
    return std::nullopt;
}

Result<std::vector<ClaimedSubmission>> Outbox::claimDue(std::int64_t max, std::chrono::seconds lease) {
    const auto now = clock_.now();
    auto tx = Transaction::begin(db_);
    if (!tx) return tx.error();
    auto claim = db_.prepare(
        "UPDATE outbox SET state = 'in_flight', due_at = ?2, lease_owner = ?4 "
        "WHERE id IN (SELECT id FROM outbox WHERE due_at <= ?1 ORDER BY due_at, id LIMIT ?3) "
        "RETURNING id, record_id, submission_id, payload_sha256, attempts, created_at");
    if (!claim) return claim.error();
    claim->bind(1, toUnixMillis(now)).bind(2, toUnixMillis(now + lease)).bind(3, max).bind(4, leaseOwner_);
    std::vector<ClaimedSubmission> out;
    for (;;) {
        auto row = claim->step();
        if (!row) return row.error();
        if (!*row) break;
        out.push_back(ClaimedSubmission{claim->integer(0), claim->integer(1), claim->text(2), claim->text(3),
                                        claim->integer(4), fromUnixMillis(claim->integer(5))});
    }
    if (auto r = tx->commit(); !r) return r.error();
    // RETURNING gives no order; the ids follow creation order.
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.outboxId < b.outboxId; });
    return out;
}

Result<std::int64_t> Outbox::releaseDeadLeases(const std::function<bool(std::string_view owner)>& alive) {
    auto tx = Transaction::begin(db_);
    if (!tx) return tx.error();
    auto held = db_.prepare("SELECT id, lease_owner FROM outbox WHERE state = 'in_flight'");
    if (!held) return held.error();
    std::vector<std::int64_t> dead;
    for (;;) {
        auto row = held->step();
        if (!row) return row.error();
        if (!*row) break;
        const std::string owner = held->isNull(1) ? std::string() : held->text(1);
        if (owner.empty() || !alive(owner)) dead.push_back(held->integer(0));
    }
    const auto now = toUnixMillis(clock_.now());
    for (const auto id : dead) {
        auto release =
            db_.prepare("UPDATE outbox SET due_at = ?2, lease_owner = NULL WHERE id = ?1 AND state = 'in_flight'");
        if (!release) return release.error();
        release->bind(1, id).bind(2, now);
        if (auto r = release->run(); !r) return r.error();
    }
    if (auto r = tx->commit(); !r) return r.error();
    return static_cast<std::int64_t>(dead.size());
}

Error Outbox::noTransition(std::string_view submissionId, std::string_view to) {
    auto find = db_.prepare("SELECT state FROM outbox WHERE submission_id = ?1");
    if (!find) return find.error();
    find->bind(1, submissionId);
    auto row = find->step();
    if (!row) return row.error();
    if (!*row) return Error{"store.unknown_submission", "no outbox row has submission id " + std::string(submissionId)};
    return Error{"store.bad_transition", "submission " + std::string(submissionId) + " is " + find->text(0) +
                                             " and cannot become " + std::string(to)};
}

Result<void> Outbox::markSent(std::string_view submissionId, Clock::TimePoint recheckAt) {
    auto update = db_.prepare(
        "UPDATE outbox SET state = 'sent', due_at = ?2 WHERE submission_id = ?1 AND state IN ('in_flight', 'pending')");
    if (!update) return update.error();
    update->bind(1, submissionId).bind(2, toUnixMillis(recheckAt));
    if (auto r = update->run(); !r) return r.error();
    if (db_.changes() == 0) return noTransition(submissionId, "sent");
    return {};
}

Result<void> Outbox::acknowledgeOne(const Acknowledgement& ack, std::int64_t now) {
    auto update = db_.prepare(
        "UPDATE outbox SET state = 'acknowledged', server_ref = ?3, acknowledged_at = ?4, due_at = NULL, "
        "last_error = NULL WHERE submission_id = ?1 AND payload_sha256 = ?2 "
        "AND state IN ('pending', 'in_flight', 'sent') RETURNING record_id");
    if (!update) return update.error();
    update->bind(1, ack.submissionId).bind(2, ack.payloadSha256).bind(3, ack.serverReference).bind(4, now);
    auto row = update->step();
    if (!row) return row.error();
    if (*row) {
        const RecordId record = update->integer(0);
        if (auto r = update->run(); !r) return r.error();
        if (auto r = appendAudit(db_, fromUnixMillis(now), kActor, "record.acknowledged", record); !r) return r.error();
        return {};
    }
    auto find = db_.prepare("SELECT state, payload_sha256 FROM outbox WHERE submission_id = ?1");
    if (!find) return find.error();
    find->bind(1, ack.submissionId);
    auto found = find->step();
    if (!found) return found.error();
    if (!*found) return Error{"store.unknown_submission", "no outbox row has submission id " + ack.submissionId};
    if (find->text(1) != ack.payloadSha256)
        return Error{"store.ack_mismatch",
                     "the acknowledgement for " + ack.submissionId + " names another payload hash; not marked"};
    if (find->text(0) == "acknowledged") return {};
    return Error{"store.bad_transition",
                 "submission " + ack.submissionId + " is " + find->text(0) + " and cannot become acknowledged"};
}

Result<void> Outbox::acknowledge(const Acknowledgement& ack) { return acknowledgeAll({&ack, 1}); }

Result<void> Outbox::acknowledgeAll(std::span<const Acknowledgement> acks) {
    const auto now = toUnixMillis(clock_.now());
    auto tx = Transaction::begin(db_);
    if (!tx) return tx.error();
    for (const auto& ack : acks)
        if (auto r = acknowledgeOne(ack, now); !r) return r.error();
    return tx->commit();
}

Result<void> Outbox::reject(std::string_view submissionId, std::string_view code) {
    const auto now = clock_.now();
    auto tx = Transaction::begin(db_);
    if (!tx) return tx.error();
    auto update = db_.prepare(
        "UPDATE outbox SET state = 'rejected', reject_code = ?2, due_at = NULL "
        "WHERE submission_id = ?1 AND state IN ('pending', 'in_flight', 'sent') RETURNING record_id");
    if (!update) return update.error();
    update->bind(1, submissionId).bind(2, code);
    auto row = update->step();
    if (!row) return row.error();
    if (!*row) return noTransition(submissionId, "rejected");
    const RecordId record = update->integer(0);
    if (auto r = update->run(); !r) return r.error();
    if (auto r = appendAudit(db_, now, kActor, "record.rejected", record); !r) return r.error();
    return tx->commit();
}

Result<void> Outbox::retryLater(std::string_view submissionId, Clock::TimePoint nextTry, std::string_view error) {
    auto update = db_.prepare(
        "UPDATE outbox SET state = 'pending', attempts = attempts + 1, due_at = ?2, last_error = ?3 "
        "WHERE submission_id = ?1 AND state IN ('in_flight', 'sent')");
    if (!update) return update.error();
    update->bind(1, submissionId).bind(2, toUnixMillis(nextTry)).bind(3, error);
    if (auto r = update->run(); !r) return r.error();
    if (db_.changes() == 0) return noTransition(submissionId, "pending");
    return {};
}

Result<QueueStatus> Outbox::status() {
    const auto now = clock_.now();
    auto rows = db_.prepare("SELECT state, count(*), min(created_at) FROM outbox GROUP BY state");
    if (!rows) return rows.error();
    QueueStatus status;
    std::optional<std::int64_t> oldest;
    for (;;) {
        auto row = rows->step();
        if (!row) return row.error();
        if (!*row) break;
        const auto state = outboxStateFrom(rows->text(0));
        const auto count = rows->integer(1);
        if (!state) return Error{"store.corrupt", "outbox row in an unknown state"};
        switch (*state) {
        case OutboxState::Pending: status.pending = count; break;
        case OutboxState::InFlight: status.inFlight = count; break;
        case OutboxState::Sent: status.sent = count; break;
        case OutboxState::Acknowledged: status.acknowledged = count; break;
        case OutboxState::Rejected: status.rejected = count; break;
        }
        if (*state == OutboxState::Pending || *state == OutboxState::InFlight || *state == OutboxState::Sent)
            oldest = std::min(oldest.value_or(rows->integer(2)), rows->integer(2));
    }
    if (oldest)
        status.oldestUnsentAge = std::max(
            std::chrono::seconds{0}, std::chrono::duration_cast<std::chrono::seconds>(now - fromUnixMillis(*oldest)));
    return status;
}

namespace {

constexpr std::string_view kEntryColumns =
    "SELECT id, record_id, submission_id, payload_sha256, state, attempts, created_at, due_at, "
    "coalesce(last_error, ''), coalesce(server_ref, ''), coalesce(reject_code, '') FROM outbox ";

Result<std::vector<OutboxEntry>> readEntries(Statement& rows) {
    std::vector<OutboxEntry> out;
    for (;;) {
        auto row = rows.step();
        if (!row) return row.error();
        if (!*row) return out;
        OutboxEntry e;
        e.outboxId = rows.integer(0);
        e.recordId = rows.integer(1);
        e.submissionId = rows.text(2);
        e.payloadSha256 = rows.text(3);
        e.state = outboxStateFrom(rows.text(4)).value_or(OutboxState::Pending);
        e.attempts = rows.integer(5);
        e.createdAt = fromUnixMillis(rows.integer(6));
        if (!rows.isNull(7)) e.dueAt = fromUnixMillis(rows.integer(7));
        e.lastError = rows.text(8);
        e.serverReference = rows.text(9);
        e.rejectCode = rows.text(10);
        out.push_back(std::move(e));
    }
}

}  // namespace

Result<std::vector<OutboxEntry>> Outbox::list(std::int64_t limit, std::optional<OutboxState> state) {
    auto rows = db_.prepare(std::string(kEntryColumns) + "WHERE ?2 IS NULL OR state = ?2 ORDER BY id LIMIT ?1");
    if (!rows) return rows.error();
    rows->bind(1, limit);
    if (state)
        rows->bind(2, toString(*state));
    else
        rows->bindNull(2);
    return readEntries(*rows);
}

Result<std::optional<OutboxEntry>> Outbox::find(std::string_view submissionId) {
    auto rows = db_.prepare(std::string(kEntryColumns) + "WHERE submission_id = ?1");
    if (!rows) return rows.error();
    rows->bind(1, submissionId);
    auto entries = readEntries(*rows);
    if (!entries) return entries.error();
    if (entries->empty()) return std::optional<OutboxEntry>{};
    return std::optional<OutboxEntry>{std::move(entries->front())};
}

Result<std::optional<Clock::TimePoint>> Outbox::nextDue() {
    auto query = db_.prepare("SELECT min(due_at) FROM outbox WHERE due_at IS NOT NULL");
    if (!query) return query.error();
    auto row = query->step();
    if (!row) return row.error();
    if (!*row || query->isNull(0)) return std::optional<Clock::TimePoint>{};
    return std::optional<Clock::TimePoint>{fromUnixMillis(query->integer(0))};
}

Result<std::vector<OutboxEntry>> Outbox::acknowledgedSince(Clock::TimePoint since, std::int64_t limit) {
    auto rows = db_.prepare(std::string(kEntryColumns) +
                            "WHERE state = 'acknowledged' AND acknowledged_at >= ?1 "
                            "ORDER BY acknowledged_at DESC, id DESC LIMIT ?2");
    if (!rows) return rows.error();
    rows->bind(1, toUnixMillis(since)).bind(2, limit);
    return readEntries(*rows);
}

}  // namespace kiosk::store
