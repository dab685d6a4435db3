#pragma once
// The visit's screen state and its pure transition. No SDL, no clock, no I/O: the draw functions
// turn taps into Events, the main loop turns idle time into IdleTimedOut, and onEvent decides the
// next state. (When the journeys arrive this moves to kiosk/core/flow and returns commands too.)

#include <variant>

#include "kiosk/ui/language.h"

namespace kiosk::ui {

// The welcome screen a kiosk shows between visitors.
struct AttractScreen {
    friend bool operator==(const AttractScreen&, const AttractScreen&) = default;
};
// The first step of every journey: the visitor picks the language they understand.
struct LanguageChoiceScreen {
    friend bool operator==(const LanguageChoiceScreen&, const LanguageChoiceScreen&) = default;
};

using Screen = std::variant<AttractScreen, LanguageChoiceScreen>;

// One person's time at the kiosk, from the first touch until the kiosk is idle again.
struct Visit {
    Screen screen = AttractScreen{};
    Language language = kDefaultLanguage;
    friend bool operator==(const Visit&, const Visit&) = default;
};

struct StartTapped {};
struct LanguageTapped {  // a language button on any screen
    Language language;
};
struct BackTapped {};
// Nobody touched the screen for a while: the next person starts fresh, in the kiosk's own language.
struct IdleTimedOut {
    Language home = kDefaultLanguage;
};

using Event = std::variant<StartTapped, LanguageTapped, BackTapped, IdleTimedOut>;

Visit onEvent(const Visit& now, const Event& event);

}  // namespace kiosk::ui
