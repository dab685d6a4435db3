#pragma once
// What the sync worker tells the rest of the kiosk: a PassReport for each runOnce(), and a
// SyncStatus value (queue counts, last successes and failures, alerts for staff, next tries) that
// the UI thread reads from a SyncStatusBoard. No personal data: ids, codes, counts and times only.

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/clock.h"
#include "kiosk/base/result.h"
#include "kiosk/store/outbox.h"

namespace kiosk::sync {

// Something staff must look at. Codes: "kiosk_refused" (401/403: uploads paused), "id_conflict",
// "ack_mismatch", "local_corruption", "document_rejected" (a configuration or catalogue that failed
// to verify or parse; the last good one stays), "audit_chain_broken", "status_unknown" (the server
// no longer knows a submission it acknowledged).
struct Alert {
    std::string code;
    std::string subject;  // a submission id or document name; empty for the kiosk as a whole
    std::string detail;   // plain words
    Clock::TimePoint at;
};

// A failure of the server or the network, by step: "upload", "config", "catalogue/<name>",
// "heartbeat", "statuses".
struct StepFailure {
    std::string step;
    std::string code;  // "curl_7", "http_503", "signature_invalid", ...
    std::string detail;
};

struct PassReport {
    std::int64_t claimed = 0;
    std::int64_t acknowledged = 0;  // marked acknowledged, duplicates included
    std::int64_t duplicates = 0;    // of those, answered 200: the server held them already
    std::int64_t rejected = 0;      // marked rejected (conflicts included)
    std::int64_t conflicts = 0;     // of those, 409 id_conflict
    std::int64_t retried = 0;       // put back for a later try
    std::int64_t requests = 0;      // requests made to the server
    std::int64_t answered = 0;      // of those, how many got an HTTP answer (any status)
    std::vector<Alert> alerts;      // raised in this pass
    std::vector<StepFailure> failures;
    std::vector<Error> errors;  // local: database, keys, corruption

    bool worked() const { return claimed > 0 || requests > 0; }
    void add(const PassReport& other);
};

struct SyncStatus {
    store::QueueStatus queue;
    std::optional<Clock::TimePoint> lastPass;
    std::optional<Clock::TimePoint> lastUploadSuccess;
    std::optional<Clock::TimePoint> lastUploadFailure;
    std::optional<Clock::TimePoint> lastPullSuccess;
    std::optional<Clock::TimePoint> lastPullFailure;
    std::optional<Clock::TimePoint> lastHeartbeat;
    std::string lastFailure;  // plain words of the latest failure
    std::vector<Alert> alerts;
    std::optional<Clock::TimePoint> uploadsPausedUntil;
    std::optional<Clock::TimePoint> nextUploadTry;
    std::optional<Clock::TimePoint> nextPull;
    std::optional<std::int64_t> configVersion;
    std::optional<std::chrono::seconds> clockSkew;  // the server's clock minus the kiosk's
};

// Keeps one alert per (code, subject), the newest replacing the older, and at most `limit` in all
// (the oldest go first).
void raiseAlert(std::vector<Alert>& alerts, Alert alert, std::size_t limit = 32);
void clearAlerts(std::vector<Alert>& alerts, std::string_view code, std::optional<std::string_view> subject = {});

std::string toJson(const SyncStatus& status);
std::string toJson(const PassReport& report);

// The hand-over point between the sync thread (publish) and the UI thread (snapshot). Neither ever
// waits for the network: the lock is held only to copy a value.
class SyncStatusBoard {
public:
    void publish(SyncStatus status);
    SyncStatus snapshot() const;

private:
    mutable std::mutex mutex_;
    SyncStatus status_;
};

}  // namespace kiosk::sync
