#pragma once
// A text field: its label above, the box with what was typed, and under it either a hint
// ("5 dari 16 angka") or the validation message, marked with a warning sign and a red edge so
// that colour is never the only signal. Immediate-mode: the caller owns the text and the message.

#include <string>
#include <string_view>

#include "kiosk/ui/layout.h"
#include "kiosk/ui/painter.h"
#include "kiosk/ui/touch.h"

namespace kiosk::ui {

struct TextFieldSpec {
    std::string_view label;
    std::string_view value;
    std::string_view hint;     // shown when there is no problem; may be empty
    std::string_view problem;  // the validation message, from the catalogue; empty when all is well
    bool focused = false;      // the keyboard types into this field: drawn with a caret
    bool grouped = false;      // long numbers (NIK) are shown in groups of four digits
};

struct TextFieldParts {
    Rect label;
    Rect box;  // the touch target
    Rect value;
    Rect messageIcon;
    Rect message;
};

TextFieldParts textFieldParts(Rect area, const Metrics& m);
// The height a field needs at these metrics: label, box and message line.
int textFieldHeight(const Metrics& m);

// inGroups("3201234567890001") -> "3201 2345 6789 0001".
std::string inGroups(std::string_view digits, std::size_t group = 4);

// Returns true when the box was tapped (to put the keyboard on this field).
bool textField(Painter& p, const Touch& touch, Rect area, const Metrics& m, const TextFieldSpec& spec);

}  // namespace kiosk::ui
