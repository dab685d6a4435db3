#pragma once
// The transactional outbox, seen from the sender's side. Rows are written by Store::enqueue in the
// same transaction as their record; here they are claimed, and marked sent, acknowledged, rejected
// or due for another try. Lives on the thread that owns `db` (in the kiosk: the sync thread's
// connection B). Any number of connections may claim at once: a row is never claimed twice while
// its lease runs.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/base/clock.h"
#include "kiosk/base/result.h"
#include "kiosk/store/database.h"
#include "kiosk/store/lease_owner.h"
#include "kiosk/store/submission.h"

namespace kiosk::store {

enum class OutboxState { Pending, InFlight, Sent, Acknowledged, Rejected };
std::string_view toString(OutboxState state);
std::optional<OutboxState> outboxStateFrom(std::string_view text);

struct ClaimedSubmission {
    std::int64_t outboxId = 0;
    RecordId recordId = 0;
    std::string submissionId;  // the Idempotency-Key
    std::string payloadSha256;
    std::int64_t attempts = 0;  // failed tries so far
    Clock::TimePoint createdAt;
};

struct OutboxEntry {
    std::int64_t outboxId = 0;
    RecordId recordId = 0;
    std::string submissionId;
    std::string payloadSha256;
    OutboxState state = OutboxState::Pending;
    std::int64_t attempts = 0;
    Clock::TimePoint createdAt;
    std::optional<Clock::TimePoint> dueAt;  // next try (pending) or lease end (in flight)
    std::string lastError;
    std::string serverReference;
    std::string rejectCode;
};

// The server's word that it holds exactly this submission: its id and payload hash.
struct Acknowledgement {
    std::string submissionId;
    std::string payloadSha256;
    std::string serverReference;
};

struct QueueStatus {
    std::int64_t pending = 0;
    std::int64_t inFlight = 0;
    std::int64_t sent = 0;
    std::int64_t acknowledged = 0;
    std::int64_t rejected = 0;
    std::optional<std::chrono::seconds> oldestUnsentAge;  // over pending, in flight and sent
    std::int64_t unsent() const { return pending + inFlight + sent; }
};

class Outbox {
public:
    // `leaseOwner` names this process in the leases it takes (store/lease_owner.h).
    Outbox(Database& db, const Clock& clock, std::string leaseOwner = thisProcessLeaseOwner())
        : db_(db), clock_(clock), leaseOwner_(std::move(leaseOwner)) {}

    // One UPDATE ... RETURNING: takes up to `max` due rows (pending and due, or in flight with an
    // expired lease) and leases them until now + lease. Ordered oldest due first.
    Result<std::vector<ClaimedSubmission>> claimDue(std::int64_t max, std::chrono::seconds lease);

    // The in-flight rows whose lease holder no longer runs (`alive` says no, or the row names
    // none) become due now: what a killed or powered-off kiosk had in flight is sent again at once,
    // under the same id, instead of when its lease would have run out. Returns how many.
    Result<std::int64_t> releaseDeadLeases(const std::function<bool(std::string_view owner)>& alive = leaseOwnerAlive);

    // Handed over without a final word yet (e.g. accepted for later processing): the row is due
    // again at `recheckAt` so that it is sent once more (same id) until acknowledged.
    Result<void> markSent(std::string_view submissionId, Clock::TimePoint recheckAt);
    // Only an acknowledgement naming this id *and* its payload hash counts ("store.ack_mismatch"
    // otherwise). Acknowledging twice with the same hash is fine.
    Result<void> acknowledge(const Acknowledgement& ack);
    Result<void> acknowledgeAll(std::span<const Acknowledgement> acks);  // one transaction
    Result<void> reject(std::string_view submissionId, std::string_view code);
    // `error` is a code or an HTTP status, never a response body (which may echo personal data).
    Result<void> retryLater(std::string_view submissionId, Clock::TimePoint nextTry, std::string_view error);

    Result<QueueStatus> status();
    // When the next row falls due (pending retry, sent recheck or lease end); nullopt when none will.
    Result<std::optional<Clock::TimePoint>> nextDue();
    // Rows acknowledged at or after `since`, most recently acknowledged first: the submissions whose
    // review status the sync worker still asks the server about.
    Result<std::vector<OutboxEntry>> acknowledgedSince(Clock::TimePoint since, std::int64_t limit);
    // The row of one submission; nullopt when there is none.
    Result<std::optional<OutboxEntry>> find(std::string_view submissionId);
    // Oldest first; only rows in `state` when given.
    Result<std::vector<OutboxEntry>> list(std::int64_t limit, std::optional<OutboxState> state = std::nullopt);

private:
    Result<void> acknowledgeOne(const Acknowledgement& ack, std::int64_t now);
    Error noTransition(std::string_view submissionId, std::string_view to);
    Database& db_;
    const Clock& clock_;
    std::string leaseOwner_;
};

}  // namespace kiosk::store
