#include "kiosk/core/receipt_token.h"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <vector>

namespace kiosk::core {

namespace {

constexpr std::string_view kBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr std::size_t kSignatureChars = 103;           // ceil(64 * 8 / 5)
constexpr std::int64_t kLatestSeconds = 253402300799;  // 9999-12-31T23:59:59Z

bool isHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string_view trim(std::string_view s) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split(std::string_view s, char separator) {
    std::vector<std::string_view> parts;
    for (;;) {
        const auto at = s.find(separator);
        parts.push_back(s.substr(0, at));
        if (at == std::string_view::npos) return parts;
        s.remove_prefix(at + 1);
    }
}

}  // namespace

std::string base32Encode(const std::uint8_t* bytes, std::size_t size) {
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (std::size_t i = 0; i < size; ++i) {
        buffer = (buffer << 8) | bytes[i];
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            out.push_back(kBase32[(buffer >> bits) & 31U]);
        }
    }
    if (bits > 0) out.push_back(kBase32[(buffer << (5 - bits)) & 31U]);
    return out;
}

std::optional<std::string> base32Decode(std::string_view text) {
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const char c : text) {
        const auto value = kBase32.find(c);
        if (value == std::string_view::npos) return std::nullopt;
        buffer = (buffer << 5) | static_cast<std::uint32_t>(value);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> bits) & 0xFFU));
        }
    }
    // A last character may hold at most 4 unused bits, and they must be zero.
    if (bits >= 5 || (buffer & ((1U << bits) - 1U)) != 0) return std::nullopt;
    return out;
}

Result<void> checkReceiptClaim(const ReceiptClaim& claim) {
    const auto& n = claim.number;
    if (auto made = makeReceiptNumber(n.kind, n.kioskId, n.sequence); !made)
        return Error{"receipt_token.claim", made.error().detail};
    if (claim.payloadSha256.size() != 64 || !std::all_of(claim.payloadSha256.begin(), claim.payloadSha256.end(), isHex))
        return Error{"receipt_token.claim", "the payload hash is not 64 lower-case hex digits"};
    const auto seconds = claim.issuedAt.time_since_epoch().count();
    if (seconds < 0 || seconds > kLatestSeconds)
        return Error{"receipt_token.claim", "the time is outside 1970 to 9999"};
    return {};
}

std::string receiptSigningMessage(const ReceiptClaim& claim) {
    std::string m = "LOKET-RECEIPT-1\n";
    m += receiptKindCode(claim.number.kind);
    m += '\n' + claim.number.text() + '\n' + claim.number.kioskId + '\n' + claim.payloadSha256 + '\n';
    m += std::to_string(claim.issuedAt.time_since_epoch().count());
    return m;
}

std::string encodeReceiptToken(const ReceiptClaim& claim, const ReceiptSignature& signature) {
    assert(checkReceiptClaim(claim));
    return std::string(kReceiptTokenTag) + "." + claim.number.text() + "." + upper(claim.payloadSha256) + "." +
           std::to_string(claim.issuedAt.time_since_epoch().count()) + "." +
           base32Encode(signature.data(), signature.size());
}

Result<ReceiptToken> parseReceiptToken(std::string_view raw) {
    const auto text = trim(raw);
    if (text.empty()) return Error{"receipt_token.length", "the text is empty"};
    if (text.size() > kMaxReceiptTokenLength)
        return Error{"receipt_token.length", "longer than " + std::to_string(kMaxReceiptTokenLength) + " characters"};
    const auto s = upper(text);
    const auto fields = split(s, '.');
    if (fields[0] != kReceiptTokenTag)
        return Error{"receipt_token.version", "not a Loket receipt (it does not start with LKR1.)"};
    if (fields.size() != 5)
        return Error{"receipt_token.fields",
                     "5 fields separated by '.' expected, found " + std::to_string(fields.size())};

    ReceiptToken token;
    auto number = parseReceiptNumber(fields[1]);
    if (!number) return Error{"receipt_token.number", number.error().code + ": " + number.error().detail};
    token.claim.number = std::move(*number);

    token.claim.payloadSha256 = lower(fields[2]);
    if (token.claim.payloadSha256.size() != 64 ||
        !std::all_of(token.claim.payloadSha256.begin(), token.claim.payloadSha256.end(), isHex))
        return Error{"receipt_token.hash", "the payload hash is not 64 hex digits"};

    const auto time = fields[3];
    std::int64_t seconds = 0;
    const auto [end, ec] = std::from_chars(time.data(), time.data() + time.size(), seconds);
    if (time.empty() || time.size() > 12 || ec != std::errc{} || end != time.data() + time.size() ||
        (time.size() > 1 && time[0] == '0') || seconds < 0 || seconds > kLatestSeconds)
        return Error{"receipt_token.time", "the time is not Unix seconds from 1970 to 9999"};
    token.claim.issuedAt = std::chrono::sys_seconds{std::chrono::seconds{seconds}};

    const auto signature = fields[4].size() == kSignatureChars ? base32Decode(fields[4]) : std::nullopt;
    if (!signature || signature->size() != token.signature.size())
        return Error{"receipt_token.signature", "the signature is not 103 base32 characters"};
    std::copy(signature->begin(), signature->end(), token.signature.begin());
    return token;
}

}  // namespace kiosk::core
