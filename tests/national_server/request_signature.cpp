#include "tests/national_server/request_signature.h"

namespace kiosk::sim {

std::string requestSigningString(std::string_view method, std::string_view target, std::string_view timestamp,
                                 std::string_view body) {
    std::string s = "LOKET-REQUEST-1\n";
    s.append(method).append("\n").append(target).append("\n").append(timestamp).append("\n").append(sha256Hex(body));
    return s;
}

Result<KioskRecord> verifyRequest(const SignedRequest& r, const KioskRegistry& kiosks, TimePoint now,
                                  std::chrono::seconds allowedSkew) {
    if (!r.kioskId || !r.timestamp || !r.signature)
        return Error{"signature_missing", "Loket-Kiosk-Id, Loket-Timestamp and Loket-Signature are required"};
    const auto signature = fromBase64(*r.signature);
    const auto signedAt = parseTime(*r.timestamp);
    if (!isStationId(*r.kioskId) || !signedAt || !signature || signature->size() != crypto_sign_BYTES)
        return Error{"signature_invalid", "a signature header is malformed"};
    const auto kiosk = kiosks.find(*r.kioskId);
    if (!kiosk) return Error{"kiosk_unknown", "no signing key is registered for this kiosk id"};
    const auto text = requestSigningString(r.method, r.target, *r.timestamp, r.body);
    if (crypto_sign_verify_detached(signature->data(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                                    kiosk->key.data()) != 0)
        return Error{"signature_invalid", "the request signature does not verify with the kiosk's key"};
    // Checked after the signature, so that only the kiosk itself learns that its clock is off.
    const auto skew = *signedAt > now ? *signedAt - now : now - *signedAt;
    if (skew > allowedSkew) return Error{"clock_skew", "Loket-Timestamp is more than 24 hours from the server's clock"};
    return *kiosk;
}

}  // namespace kiosk::sim
