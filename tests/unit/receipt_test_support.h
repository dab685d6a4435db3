#pragma once
// Shared by the receipt tests: kiosk keys made from a seed, a stored record's receipt, and a cached
// configuration (docs/api.md §6) listing kiosk keys, signed by a server key made up for the test.

#include <sodium.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/store/submission.h"
#include "kiosk/sync/device_key.h"
#include "kiosk/sync/wire_format.h"
#include "tests/unit/sync_test_support.h"

namespace kiosk::test {

// An Ed25519 kiosk key from a one-byte seed: the same key on every run.
class SeedKey final : public sync::DeviceKey {
public:
    explicit SeedKey(std::uint8_t seedByte) {
        if (sodium_init() < 0) throw std::runtime_error("sodium_init failed");
        std::array<std::uint8_t, crypto_sign_SEEDBYTES> seed{};
        seed.fill(seedByte);
        crypto_sign_seed_keypair(public_.data(), secret_.data(), seed.data());
    }
    Result<sync::Signature> sign(std::span<const std::uint8_t> message) const override {
        sync::Signature s{};
        crypto_sign_detached(s.data(), nullptr, message.data(), message.size(), secret_.data());
        return s;
    }
    const sync::PublicKey& publicKey() const override { return public_; }

private:
    sync::PublicKey public_{};
    std::array<std::uint8_t, crypto_sign_SECRETKEYBYTES> secret_{};
};

// A record as the store hands it back after the commit; the payload is generated.
inline store::Receipt storedRecord(store::RecordId id, const std::string& payload = "{\"name\":\"PEMOHON UJI 0001\"}") {
    store::Receipt r;
    r.recordId = id;
    r.submissionId = "3f0c9a8e-5b7d-4c21-9e1f-2a6b8c0d4e5f";
    r.payloadSha256 = sync::sha256Hex(payload);
    r.createdAt = Clock::TimePoint{std::chrono::seconds{1795331040}} + std::chrono::milliseconds{750};
    return r;
}

// The §6 config document for `kioskId` with these kiosk keys.
inline std::string configWithKeys(const std::string& kioskId,
                                  const std::vector<std::pair<std::string, const sync::DeviceKey*>>& kiosks) {
    auto keys = nlohmann::json::array();
    for (const auto& [id, key] : kiosks)
        keys.push_back(
            {{"kiosk_id", id}, {"site_id", "LTSA-3578"}, {"signing_public_key", sync::publicKeyBase64(*key)}});
    return nlohmann::json{
        {"version", 3},           {"issued_at", "2026-11-22T00:00:00Z"},  {"kiosk_id", kioskId},
        {"site_id", "LTSA-3578"}, {"settings", nlohmann::json::object()}, {"staff", nlohmann::json::array()},
        {"kiosk_keys", keys}}
        .dump();
}

// Writes `signedBody` where the sync engine keeps the last good config.
inline void cacheConfig(const std::filesystem::path& stateDir, const std::string& signedBody) {
    std::filesystem::create_directories(stateDir / "documents");
    std::ofstream(stateDir / "documents" / "config.json") << signedBody;
}

}  // namespace kiosk::test
