#pragma once
// The kiosk's screens as a pure state machine: onEvent(state, event) returns the next state and
// the commands the app carries out (speak, beep, wipe). No SDL, no clock, no I/O: time arrives
// inside the events (a Tick from the main loop, a fake clock in tests and scenario scripts).
//
// Integrity of navigation: every tap names the view it was aimed at and is dropped when that
// view is no longer the one shown, or when it lands within `settle` of the view appearing; so a
// double or triple tap never skips a step and one tap never acts twice.
//
// Idle time: after `idleTimeout` without activity a countdown asks whether the person needs more
// time; "yes" continues with nothing lost, no answer resets to the attract screen and wipes the visit.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kiosk/core/flow/language.h"
#include "kiosk/core/flow/secret_text.h"

namespace kiosk::flow {

using Instant = std::chrono::steady_clock::time_point;
// Numbers the views (a screen, or a dialog over it) in the order they appear; never reused.
using ViewId = std::uint64_t;

// The welcome screen a kiosk shows between visitors.
struct AttractScreen {
    friend bool operator==(const AttractScreen&, const AttractScreen&) = default;
};
// The first step of every journey: the visitor picks the language they understand.
struct LanguageChoiceScreen {
    friend bool operator==(const LanguageChoiceScreen&, const LanguageChoiceScreen&) = default;
};
// The mobile number staff can reach the person on. The step after it arrives with the
// registration journey (issue 8); until then this screen has no "next".
struct PhoneEntryScreen {
    friend bool operator==(const PhoneEntryScreen&, const PhoneEntryScreen&) = default;
};
// Reached by the hidden staff gesture. Checking the PIN needs the staff list from the server's
// configuration (issue 9): until then "sign in" never signs anyone in, it says so on screen.
struct StaffPinScreen {
    friend bool operator==(const StaffPinScreen&, const StaffPinScreen&) = default;
};

using Screen = std::variant<AttractScreen, LanguageChoiceScreen, PhoneEntryScreen, StaffPinScreen>;

// "attract", "language-choice", "phone-entry", "staff-pin": names for scenario scripts and PNGs.
std::string_view screenName(const Screen& screen);

// Everything about the person in front of the kiosk. Wiping the visit is replacing it with a
// fresh Visit; the app also clears the buffers it owns (camera frames, a pending print job).
struct Visit {
    Language language = kDefaultLanguage;
    SecretText phone;  // digits only
    friend bool operator==(const Visit&, const Visit&) = default;
};

inline constexpr std::size_t kPhoneMaxDigits = 13;
inline constexpr std::size_t kPinMaxDigits = 8;
// An Indonesian mobile number as people write it: 08 and 10 to 13 digits in all.
bool isCompletePhone(std::string_view digits);

struct FlowSettings {
    std::chrono::seconds idleTimeout{60};       // on the visitor's screens
    std::chrono::seconds staffIdleTimeout{30};  // the PIN screen resets without asking
    std::chrono::seconds countdown{20};         // how long "need more time?" waits for an answer
    std::chrono::milliseconds settle{500};      // a new view ignores taps this long
    Language home = kDefaultLanguage;           // the language between visitors
    friend bool operator==(const FlowSettings&, const FlowSettings&) = default;
};

// "Need more time?" over the current screen.
struct Countdown {
    Instant endsAt{};
    int secondsLeft = 0;  // rounded up: what the dialog shows
    friend bool operator==(const Countdown&, const Countdown&) = default;
};

struct FlowState {
    FlowSettings settings;
    Screen screen = AttractScreen{};
    ViewId view = 0;
    Instant shownAt{};       // when `view` appeared
    Instant lastActivity{};  // the last touch, key or scan that the visit took in
    std::optional<Countdown> countdown;
    Visit visit;
    SecretText staffPin;
    bool staffSignInUnavailable = false;  // "sign in" was tapped: the screen says it cannot be done yet
    friend bool operator==(const FlowState&, const FlowState&) = default;
};

// The state a kiosk starts in, and returns to between visitors.
FlowState startState(const FlowSettings& settings);

// What a tap on a control asks for; the screens' draw functions return these.
struct StartTapped {};
struct LanguageTapped {  // a language button on any screen
    Language language;
};
struct BackTapped {};
struct NextTapped {};
struct KeyTapped {  // a key of the on-screen keypad: '0'..'9'
    char key = '0';
};
struct DeleteTapped {};
struct StayTapped {};    // "Ya, saya masih di sini"
struct ListenTapped {};  // "Dengarkan lagi"
struct SignInTapped {};
struct CancelTapped {};
using Action = std::variant<StartTapped, LanguageTapped, BackTapped, NextTapped, KeyTapped, DeleteTapped, StayTapped,
                            ListenTapped, SignInTapped, CancelTapped>;

// A finished tap: the view the finger went down on, when it lifted, and what it hit.
struct Tap {
    ViewId view = 0;
    Instant at{};
    Action action;
};
// The main loop's heartbeat: time passes even when nobody touches the screen.
struct Tick {
    Instant now{};
};
// Text from a keyboard (a scenario script's "type"): goes to the field of the current screen.
struct KeysTyped {
    Instant at{};
    std::string text;
};
// Device input. No screen uses a scan yet; for now a scan only shows that someone is there.
struct CodeScanned {
    Instant at{};
    std::string text;
};
struct MrzScanned {
    Instant at{};
    std::vector<std::string> lines;
};
// The hidden long press in the staff corner.
struct StaffGesture {
    Instant at{};
};
using Event = std::variant<Tap, Tick, KeysTyped, CodeScanned, MrzScanned, StaffGesture>;

// Commands for the app.
struct SpeakInstruction {  // read the current view's instruction aloud, interrupting any speech
    friend bool operator==(const SpeakInstruction&, const SpeakInstruction&) = default;
};
struct StopSpeaking {
    friend bool operator==(const StopSpeaking&, const StopSpeaking&) = default;
};
struct Beep {
    friend bool operator==(const Beep&, const Beep&) = default;
};
// Clear every buffer of the visit the app owns; the state that comes with it is already fresh.
struct Wipe {
    friend bool operator==(const Wipe&, const Wipe&) = default;
};
using Command = std::variant<SpeakInstruction, StopSpeaking, Beep, Wipe>;

struct Step {
    FlowState state;
    std::vector<Command> commands;
};

Step onEvent(const FlowState& now, const Event& event);

}  // namespace kiosk::flow
