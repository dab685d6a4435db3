#pragma once
// Which character each key of a keyboard-wedge scanner stands for, by Linux key code
// (linux/input-event-codes.h) and shift state. A scanner "types" its code as if on a keyboard
// with the layout it was set up for; the kiosk must read the keys with the same layout.
//
// Layouts are data: a name and a table. Indonesia types on the US QWERTY layout, so "id" has
// the same table as "us"; a scanner set up for another layout gets a table of its own here.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk::drivers {

struct KeyCharacters {
    char plain = 0;  // 0: the key gives no character
    char shifted = 0;
};

struct KeyboardLayout {
    // The main block and the keypad are below 128; nothing above gives a character.
    static constexpr std::size_t kKeyCount = 128;
    using Table = std::array<KeyCharacters, kKeyCount>;

    std::string_view name;  // as in the settings file: "us", "id"
    std::string_view description;
    Table keys;

    // The character of `keyCode` with or without shift; 0 when it gives none (modifiers,
    // function keys, arrows). Enter is '\r', Tab is '\t', the keypad gives its digits.
    char character(std::uint16_t keyCode, bool shift) const {
        if (keyCode >= kKeyCount) return 0;
        return shift ? keys[keyCode].shifted : keys[keyCode].plain;
    }
};

// nullptr for a name that is not a layout here.
const KeyboardLayout* findKeyboardLayout(std::string_view name);
// "us, id", for messages that list the choices.
std::string keyboardLayoutNames();

}  // namespace kiosk::drivers
