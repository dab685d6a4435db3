#include "kiosk/sync/sync_settings.h"

#include <toml++/toml.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <vector>

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

// Every mistake in the file, in the order found, so that a technician mends them all at once
// rather than one per start.
class Problems {
public:
    void add(Error e) { list_.push_back(std::move(e)); }
    // The value a reading gave (nullopt when it was absent), or nullopt with its mistake noted.
    template <class T>
    std::optional<T> take(Result<std::optional<T>> r) {
        if (r) return std::move(*r);
        add(r.error());
        return std::nullopt;
    }
    bool empty() const { return list_.empty(); }
    // One error with a line per mistake.
    Error joined() const {
        std::string detail;
        for (const auto& e : list_) detail += (detail.empty() ? "" : "\n") + e.detail;
        if (list_.size() > 1) detail += "\n(" + std::to_string(list_.size()) + " mistakes in the settings file)";
        return Error{"sync.settings", detail};
    }

private:
    std::vector<Error> list_;
};

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
    void onlyKeys(std::initializer_list<std::string_view> known, Problems& problems) const {
        if (!table_) return;
        for (const auto& [key, node] : *table_) {
            bool found = false;
            for (const auto k : known) found = found || key.str() == k;
            if (!found) {
                std::string list;
                for (const auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
                problems.add(error(&node, "has no key \"" + std::string(key.str()) + "\"; the keys are " + list));
            }
        }
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

// The table `key` of `parent` (null when absent), or null with its mistake noted.
const toml::table* tableIn(const std::filesystem::path& file, const toml::table& parent, std::string_view key,
                           std::string_view name, Problems& problems) {
    auto table = tableAt(file, parent, key, name);
    if (table) return *table;
    problems.add(table.error());
    return nullptr;
}

// Reads the whole file; each section below fills its part of `out` and notes every mistake.
void readKiosk(const std::filesystem::path& file, const toml::table& root, SyncSettings& out, Problems& p) {
    const toml::table* table = tableIn(file, root, "kiosk", "kiosk", p);
    TableReader r(file, table, "kiosk");
    for (const auto& [key, example, target] : {std::tuple{"id", R"(id = "KIOSK-3578-01")", &out.kioskId},
                                               std::tuple{"site_id", R"(site_id = "LTSA-3578")", &out.siteId}}) {
        const auto value = p.take(r.text(key, example));
        if (!value) continue;
        if (!isKioskOrSiteId(*value))
            p.add(r.error(r.node(key), std::string(key) + " must be 3 to 40 of A-Z, 0-9 and '-', e.g. " + example));
        else
            *target = *value;
    }
    // Indonesia's three zones; none has daylight saving time, so each is a fixed offset.
    constexpr std::array<std::pair<std::string_view, int>, 3> kZones{{{"WIB", 7}, {"WITA", 8}, {"WIT", 9}}};
    const auto zone = p.take(r.text("time_zone", R"(time_zone = "WIB")"));
    if (!zone) return;
    for (const auto& [name, hours] : kZones)
        if (*zone == name) {
            out.zoneName = std::string(name);
            out.utcOffset = std::chrono::hours{hours};
            return;
        }
    p.add(r.error(r.node("time_zone"), R"(time_zone must be "WIB", "WITA" or "WIT", e.g. time_zone = "WITA")"));
}

void readStore(const std::filesystem::path& file, const toml::table& root, SyncSettings& out, Problems& p) {
    TableReader r(file, tableIn(file, root, "store", "store", p), "store");
    for (const auto& [key, example, target] :
         {std::tuple{"database", R"(database = "/var/lib/loket/kiosk.db")", &out.database},
          std::tuple{"master_key", R"(master_key = "/var/lib/loket/master.key")", &out.masterKey}})
        if (const auto value = p.take(r.text(key, example))) *target = resolve(file, *value);
}

void readSyncPaths(const TableReader& r, const std::filesystem::path& file, SyncSettings& out, Problems& p) {
    for (const auto& [key, example, target] :
         {std::tuple{"device_key", R"(device_key = "/var/lib/loket/device.key")", &out.deviceKey},
          std::tuple{"state_dir", R"(state_dir = "/var/lib/loket/sync")", &out.stateDir}})
        if (const auto value = p.take(r.text(key, example))) *target = resolve(file, *value);
    for (const auto& [key, example, target] :
         {std::tuple{"ca_file", R"(ca_file = "/etc/loket/national-ca.pem")", &out.caFile},
          std::tuple{"client_cert", R"(client_cert = "/etc/loket/kiosk.crt")", &out.clientCert},
          std::tuple{"client_key", R"(client_key = "/etc/loket/kiosk.key")", &out.clientKey}})
        if (const auto value = p.take(r.text(key, example))) *target = resolve(file, *value);
    if (out.clientCert.has_value() != out.clientKey.has_value())
        p.add(r.error(r.node(out.clientCert ? "client_cert" : "client_key"),
                      "client_cert and client_key go together: give both or neither"));
}

void readSyncTimes(const std::filesystem::path& file, const toml::table& sync, SyncSettings& out, Problems& p) {
    TableReader t(file, tableIn(file, sync, "timeouts", "sync.timeouts", p), "sync.timeouts");
    t.onlyKeys({"connect_s", "low_speed_s", "upload_s", "pull_s"}, p);
    for (const auto& [key, target] : {std::pair{"connect_s", &out.connectTimeout},
                                      std::pair{"upload_s", &out.uploadTimeout}, std::pair{"pull_s", &out.pullTimeout}})
        if (const auto value = p.take(t.seconds(key, 0.05, 3600))) *target = *value;
    if (const auto lowSpeed = p.take(t.integer("low_speed_s", 1, 3600, 30)))
        out.lowSpeedTime = std::chrono::seconds{*lowSpeed};

    TableReader i(file, tableIn(file, sync, "intervals", "sync.intervals", p), "sync.intervals");
    i.onlyKeys({"pull_s", "heartbeat_s", "status_s"}, p);
    for (const auto& [key, target, example] :
         {std::tuple{"pull_s", &out.pullInterval, 900}, std::tuple{"heartbeat_s", &out.heartbeatInterval, 300},
          std::tuple{"status_s", &out.statusInterval, 900}})
        if (const auto value = p.take(i.integer(key, 1, 24 * 3600, example))) *target = std::chrono::seconds{*value};
}

void readSync(const std::filesystem::path& file, const toml::table& root, SyncSettings& out, Problems& p) {
    const toml::table* table = tableIn(file, root, "sync", "sync", p);
    if (!table) return;
    TableReader r(file, table, "sync");
    r.onlyKeys({"server_url", "device_key", "state_dir", "server_seal_public_key", "server_signing_public_key",
                "ca_file", "pinned_public_key", "client_cert", "client_key", "batch_size", "timeouts", "intervals"},
               p);
    if (const auto url = p.take(r.text("server_url", R"(server_url = "https://pmi.example.go.id/api")"))) {
        if (auto ok = checkServerUrl(*url); !ok)
            p.add(r.error(r.node("server_url"), ok.error().detail));
        else
            out.serverUrl = *url;
    }
    readSyncPaths(r, file, out, p);
    for (const auto& [key, target] : {std::pair{"server_seal_public_key", &out.serverSealKey},
                                      std::pair{"server_signing_public_key", &out.serverSigningKey}}) {
        const auto value = p.take(r.text(key, std::string(key) + R"( = "<base64 of 32 bytes>")"));
        if (!value) continue;
        auto parsed = publicKeyFromBase64(*value, key);
        if (!parsed)
            p.add(r.error(r.node(key), parsed.error().detail));
        else
            *target = *parsed;
    }
    if (const auto pin =
            p.take(r.text("pinned_public_key", R"(pinned_public_key = "sha256//<base64 of the SPKI hash>")"))) {
        if (!pin->starts_with("sha256//"))
            p.add(r.error(r.node("pinned_public_key"),
                          R"(pinned_public_key must be "sha256//" and the base64 SHA-256 of the server's public key)"));
        else
            out.pinnedPublicKey = *pin;
    }
    if (const auto batch = p.take(r.integer("batch_size", 1, 100, 50))) out.batchSize = *batch;
    readSyncTimes(file, *table, out, p);
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
    Problems problems;
    readKiosk(file, root, out, problems);
    readStore(file, root, out, problems);
    readSync(file, root, out, problems);
    if (!problems.empty()) return problems.joined();
    return out;
}

namespace {

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// "name = ..." (with any spaces), not "name_more = ..." nor a comment.
bool setsKey(std::string_view line, std::string_view name) {
    line = trimmed(line);
    if (!line.starts_with(name)) return false;
    line = trimmed(line.substr(name.size()));
    return line.starts_with('=');
}

// The table a header line opens ("sync", "sync.timeouts"), or nullopt for any other line.
std::optional<std::string> headerOf(std::string_view line) {
    line = trimmed(line);
    if (line.size() < 3 || line.front() != '[' || line.starts_with("[[")) return std::nullopt;
    const auto close = line.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    return std::string(trimmed(line.substr(1, close - 1)));
}

}  // namespace

std::string withServerKeys(std::string_view settingsText, std::string_view sealKeyBase64,
                           std::string_view signingKeyBase64) {
    const std::array<std::pair<std::string_view, std::string>, 2> keys{
        {{"server_seal_public_key", "server_seal_public_key = \"" + std::string(sealKeyBase64) + "\""},
         {"server_signing_public_key", "server_signing_public_key = \"" + std::string(signingKeyBase64) + "\""}}};
    std::vector<std::string> lines;
    for (std::size_t at = 0; at < settingsText.size();) {
        auto end = settingsText.find('\n', at);
        if (end == std::string_view::npos) end = settingsText.size();
        lines.emplace_back(settingsText.substr(at, end - at));
        at = end + 1;
    }
    std::optional<std::size_t> syncHeader;
    std::array<bool, 2> done{false, false};
    std::string table;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (auto header = headerOf(lines[i])) {
            table = *header;
            if (table == "sync" && !syncHeader) syncHeader = i;
            continue;
        }
        if (table != "sync") continue;
        for (std::size_t k = 0; k < keys.size(); ++k)
            if (setsKey(lines[i], keys[k].first)) {
                lines[i] = keys[k].second;
                done[k] = true;
            }
    }
    std::vector<std::string> missing;
    for (std::size_t k = 0; k < keys.size(); ++k)
        if (!done[k]) missing.push_back(keys[k].second);
    if (!syncHeader) {
        if (!lines.empty() && !trimmed(lines.back()).empty()) lines.emplace_back();
        lines.emplace_back("[sync]");
        lines.insert(lines.end(), missing.begin(), missing.end());
    } else {
        lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(*syncHeader + 1), missing.begin(), missing.end());
    }
    std::string out;
    for (const auto& line : lines) out += line + '\n';
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
    Problems missing;
    for (const auto key : keys) {
        const auto it = present.find(key);
        if (it != present.end() && it->second) continue;
        std::string example;
        for (const auto& form : kRequirable)
            if (form.key == key) example = std::string(form.example);
        missing.add(Error{"sync.settings", file.string() + ": " + tableOf(key) + " " + nameOf(key) +
                                               " is missing and this command needs it, e.g. " + example});
    }
    if (!missing.empty()) return missing.joined();
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
