#pragma once
// The text in a receipt's QR code: what the receipt claims and the issuing kiosk's signature over
// it, in one line that any kiosk or office reads back offline.
//
//   LKR1.REG-KIOSK-3578-01-000123-8.<payload SHA-256, 64 hex>.<issued at, Unix seconds>.<signature>
//
// The number carries the kind and the kiosk id; the signature is the Ed25519 signature (64 bytes,
// RFC 4648 base32 without padding, 103 characters) over receiptSigningMessage(). Every character
// is in the QR alphanumeric set (A-Z, 0-9, '.', '-'), which packs 5.5 bits a character: a token
// is 211 characters for a 13-character kiosk id (a QR of version 8 at error correction M) and
// never more than 252 (version 9), small enough for 58 mm paper. Pure: no crypto here (kiosk/sync signs and
// verifies).

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/base/result.h"
#include "kiosk/core/receipt_number.h"

namespace kiosk::core {

inline constexpr std::string_view kReceiptTokenTag = "LKR1";
inline constexpr std::size_t kMaxReceiptTokenLength = 300;

using ReceiptSignature = std::array<std::uint8_t, 64>;

// What a receipt says about a stored record.
struct ReceiptClaim {
    ReceiptNumber number;
    std::string payloadSha256;  // lower-case hex SHA-256 of the record's payload, as uploaded
    std::chrono::sys_seconds issuedAt{};

    friend bool operator==(const ReceiptClaim&, const ReceiptClaim&) = default;
};

struct ReceiptToken {
    ReceiptClaim claim;
    ReceiptSignature signature{};
};

// "receipt_token.claim" when the claim cannot be put in a token: a number that makeReceiptNumber
// would refuse, a hash that is not 64 hex digits, a time before 1970 or after 9999.
Result<void> checkReceiptClaim(const ReceiptClaim& claim);

// The exact bytes the kiosk signs: six lines joined by '\n', "LOKET-RECEIPT-1", the kind code,
// the number, the kiosk id, the payload hash (lower-case hex) and the time (decimal Unix
// seconds). The first line keeps a receipt signature from ever passing for a request's or an
// envelope's, which the same key signs (docs/api.md §3, §4).
std::string receiptSigningMessage(const ReceiptClaim& claim);

// The QR text. The claim must pass checkReceiptClaim (asserted).
std::string encodeReceiptToken(const ReceiptClaim& claim, const ReceiptSignature& signature);

// Surrounding white space (a scanner's CR/LF) and lower case are forgiven. Errors, each with a
// precise detail: "receipt_token.length" (empty or longer than kMaxReceiptTokenLength),
// "receipt_token.version" (not an LKR1 token), "receipt_token.fields" (not five fields),
// "receipt_token.number" (the detail says which number check failed), "receipt_token.hash",
// "receipt_token.time", "receipt_token.signature".
Result<ReceiptToken> parseReceiptToken(std::string_view text);

// RFC 4648 base32 without padding, upper case. decode is strict: only the alphabet, no padding,
// and unused trailing bits zero, so that each byte string has exactly one text.
std::string base32Encode(const std::uint8_t* bytes, std::size_t size);
std::optional<std::string> base32Decode(std::string_view text);

}  // namespace kiosk::core
