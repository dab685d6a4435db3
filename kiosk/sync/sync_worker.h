#pragma once
// The sync worker: one pass at a time, it uploads due submissions and pulls what the kiosk needs
// from the national server (configuration, catalogues, heartbeat, review statuses).
//
// One thread, one curl handle. Uploads and pulls are separate lanes, each with its own schedule
// and backoff (docs/api.md §6): a failing pull is pushed back on its own schedule and never makes
// an upload wait for it, and the reverse. Within a pass the worker starts with an upload step and
// gives uploads another turn after every pull request that took a second or more, so a hanging
// pull holds uploads up for at most one pull timeout (TransportOptions::pullTimeout, 30 s by
// default), and a failed pull is then not tried again before its backoff ends. A second handle on a second thread would
// remove even that bound, but would double the threads, the database connections and the shutdown paths for a case (the
// server answering uploads while hanging on configuration) that a 30 s bound already covers.
//
// Lives on the sync thread, with that thread's own Store connection. Tests call runOnce() directly
// with a fake ServerApi and a FakeClock.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/base/clock.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/device_key.h"
#include "kiosk/sync/document_cache.h"
#include "kiosk/sync/envelope.h"
#include "kiosk/sync/heartbeat.h"
#include "kiosk/sync/retry_policy.h"
#include "kiosk/sync/server_api.h"
#include "kiosk/sync/submission_statuses.h"
#include "kiosk/sync/sync_status.h"
#include "kiosk/sync/uploader.h"

namespace kiosk::sync {

struct ServerKeys {
    PublicKey seal;     // X25519: payloads are sealed to it
    PublicKey signing;  // Ed25519: configuration and catalogues are signed with it
};

struct SyncWorkerOptions {
    std::string kioskId;
    std::string softwareVersion = LOKET_VERSION;
    std::filesystem::path stateDir;  // documents/, statuses.json, last-sync.json
    UploadOptions upload;
    std::chrono::seconds pullInterval{std::chrono::minutes{15}};      // configuration and catalogues
    std::chrono::seconds heartbeatInterval{std::chrono::minutes{5}};  // §7
    std::chrono::seconds statusInterval{std::chrono::minutes{15}};    // §8
    // Review statuses are asked for submissions acknowledged within this window.
    std::chrono::hours statusWindow{std::chrono::days{60}};
    // The longest an idle worker waits before it looks at the outbox again (the UI can also wake it).
    std::chrono::seconds idlePoll{10};
};

class SyncWorker {
public:
    SyncWorker(store::Store& store, ServerApi& server, const DeviceKey& deviceKey, const ServerKeys& keys,
               const Clock& clock, RetryPolicy policy, SyncWorkerOptions options, DeviceHealthSource devices = {});

    // Whatever is due: uploads, and each due pull at most once, with uploads between slow pulls.
    PassReport runOnce();
    // When something next falls due; never later than now + idlePoll.
    Clock::TimePoint nextWake();

    const SyncStatus& status() const { return status_; }
    const DocumentCache& documents() const { return documents_; }
    const SubmissionStatuses& statuses() const { return statuses_; }
    static std::filesystem::path statusFile(const std::filesystem::path& stateDir);

private:
    enum class Pull { Document, Heartbeat, Statuses };
    struct Task {
        Pull kind;
        std::string name;  // "config", a catalogue name, "heartbeat" or "statuses"
        std::chrono::seconds interval;
        Clock::TimePoint nextAt;
        std::int64_t failures = 0;
    };

    void uploadStep(PassReport& report);
    Task* mostOverdue(const std::vector<std::string>& done);
    void runPull(Task& task, PassReport& report);
    bool pullDocument(Task& task, PassReport& report);
    bool sendHeartbeat(Task& task, PassReport& report);
    bool pullStatuses(Task& task, PassReport& report, bool& asked);
    void succeeded(Task& task);
    void failed(Task& task, PassReport& report, std::string code, std::string detail,
                std::optional<std::chrono::seconds> retryAfter = {});
    void noteServerClock(const ServerAnswer& answer);
    void raise(PassReport& report, Alert alert);
    void refreshStatus(PassReport& report);

    store::Store& store_;
    ServerApi& server_;
    const Clock& clock_;
    RetryPolicy policy_;
    SyncWorkerOptions options_;
    DeviceHealthSource devices_;
    EnvelopeBuilder envelopes_;
    Uploader uploader_;
    DocumentCache documents_;
    SubmissionStatuses statuses_;
    std::vector<Task> tasks_;
    SyncStatus status_;
};

}  // namespace kiosk::sync
