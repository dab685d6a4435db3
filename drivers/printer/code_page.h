#pragma once
// Text for the printer's character table. Receipts are printed in WPC1252 (ESC t 16), which has
// every letter of Indonesian and of the Latin-script names the kiosk meets, the euro sign, and
// the typographic quotes and dashes that translated text often carries.
//
// Anything WPC1252 lacks becomes '?', as does malformed UTF-8, and every control character
// (a name with an ESC in it must print as text, never act as a command). A tab becomes a space;
// combining accents (U+0300..U+036F) are dropped so a decomposed "é" prints as "e", not "e?".

#include <string>
#include <string_view>

namespace kiosk::drivers {

constexpr unsigned char kWpc1252Table = 16;  // the n of ESC t n on Epson-compatible printers

// UTF-8 in, one WPC1252 byte per printed character out.
std::string toWpc1252(std::string_view utf8);

// Back to UTF-8, to draw what the printer would print.
std::string fromWpc1252(std::string_view bytes);

// The character one WPC1252 byte prints as ('?' for a control byte or an unassigned one).
char32_t wpc1252Char(unsigned char byte);

}  // namespace kiosk::drivers
