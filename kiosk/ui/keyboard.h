#pragma once
// The on-screen keyboard: letters with shift, space, backspace and done; and a numeric keypad for
// the NIK (16 digits), phone numbers and the staff PIN. Immediate-mode: the caller keeps the text and whether
// shift is on, draws the keyboard every frame and applies the key it returns.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/ui/catalog.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/painter.h"
#include "kiosk/ui/touch.h"

namespace kiosk::ui {

enum class KeyboardKind {
    Letters,  // names and places: a-z, hyphen, apostrophe, space
    Digits,   // NIK and phone numbers: 0-9
    Keypad,   // 0-9 and backspace without Done: for a screen that has its own next or sign-in
};

enum class KeyRole { Character, Shift, Space, Backspace, Done };

struct Key {
    KeyRole role = KeyRole::Character;
    char character = 0;  // for Character keys: lower case; shown and typed in upper case while shifted
    Rect rect;
    friend bool operator==(const Key&, const Key&) = default;
};

// Every key's place inside `area`, row by row (pure).
std::vector<Key> layoutKeyboard(KeyboardKind kind, Rect area, const Metrics& m);

// What is being typed into a field, kept by the caller between frames.
struct Typing {
    std::string text;
    bool shifted = false;
    bool done = false;  // the visitor pressed Done
    friend bool operator==(const Typing&, const Typing&) = default;
};

// The text after a key (pure). A full field takes no more characters; backspace removes one
// character (UTF-8 aware, so a name typed elsewhere with accents shrinks by whole letters).
Typing applyKey(Typing now, const Key& key, std::size_t maxLength);

// Draws the keyboard and returns the key tapped in this frame; a character key comes back in
// the case it was shown in.
std::optional<Key> drawKeyboard(Painter& p, const Touch& touch, KeyboardKind kind, Rect area, const Metrics& m,
                                const Catalog& texts, bool shifted);

}  // namespace kiosk::ui
