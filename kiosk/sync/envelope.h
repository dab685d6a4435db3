#pragma once
// Submission envelopes (docs/api.md §4): a record's personal payload, exactly as stored, sealed to
// the national server (crypto_box_seal) and signed by the kiosk's device key, with the members the
// server checks before it opens anything.

#include <cstdint>
#include <string>
#include <string_view>

#include "kiosk/base/result.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/device_key.h"

namespace kiosk::sync {

struct Envelope {
    std::string id;  // the submission id: the idempotency key for ever
    std::string kind;
    std::int64_t schema = 1;
    std::string kioskId;
    std::string siteId;
    std::string createdAt;      // RFC 3339
    std::string payloadSha256;  // of the personal payload, before sealing
    std::string sealedPayload;  // base64 of crypto_box_seal(payload)
    std::string signature;      // base64 Ed25519 of envelopeSigningString()

    std::string toJson() const;
};

// The nine lines of §4, joined by "\n": LOKET-ENVELOPE-1, id, kind, schema, kiosk_id, site_id,
// created_at, payload_sha256 and the hex SHA-256 of the sealed payload bytes (after base64 decoding).
std::string envelopeSigningString(const Envelope& envelope, std::string_view sealedPayloadSha256);

// The payload schema version each kind is written in. The store does not record one yet, so every
// record of this build is version 1.
constexpr std::int64_t kPayloadSchema = 1;

// Builds envelopes from the local store. Lives on the thread that owns the Store (the sync thread,
// or kioskctl's main thread).
class EnvelopeBuilder {
public:
    EnvelopeBuilder(store::Store& store, const DeviceKey& deviceKey, const PublicKey& serverSealKey)
        : store_(store), deviceKey_(deviceKey), sealKey_(serverSealKey) {}

    // The envelope for one outbox row. "sync.local_corruption" when the stored payload's SHA-256,
    // the record's outbox row and the claimed hash do not all agree, or the payload is gone: such a
    // submission is never sent. Other errors are the store's (a busy or failing database).
    Result<Envelope> build(store::RecordId recordId, std::string_view submissionId,
                           std::string_view payloadSha256) const;

private:
    store::Store& store_;
    const DeviceKey& deviceKey_;
    PublicKey sealKey_;
};

}  // namespace kiosk::sync
