#include "kiosk/sync/sync_settings.h"

#include <toml++/toml.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <map>

#include "kiosk/sync/atomic_file.h"
#include "kiosk/sync/wire_format.h"

namespace kiosk::sync {

namespace {

struct KeyForm {
    std::string_view key;      // "sync.server_url"
    std::string_view example;  // what a line with it looks like
};

constexpr std::array<KeyForm, 9> kRequirable{{
    {"kiosk.id", R"(id = "KIOSK-3578-01")"},
    {"kiosk.site_id", R"(site_id = "LTSA-3578")"},
    {"store.database", R"(database = "/var/lib/loket/kiosk.db")"},
    {"store.master_key", R"(master_key = "/var/lib/loket/master.key")"},
    {"sync.server_url", R"(server_url = "https://pmi.example.go.id/api")"},
    {"sync.device_key", R"(device_key = "/var/lib/loket/device.key")"},
    {"sync.state_dir", R"(state_dir = "/var/lib/loket/sync")"},
    {"sync.server_seal_public_key", R"(server_seal_public_key = "<base64 of 32 bytes>")"},
    {"sync.server_signing_public_key", R"(server_signing_public_key = "<base64 of 32 bytes>")"},
}};

std::string decimal(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", value);
    return buffer;
}

std::string tableOf(std::string_view key) { return "[" + std::string(key.substr(0, key.rfind('.'))) + "]"; }
std::string nameOf(std::string_view key) { return std::string(key.substr(key.rfind('.') + 1)); }

// Reads one table of the file, naming the file and line in every error.
class TableReader {
public:
    TableReader(const std::filesystem::path& file, const toml::table* table, std::string name)
        : file_(file), table_(table), name_(std::move(name)) {}

    Error error(const toml::node* node, const std::string& message) const {
        const auto line = node ? node->source().begin.line : 0;
        return Error{"sync.settings",
                     file_.string() + (line ? ":" + std::to_string(line) : "") + ": [" + name_ + "] " + message};
    }

    // Every key must be one of `known`: a misspelt key would otherwise be silently ignored.
    Result<void> onlyKeys(std::initializer_list<std::string_view> known) const {
        if (!table_) return {};
        for (const auto& [key, node] : *table_) {
            bool found = false;
            for (const auto k : known) found = found || key.str() == k;
            if (!found) {
                std::string list;
                for (const auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
                return error(&node, "has no key \"" + std::string(key.str()) + "\"; the keys are " + list);
            }
        }
        return {};
    }

    Result<std::optional<std::string>> text(std::string_view key, std::string_view example) const {
        const auto* node = table_ ? table_->get(key) : nullptr;
        if (!node) return std::optional<std::string>{};
        const auto* value = node->as_string();
        if (!value || value->get().empty())
            return error(node, std::string(key) + " must be a non-empty string, e.g. " + std::string(example));
        return std::optional<std::string>{value->get()};
    }

    Result<std::optional<std::int64_t>> integer(std::string_view key, std::int64_t min, std::int64_t max,
                                                std::int64_t example) const {
        const auto* node = table_ ? table_->get(key) : nullptr;
        if (!node) return std::optional<std::int64_t>{};
        const auto value = node->value_exact<std::int64_t>();
        if (!value || *value < min || *value > max)
            return error(node, std::string(key) + " must be an integer from " + std::to_string(min) + " to " +
                                   std::to_string(max) + ", e.g. " + std::string(key) + " = " +
                                   std::to_string(example));
        return std::optional<std::int64_t>{*value};
    }

    // Seconds as an integer or a decimal ("0.5" in tests), to the millisecond.
    Result<std::optional<std::chrono::milliseconds>> seconds(std::string_view key, double min, double max) const {
        const auto* node = table_ ? table_->get(key) : nullptr;
        if (!node) return std::optional<std::chrono::milliseconds>{};
        std::optional<double> value;
        if (const auto i = node->value_exact<std::int64_t>()) value = static_cast<double>(*i);
        if (const auto d = node->value_exact<double>()) value = *d;
        if (!value || !std::isfinite(*value) || *value < min || *value > max)
            return error(node, std::string(key) + " must be a number of seconds from " + decimal(min) + " to " +
                                   decimal(max) + ", e.g. " + std::string(key) + " = 30");
        return std::optional<std::chrono::milliseconds>{std::llround(*value * 1000.0)};
    }

    const toml::node* node(std::string_view key) const { return table_ ? table_->get(key) : nullptr; }

private:
    const std::filesystem::path& file_;
    const toml::table* table_;
    std::string name_;
};

std::filesystem::path resolve(const std::filesystem::path& file, const std::string& value) {
    const std::filesystem::path p(value);
    if (p.is_absolute()) return p;
    return file.has_parent_path() ? file.parent_path() / p : p;
}

Result<const toml::table*> tableAt(const std::filesystem::path& file, const toml::table& parent, std::string_view key,
                                   std::string_view name) {
    const auto* node = parent.get(key);
    if (!node) return static_cast<const toml::table*>(nullptr);
    if (const auto* table = node->as_table()) return table;
    return TableReader(file, nullptr, std::string(name)).error(node, "must be a table");
}

// Reads the whole file; each section below fills its part of `out`.
Result<void> readKiosk(const std::filesystem::path& file, const toml::table& root, SyncSettings& out) {
    auto table = tableAt(file, root, "kiosk", "kiosk");
    if (!table) return table.error();
    TableReader r(file, *table, "kiosk");
    for (const auto& [key, example, target] : {std::tuple{"id", R"(id = "KIOSK-3578-01")", &out.kioskId},
                                               std::tuple{"site_id", R"(site_id = "LTSA-3578")", &out.siteId}}) {
        auto value = r.text(key, example);
        if (!value) return value.error();
        if (!*value) continue;
        if (!isKioskOrSiteId(**value))
            return r.error(r.node(key), std::string(key) + " must be 3 to 40 of A-Z, 0-9 and '-', e.g. " + example);
        *target = **value;
    }
    // Indonesia's three zones; none has daylight saving time, so each is a fixed offset.
    constexpr std::array<std::pair<std::string_view, int>, 3> kZones{{{"WIB", 7}, {"WITA", 8}, {"WIT", 9}}};
    auto zone = r.text("time_zone", R"(time_zone = "WIB")");
    if (!zone) return zone.error();
    if (!*zone) return {};
    for (const auto& [name, hours] : kZones)
        if (**zone == name) {
            out.zoneName = std::string(name);
            out.utcOffset = std::chrono::hours{hours};
            return {};
        }
    return r.error(r.node("time_zone"), R"(time_zone must be "WIB", "WITA" or "WIT", e.g. time_zone = "WITA")");
}

Result<void> readStore(const std::filesystem::path& file, const toml::table& root, SyncSettings& out) {
    auto table = tableAt(file, root, "store", "store");
    if (!table) return table.error();
    TableReader r(file, *table, "store");
    for (const auto& [key, example, target] :
         {std::tuple{"database", R"(database = "/var/lib/loket/kiosk.db")", &out.database},
          std::tuple{"master_key", R"(master_key = "/var/lib/loket/master.key")", &out.masterKey}}) {
        auto value = r.text(key, example);
        if (!value) return value.error();
        if (*value) *target = resolve(file, **value);
    }
    return {};
}

Result<void> readSyncPaths(const TableReader& r, const std::filesystem::path& file, SyncSettings& out) {
    for (const auto& [key, example, target] :
         {std::tuple{"device_key", R"(device_key = "/var/lib/loket/device.key")", &out.deviceKey},
          std::tuple{"state_dir", R"(state_dir = "/var/lib/loket/sync")", &out.stateDir}}) {
        auto value = r.text(key, example);
        if (!value) return value.error();
        if (*value) *target = resolve(file, **value);
    }
    for (const auto& [key, example, target] :
         {std::tuple{"ca_file", R"(ca_file = "/etc/loket/national-ca.pem")", &out.caFile},
          std::tuple{"client_cert", R"(client_cert = "/etc/loket/kiosk.crt")", &out.clientCert},
          std::tuple{"client_key", R"(client_key = "/etc/loket/kiosk.key")", &out.clientKey}}) {
        auto value = r.text(key, example);
        if (!value) return value.error();
        if (*value) *target = resolve(file, **value);
    }
    if (out.clientCert.has_value() != out.clientKey.has_value())
        return r.error(r.node(out.clientCert ? "client_cert" : "client_key"),
                       "client_cert and client_key go together: give both or neither");
    return {};
}

Result<void> readSync(const std::filesystem::path& file, const toml::table& root, SyncSettings& out) {
    auto table = tableAt(file, root, "sync", "sync");
    if (!table) return table.error();
    if (!*table) return {};
    TableReader r(file, *table, "sync");
    if (auto ok = r.onlyKeys({"server_url", "device_key", "state_dir", "server_seal_public_key",
                              "server_signing_public_key", "ca_file", "pinned_public_key", "client_cert", "client_key",
                              "batch_size", "timeouts", "intervals"});
        !ok)
        return ok.error();
    auto url = r.text("server_url", R"(server_url = "https://pmi.example.go.id/api")");
    if (!url) return url.error();
    if (*url) {
        if (auto ok = checkServerUrl(**url); !ok) return r.error(r.node("server_url"), ok.error().detail);
        out.serverUrl = **url;
    }
    if (auto ok = readSyncPaths(r, file, out); !ok) return ok.error();
    for (const auto& [key, target] : {std::pair{"server_seal_public_key", &out.serverSealKey},
                                      std::pair{"server_signing_public_key", &out.serverSigningKey}}) {
        auto value = r.text(key, std::string(key) + R"( = "<base64 of 32 bytes>")");
        if (!value) return value.error();
        if (!*value) continue;
        auto parsed = publicKeyFromBase64(**value, key);
        if (!parsed) return r.error(r.node(key), parsed.error().detail);
        *target = *parsed;
    }
    auto pin = r.text("pinned_public_key", R"(pinned_public_key = "sha256//<base64 of the SPKI hash>")");
    if (!pin) return pin.error();
    if (*pin) {
        if (!(*pin)->starts_with("sha256//"))
            return r.error(r.node("pinned_public_key"),
                           R"(pinned_public_key must be "sha256//" and the base64 SHA-256 of the server's public key)");
        out.pinnedPublicKey = **pin;
    }
    auto batch = r.integer("batch_size", 1, 100, 50);
    if (!batch) return batch.error();
    if (*batch) out.batchSize = **batch;

    auto timeouts = tableAt(file, **table, "timeouts", "sync.timeouts");
    if (!timeouts) return timeouts.error();
    TableReader t(file, *timeouts, "sync.timeouts");
    if (auto ok = t.onlyKeys({"connect_s", "low_speed_s", "upload_s", "pull_s"}); !ok) return ok.error();
    for (const auto& [key, target] :
         {std::pair{"connect_s", &out.connectTimeout}, std::pair{"upload_s", &out.uploadTimeout},
          std::pair{"pull_s", &out.pullTimeout}}) {
        auto value = t.seconds(key, 0.05, 3600);
        if (!value) return value.error();
        if (*value) *target = **value;
    }
    auto lowSpeed = t.integer("low_speed_s", 1, 3600, 30);
    if (!lowSpeed) return lowSpeed.error();
    if (*lowSpeed) out.lowSpeedTime = std::chrono::seconds{**lowSpeed};

    auto intervals = tableAt(file, **table, "intervals", "sync.intervals");
    if (!intervals) return intervals.error();
    TableReader i(file, *intervals, "sync.intervals");
    if (auto ok = i.onlyKeys({"pull_s", "heartbeat_s", "status_s"}); !ok) return ok.error();
    for (const auto& [key, target, example] :
         {std::tuple{"pull_s", &out.pullInterval, 900}, std::tuple{"heartbeat_s", &out.heartbeatInterval, 300},
          std::tuple{"status_s", &out.statusInterval, 900}}) {
        auto value = i.integer(key, 1, 24 * 3600, example);
        if (!value) return value.error();
        if (*value) *target = std::chrono::seconds{**value};
    }
    return {};
}

}  // namespace

Result<SyncSettings> parseSyncSettings(std::string_view text, const std::filesystem::path& file) {
    toml::table root;
    try {
        root = toml::parse(text, file.string());
    } catch (const toml::parse_error& e) {
        return Error{"sync.settings", file.string() + ":" + std::to_string(e.source().begin.line) +
                                          ": not valid TOML: " + std::string(e.description())};
    }
    SyncSettings out;
    out.file = file;
    if (auto r = readKiosk(file, root, out); !r) return r.error();
    if (auto r = readStore(file, root, out); !r) return r.error();
    if (auto r = readSync(file, root, out); !r) return r.error();
    return out;
}

Result<SyncSettings> loadSyncSettings(const std::filesystem::path& file) {
    auto text = readWholeFile(file);
    if (!text) return Error{"sync.settings", "cannot read the settings file: " + text.error().detail};
    return parseSyncSettings(*text, file);
}

Result<void> SyncSettings::require(std::initializer_list<std::string_view> keys) const {
    const std::map<std::string_view, bool> present{
        {"kiosk.id", !kioskId.empty()},
        {"kiosk.site_id", !siteId.empty()},
        {"store.database", !database.empty()},
        {"store.master_key", !masterKey.empty()},
        {"sync.server_url", !serverUrl.empty()},
        {"sync.device_key", !deviceKey.empty()},
        {"sync.state_dir", !stateDir.empty()},
        {"sync.server_seal_public_key", serverSealKey.has_value()},
        {"sync.server_signing_public_key", serverSigningKey.has_value()},
    };
    for (const auto key : keys) {
        const auto it = present.find(key);
        if (it != present.end() && it->second) continue;
        std::string example;
        for (const auto& form : kRequirable)
            if (form.key == key) example = std::string(form.example);
        return Error{"sync.settings", file.string() + ": " + tableOf(key) + " " + nameOf(key) +
                                          " is missing and this command needs it, e.g. " + example};
    }
    return {};
}

TransportOptions SyncSettings::transport() const {
    TransportOptions t;
    t.baseUrl = serverUrl;
    t.caFile = caFile;
    t.pinnedPublicKey = pinnedPublicKey;
    t.clientCert = clientCert;
    t.clientKey = clientKey;
    t.connectTimeout = connectTimeout;
    t.lowSpeedTime = lowSpeedTime;
    t.uploadTimeout = uploadTimeout;
    t.pullTimeout = pullTimeout;
    return t;
}

SyncWorkerOptions SyncSettings::worker() const {
    SyncWorkerOptions w;
    w.kioskId = kioskId;
    w.stateDir = stateDir;
    w.upload.batchSize = batchSize;
    // A claimed row must not be claimed again while its request may still be running.
    w.upload.lease = std::max<std::chrono::seconds>(
        std::chrono::minutes{5}, std::chrono::ceil<std::chrono::seconds>(uploadTimeout * 2 + std::chrono::minutes{1}));
    w.pullInterval = pullInterval;
    w.heartbeatInterval = heartbeatInterval;
    w.statusInterval = statusInterval;
    return w;
}

ServerKeys SyncSettings::serverKeys() const { return ServerKeys{serverSealKey.value(), serverSigningKey.value()}; }

}  // namespace kiosk::sync
