#include "kiosk/sync/sync_status.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "kiosk/sync/wire_format.h"

namespace kiosk::sync {

namespace {

using Json = nlohmann::json;

Json timeOrNull(const std::optional<Clock::TimePoint>& t) { return t ? Json(formatRfc3339(*t)) : Json(nullptr); }

Json alertsJson(const std::vector<Alert>& alerts) {
    auto out = Json::array();
    for (const auto& a : alerts)
        out.push_back({{"code", a.code}, {"subject", a.subject}, {"detail", a.detail}, {"at", formatRfc3339(a.at)}});
    return out;
}

}  // namespace

void PassReport::add(const PassReport& other) {
    claimed += other.claimed;
    acknowledged += other.acknowledged;
    duplicates += other.duplicates;
    rejected += other.rejected;
    conflicts += other.conflicts;
    retried += other.retried;
    requests += other.requests;
    answered += other.answered;
    alerts.insert(alerts.end(), other.alerts.begin(), other.alerts.end());
    failures.insert(failures.end(), other.failures.begin(), other.failures.end());
    errors.insert(errors.end(), other.errors.begin(), other.errors.end());
}

void raiseAlert(std::vector<Alert>& alerts, Alert alert, std::size_t limit) {
    std::erase_if(alerts, [&](const Alert& a) { return a.code == alert.code && a.subject == alert.subject; });
    alerts.push_back(std::move(alert));
    if (alerts.size() > limit) alerts.erase(alerts.begin(), alerts.begin() + static_cast<long>(alerts.size() - limit));
}

void clearAlerts(std::vector<Alert>& alerts, std::string_view code, std::optional<std::string_view> subject) {
    std::erase_if(alerts, [&](const Alert& a) { return a.code == code && (!subject || a.subject == *subject); });
}

std::string toJson(const SyncStatus& s) {
    Json queue{{"pending", s.queue.pending},           {"in_flight", s.queue.inFlight}, {"sent", s.queue.sent},
               {"acknowledged", s.queue.acknowledged}, {"rejected", s.queue.rejected},  {"unsent", s.queue.unsent()},
               {"oldest_unsent_age_s", nullptr}};
    if (s.queue.oldestUnsentAge) queue["oldest_unsent_age_s"] = s.queue.oldestUnsentAge->count();
    Json out{{"queue", queue},
             {"last_pass", timeOrNull(s.lastPass)},
             {"last_upload_success", timeOrNull(s.lastUploadSuccess)},
             {"last_upload_failure", timeOrNull(s.lastUploadFailure)},
             {"last_pull_success", timeOrNull(s.lastPullSuccess)},
             {"last_pull_failure", timeOrNull(s.lastPullFailure)},
             {"last_heartbeat", timeOrNull(s.lastHeartbeat)},
             {"last_failure", s.lastFailure},
             {"alerts", alertsJson(s.alerts)},
             {"uploads_paused_until", timeOrNull(s.uploadsPausedUntil)},
             {"next_upload_try", timeOrNull(s.nextUploadTry)},
             {"next_pull", timeOrNull(s.nextPull)},
             {"config_version", s.configVersion ? Json(*s.configVersion) : Json(nullptr)},
             {"clock_skew_s", s.clockSkew ? Json(s.clockSkew->count()) : Json(nullptr)}};
    return out.dump();
}

std::string toJson(const PassReport& r) {
    auto failures = Json::array();
    for (const auto& f : r.failures) failures.push_back({{"step", f.step}, {"code", f.code}, {"detail", f.detail}});
    auto errors = Json::array();
    for (const auto& e : r.errors) errors.push_back({{"code", e.code}, {"detail", e.detail}});
    return Json{{"claimed", r.claimed},
                {"acknowledged", r.acknowledged},
                {"duplicates", r.duplicates},
                {"rejected", r.rejected},
                {"conflicts", r.conflicts},
                {"retried", r.retried},
                {"requests", r.requests},
                {"answered", r.answered},
                {"alerts", alertsJson(r.alerts)},
                {"failures", failures},
                {"errors", errors}}
        .dump();
}

void SyncStatusBoard::publish(SyncStatus status) {
    std::lock_guard lock(mutex_);
    status_ = std::move(status);
}

SyncStatus SyncStatusBoard::snapshot() const {
    std::lock_guard lock(mutex_);
    return status_;
}

}  // namespace kiosk::sync
