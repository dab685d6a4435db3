#pragma once
// The request signature of docs/api.md §3, checked from the contract's text: three headers, a
// five-line signing string over the method, the path and query exactly as sent, the timestamp and
// the body's SHA-256, and an Ed25519 signature by a key the server holds for that kiosk id.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/base/result.h"
#include "tests/national_server/kiosk_registry.h"

namespace kiosk::sim {

struct SignedRequest {
    std::string_view method;
    std::string_view target;  // path and query as sent, from "/v1" on
    std::string_view body;
    // Header values; nullopt when the header is absent.
    std::optional<std::string> kioskId;
    std::optional<std::string> timestamp;
    std::optional<std::string> signature;
};

std::string requestSigningString(std::string_view method, std::string_view target, std::string_view timestamp,
                                 std::string_view body);

// The kiosk that signed the request, or 401 codes: signature_missing, signature_invalid,
// kiosk_unknown, clock_skew.
Result<KioskRecord> verifyRequest(const SignedRequest& request, const KioskRegistry& kiosks, TimePoint now,
                                  std::chrono::seconds allowedSkew = std::chrono::hours{24});

}  // namespace kiosk::sim
