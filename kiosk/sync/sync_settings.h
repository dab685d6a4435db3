#pragma once
// The settings the sync engine and its kioskctl commands need, from the kiosk's TOML file:
//
//   [kiosk]   id, site_id, time_zone
//   [store]   database, master_key
//   [sync]    server_url, device_key, state_dir, server_seal_public_key, server_signing_public_key,
//             ca_file, pinned_public_key, client_cert, client_key, batch_size
//   [sync.timeouts]  connect_s, low_speed_s, upload_s, pull_s
//   [sync.intervals] pull_s, heartbeat_s, status_s
//
// (config/kiosk.example.toml shows every key.) Relative paths are relative to the file's folder.
// Keys a command does not need may be missing: enrolment happens before the kiosk knows the
// server's keys, so `kioskctl device-key` must work without them. Each command asks for what it
// needs with require().

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/base/result.h"
#include "kiosk/sync/curl_server_api.h"
#include "kiosk/sync/device_key.h"
#include "kiosk/sync/sync_worker.h"

namespace kiosk::sync {

struct SyncSettings {
    std::filesystem::path file;  // where they were read from, for messages

    std::string kioskId;  // [kiosk] id
    std::string siteId;   // [kiosk] site_id
    // [kiosk] time_zone: "WIB" (the default), "WITA" or "WIT"; the kiosk's civil day and clock.
    std::string zoneName = "WIB";
    std::chrono::minutes utcOffset{7 * 60};

    std::filesystem::path database;   // [store] database
    std::filesystem::path masterKey;  // [store] master_key

    std::string serverUrl;
    std::filesystem::path deviceKey;
    std::filesystem::path stateDir;
    std::optional<PublicKey> serverSealKey;
    std::optional<PublicKey> serverSigningKey;
    std::optional<std::filesystem::path> caFile;
    std::string pinnedPublicKey;
    std::optional<std::filesystem::path> clientCert;
    std::optional<std::filesystem::path> clientKey;
    std::int64_t batchSize = 50;

    std::chrono::milliseconds connectTimeout{std::chrono::seconds{10}};
    std::chrono::seconds lowSpeedTime{30};
    std::chrono::milliseconds uploadTimeout{std::chrono::seconds{120}};
    std::chrono::milliseconds pullTimeout{std::chrono::seconds{30}};

    std::chrono::seconds pullInterval{std::chrono::minutes{15}};
    std::chrono::seconds heartbeatInterval{std::chrono::minutes{5}};
    std::chrono::seconds statusInterval{std::chrono::minutes{15}};

    // The keys a command needs, e.g. {"kiosk.id", "store.database", "sync.server_url"}; an error
    // names the file and, a line each, every missing key and the form it takes.
    Result<void> require(std::initializer_list<std::string_view> keys) const;

    TransportOptions transport() const;
    SyncWorkerOptions worker() const;
    ServerKeys serverKeys() const;  // after require({"sync.server_seal_public_key", ...})
};

// Errors ("sync.settings") name the file, the line and the expected form, e.g.
// "/etc/loket/kiosk.toml:12: [sync] batch_size must be an integer from 1 to 100, e.g. batch_size = 50",
// one line for each mistake in the file (a last line counts them when there are several).
Result<SyncSettings> loadSyncSettings(const std::filesystem::path& file);
Result<SyncSettings> parseSyncSettings(std::string_view text, const std::filesystem::path& file);

// The settings file's text with the server's two public keys from an enrolment reply (docs/api.md
// §10) set in its [sync] table: their lines replaced where the table has them, added after the
// table's header where it has not, the table added at the end where there is none. Every other
// line, comments included, stays as it was.
std::string withServerKeys(std::string_view settingsText, std::string_view sealKeyBase64,
                           std::string_view signingKeyBase64);

}  // namespace kiosk::sync
