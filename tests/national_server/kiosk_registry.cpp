#include "tests/national_server/kiosk_registry.h"

#include <algorithm>

namespace kiosk::sim {

std::optional<SigningKey> parseSigningKey(std::string_view base64) {
    const auto bytes = fromBase64(base64);
    if (!bytes || bytes->size() != crypto_sign_PUBLICKEYBYTES) return std::nullopt;
    SigningKey key{};
    std::copy(bytes->begin(), bytes->end(), key.begin());
    return key;
}

Result<std::unique_ptr<KioskRegistry>> KioskRegistry::open(SimDatabase& db, std::vector<std::string> tokens) {
    std::set<std::string> hashes;
    for (const auto& t : tokens) hashes.insert(sha256Hex(t));
    std::unique_ptr<KioskRegistry> registry(new KioskRegistry(db, std::move(hashes)));
    const auto lock = db.lock();
    auto query = db.prepare("SELECT kiosk_id, site_id, signing_public_key FROM kiosks");
    if (!query) return query.error();
    for (;;) {
        auto row = query->step();
        if (!row) return row.error();
        if (!*row) break;
        auto key = parseSigningKey(query->text(2));
        if (!key) continue;  // written by this program, so only a hand-edited file gets here
        registry->kiosks_[query->text(0)] = KioskRecord{query->text(0), query->text(1), *key};
    }
    return registry;
}

std::optional<KioskRecord> KioskRegistry::find(std::string_view kioskId) const {
    const std::lock_guard lock(mutex_);
    const auto it = kiosks_.find(kioskId);
    if (it == kiosks_.end()) return std::nullopt;
    return it->second;
}

std::vector<KioskRecord> KioskRegistry::atSite(std::string_view siteId) const {
    const std::lock_guard lock(mutex_);
    std::vector<KioskRecord> out;
    for (const auto& [id, record] : kiosks_)
        if (record.siteId == siteId) out.push_back(record);
    return out;
}

Result<void> KioskRegistry::persist(const KioskRecord& record, std::string_view via, TimePoint now) {
    auto upsert = db_.prepare(
        "INSERT INTO kiosks (kiosk_id, site_id, signing_public_key, registered_via, registered_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (kiosk_id) DO UPDATE SET site_id = ?2, signing_public_key = ?3, "
        "registered_via = ?4, registered_at = ?5");
    if (!upsert) return upsert.error();
    upsert->bind(1, record.kioskId).bind(2, record.siteId).bind(3, toBase64(record.key)).bind(4, via);
    upsert->bind(5, formatTime(now));
    return upsert->run();
}

Result<void> KioskRegistry::add(std::string_view kioskId, std::string_view siteId, std::string_view keyBase64,
                                std::string_view via, TimePoint now) {
    if (!isStationId(kioskId)) return Error{"kiosk_invalid", "kiosk_id is not [A-Z0-9-]{3,40}"};
    if (!siteId.empty() && !isStationId(siteId)) return Error{"kiosk_invalid", "site_id is not [A-Z0-9-]{3,40}"};
    const auto key = parseSigningKey(keyBase64);
    if (!key) return Error{"kiosk_invalid", "signing_public_key is not base64 of a 32-byte Ed25519 key"};
    KioskRecord record{std::string(kioskId), siteId.empty() ? kDefaultSite : std::string(siteId), *key};
    {
        const auto dbLock = db_.lock();
        if (auto r = persist(record, via, now); !r) return r;
    }
    const std::lock_guard lock(mutex_);
    kiosks_[record.kioskId] = std::move(record);
    return {};
}

Result<void> KioskRegistry::enrol(std::string_view kioskId, std::string_view siteId, std::string_view token,
                                  std::string_view keyBase64, TimePoint now) {
    const auto key = parseSigningKey(keyBase64);
    if (!isStationId(kioskId) || !isStationId(siteId) || !key)
        return Error{"enrolment_invalid", "kiosk_id, site_id or signing_public_key is malformed"};
    const auto tokenHash = sha256Hex(token);
    if (!tokenHashes_.contains(tokenHash)) return Error{"enrolment_refused", "the enrolment token is not valid"};
    KioskRecord record{std::string(kioskId), std::string(siteId), *key};
    const auto keyText = toBase64(*key);
    {
        const auto dbLock = db_.lock();
        SqlTransaction tx(db_);
        if (auto r = tx.begin(); !r) return r;
        auto used =
            db_.prepare("SELECT kiosk_id, signing_public_key FROM used_enrolment_tokens WHERE token_sha256 = ?1");
        if (!used) return used.error();
        used->bind(1, tokenHash);
        auto row = used->step();
        if (!row) return row.error();
        if (*row) {
            if (used->text(0) != kioskId || used->text(1) != keyText)
                return Error{"enrolment_refused", "the enrolment token was used before"};
        } else {
            auto use = db_.prepare(
                "INSERT INTO used_enrolment_tokens (token_sha256, kiosk_id, signing_public_key, used_at) "
                "VALUES (?1, ?2, ?3, ?4)");
            if (!use) return use.error();
            use->bind(1, tokenHash).bind(2, kioskId).bind(3, keyText).bind(4, formatTime(now));
            if (auto r = use->run(); !r) return r;
            if (auto r = persist(record, "enrolment", now); !r) return r;
        }
        if (auto r = tx.commit(); !r) return r;
    }
    const std::lock_guard lock(mutex_);
    kiosks_[record.kioskId] = std::move(record);
    return {};
}

nlohmann::json KioskRegistry::list() const {
    const std::lock_guard lock(mutex_);
    auto out = nlohmann::json::array();
    for (const auto& [id, record] : kiosks_)
        out.push_back({{"kiosk_id", id}, {"site_id", record.siteId}, {"signing_public_key", toBase64(record.key)}});
    return {{"kiosks", std::move(out)}};
}

}  // namespace kiosk::sim
