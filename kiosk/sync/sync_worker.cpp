#include "kiosk/sync/sync_worker.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "kiosk/store/audit_log.h"
#include "kiosk/sync/atomic_file.h"
#include "kiosk/sync/wire_format.h"

namespace kiosk::sync {

namespace {

constexpr std::int64_t kStatusWindowRows = 100000;
constexpr std::chrono::seconds kUploadTurnAfter{1};

std::string httpCode(int status) { return "http_" + std::to_string(status); }

}  // namespace

std::filesystem::path SyncWorker::statusFile(const std::filesystem::path& stateDir) {
    return stateDir / "last-sync.json";
}

SyncWorker::SyncWorker(store::Store& store, ServerApi& server, const DeviceKey& deviceKey, const ServerKeys& keys,
                       const Clock& clock, RetryPolicy policy, SyncWorkerOptions options, DeviceHealthSource devices)
    : store_(store),
      server_(server),
      clock_(clock),
      policy_(std::move(policy)),
      options_(std::move(options)),
      devices_(std::move(devices)),
      envelopes_(store, deviceKey, keys.seal),
      uploader_(store, server, envelopes_, clock, policy_, options_.upload),
      documents_(options_.stateDir / "documents", keys.signing, options_.kioskId),
      statuses_(options_.stateDir / "statuses.json") {
    const auto now = clock_.now();
    tasks_.push_back(Task{Pull::Document, std::string(kConfigDocument), options_.pullInterval, now});
    for (const auto name : kCatalogues)
        tasks_.push_back(Task{Pull::Document, std::string(name), options_.pullInterval, now});
    tasks_.push_back(Task{Pull::Heartbeat, "heartbeat", options_.heartbeatInterval, now});
    tasks_.push_back(Task{Pull::Statuses, "statuses", options_.statusInterval, now});
    for (const auto& e : documents_.load())
        raiseAlert(status_.alerts, Alert{"document_rejected", "", e.detail + "; it was not loaded", now});
    // A damaged statuses file is only a cache of the server's answers: it is asked again.
    (void)statuses_.load();
}

PassReport SyncWorker::runOnce() {
    PassReport report;
    uploadStep(report);
    auto lastUpload = clock_.now();
    std::vector<std::string> done;
    while (auto* task = mostOverdue(done)) {
        done.push_back(task->name);
        runPull(*task, report);
        // After a slow pull, uploads get their turn before the next one. Quick pulls need no
        // turn in between, and a submission that just failed is not tried again in the same breath.
        if (clock_.now() - lastUpload >= kUploadTurnAfter) {
            uploadStep(report);
            lastUpload = clock_.now();
        }
    }
    refreshStatus(report);
    return report;
}

Clock::TimePoint SyncWorker::nextWake() {
    const auto now = clock_.now();
    auto wake = now + options_.idlePoll;
    for (const auto& t : tasks_) wake = std::min(wake, t.nextAt);
    if (auto due = store_.outbox().nextDue(); due && *due) {
        auto uploadAt = **due;
        if (const auto paused = uploader_.pausedUntil()) uploadAt = std::max(uploadAt, *paused);
        wake = std::min(wake, uploadAt);
    }
    return std::max(wake, now);
}

void SyncWorker::uploadStep(PassReport& report) {
    auto step = uploader_.runOnce();
    const auto now = clock_.now();
    if (step.acknowledged + step.rejected > 0) {
        status_.lastUploadSuccess = now;
        if (!uploader_.paused(now)) clearAlerts(status_.alerts, "kiosk_refused");
    }
    if (!step.failures.empty()) {
        status_.lastUploadFailure = now;
        status_.lastFailure = step.failures.back().detail;
    }
    for (const auto& a : step.alerts) raiseAlert(status_.alerts, a);
    report.add(step);
}

SyncWorker::Task* SyncWorker::mostOverdue(const std::vector<std::string>& done) {
    const auto now = clock_.now();
    Task* best = nullptr;
    for (auto& t : tasks_) {
        if (t.nextAt > now || std::find(done.begin(), done.end(), t.name) != done.end()) continue;
        if (!best || t.nextAt < best->nextAt) best = &t;
    }
    return best;
}

void SyncWorker::runPull(Task& task, PassReport& report) {
    switch (task.kind) {
    case Pull::Document:
        if (pullDocument(task, report)) succeeded(task);
        return;
    case Pull::Heartbeat:
        if (sendHeartbeat(task, report)) succeeded(task);
        return;
    case Pull::Statuses: {
        bool asked = false;
        if (!pullStatuses(task, report, asked)) return;
        // Nothing to ask about is not a contact with the server.
        if (asked)
            succeeded(task);
        else
            task.nextAt = clock_.now() + task.interval;
        return;
    }
    }
}

bool SyncWorker::pullDocument(Task& task, PassReport& report) {
    const auto* held = documents_.find(task.name);
    std::optional<std::string_view> etag;
    if (held && !held->etag.empty()) etag = held->etag;
    const auto answer = task.name == kConfigDocument ? server_.getConfig(options_.kioskId, etag)
                                                     : server_.getCatalogue(task.name, etag);
    ++report.requests;
    if (answer.answered()) ++report.answered;
    noteServerClock(answer);
    const std::string step = task.name == kConfigDocument ? "config" : "catalogue/" + task.name;
    if (answer.failure) {
        failed(task, report, "curl_" + std::to_string(answer.failure->curlCode), answer.failure->reason);
        return false;
    }
    if (answer.status == 304 && etag) return true;
    if (answer.status == 200) {
        auto accepted = documents_.accept(task.name, answer.body, answer.etag.value_or(""));
        if (accepted) {
            clearAlerts(status_.alerts, "document_rejected", task.name);
            return true;
        }
        const auto& e = accepted.error();
        if (e.code == "sync.file_io")
            report.errors.push_back(e);
        else
            raise(report,
                  Alert{"document_rejected", task.name, e.detail + "; the last good one stays in use", clock_.now()});
        failed(task, report, e.code.substr(e.code.find('.') + 1), e.detail);
        return false;
    }
    if (answer.status == 401 || answer.status == 403)
        raise(report, Alert{"kiosk_refused", task.name,
                            "the server refused this kiosk's " + step + " request (" + httpCode(answer.status) + ")",
                            clock_.now()});
    std::optional<std::chrono::seconds> retryAfter;
    if (answer.retryAfter) retryAfter = parseRetryAfter(*answer.retryAfter, clock_.now());
    failed(task, report, httpCode(answer.status), step + ": the server answered " + std::to_string(answer.status),
           retryAfter);
    return false;
}

bool SyncWorker::sendHeartbeat(Task& task, PassReport& report) {
    auto queue = store_.outbox().status();
    auto audit = store::verifyAudit(store_.database());
    if (!queue || !audit) {
        report.errors.push_back(queue ? audit.error() : queue.error());
        failed(task, report, "local_error", "the heartbeat could not be put together");
        return false;
    }
    if (!audit->intact())
        raise(report,
              Alert{"audit_chain_broken", "",
                    "the audit log is broken at entry " + std::to_string(*audit->firstBadSeq) + ": " + audit->reason,
                    clock_.now()});
    HeartbeatFacts facts;
    facts.at = clock_.now();
    facts.softwareVersion = options_.softwareVersion;
    if (const auto* config = documents_.find(kConfigDocument)) facts.configVersion = config->version;
    if (devices_) facts.devices = devices_();
    facts.queue = *queue;
    facts.auditEntries = audit->entries;
    facts.auditHead = audit->headHex;
    const auto answer = server_.postHeartbeat(options_.kioskId, heartbeatJson(facts));
    ++report.requests;
    if (answer.answered()) ++report.answered;
    noteServerClock(answer);
    if (answer.failure) {
        failed(task, report, "curl_" + std::to_string(answer.failure->curlCode), answer.failure->reason);
        return false;
    }
    if (answer.status != 200) {
        failed(task, report, httpCode(answer.status),
               "heartbeat: the server answered " + std::to_string(answer.status));
        return false;
    }
    if (const auto serverTime = heartbeatServerTime(answer.body))
        status_.clockSkew = std::chrono::round<std::chrono::seconds>(*serverTime - facts.at);
    status_.lastHeartbeat = clock_.now();
    return true;
}

bool SyncWorker::pullStatuses(Task& task, PassReport& report, bool& asked) {
    const auto now = clock_.now();
    auto window = store_.outbox().acknowledgedSince(now - options_.statusWindow, kStatusWindowRows);
    if (!window) {
        report.errors.push_back(window.error());
        failed(task, report, "local_error", "the acknowledged submissions could not be read");
        return false;
    }
    statuses_.keepOnly(*window);
    const auto ids = statuses_.due(*window);
    if (ids.empty()) return true;
    asked = true;
    const auto answer = server_.postStatusQuery(nlohmann::json{{"ids", ids}}.dump());
    ++report.requests;
    if (answer.answered()) ++report.answered;
    noteServerClock(answer);
    if (answer.failure) {
        failed(task, report, "curl_" + std::to_string(answer.failure->curlCode), answer.failure->reason);
        return false;
    }
    if (answer.status != 200) {
        failed(task, report, httpCode(answer.status), "statuses: the server answered " + std::to_string(answer.status));
        return false;
    }
    auto unknown = statuses_.apply(answer.body, ids, clock_.now());
    if (!unknown) {
        failed(task, report, "status_malformed", unknown.error().detail);
        return false;
    }
    for (const auto& id : *unknown)
        raise(report,
              Alert{"status_unknown", id,
                    "the server acknowledged this submission but now says it holds no such submission", clock_.now()});
    if (auto r = statuses_.save(); !r) report.errors.push_back(r.error());
    return true;
}

void SyncWorker::succeeded(Task& task) {
    const auto now = clock_.now();
    task.failures = 0;
    task.nextAt = now + task.interval;
    status_.lastPullSuccess = now;
}

void SyncWorker::failed(Task& task, PassReport& report, std::string code, std::string detail,
                        std::optional<std::chrono::seconds> retryAfter) {
    const auto now = clock_.now();
    ++task.failures;
    // Its own backoff, never longer than its regular interval.
    const auto wait = std::min<std::chrono::milliseconds>(policy_.delay(task.failures, retryAfter), task.interval);
    task.nextAt = now + wait;
    status_.lastPullFailure = now;
    status_.lastFailure = detail;
    const std::string step =
        task.kind == Pull::Document ? (task.name == kConfigDocument ? "config" : "catalogue/" + task.name) : task.name;
    noteFailure(report, step, std::move(code), std::move(detail));
}

void SyncWorker::noteServerClock(const ServerAnswer& answer) {
    if (!answer.date) return;
    if (const auto serverTime = parseHttpDate(*answer.date))
        status_.clockSkew = std::chrono::round<std::chrono::seconds>(*serverTime - clock_.now());
}

void SyncWorker::raise(PassReport& report, Alert alert) {
    raiseAlert(status_.alerts, alert);
    report.alerts.push_back(std::move(alert));
}

void SyncWorker::refreshStatus(PassReport& report) {
    const auto now = clock_.now();
    status_.lastPass = now;
    if (auto queue = store_.outbox().status())
        status_.queue = *queue;
    else
        report.errors.push_back(queue.error());
    status_.uploadsPausedUntil = uploader_.paused(now) ? uploader_.pausedUntil() : std::nullopt;
    status_.nextUploadTry.reset();
    if (auto due = store_.outbox().nextDue(); due && *due)
        status_.nextUploadTry = std::max(**due, status_.uploadsPausedUntil.value_or(**due));
    status_.nextPull.reset();
    for (const auto& t : tasks_) status_.nextPull = std::min(t.nextAt, status_.nextPull.value_or(t.nextAt));
    if (const auto* config = documents_.find(kConfigDocument))
        status_.configVersion = config->version;
    else
        status_.configVersion.reset();
    if (!report.worked()) return;
    // kioskctl sync status reads this; a kiosk that cannot write it still syncs.
    std::error_code ignored;
    std::filesystem::create_directories(options_.stateDir, ignored);
    if (auto r = writeFileAtomically(statusFile(options_.stateDir), toJson(status_)); !r)
        report.errors.push_back(r.error());
}

}  // namespace kiosk::sync
