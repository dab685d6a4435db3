#include "kiosk/ui/keyboard.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "kiosk/ui/theme.h"

namespace kiosk::ui {
namespace {

// A key in a row, with its width in key units.
struct KeySpec {
    KeyRole role;
    char character;
    double units;
};

using Row = std::vector<KeySpec>;

Row characters(std::string_view letters) {
    Row row;
    for (const char c : letters) row.push_back({KeyRole::Character, c, 1.0});
    return row;
}

// Ten units a row: the rows line up, and the home row is indented by half a key as on paper.
std::vector<Row> letterRows() {
    Row bottom = characters("zxcvbnm");
    bottom.insert(bottom.begin(), {KeyRole::Shift, 0, 1.5});
    bottom.push_back({KeyRole::Backspace, 0, 1.5});
    return {characters("qwertyuiop"),
            characters("asdfghjkl"),
            bottom,
            {{KeyRole::Character, '-', 1.0},
             {KeyRole::Character, '\'', 1.0},
             {KeyRole::Space, 0, 5.0},
             {KeyRole::Done, 0, 3.0}}};
}

// The telephone order, 1 at the top left, as on the phones people know.
std::vector<Row> digitRows() {
    return {characters("123"),
            characters("456"),
            characters("789"),
            {{KeyRole::Backspace, 0, 1.0}, {KeyRole::Character, '0', 1.0}, {KeyRole::Done, 0, 1.0}}};
}

double rowUnits(const Row& row) {
    double units = 0;
    for (const auto& k : row) units += k.units;
    return units;
}

char shown(char c, bool shifted) {
    return shifted ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
}

}  // namespace

std::vector<Key> layoutKeyboard(KeyboardKind kind, Rect area, const Metrics& m) {
    const auto rows = kind == KeyboardKind::Letters ? letterRows() : digitRows();
    const bool keypad = kind != KeyboardKind::Letters;
    const int gap = std::max(4, m.px(1.2));
    const int rowCount = static_cast<int>(rows.size());
    double widest = 0;
    for (const auto& row : rows) widest = std::max(widest, rowUnits(row));
    int keyHeight = (area.h - (rowCount - 1) * gap) / rowCount;
    // Keypad keys on a tall screen would grow huge: a finger needs far less than a fifth of it.
    if (keypad) keyHeight = std::min(keyHeight, m.px(16));
    // Keypad keys stay about square, so the pad does not stretch across a wide screen.
    double unit = (area.w - (widest - 1) * gap) / widest;
    if (keypad) unit = std::min(unit, keyHeight * 1.6);
    const int width = static_cast<int>(unit * widest + (widest - 1) * gap);
    const int left = area.x + (area.w - width) / 2;

    std::vector<Key> keys;
    int y = area.y;
    for (const auto& row : rows) {
        // A short row (the home row) is centred: half a key in from each side.
        double x = left + (width - (rowUnits(row) * unit + (rowUnits(row) - 1) * gap)) / 2;
        for (const auto& spec : row) {
            const double w = spec.units * unit + (spec.units - 1) * gap;
            keys.push_back(
                Key{spec.role, spec.character, Rect{static_cast<int>(x), y, static_cast<int>(w), keyHeight}});
            x += w + gap;
        }
        y += keyHeight + gap;
    }
    // Without Done its place stays empty, so 0 keeps its place under 8 as on a phone.
    if (kind == KeyboardKind::Keypad) std::erase_if(keys, [](const Key& k) { return k.role == KeyRole::Done; });
    return keys;
}

Typing applyKey(Typing now, const Key& key, std::size_t maxLength) {
    switch (key.role) {
    case KeyRole::Character:
        if (now.text.size() < maxLength) now.text.push_back(key.character);
        break;
    case KeyRole::Space:
        // One space between words: a double space is a slip of the finger, not part of a name.
        if (!now.text.empty() && now.text.back() != ' ' && now.text.size() < maxLength) now.text.push_back(' ');
        break;
    case KeyRole::Backspace:
        // Drop UTF-8 continuation bytes (10xxxxxx) together with the byte that leads them.
        while (!now.text.empty() && (static_cast<unsigned char>(now.text.back()) & 0xC0U) == 0x80U) now.text.pop_back();
        if (!now.text.empty()) now.text.pop_back();
        break;
    case KeyRole::Shift: now.shifted = !now.shifted; break;
    case KeyRole::Done: now.done = true; break;
    }
    return now;
}

std::optional<Key> drawKeyboard(Painter& p, const Touch& touch, KeyboardKind kind, Rect area, const Metrics& m,
                                const Catalog& texts, bool shifted) {
    std::optional<Key> tapped;
    const int lift = std::max(2, m.px(0.4));
    const int radius = std::max(4, m.radius * 2 / 3);
    for (Key key : layoutKeyboard(kind, area, m)) {
        p.target(key.rect);
        const bool pressed = touch.pressingInside(key.rect);
        const bool done = key.role == KeyRole::Done;
        const bool lit = key.role == KeyRole::Shift && shifted;
        if (!pressed)
            p.fillRoundedRect(Rect{key.rect.x, key.rect.y + lift, key.rect.w, key.rect.h}, radius, colors::kShadow);
        const Rect face = pressed ? Rect{key.rect.x, key.rect.y + lift, key.rect.w, key.rect.h} : key.rect;
        Color fill = done ? colors::kPrimary : (lit ? colors::kSelected : colors::kSurface);
        if (pressed) fill = done ? colors::kPrimaryPressed : colors::kSurfacePressed;
        p.fillRoundedRect(face, radius, fill);
        if (!done) p.strokeRoundedRect(face, radius, lit ? 2 * m.border : m.border, colors::kOutline);

        const Color ink = done ? colors::kOnPrimary : colors::kInk;
        const int iconSide = std::min(face.h * 45 / 100, m.px(6));
        const Rect iconBox{face.centre().x - iconSide / 2, face.centre().y - iconSide / 2, iconSide, iconSide};
        const Rect labelBox = face.inset(std::max(2, m.px(1)), 0);
        // Low keys (a letter keyboard under a field in landscape) take smaller letters.
        const int characterPx = std::min(m.type.action, face.h * 6 / 10);
        const int wordPx = std::min(m.type.control, face.h * 5 / 10);
        switch (key.role) {
        case KeyRole::Character: {
            const char c = shown(key.character, shifted);
            p.text(std::string_view(&c, 1), labelBox, TextStyle{characterPx, Weight::Bold, ink, Align::Centre});
            break;
        }
        case KeyRole::Shift: p.icon(Icon::Shift, iconBox, colors::kOutline); break;
        case KeyRole::Backspace: p.icon(Icon::Backspace, iconBox, colors::kOutline); break;
        case KeyRole::Space:
            p.text(texts.text(Text::KeyboardSpace), labelBox, TextStyle{wordPx, Weight::Bold, ink});
            break;
        case KeyRole::Done:
            p.text(texts.text(Text::KeyboardDone), labelBox, TextStyle{wordPx, Weight::Bold, ink});
            break;
        }
        if (touch.tappedInside(key.rect)) {
            key.character = shown(key.character, shifted);
            tapped = key;
        }
    }
    return tapped;
}

}  // namespace kiosk::ui
