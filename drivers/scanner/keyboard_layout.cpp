#include "drivers/scanner/keyboard_layout.h"

#include <linux/input-event-codes.h>

namespace kiosk::drivers {

namespace {

// Gives consecutive key codes from `first` the characters of a keyboard row.
constexpr void row(KeyboardLayout::Table& t, int first, std::string_view plain, std::string_view shifted) {
    for (std::size_t i = 0; i < plain.size(); ++i) t[static_cast<std::size_t>(first) + i] = {plain[i], shifted[i]};
}

constexpr void key(KeyboardLayout::Table& t, int code, char plain, char shifted) {
    t[static_cast<std::size_t>(code)] = {plain, shifted};
}

// The US QWERTY layout (what X11 calls "us" on a pc105 keyboard).
constexpr KeyboardLayout::Table usTable() {
    KeyboardLayout::Table t{};
    row(t, KEY_1, "1234567890-=", "!@#$%^&*()_+");
    row(t, KEY_Q, "qwertyuiop[]", "QWERTYUIOP{}");
    row(t, KEY_A, "asdfghjkl;'`", "ASDFGHJKL:\"~");
    row(t, KEY_Z, "zxcvbnm,./", "ZXCVBNM<>?");
    key(t, KEY_BACKSLASH, '\\', '|');
    key(t, KEY_102ND, '\\', '|');  // the extra key of ISO keyboards, left of Z
    key(t, KEY_SPACE, ' ', ' ');
    key(t, KEY_TAB, '\t', '\t');
    key(t, KEY_ENTER, '\r', '\r');
    // The keypad, as with Num Lock on: scanners that type on it mean its digits.
    row(t, KEY_KP7, "789-456+1230.", "789-456+1230.");
    key(t, KEY_KPASTERISK, '*', '*');
    key(t, KEY_KPSLASH, '/', '/');
    key(t, KEY_KPEQUAL, '=', '=');
    key(t, KEY_KPCOMMA, ',', ',');
    key(t, KEY_KPENTER, '\r', '\r');
    return t;
}

constexpr std::array<KeyboardLayout, 2> kLayouts{{
    {"us", "US English (QWERTY)", usTable()},
    {"id", "Indonesian (the US QWERTY layout)", usTable()},
}};

}  // namespace

const KeyboardLayout* findKeyboardLayout(std::string_view name) {
    for (const auto& layout : kLayouts)
        if (layout.name == name) return &layout;
    return nullptr;
}

std::string keyboardLayoutNames() {
    std::string names;
    for (const auto& layout : kLayouts) names += (names.empty() ? "" : ", ") + std::string(layout.name);
    return names;
}

}  // namespace kiosk::drivers
