#include "tests/national_server/envelope.h"

namespace kiosk::sim {

namespace {

constexpr std::int64_t kSupportedSchema = 1;

bool isKnownKind(std::string_view kind) {
    return kind == "registration" || kind == "returnee_checkin" || kind == "staff_decision";
}

Error invalid(std::string_view member, std::string_view why) {
    return Error{"envelope_invalid", "member '" + std::string(member) + "' " + std::string(why)};
}

const std::string* stringMember(const nlohmann::json& json, const char* name) {
    const auto it = json.find(name);
    if (it == json.end() || !it->is_string()) return nullptr;
    return it->get_ptr<const std::string*>();
}

}  // namespace

Result<Envelope> parseEnvelope(const nlohmann::json& json) {
    if (!json.is_object()) return Error{"envelope_invalid", "the envelope is not a JSON object"};
    Envelope e;
    const auto* id = stringMember(json, "id");
    if (!id || !isUuidV4(*id)) return invalid("id", "is missing or not a lower-case UUID v4");
    e.id = *id;
    const auto* kind = stringMember(json, "kind");
    if (!kind || kind->empty()) return invalid("kind", "is missing or empty");
    e.kind = *kind;
    const auto schema = json.find("schema");
    if (schema == json.end() || !schema->is_number_integer()) return invalid("schema", "is missing or not an integer");
    e.schema = schema->get<std::int64_t>();
    const auto* kioskId = stringMember(json, "kiosk_id");
    if (!kioskId || !isStationId(*kioskId)) return invalid("kiosk_id", "is missing or not [A-Z0-9-]{3,40}");
    e.kioskId = *kioskId;
    const auto* siteId = stringMember(json, "site_id");
    if (!siteId || !isStationId(*siteId)) return invalid("site_id", "is missing or not [A-Z0-9-]{3,40}");
    e.siteId = *siteId;
    const auto* createdAt = stringMember(json, "created_at");
    if (!createdAt || !parseTime(*createdAt)) return invalid("created_at", "is missing or not RFC 3339 UTC");
    e.createdAt = *createdAt;
    const auto* hash = stringMember(json, "payload_sha256");
    if (!hash || !isLowerHexSha256(*hash)) return invalid("payload_sha256", "is missing or not lower-case hex SHA-256");
    e.payloadSha256 = *hash;
    const auto* sealed = stringMember(json, "sealed_payload");
    auto sealedBytes = sealed ? fromBase64(*sealed) : std::nullopt;
    if (!sealedBytes || sealedBytes->empty()) return invalid("sealed_payload", "is missing or not base64");
    e.sealedPayload = std::move(*sealedBytes);
    const auto* signature = stringMember(json, "signature");
    auto signatureBytes = signature ? fromBase64(*signature) : std::nullopt;
    if (!signatureBytes || signatureBytes->size() != crypto_sign_BYTES)
        return invalid("signature", "is missing or not base64 of 64 bytes");
    e.signature = std::move(*signatureBytes);
    return e;
}

std::string envelopeSigningString(const Envelope& e) {
    std::string s = "LOKET-ENVELOPE-1\n";
    s += e.id + '\n' + e.kind + '\n' + std::to_string(e.schema) + '\n' + e.kioskId + '\n' + e.siteId + '\n' +
         e.createdAt + '\n' + e.payloadSha256 + '\n' + sha256Hex(e.sealedPayload);
    return s;
}

Result<VerifiedSubmission> verifyEnvelope(const Envelope& e, std::string_view vouchingKiosk, const SigningKey& key,
                                          const ServerKeys& server) {
    if (e.kioskId != vouchingKiosk)
        return Error{"kiosk_mismatch", "the envelope's kiosk_id is not the kiosk that sent it"};
    const auto signingString = envelopeSigningString(e);
    if (crypto_sign_verify_detached(e.signature.data(), reinterpret_cast<const unsigned char*>(signingString.data()),
                                    signingString.size(), key.data()) != 0)
        return Error{"envelope_signature_invalid", "the envelope signature does not verify with the kiosk's key"};
    auto payload = server.unseal(e.sealedPayload);
    if (!payload) return Error{"unseal_failed", "the sealed payload does not open with the server seal key"};
    if (sha256Hex(*payload) != e.payloadSha256)
        return Error{"payload_hash_mismatch", "the opened payload does not hash to payload_sha256"};
    if (!isKnownKind(e.kind))
        return Error{"kind_unknown", "kind is not registration, returnee_checkin or staff_decision"};
    if (e.schema != kSupportedSchema) return Error{"schema_unsupported", "only schema 1 is supported"};
    // The payload schemas are not part of the contract; the least every schema asks is a JSON object.
    const auto document = nlohmann::json::parse(payload->begin(), payload->end(), nullptr, false);
    if (document.is_discarded() || !document.is_object())
        return Error{"payload_invalid", "the opened payload is not a UTF-8 JSON object"};

    VerifiedSubmission v;
    v.id = e.id;
    v.kind = e.kind;
    v.schema = e.schema;
    v.kioskId = e.kioskId;
    v.siteId = e.siteId;
    v.createdAt = e.createdAt;
    v.payloadSha256 = e.payloadSha256;
    v.payload = std::move(*payload);
    v.sealedSha256 = sha256Hex(e.sealedPayload);
    v.signature = toBase64(e.signature);
    return v;
}

}  // namespace kiosk::sim
