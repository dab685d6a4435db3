#pragma once
// The heartbeat (docs/api.md §7): device health, queue depth, the age of the oldest unsent
// submission and the audit chain's head, every few minutes while the link is up. Pure functions.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/clock.h"
#include "kiosk/store/outbox.h"

namespace kiosk::sync {

struct DeviceReport {
    enum class State { Ok, Degraded, Failed, Absent };
    std::string name;  // "printer", "camera", ...
    bool required = false;
    State state = State::Absent;
    std::string lastError;  // plain words, no personal data
};

// Supplied by whoever owns the devices; called on the sync thread, so it must be thread-safe
// (e.g. a copy of the latest health under a lock).
using DeviceHealthSource = std::function<std::vector<DeviceReport>()>;

struct HeartbeatFacts {
    Clock::TimePoint at;
    std::string softwareVersion;
    std::int64_t configVersion = 0;  // 0 until a configuration was received
    std::vector<DeviceReport> devices;
    store::QueueStatus queue;
    std::int64_t auditEntries = 0;
    std::string auditHead;  // hex
};

std::string heartbeatJson(const HeartbeatFacts& facts);

// The server's "server_time" from a heartbeat reply; nullopt when the body is not as documented.
std::optional<Clock::TimePoint> heartbeatServerTime(std::string_view body);

}  // namespace kiosk::sync
