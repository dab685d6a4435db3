#pragma once
// The small formats of the national server contract (docs/api.md §1): standard base64 with padding,
// lower-case hex SHA-256, UTC times in RFC 3339 with whole seconds, HTTP dates, and the identifier
// shapes. Pure functions; safe on any thread.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "kiosk/base/clock.h"
#include "kiosk/store/database.h"

namespace kiosk::sync {

using Bytes = store::Bytes;

std::string base64Encode(std::span<const std::uint8_t> bytes);
std::string base64Encode(std::string_view bytes);
// Strict: standard alphabet, padding required, no whitespace; nullopt for anything else.
std::optional<Bytes> base64Decode(std::string_view text);

std::string sha256Hex(std::span<const std::uint8_t> bytes);
std::string sha256Hex(std::string_view bytes);

std::span<const std::uint8_t> asBytes(std::string_view text);

// "2026-11-29T05:04:00Z"; the time is rounded down to the second.
std::string formatRfc3339(Clock::TimePoint t);
// Exactly the form above (upper-case T and Z, whole seconds); nullopt otherwise.
std::optional<Clock::TimePoint> parseRfc3339(std::string_view text);
// "20261129T050400Z", for file names.
std::string formatCompactUtc(Clock::TimePoint t);
// The preferred HTTP date, "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 9110 §5.6.7); nullopt otherwise.
std::optional<Clock::TimePoint> parseHttpDate(std::string_view text);

bool isLowerHexSha256(std::string_view text);
bool isUuidV4(std::string_view text);         // lower case 8-4-4-4-12, version 4, RFC 4122 variant
bool isKioskOrSiteId(std::string_view text);  // [A-Z0-9-]{3,40}
// A machine code from the server, e.g. "payload_hash_mismatch": [a-z0-9_]{1,64}, starting with a letter.
bool isSnakeCode(std::string_view text);
// A server reference such as "PMI-2026-000123": [A-Za-z0-9._/-]{1,64}. Anything else is not stored.
bool isReference(std::string_view text);

}  // namespace kiosk::sync
