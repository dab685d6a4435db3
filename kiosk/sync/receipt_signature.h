#pragma once
// Receipts a person can trust: the kiosk signs what its receipt claims with its device key, and any
// kiosk or office checks the QR offline against the key of the kiosk that issued it.
//
// The keys come from two places: this kiosk's own device key, and the `kiosk_keys` of the last good
// configuration (docs/api.md §6), which the national server signed and which names the enrolled
// kiosks whose receipts this kiosk may be shown. Pure apart from libsodium; safe on any thread.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/result.h"
#include "kiosk/core/receipt_token.h"
#include "kiosk/store/submission.h"
#include "kiosk/sync/device_key.h"

namespace kiosk::sync {

struct SyncSettings;

// A receipt made for a stored record: the number to print and the QR text.
struct IssuedReceipt {
    core::ReceiptClaim claim;
    std::string number;  // claim.number.text()
    std::string token;   // the QR text
};

// Signs the claim. Errors: "receipt_token.claim" (a claim that cannot be put in a token), or the
// key's own error.
Result<std::string> signReceipt(const core::ReceiptClaim& claim, const DeviceKey& key);

// The receipt for a record the store has committed: its number from the kiosk id and record id,
// its payload hash and its time (whole seconds). Errors: "receipt_number.*", as signReceipt.
Result<IssuedReceipt> issueReceipt(core::ReceiptKind kind, std::string_view kioskId, const store::Receipt& stored,
                                   const DeviceKey& key);

// Where a key came from, for the operator.
enum class KeySource { Own, Config };
std::string_view keySourceCode(KeySource source);  // "own", "config"

class ReceiptKeyring {
public:
    // A kiosk may have more than one key listed (a key being replaced); any of them may verify.
    void add(std::string_view kioskId, const PublicKey& key, KeySource source);

    // Adds the `kiosk_keys` of a verified configuration document:
    //   "kiosk_keys": [{"kiosk_id": "...", "site_id": "...", "signing_public_key": "<base64>"}]
    // An entry that is not of this shape is skipped and counted. "receipt.config_invalid" when the
    // document is not a JSON object or kiosk_keys is there but not an array.
    struct Added {
        std::size_t added = 0;
        std::size_t skipped = 0;
    };
    Result<Added> addFromConfig(std::string_view configDocument);

    struct Entry {
        PublicKey key{};
        KeySource source = KeySource::Own;
    };
    const std::vector<Entry>* keysOf(std::string_view kioskId) const;
    std::size_t kioskCount() const { return keys_.size(); }

private:
    std::map<std::string, std::vector<Entry>, std::less<>> keys_;
};

struct VerifiedReceipt {
    core::ReceiptToken token;
    KeySource signer = KeySource::Own;
};

// Errors, one code each: "receipt.malformed" (the detail starts with the precise
// receipt_token.* code), "receipt.kiosk_unknown" (no key for the issuing kiosk),
// "receipt.signature_invalid" (no key of that kiosk verifies: the text was changed or forged).
Result<VerifiedReceipt> verifyReceipt(std::string_view text, const ReceiptKeyring& keys);

// The keys a kiosk holds: its own device key (when `own` is not null) and the kiosk_keys of the
// configuration cached under <state_dir>/documents, verified again with the server signing key.
// A missing or unusable configuration leaves only the own key; `notes` says why, for the operator.
// Needs kiosk.id, sync.state_dir and sync.server_signing_public_key.
Result<ReceiptKeyring> loadReceiptKeyring(const SyncSettings& settings, const DeviceKey* own,
                                          std::vector<Error>* notes = nullptr);

}  // namespace kiosk::sync
