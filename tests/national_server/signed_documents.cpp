#include "tests/national_server/signed_documents.h"

#include <sodium.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace kiosk::sim {

namespace {

Result<nlohmann::json> readJson(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{"data.read", path.string() + ": cannot open"};
    std::stringstream text;
    text << in.rdbuf();
    auto json = nlohmann::json::parse(text.str(), nullptr, false);
    if (json.is_discarded() || !json.is_object()) return Error{"data.read", path.string() + ": not a JSON object"};
    return json;
}

// A 6-digit PIN per staff member, the same for the same seed on every run.
std::string pinFor(std::uint64_t seed, std::string_view staffId) {
    const std::string input = std::to_string(seed) + ":" + std::string(staffId);
    std::uint8_t digest[8];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(input.data()), input.size(),
                       nullptr, 0);
    std::uint64_t n = 0;
    for (const auto b : digest) n = (n << 8) | b;
    char pin[8];
    std::snprintf(pin, sizeof pin, "%06u", static_cast<unsigned>(n % 1000000));
    return pin;
}

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
}

}  // namespace

nlohmann::json SignedDocument::body() const { return {{"document", toBase64(bytes)}, {"signature", signature}}; }

bool SignedDocument::matches(std::string_view ifNoneMatch) const {
    std::size_t start = 0;
    while (start <= ifNoneMatch.size()) {
        const auto comma = ifNoneMatch.find(',', start);
        auto tag =
            trim(ifNoneMatch.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
        if (tag.starts_with("W/")) tag.erase(0, 2);  // weak comparison, as RFC 9110 asks for If-None-Match
        if (tag == "*" || tag == etag) return true;
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return false;
}

std::array<std::uint8_t, 32> SignedDocuments::issuerSeed(std::string_view keySeed) {
    std::array<std::uint8_t, 32> seed{};
    crypto_hash_sha256(seed.data(), reinterpret_cast<const unsigned char*>(keySeed.data()), keySeed.size());
    return seed;
}

SignedDocuments::SignedDocuments(const ServerKeys& keys, nlohmann::json configTemplate, std::uint64_t pinSeed,
                                 TimePoint issuedAt)
    : keys_(keys), template_(std::move(configTemplate)), pinSeed_(pinSeed), issuedAt_(formatTime(issuedAt)) {}

Result<std::unique_ptr<SignedDocuments>> SignedDocuments::load(const std::filesystem::path& dataDir,
                                                               const ServerKeys& keys, std::uint64_t pinSeed,
                                                               TimePoint issuedAt) {
    auto configTemplate = readJson(dataDir / "config_template.json");
    if (!configTemplate) return configTemplate.error();
    if (!configTemplate->contains("staff") || !(*configTemplate)["staff"].is_array() ||
        !configTemplate->contains("settings"))
        return Error{"data.read", "config_template.json needs settings and staff"};
    std::unique_ptr<SignedDocuments> docs(new SignedDocuments(keys, std::move(*configTemplate), pinSeed, issuedAt));
    for (const char* name : kCatalogues) {
        auto catalogue = readJson(dataDir / "catalogues" / (std::string(name) + ".json"));
        if (!catalogue) return catalogue.error();
        (*catalogue)["name"] = name;
        if (!catalogue->contains("issued_at")) (*catalogue)["issued_at"] = docs->issuedAt_;
        if (std::string_view(name) == "document_issuers") {
            for (auto& issuer : (*catalogue)["items"]) {
                if (!issuer.contains("key_seed")) continue;
                const auto seed = issuerSeed(issuer["key_seed"].get<std::string>());
                std::array<std::uint8_t, crypto_sign_PUBLICKEYBYTES> pk{};
                std::array<std::uint8_t, crypto_sign_SECRETKEYBYTES> sk{};
                crypto_sign_seed_keypair(pk.data(), sk.data(), seed.data());
                sodium_memzero(sk.data(), sk.size());
                issuer.erase("key_seed");
                issuer["public_key"] = toBase64(pk);
            }
        }
        docs->catalogues_[name] = docs->sign(catalogue->dump());
    }
    return docs;
}

SignedDocument SignedDocuments::sign(std::string bytes) const {
    SignedDocument doc;
    doc.signature = keys_.sign(asBytes(bytes));
    doc.etag = "\"" + sha256Hex(bytes).substr(0, 32) + "\"";
    doc.bytes = std::move(bytes);
    return doc;
}

std::optional<SignedDocument> SignedDocuments::catalogue(std::string_view name) const {
    const std::lock_guard lock(mutex_);
    const auto it = catalogues_.find(name);
    if (it == catalogues_.end()) return std::nullopt;
    return it->second;
}

Result<void> SignedDocuments::hashPinsOnce() {
    if (!pinHashes_.empty()) return {};
    for (const auto& member : template_["staff"]) {
        const auto staffId = member.value("staff_id", "");
        const auto pin = pinFor(pinSeed_, staffId);
        char hash[crypto_pwhash_STRBYTES];
        if (crypto_pwhash_str(hash, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
            return Error{"sim.pin_hash", "crypto_pwhash_str ran out of memory"};
        pinHashes_[staffId] = hash;
    }
    return {};
}

Result<SignedDocument> SignedDocuments::config(const KioskRecord& kiosk, const std::vector<KioskRecord>& kioskKeys) {
    const std::lock_guard lock(mutex_);
    if (const auto it = configs_.find(kiosk.kioskId); it != configs_.end()) return it->second;
    if (auto r = hashPinsOnce(); !r) return r.error();
    nlohmann::json doc = {{"version", template_.value("version", 1)},
                          {"issued_at", issuedAt_},
                          {"kiosk_id", kiosk.kioskId},
                          {"site_id", kiosk.siteId},
                          {"settings", template_["settings"]},
                          {"staff", nlohmann::json::array()},
                          {"kiosk_keys", nlohmann::json::array()}};
    for (auto member : template_["staff"]) {
        member["pin_hash"] = pinHashes_[member.value("staff_id", "")];
        doc["staff"].push_back(std::move(member));
    }
    for (const auto& k : kioskKeys)
        doc["kiosk_keys"].push_back(
            {{"kiosk_id", k.kioskId}, {"site_id", k.siteId}, {"signing_public_key", toBase64(k.key)}});
    // The same bytes for the same kiosks, so the ETag changes only when an enrolment changes them.
    return sign(doc.dump());
}

SignedDocument SignedDocuments::replaceCatalogue(std::string_view name, const nlohmann::json& document) {
    auto doc = sign(document.dump());
    const std::lock_guard lock(mutex_);
    catalogues_[std::string(name)] = doc;
    return doc;
}

SignedDocument SignedDocuments::replaceConfig(std::string_view kioskId, const nlohmann::json& document) {
    auto doc = sign(document.dump());
    const std::lock_guard lock(mutex_);
    configs_[std::string(kioskId)] = doc;
    return doc;
}

nlohmann::json SignedDocuments::staffWithPins() const {
    auto out = nlohmann::json::array();
    for (auto member : template_["staff"]) {
        member["pin"] = pinFor(pinSeed_, member.value("staff_id", ""));
        out.push_back(std::move(member));
    }
    return {{"staff", std::move(out)}};
}

}  // namespace kiosk::sim
