#include "tests/national_server/heartbeat_log.h"

namespace kiosk::sim {

namespace {

bool isDeviceState(const nlohmann::json& v) {
    return v.is_string() && (v == "ok" || v == "degraded" || v == "failed" || v == "absent");
}

bool isCount(const nlohmann::json& object, const char* name) {
    const auto it = object.find(name);
    return it != object.end() && it->is_number_integer() && it->get<std::int64_t>() >= 0;
}

}  // namespace

Result<void> HeartbeatLog::check(const nlohmann::json& body) {
    const auto bad = [](std::string what) { return Error{"heartbeat_invalid", std::move(what)}; };
    if (!body.is_object()) return bad("the heartbeat is not a JSON object");
    if (!body.contains("at") || !body["at"].is_string() || !parseTime(body["at"].get<std::string>()))
        return bad("'at' is missing or not RFC 3339 UTC");
    if (!body.contains("software_version") || !body["software_version"].is_string())
        return bad("'software_version' is missing");
    if (!isCount(body, "config_version")) return bad("'config_version' is missing or not a count");
    if (!body.contains("devices") || !body["devices"].is_array()) return bad("'devices' is missing");
    for (const auto& d : body["devices"])
        if (!d.is_object() || !d.contains("name") || !d["name"].is_string() || !d.contains("state") ||
            !isDeviceState(d["state"]))
            return bad("a device has no name or a state other than ok, degraded, failed, absent");
    if (!body.contains("queue") || !body["queue"].is_object()) return bad("'queue' is missing");
    for (const char* name : {"pending", "in_flight", "sent", "acknowledged", "rejected"})
        if (!isCount(body["queue"], name)) return bad(std::string("'queue.") + name + "' is missing or not a count");
    if (!body.contains("audit") || !body["audit"].is_object() || !isCount(body["audit"], "entries") ||
        !body["audit"].contains("head") || !body["audit"]["head"].is_string())
        return bad("'audit' must have 'entries' and 'head'");
    return {};
}

Result<void> HeartbeatLog::record(std::string_view kioskId, const nlohmann::json& body, TimePoint now) {
    const auto lock = db_.lock();
    auto insert = db_.prepare(
        "INSERT INTO heartbeats (kiosk_id, received_at, at, audit_entries, audit_head, body) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert) return insert.error();
    insert->bind(1, kioskId).bind(2, formatTime(now)).bind(3, body["at"].get<std::string>());
    insert->bind(4, body["audit"]["entries"].get<std::int64_t>()).bind(5, body["audit"]["head"].get<std::string>());
    insert->bind(6, body.dump());
    return insert->run();
}

Result<nlohmann::json> HeartbeatLog::list(std::string_view kioskId) {
    const auto lock = db_.lock();
    auto query = db_.prepare(
        "SELECT kiosk_id, received_at, at, audit_entries, audit_head, body FROM heartbeats "
        "WHERE ?1 = '' OR kiosk_id = ?1 ORDER BY seq");
    if (!query) return query.error();
    query->bind(1, kioskId);
    auto out = nlohmann::json::array();
    for (;;) {
        auto row = query->step();
        if (!row) return row.error();
        if (!*row) break;
        out.push_back({{"kiosk_id", query->text(0)},
                       {"received_at", query->text(1)},
                       {"at", query->text(2)},
                       {"audit", {{"entries", query->integer(3)}, {"head", query->text(4)}}},
                       {"heartbeat", nlohmann::json::parse(query->text(5), nullptr, false)}});
    }
    return nlohmann::json{{"heartbeats", std::move(out)}};
}

}  // namespace kiosk::sim
