#pragma once
// The page staff print to check the printer, from `kioskctl print-test` or the maintenance
// screen: the kiosk's id, the time, both alphabets, and a QR code whose text starts with
// flow::kTestPagePrefix, so that scanning it tests the scanner too. Not part of a visitor's
// journey: its words are fixed here rather than in the catalogues.

#include <string>
#include <string_view>

#include "drivers/api/receipt_document.h"
#include "kiosk/base/clock.h"

namespace kiosk::receipt {

// The page, with the time in the machine's local zone and the printer's backend named.
drivers::ReceiptDocument testPage(std::string_view kioskId, std::string_view backend, Clock::TimePoint now);

// The QR code's text.
std::string testPageCode(std::string_view kioskId, Clock::TimePoint now);

}  // namespace kiosk::receipt
