#pragma once
// Request signatures (docs/api.md §3): every request carries the kiosk id, the time of signing and
// an Ed25519 signature of "LOKET-REQUEST-1\n<METHOD>\n<path and query>\n<timestamp>\n<body sha256>".
// Lives with the ServerApi that uses it (the sync thread); the key and clock it holds are shared.

#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/clock.h"
#include "kiosk/base/result.h"
#include "kiosk/sync/device_key.h"

namespace kiosk::sync {

struct SignedHeaders {
    std::string kioskId;    // Loket-Kiosk-Id
    std::string timestamp;  // Loket-Timestamp
    std::string signature;  // Loket-Signature
    // "Name: value" lines, ready for an HTTP request.
    std::vector<std::string> lines() const;
};

std::string requestSigningString(std::string_view method, std::string_view pathAndQuery, std::string_view timestamp,
                                 std::string_view body);

class RequestSigner {
public:
    RequestSigner(const DeviceKey& key, std::string kioskId, const Clock& clock)
        : key_(key), kioskId_(std::move(kioskId)), clock_(clock) {}

    // `pathAndQuery` starts with /v1, exactly as sent (relative to the configured base URL).
    Result<SignedHeaders> sign(std::string_view method, std::string_view pathAndQuery, std::string_view body) const;
    const std::string& kioskId() const { return kioskId_; }

private:
    const DeviceKey& key_;
    std::string kioskId_;
    const Clock& clock_;
};

}  // namespace kiosk::sync
