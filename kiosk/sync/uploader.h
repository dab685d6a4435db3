#pragma once
// The upload step: claims due submissions from the outbox, sends their envelopes (one request, or
// the batch endpoint for more than one) and marks each with the server's word, per docs/api.md §5.
// Only codes and statuses reach the outbox, never a response body. Lives on the sync thread.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/base/clock.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/answer_classifier.h"
#include "kiosk/sync/envelope.h"
#include "kiosk/sync/retry_policy.h"
#include "kiosk/sync/server_api.h"
#include "kiosk/sync/sync_status.h"

namespace kiosk::sync {

struct UploadOptions {
    std::int64_t batchSize = 50;  // 1 to 100 (§5.2)
    // How long a claimed row stays ours; longer than any request can take, so that a row is only
    // claimed again after a crash.
    std::chrono::seconds lease{std::chrono::minutes{5}};
    std::size_t maxBatchBytes = 32u * 1024 * 1024 - 64 * 1024;  // §5.2: 32 MiB in all
    // After a 401/403 uploads pause for a backoff of their own, never shorter than this.
    std::chrono::seconds minimumPause{std::chrono::minutes{1}};
};

class Uploader {
public:
    Uploader(store::Store& store, ServerApi& server, const EnvelopeBuilder& envelopes, const Clock& clock,
             RetryPolicy& policy, UploadOptions options)
        : store_(store), server_(server), envelopes_(envelopes), clock_(clock), policy_(policy), options_(options) {}

    // One claim of up to batchSize due submissions, sent and marked. Does nothing while paused.
    PassReport runOnce();

    // Set while the server refuses this kiosk (401/403): nothing is sent before then.
    std::optional<Clock::TimePoint> pausedUntil() const { return pausedUntil_; }
    bool paused(Clock::TimePoint now) const { return pausedUntil_ && now < *pausedUntil_; }

private:
    struct Item {
        store::ClaimedSubmission claim;
        std::string json;
    };
    struct Acknowledged {
        store::Acknowledgement ack;
        bool duplicate = false;
    };
    void sendSingle(const Item& item, PassReport& report);
    void sendBatch(const std::vector<const Item*>& items, PassReport& report);
    void apply(const Item& item, const Verdict& verdict, PassReport& report, std::vector<Acknowledged>& acks);
    void acknowledge(const std::vector<Acknowledged>& acks, PassReport& report);
    void putBack(const store::ClaimedSubmission& claim, Clock::TimePoint next, const std::string& code,
                 bool maybeDelivered, PassReport& report);
    void pause();

    store::Store& store_;
    ServerApi& server_;
    const EnvelopeBuilder& envelopes_;
    const Clock& clock_;
    RetryPolicy& policy_;
    UploadOptions options_;
    std::int64_t refusals_ = 0;  // 401/403 answers in a row
    std::optional<Clock::TimePoint> pausedUntil_;
};

// Records a server or network failure in `report`, once per step and code.
void noteFailure(PassReport& report, std::string step, std::string code, std::string detail);

}  // namespace kiosk::sync
