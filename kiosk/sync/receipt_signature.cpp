#include "kiosk/sync/receipt_signature.h"

#include <sodium.h>
#include <nlohmann/json.hpp>

#include "kiosk/sync/document_cache.h"
#include "kiosk/sync/sync_settings.h"
#include "kiosk/sync/wire_format.h"

namespace kiosk::sync {

Result<std::string> signReceipt(const core::ReceiptClaim& claim, const DeviceKey& key) {
    if (auto r = core::checkReceiptClaim(claim); !r) return r.error();
    auto signature = key.sign(asBytes(core::receiptSigningMessage(claim)));
    if (!signature) return signature.error();
    return core::encodeReceiptToken(claim, *signature);
}

Result<IssuedReceipt> issueReceipt(core::ReceiptKind kind, std::string_view kioskId, const store::Receipt& stored,
                                   const DeviceKey& key) {
    auto number = core::makeReceiptNumber(kind, kioskId, stored.recordId);
    if (!number) return number.error();
    IssuedReceipt out;
    out.claim = core::ReceiptClaim{std::move(*number), stored.payloadSha256,
                                   std::chrono::floor<std::chrono::seconds>(stored.createdAt)};
    auto token = signReceipt(out.claim, key);
    if (!token) return token.error();
    out.number = out.claim.number.text();
    out.token = std::move(*token);
    return out;
}

std::string_view keySourceCode(KeySource source) { return source == KeySource::Own ? "own" : "config"; }

void ReceiptKeyring::add(std::string_view kioskId, const PublicKey& key, KeySource source) {
    auto& entries = keys_[std::string(kioskId)];
    for (const auto& e : entries)
        if (e.key == key) return;  // the own key listed in the configuration too: keep the first
    entries.push_back(Entry{key, source});
}

Result<ReceiptKeyring::Added> ReceiptKeyring::addFromConfig(std::string_view configDocument) {
    const auto config = nlohmann::json::parse(configDocument, nullptr, false);
    if (config.is_discarded() || !config.is_object())
        return Error{"receipt.config_invalid", "the configuration is not a JSON object"};
    Added added;
    const auto list = config.find("kiosk_keys");
    if (list == config.end()) return added;
    if (!list->is_array()) return Error{"receipt.config_invalid", "kiosk_keys is not an array"};
    for (const auto& entry : *list) {
        const auto id = entry.is_object() ? entry.value("kiosk_id", "") : std::string();
        const auto keyText = entry.is_object() ? entry.value("signing_public_key", "") : std::string();
        auto key = publicKeyFromBase64(keyText, "signing_public_key");
        if (!isKioskOrSiteId(id) || !key) {
            ++added.skipped;
            continue;
        }
        add(id, *key, KeySource::Config);
        ++added.added;
    }
    return added;
}

const std::vector<ReceiptKeyring::Entry>* ReceiptKeyring::keysOf(std::string_view kioskId) const {
    const auto it = keys_.find(kioskId);
    return it == keys_.end() ? nullptr : &it->second;
}

Result<VerifiedReceipt> verifyReceipt(std::string_view text, const ReceiptKeyring& keys) {
    auto token = core::parseReceiptToken(text);
    if (!token) return Error{"receipt.malformed", token.error().code + ": " + token.error().detail};
    const auto& kioskId = token->claim.number.kioskId;
    const auto* candidates = keys.keysOf(kioskId);
    if (!candidates || candidates->empty())
        return Error{"receipt.kiosk_unknown",
                     "no key is known for kiosk " + kioskId + " (not this kiosk, and not in the cached configuration)"};
    if (sodium_init() < 0) return Error{"receipt.crypto_init", "libsodium failed to initialise"};
    const auto message = core::receiptSigningMessage(token->claim);
    for (const auto& entry : *candidates) {
        if (crypto_sign_verify_detached(token->signature.data(), reinterpret_cast<const unsigned char*>(message.data()),
                                        message.size(), entry.key.data()) == 0)
            return VerifiedReceipt{std::move(*token), entry.source};
    }
    return Error{"receipt.signature_invalid", "the signature does not verify with the key of kiosk " + kioskId +
                                                  ": the receipt was changed or forged"};
}

Result<ReceiptKeyring> loadReceiptKeyring(const SyncSettings& settings, const DeviceKey* own,
                                          std::vector<Error>* notes) {
    if (auto r = settings.require({"kiosk.id", "sync.state_dir", "sync.server_signing_public_key"}); !r)
        return r.error();
    ReceiptKeyring keys;
    if (own) keys.add(settings.kioskId, own->publicKey(), KeySource::Own);
    DocumentCache cache(settings.stateDir / "documents", *settings.serverSigningKey, settings.kioskId);
    auto problems = cache.load();
    const auto* config = cache.find(kConfigDocument);
    if (!config) {
        problems.push_back(Error{"receipt.no_config", "no verified configuration is cached at " +
                                                          cache.fileFor(kConfigDocument).string() +
                                                          ": only this kiosk's own receipts can be checked"});
    } else if (auto added = keys.addFromConfig(config->document); !added) {
        problems.push_back(added.error());
    } else if (added->skipped > 0) {
        problems.push_back(
            Error{"receipt.config_entries_skipped",
                  std::to_string(added->skipped) + " kiosk_keys entries are malformed and were skipped"});
    }
    if (notes) *notes = std::move(problems);
    return keys;
}

}  // namespace kiosk::sync
