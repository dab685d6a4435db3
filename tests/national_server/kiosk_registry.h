#pragma once
// The kiosks the server knows (docs/api.md §2, §10): kiosk id -> site and Ed25519 public signing
// key, from --kiosk, POST /admin/kiosks or enrolment. Kept in memory for the signature checks and
// written through to the database so that a restarted server still knows enrolled kiosks and still
// refuses a used enrolment token. Thread-safe.

#include <nlohmann/json.hpp>

#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/result.h"
#include "tests/national_server/envelope.h"
#include "tests/national_server/sim_database.h"

namespace kiosk::sim {

struct KioskRecord {
    std::string kioskId;
    std::string siteId;
    SigningKey key{};
};

class KioskRegistry {
public:
    static constexpr const char* kDefaultSite = "LTSA-TEST";

    // Loads what earlier runs registered; `tokens` are this run's one-time enrolment tokens.
    static Result<std::unique_ptr<KioskRegistry>> open(SimDatabase& db, std::vector<std::string> tokens);

    std::optional<KioskRecord> find(std::string_view kioskId) const;
    // The kiosks enrolled at a site, in kiosk id order: whose receipts a kiosk there may be shown.
    std::vector<KioskRecord> atSite(std::string_view siteId) const;

    // Adds or replaces a kiosk's key. `keyBase64` must be base64 of a 32-byte Ed25519 key.
    Result<void> add(std::string_view kioskId, std::string_view siteId, std::string_view keyBase64,
                     std::string_view via, TimePoint now);

    // §10: `enrolment_refused` for an unknown token, or one used before by another kiosk or key.
    // Sending the same enrolment again answers the same (every request may be sent again).
    Result<void> enrol(std::string_view kioskId, std::string_view siteId, std::string_view token,
                       std::string_view keyBase64, TimePoint now);

    nlohmann::json list() const;

private:
    KioskRegistry(SimDatabase& db, std::set<std::string> tokenHashes) : db_(db), tokenHashes_(std::move(tokenHashes)) {}
    Result<void> persist(const KioskRecord& record, std::string_view via, TimePoint now);

    SimDatabase& db_;
    std::set<std::string> tokenHashes_;  // SHA-256 of each token: the database never holds one
    mutable std::mutex mutex_;
    std::map<std::string, KioskRecord, std::less<>> kiosks_;
};

std::optional<SigningKey> parseSigningKey(std::string_view base64);

}  // namespace kiosk::sim
