#include "kiosk/sync/wire_format.h"

#include <sodium.h>

#include <array>
#include <chrono>
#include <cstdio>

#include "kiosk/store/record_crypto.h"

namespace kiosk::sync {

namespace {

constexpr int kVariant = sodium_base64_VARIANT_ORIGINAL;

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isLowerHex(char c) { return isDigit(c) || (c >= 'a' && c <= 'f'); }

std::optional<int> digits(std::string_view text, std::size_t at, std::size_t count) {
    if (at + count > text.size()) return std::nullopt;
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (!isDigit(text[i])) return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

std::optional<Clock::TimePoint> makeTime(int year, int month, int day, int hour, int minute, int second) {
    const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                           std::chrono::day{static_cast<unsigned>(day)}};
    if (!date.ok() || hour > 23 || minute > 59 || second > 59) return std::nullopt;
    return Clock::TimePoint{std::chrono::sys_days{date}} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
           std::chrono::seconds{second};
}

struct Civil {
    int year;
    unsigned month, day;
    long hour, minute, second;
};

Civil civil(Clock::TimePoint t) {
    const auto seconds = std::chrono::floor<std::chrono::seconds>(t);
    const auto day = std::chrono::floor<std::chrono::days>(seconds);
    const std::chrono::year_month_day ymd{day};
    const std::chrono::hh_mm_ss hms{seconds - day};
    return {static_cast<int>(ymd.year()),
            static_cast<unsigned>(ymd.month()),
            static_cast<unsigned>(ymd.day()),
            static_cast<long>(hms.hours().count()),
            static_cast<long>(hms.minutes().count()),
            static_cast<long>(hms.seconds().count())};
}

}  // namespace

std::span<const std::uint8_t> asBytes(std::string_view text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

std::string base64Encode(std::span<const std::uint8_t> bytes) {
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), kVariant), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), kVariant);
    out.pop_back();  // the terminating NUL
    return out;
}

std::string base64Encode(std::string_view bytes) { return base64Encode(asBytes(bytes)); }

std::optional<Bytes> base64Decode(std::string_view text) {
    if (text.size() % 4 != 0) return std::nullopt;
    if (text.empty()) return Bytes{};
    Bytes out(text.size() / 4 * 3);
    std::size_t length = 0;
    const char* end = nullptr;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &length, &end, kVariant) != 0)
        return std::nullopt;
    if (end != text.data() + text.size()) return std::nullopt;
    out.resize(length);
    return out;
}

std::string sha256Hex(std::span<const std::uint8_t> bytes) { return store::sha256Hex(bytes); }
std::string sha256Hex(std::string_view bytes) { return store::sha256Hex(asBytes(bytes)); }

std::string formatRfc3339(Clock::TimePoint t) {
    const auto c = civil(t);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02ld:%02ld:%02ldZ", c.year, c.month, c.day, c.hour, c.minute,
                  c.second);
    return buffer;
}

std::string formatCompactUtc(Clock::TimePoint t) {
    const auto c = civil(t);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d%02u%02uT%02ld%02ld%02ldZ", c.year, c.month, c.day, c.hour, c.minute,
                  c.second);
    return buffer;
}

std::optional<Clock::TimePoint> parseRfc3339(std::string_view text) {
    // YYYY-MM-DDTHH:MM:SSZ
    if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
        text[16] != ':' || text[19] != 'Z')
        return std::nullopt;
    const auto year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
    const auto hour = digits(text, 11, 2), minute = digits(text, 14, 2), second = digits(text, 17, 2);
    if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
    return makeTime(*year, *month, *day, *hour, *minute, *second);
}

std::optional<Clock::TimePoint> parseHttpDate(std::string_view text) {
    // "Sun, 06 Nov 1994 08:49:37 GMT"
    static constexpr std::array<std::string_view, 7> kDays{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static constexpr std::array<std::string_view, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (text.size() != 29 || text.substr(3, 2) != ", " || text[7] != ' ' || text[11] != ' ' || text[16] != ' ' ||
        text[19] != ':' || text[22] != ':' || text.substr(25) != " GMT")
        return std::nullopt;
    bool dayKnown = false;
    for (const auto d : kDays) dayKnown = dayKnown || text.substr(0, 3) == d;
    int month = 0;
    for (std::size_t i = 0; i < kMonths.size(); ++i)
        if (text.substr(8, 3) == kMonths[i]) month = static_cast<int>(i) + 1;
    const auto day = digits(text, 5, 2), year = digits(text, 12, 4);
    const auto hour = digits(text, 17, 2), minute = digits(text, 20, 2), second = digits(text, 23, 2);
    if (!dayKnown || month == 0 || !day || !year || !hour || !minute || !second) return std::nullopt;
    return makeTime(*year, month, *day, *hour, *minute, *second);
}

bool isLowerHexSha256(std::string_view text) {
    if (text.size() != 64) return false;
    for (const char c : text)
        if (!isLowerHex(c)) return false;
    return true;
}

bool isUuidV4(std::string_view text) {
    if (text.size() != 36) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != '-' : !isLowerHex(text[i])) return false;
    }
    return text[14] == '4' && (text[19] == '8' || text[19] == '9' || text[19] == 'a' || text[19] == 'b');
}

bool isKioskOrSiteId(std::string_view text) {
    if (text.size() < 3 || text.size() > 40) return false;
    for (const char c : text)
        if (!((c >= 'A' && c <= 'Z') || isDigit(c) || c == '-')) return false;
    return true;
}

bool isSnakeCode(std::string_view text) {
    if (text.empty() || text.size() > 64 || !(text[0] >= 'a' && text[0] <= 'z')) return false;
    for (const char c : text)
        if (!((c >= 'a' && c <= 'z') || isDigit(c) || c == '_')) return false;
    return true;
}

bool isReference(std::string_view text) {
    if (text.empty() || text.size() > 64) return false;
    for (const char c : text)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || isDigit(c) || c == '.' || c == '_' || c == '/' ||
              c == '-'))
            return false;
    return true;
}

}  // namespace kiosk::sync
