#pragma once
// Configuration and catalogues as signed documents (docs/api.md §6): the exact JSON bytes, the
// server's Ed25519 signature over them, and an ETag that changes exactly when the bytes change.
// Catalogues come from <data>/catalogues/<name>.json; a kiosk's config is built from
// <data>/config_template.json on its first pull, with staff PINs generated from a seed and stored
// only as crypto_pwhash_str (argon2id) hashes. An admin call can replace any document.
// Thread-safe.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/result.h"
#include "tests/national_server/kiosk_registry.h"
#include "tests/national_server/server_keys.h"

namespace kiosk::sim {

struct SignedDocument {
    std::string bytes;
    std::string signature;  // base64
    std::string etag;       // quoted, as sent in the header

    nlohmann::json body() const;  // {"document": base64, "signature": base64}
    bool matches(std::string_view ifNoneMatch) const;
};

class SignedDocuments {
public:
    static constexpr const char* kCatalogues[] = {"job_openings", "training_programmes", "regencies",
                                                  "document_issuers"};

    static Result<std::unique_ptr<SignedDocuments>> load(const std::filesystem::path& dataDir, const ServerKeys& keys,
                                                         std::uint64_t pinSeed, TimePoint issuedAt);

    std::optional<SignedDocument> catalogue(std::string_view name) const;
    // The kiosk's config, with `kioskKeys` (the enrolled kiosks of its site, itself included) as
    // its kiosk_keys, so that it can check their receipts offline. Built again on every pull, so an
    // enrolment shows in the next pull (and changes the ETag); a replaced config is served as set.
    Result<SignedDocument> config(const KioskRecord& kiosk, const std::vector<KioskRecord>& kioskKeys);

    // Serves `document` (its compact JSON bytes) from now on, for a catalogue name or a kiosk id.
    SignedDocument replaceCatalogue(std::string_view name, const nlohmann::json& document);
    SignedDocument replaceConfig(std::string_view kioskId, const nlohmann::json& document);

    // The generated staff list with each PIN in the clear, for tests that sign staff in.
    nlohmann::json staffWithPins() const;

    // The Ed25519 seed of a document issuer's key: SHA-256 of its key_seed text in the catalogue
    // file, so that tests can make QR codes that the published public key verifies.
    static std::array<std::uint8_t, 32> issuerSeed(std::string_view keySeed);

private:
    SignedDocuments(const ServerKeys& keys, nlohmann::json configTemplate, std::uint64_t pinSeed, TimePoint issuedAt);
    SignedDocument sign(std::string bytes) const;
    Result<void> hashPinsOnce();

    const ServerKeys& keys_;
    nlohmann::json template_;
    std::uint64_t pinSeed_;
    std::string issuedAt_;
    mutable std::mutex mutex_;
    std::map<std::string, SignedDocument, std::less<>> catalogues_;
    std::map<std::string, SignedDocument, std::less<>> configs_;  // replaced by an admin call
    std::map<std::string, std::string> pinHashes_;  // staff_id -> hash, made on the first config pull
};

}  // namespace kiosk::sim
