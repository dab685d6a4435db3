#pragma once
// Every heartbeat a kiosk sends (docs/api.md §7), kept with its audit head so that a chain
// rewritten later on the kiosk no longer matches what the server saw. Thread-safe.

#include <nlohmann/json.hpp>

#include <string_view>

#include "kiosk/base/result.h"
#include "tests/national_server/sim_database.h"

namespace kiosk::sim {

class HeartbeatLog {
public:
    explicit HeartbeatLog(SimDatabase& db) : db_(db) {}

    // `heartbeat_invalid` unless the body has the members of §7 in their types.
    static Result<void> check(const nlohmann::json& body);
    Result<void> record(std::string_view kioskId, const nlohmann::json& body, TimePoint now);
    Result<nlohmann::json> list(std::string_view kioskId);  // all kiosks when empty; oldest first

private:
    SimDatabase& db_;
};

}  // namespace kiosk::sim
