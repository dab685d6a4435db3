#include "kiosk/sync/heartbeat.h"

#include <nlohmann/json.hpp>

#include "kiosk/sync/wire_format.h"

namespace kiosk::sync {

namespace {

std::string_view stateName(DeviceReport::State state) {
    switch (state) {
    case DeviceReport::State::Ok: return "ok";
    case DeviceReport::State::Degraded: return "degraded";
    case DeviceReport::State::Failed: return "failed";
    case DeviceReport::State::Absent: return "absent";
    }
    return "absent";
}

}  // namespace

std::string heartbeatJson(const HeartbeatFacts& f) {
    auto devices = nlohmann::json::array();
    for (const auto& d : f.devices)
        devices.push_back(
            {{"name", d.name}, {"required", d.required}, {"state", stateName(d.state)}, {"last_error", d.lastError}});
    // No unsent submission: the oldest unsent age is reported as 0.
    const auto oldest = f.queue.oldestUnsentAge.value_or(std::chrono::seconds{0}).count();
    return nlohmann::json{{"at", formatRfc3339(f.at)},
                          {"software_version", f.softwareVersion},
                          {"config_version", f.configVersion},
                          {"devices", devices},
                          {"queue",
                           {{"pending", f.queue.pending},
                            {"in_flight", f.queue.inFlight},
                            {"sent", f.queue.sent},
                            {"acknowledged", f.queue.acknowledged},
                            {"rejected", f.queue.rejected},
                            {"oldest_unsent_age_s", oldest}}},
                          {"audit", {{"entries", f.auditEntries}, {"head", f.auditHead}}}}
        .dump();
}

std::optional<Clock::TimePoint> heartbeatServerTime(std::string_view body) {
    const auto reply = nlohmann::json::parse(body, nullptr, false);
    if (reply.is_discarded() || !reply.is_object()) return std::nullopt;
    const auto it = reply.find("server_time");
    if (it == reply.end() || !it->is_string()) return std::nullopt;
    return parseRfc3339(it->get<std::string>());
}

}  // namespace kiosk::sync
