#include "kiosk/sync/envelope.h"

#include <sodium.h>
#include <nlohmann/json.hpp>

#include "kiosk/sync/wire_format.h"

namespace kiosk::sync {

namespace {

// The decrypted payload lives no longer than it takes to seal it.
struct WipedBytes {
    Bytes bytes;
    ~WipedBytes() {
        if (!bytes.empty()) sodium_memzero(bytes.data(), bytes.size());
    }
};

Error corruption(std::string_view submissionId, std::string what) {
    return Error{"sync.local_corruption", "submission " + std::string(submissionId) + ": " + std::move(what) +
                                              "; it is not sent and its data is kept for inspection"};
}

}  // namespace

std::string Envelope::toJson() const {
    return nlohmann::json{{"id", id},
                          {"kind", kind},
                          {"schema", schema},
                          {"kiosk_id", kioskId},
                          {"site_id", siteId},
                          {"created_at", createdAt},
                          {"payload_sha256", payloadSha256},
                          {"sealed_payload", sealedPayload},
                          {"signature", signature}}
        .dump();
}

std::string envelopeSigningString(const Envelope& e, std::string_view sealedPayloadSha256) {
    std::string out = "LOKET-ENVELOPE-1";
    for (const std::string& line : {e.id, e.kind, std::to_string(e.schema), e.kioskId, e.siteId, e.createdAt,
                                    e.payloadSha256, std::string(sealedPayloadSha256)})
        out.append("\n").append(line);
    return out;
}

Result<Envelope> EnvelopeBuilder::build(store::RecordId recordId, std::string_view submissionId,
                                        std::string_view payloadSha256) const {
    auto record = store_.record(recordId);
    if (!record) return record.error();
    if (record->submissionId != submissionId)
        return corruption(submissionId, "record " + std::to_string(recordId) + " belongs to another outbox row");
    if (record->payloadSha256 != payloadSha256)
        return corruption(submissionId, "the outbox row's payload hash changed since it was claimed");
    WipedBytes payload;
    {
        auto data = store_.personalData(recordId);
        if (!data) {
            if (data.error().code == "store.purged" || data.error().code == "store.record_corrupt")
                return corruption(submissionId, "its personal payload cannot be read (" + data.error().code + ")");
            return data.error();
        }
        payload.bytes = std::move(*data);
    }
    const auto actualSha256 = sha256Hex(payload.bytes);
    if (actualSha256 != payloadSha256)
        return corruption(submissionId, "the stored payload's SHA-256 is " + actualSha256 +
                                            " but the outbox row says " + std::string(payloadSha256));

    Bytes sealed(payload.bytes.size() + crypto_box_SEALBYTES);
    if (crypto_box_seal(sealed.data(), payload.bytes.data(), payload.bytes.size(), sealKey_.data()) != 0)
        return Error{"sync.seal_failed", "crypto_box_seal failed; is server_seal_public_key a valid X25519 key?"};

    Envelope e;
    e.id = std::string(submissionId);
    e.kind = std::string(store::toString(record->kind));
    e.schema = kPayloadSchema;
    e.kioskId = record->kioskId;
    e.siteId = record->siteId;
    e.createdAt = formatRfc3339(record->createdAt);
    e.payloadSha256 = actualSha256;
    e.sealedPayload = base64Encode(sealed);
    const auto text = envelopeSigningString(e, sha256Hex(sealed));
    auto signature = deviceKey_.sign(asBytes(text));
    if (!signature) return signature.error();
    e.signature = base64Encode(*signature);
    return e;
}

}  // namespace kiosk::sync
