#pragma once
// The value formats of docs/api.md §1, read and written exactly: standard base64 with padding,
// lower-case hex SHA-256, RFC 3339 UTC times with whole seconds, UUID v4 and kiosk/site ids.
// Readers are strict on purpose: the simulator exists to catch a kiosk that sends anything else.

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::sim {

using Bytes = std::vector<std::uint8_t>;
using TimePoint = std::chrono::system_clock::time_point;

std::string toBase64(std::span<const std::uint8_t> bytes);
std::string toBase64(std::string_view text);
std::optional<Bytes> fromBase64(std::string_view text);  // nullopt unless canonical, padded base64

std::string toHex(std::span<const std::uint8_t> bytes);
std::string sha256Hex(std::span<const std::uint8_t> bytes);
std::string sha256Hex(std::string_view text);

std::span<const std::uint8_t> asBytes(std::string_view text);
std::string_view asText(std::span<const std::uint8_t> bytes);

// "2026-11-29T05:04:00Z"; the parser takes nothing else (no fractions, no offsets).
std::string formatTime(TimePoint at);
std::optional<TimePoint> parseTime(std::string_view text);
// RFC 7231 IMF-fixdate for the Date header: "Sun, 29 Nov 2026 05:04:00 GMT".
std::string formatHttpDate(TimePoint at);

bool isLowerHexSha256(std::string_view text);
bool isUuidV4(std::string_view text);     // lower case 8-4-4-4-12, version 4, RFC 4122 variant
bool isStationId(std::string_view text);  // kiosk and site ids: [A-Z0-9-]{3,40}
std::string newUuidV4();

}  // namespace kiosk::sim
