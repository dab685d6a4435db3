#pragma once
// The submission envelope of docs/api.md §4, checked from the text of the contract alone: every
// member well formed, the kiosk it claims is the kiosk vouching for it, its Ed25519 signature over
// the nine-line signing string, the sealed payload opening with the server seal key, and the
// opened bytes hashing to payload_sha256. Each failure is an Error whose code is the §5.1
// rejection code.

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "kiosk/base/result.h"
#include "tests/national_server/server_keys.h"
#include "tests/national_server/wire_format.h"

namespace kiosk::sim {

using SigningKey = std::array<std::uint8_t, crypto_sign_PUBLICKEYBYTES>;

struct Envelope {
    std::string id;
    std::string kind;
    std::int64_t schema = 0;
    std::string kioskId;
    std::string siteId;
    std::string createdAt;
    std::string payloadSha256;
    Bytes sealedPayload;
    Bytes signature;
};

// What the server keeps of an envelope that passed every check.
struct VerifiedSubmission {
    std::string id;
    std::string kind;
    std::int64_t schema = 0;
    std::string kioskId;
    std::string siteId;
    std::string createdAt;
    std::string payloadSha256;
    Bytes payload;  // unsealed
    std::string sealedSha256;
    std::string signature;  // base64, kept so that the server can show later which kiosk made it
};

// `envelope_invalid` when a member is missing or malformed.
Result<Envelope> parseEnvelope(const nlohmann::json& json);

std::string envelopeSigningString(const Envelope& envelope);

// `vouchingKiosk` is the kiosk that signed the request, or the kiosk of an export bundle;
// `key` is that kiosk's signing key.
Result<VerifiedSubmission> verifyEnvelope(const Envelope& envelope, std::string_view vouchingKiosk,
                                          const SigningKey& key, const ServerKeys& server);

}  // namespace kiosk::sim
