#pragma once
// Layouts of the flow's own views (pure, no SDL): the number-entry screens (phone, staff PIN),
// the "need more time?" dialog, the listen-again button in the header and the hidden staff
// corner. They share the header, footer and back/next places of layout.h, so a control keeps
// its place from one step to the next.

#include <array>
#include <vector>

#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/layout.h"

namespace kiosk::ui {

// A title, a prompt, a labelled field with its validation message beside a numeric keypad.
struct EntryLayout {
    Metrics metrics;
    HeaderLayout header;
    Rect title;
    Rect prompt;  // two wrapped lines
    Rect fieldLabel;
    Rect field;
    Rect message;  // two wrapped lines under the field
    Rect keypad;   // the keyboard's KeyboardKind::Keypad goes here
    Rect back;     // where the language choice has its back
    Rect action;   // where the language choice has its next
    Rect footer;

    // The keypad's keys, as drawKeyboard places them.
    std::vector<Key> keys() const;
    std::vector<Rect> buttons() const;
};

struct CountdownLayout {
    Metrics metrics;
    Rect panel;
    Rect title;
    Rect body;  // two wrapped lines
    Rect seconds;
    Rect secondsLabel;
    Rect stay;
    int secondsPx = 0;  // font size of the big number
};

inline constexpr int kPromptLines = 2;
inline constexpr int kMessageLines = 2;

EntryLayout layoutEntry(Size window);
CountdownLayout layoutCountdown(Size window);
// "Dengarkan lagi", at the right of the header's title row.
Rect listenButtonRect(Size window);
// Where a 3-second press opens the staff sign-in: the top-left corner, on the title.
Rect staffCornerRect(Size window);

}  // namespace kiosk::ui
