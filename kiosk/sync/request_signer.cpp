#include "kiosk/sync/request_signer.h"

#include "kiosk/sync/wire_format.h"

namespace kiosk::sync {

std::vector<std::string> SignedHeaders::lines() const {
    return {"Loket-Kiosk-Id: " + kioskId, "Loket-Timestamp: " + timestamp, "Loket-Signature: " + signature};
}

std::string requestSigningString(std::string_view method, std::string_view pathAndQuery, std::string_view timestamp,
                                 std::string_view body) {
    std::string out = "LOKET-REQUEST-1\n";
    for (const char c : method) out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    out += '\n';
    out += pathAndQuery;
    out += '\n';
    out += timestamp;
    out += '\n';
    out += sha256Hex(body);
    return out;
}

Result<SignedHeaders> RequestSigner::sign(std::string_view method, std::string_view pathAndQuery,
                                          std::string_view body) const {
    SignedHeaders headers;
    headers.kioskId = kioskId_;
    headers.timestamp = formatRfc3339(clock_.now());
    const auto text = requestSigningString(method, pathAndQuery, headers.timestamp, body);
    auto signature = key_.sign(asBytes(text));
    if (!signature) return signature.error();
    headers.signature = base64Encode(*signature);
    return headers;
}

}  // namespace kiosk::sync
