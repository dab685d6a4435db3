#include "kiosk/core/receipt_number.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>

namespace kiosk::core {

namespace {

constexpr std::size_t kMinKioskId = 3;
constexpr std::size_t kMaxKioskId = 40;
constexpr std::size_t kSequenceDigits = 6;  // padded to at least this many, so numbers line up
constexpr std::size_t kMaxSequenceDigits = 18;
constexpr std::array kKinds{ReceiptKind::Registration, ReceiptKind::ReturneeCheckIn};

bool isUpperAlnum(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); }

int alnumValue(char c) { return c <= '9' ? c - '0' : c - 'A' + 10; }

char alnumCharacter(int value) { return static_cast<char>(value < 10 ? '0' + value : 'A' + value - 10); }

bool isNumberKioskId(std::string_view id) {
    if (id.size() < kMinKioskId || id.size() > kMaxKioskId) return false;
    if (id.front() == '-' || id.back() == '-' || id.find("--") != std::string_view::npos) return false;
    return std::all_of(id.begin(), id.end(), [](char c) { return isUpperAlnum(c) || c == '-'; });
}

std::string body(const ReceiptNumber& n) {
    char digits[24];
    std::snprintf(digits, sizeof digits, "%0*lld", static_cast<int>(kSequenceDigits),
                  static_cast<long long>(n.sequence));
    return std::string(receiptKindPrefix(n.kind)) + "-" + n.kioskId + "-" + digits;
}

Error formatError(std::string detail) { return Error{"receipt_number.format", std::move(detail)}; }

}  // namespace

std::string_view receiptKindCode(ReceiptKind kind) {
    switch (kind) {
    case ReceiptKind::Registration: return "registration";
    case ReceiptKind::ReturneeCheckIn: return "returnee_checkin";
    }
    return "unknown";
}

std::optional<ReceiptKind> receiptKindFromCode(std::string_view code) {
    for (const auto kind : kKinds)
        if (receiptKindCode(kind) == code) return kind;
    return std::nullopt;
}

std::string_view receiptKindPrefix(ReceiptKind kind) {
    switch (kind) {
    case ReceiptKind::Registration: return "REG";
    case ReceiptKind::ReturneeCheckIn: return "KPL";
    }
    return "???";
}

char receiptCheckCharacter(std::string_view text) {
    // ISO 7064 hybrid MOD 37,36: the check is the value that brings the running sum to 1.
    int product = 36;
    for (const char c : text) {
        if (!isUpperAlnum(c)) continue;
        int sum = (product + alnumValue(c)) % 36;
        if (sum == 0) sum = 36;
        product = (sum * 2) % 37;
    }
    return alnumCharacter((37 - product) % 36);
}

std::string ReceiptNumber::text() const {
    const auto b = body(*this);
    return b + "-" + receiptCheckCharacter(b);
}

Result<ReceiptNumber> makeReceiptNumber(ReceiptKind kind, std::string_view kioskId, std::int64_t recordId) {
    if (!isNumberKioskId(kioskId))
        return Error{"receipt_number.kiosk_id",
                     "a kiosk id in a number is 3 to 40 of A-Z, 0-9 and single inner dashes: " + std::string(kioskId)};
    if (recordId < 1) return Error{"receipt_number.sequence", "the record id must be 1 or more"};
    return ReceiptNumber{kind, std::string(kioskId), recordId};
}

Result<ReceiptNumber> parseReceiptNumber(std::string_view text) {
    std::string s;
    for (const char c : text) {
        if (c == ' ' || c == '\t') continue;
        s.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    }
    const auto firstDash = s.find('-');
    const auto lastDash = s.rfind('-');
    if (firstDash == std::string::npos || lastDash == firstDash)
        return formatError("no PREFIX-KIOSK-NUMBER-CHECK groups");
    const auto sequenceDash = s.rfind('-', lastDash - 1);
    if (sequenceDash == firstDash) return formatError("no kiosk id between the prefix and the number");

    const std::string_view all(s);
    const auto prefix = all.substr(0, firstDash);
    const auto kioskId = all.substr(firstDash + 1, sequenceDash - firstDash - 1);
    const auto digits = all.substr(sequenceDash + 1, lastDash - sequenceDash - 1);
    const auto check = all.substr(lastDash + 1);
    if (check.size() != 1 || !isUpperAlnum(check[0])) return formatError("the check is not one letter or digit");
    if (digits.empty() || digits.size() > kMaxSequenceDigits ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return formatError("the record number is not 1 to 18 digits");

    std::optional<ReceiptKind> kind;
    for (const auto k : kKinds)
        if (receiptKindPrefix(k) == prefix) kind = k;
    if (!kind) return Error{"receipt_number.kind", "unknown prefix " + std::string(prefix)};

    std::int64_t sequence = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), sequence);
    auto number = makeReceiptNumber(*kind, kioskId, sequence);
    if (!number) return number;
    if (receiptCheckCharacter(body(*number)) != check[0])
        return Error{"receipt_number.check", "the check character does not match: a character is mistyped"};
    return number;
}

}  // namespace kiosk::core
