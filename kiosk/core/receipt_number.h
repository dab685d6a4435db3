#pragma once
// The number printed on a receipt and typed back at a desk: the kind, the issuing kiosk, the
// store's record id and a check character.
//
//   REG-KIOSK-3578-01-000123-8     a registration
//   KPL-KIOSK-3578-01-000045-3     a returnee check-in (lapor kepulangan)
//
// The kiosk id makes the number unique across kiosks without any coordination, and it names the
// key that signed the receipt's QR. The check character (ISO 7064 MOD 37,36 over the letters and
// digits) catches every single mistyped character and every swap of two neighbours, so a desk
// never finds the wrong person's record from a typo. Pure functions.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/base/result.h"

namespace kiosk::core {

enum class ReceiptKind { Registration, ReturneeCheckIn };

// "registration", "returnee_checkin": the submission kinds of the national server contract.
std::string_view receiptKindCode(ReceiptKind kind);
std::optional<ReceiptKind> receiptKindFromCode(std::string_view code);
// "REG", "KPL": the number's first group.
std::string_view receiptKindPrefix(ReceiptKind kind);

struct ReceiptNumber {
    ReceiptKind kind = ReceiptKind::Registration;
    std::string kioskId;        // [A-Z0-9] groups joined by single dashes, 3 to 40 characters
    std::int64_t sequence = 0;  // the store's record id, 1 and up

    std::string text() const;  // the printed form, with its check character

    friend bool operator==(const ReceiptNumber&, const ReceiptNumber&) = default;
};

// Errors: "receipt_number.kiosk_id" (a kiosk id a number cannot carry: not [A-Z0-9-]{3,40}, or a
// dash at either end or doubled), "receipt_number.sequence" (not 1 or more).
Result<ReceiptNumber> makeReceiptNumber(ReceiptKind kind, std::string_view kioskId, std::int64_t recordId);

// A number as printed, scanned or typed: lower case and spaces are forgiven. Errors:
// "receipt_number.format" (not PREFIX-KIOSK-DIGITS-CHECK), "receipt_number.kind" (an unknown
// prefix), "receipt_number.kiosk_id", "receipt_number.sequence", "receipt_number.check" (the
// check character does not match: a mistyped number).
Result<ReceiptNumber> parseReceiptNumber(std::string_view text);

// The check character for `body` (its letters and digits only; anything else is skipped).
char receiptCheckCharacter(std::string_view body);

}  // namespace kiosk::core
