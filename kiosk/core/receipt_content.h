#pragma once
// What a receipt says, as catalogue keys and values: the screen and the printer turn the same
// lines into text in the visitor's language (assets/i18n), so the paper and the screen never
// disagree. Pure: the number, the signed QR text and the time come in as values.
//
// A registration receipt: title, number, time, the signed QR, the Art. 13 documents still missing
// and the LTSA desks to visit (PP 59/2021 Art. 31), the consent given, the official complaints
// line and a plain warning never to pay a broker (calo). A check-in receipt has its own title and
// number and no document list, and says when a complaint went to staff.

#include <array>
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/documents.h"
#include "kiosk/core/receipt_number.h"

namespace kiosk::core {

// Printed until the site sets the real number: a receipt must never carry a made-up hotline.
inline constexpr std::string_view kHotlinePlaceholder = "[receipt.hotline NOT SET]";

// The consent purposes the journeys offer (named by "reg.consent.<purpose>"); any other is
// printed as "another purpose (code)".
inline constexpr std::array<std::string_view, 4> kConsentPurposes{"registration", "checkin", "updates", "training"};

struct ReceiptSettings {
    std::string hotline{kHotlinePlaceholder};  // the official KP2MI complaints line, from the site
    std::chrono::minutes utcOffset{7 * 60};    // WIB; WITA is +8 h, WIT +9 h
    std::string zoneName = "WIB";
};

bool hotlineIsPlaceholder(const ReceiptSettings& settings);

struct DeskVisit {
    Desk desk = Desk::Employment;
    std::string counter;  // the site's own label for the desk ("3", "B"); empty when it has none

    friend bool operator==(const DeskVisit&, const DeskVisit&) = default;
};

struct ReceiptFacts {
    ReceiptKind kind = ReceiptKind::Registration;
    std::string number;  // ReceiptNumber::text()
    std::string token;   // the signed QR text (receipt_token.h)
    std::chrono::sys_seconds issuedAt{};
    std::vector<DocumentKind> missingDocuments;  // registrations: DocumentChecklist::missing()
    std::vector<DeskVisit> desks;                // in the order to visit them
    std::vector<std::string> consentPurposes;    // the purposes agreed to, e.g. "registration"
    std::string consentVersion;
    bool complaintFiled = false;  // check-ins: a complaint went to staff with priority
    std::string language = "id";  // the catalogue the visitor reads: "id" or "en"
};

enum class ReceiptStyle {
    Title,    // large, bold, centred
    Centred,  // normal, centred
    Number,   // large, bold, centred; `literal` holds the number
    Code,     // the QR; `literal` holds its text
    Heading,  // bold
    Body,
    Bullet,   // an item of the list above it
    Warning,  // bold, centred, large: the line nobody should miss
    Gap,      // a blank line
};

struct ReceiptValue {
    std::string name;  // the placeholder: "{name}" in the text
    std::string text;
    bool isKey = false;  // `text` is itself a catalogue key (a document's or desk's name)

    friend bool operator==(const ReceiptValue&, const ReceiptValue&) = default;
};

struct ReceiptLine {
    ReceiptStyle style = ReceiptStyle::Body;
    std::string key;  // catalogue key; empty for Number, Code and Gap
    std::vector<ReceiptValue> values;
    std::string literal;  // Number and Code only: printed as it is, never translated

    friend bool operator==(const ReceiptLine&, const ReceiptLine&) = default;
};

struct ReceiptContent {
    std::string language;
    std::vector<ReceiptLine> lines;
};

ReceiptContent receiptContent(const ReceiptFacts& facts, const ReceiptSettings& settings);

// Every catalogue key receiptContent() can use, as line keys or as key values: the receipt's own
// ("receipt.*", registered in kiosk/receipt/receipt_texts.h) and the names it shares with the
// registration screens ("document.*", "desk.*", "reg.consent.*").
const std::vector<std::string>& receiptTextKeys();

// "29-11-2026 12:04 WIB"
std::string formatReceiptTime(std::chrono::sys_seconds at, const ReceiptSettings& settings);

}  // namespace kiosk::core
