#pragma once
// A receipt's content (kiosk/core/receipt_content.h) in words: the lines the screen shows, and the
// document the printer prints (drivers/api/receipt_document.h). The texts come from a catalogue
// lookup that the caller passes in, so this knows nothing of SDL or of how catalogues are loaded:
//
//   const auto& catalog = catalogs.in(language);
//   auto paper = receipt::receiptDocument(content, [&](std::string_view key) {
//       return std::string(catalog.lookup(key));
//   });

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "drivers/api/receipt_document.h"
#include "kiosk/core/receipt_content.h"

namespace kiosk::receipt {

using TextLookup = std::function<std::string(std::string_view key)>;

struct ReceiptTextLine {
    core::ReceiptStyle style = core::ReceiptStyle::Body;
    std::string text;  // Code: the QR's text; Gap: empty; Bullet: with its "- "
};

std::vector<ReceiptTextLine> receiptText(const core::ReceiptContent& content, const TextLookup& texts);

// Ends with a cut.
drivers::ReceiptDocument receiptDocument(const core::ReceiptContent& content, const TextLookup& texts);

// Replaces each "{name}" in `pattern` with its value; a name without a value stays as written.
std::string fillPlaceholders(std::string_view pattern, const std::vector<std::pair<std::string, std::string>>& values);

}  // namespace kiosk::receipt
