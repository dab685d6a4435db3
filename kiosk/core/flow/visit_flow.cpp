#include "kiosk/core/flow/visit_flow.h"

#include <algorithm>

#include "kiosk/base/overloaded.h"

namespace kiosk::flow {
namespace {

template <class S>
bool on(const FlowState& state) {
    return std::holds_alternative<S>(state.screen);
}

bool isDigits(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A new view: taps aimed at the old one no longer count, and the new one settles first.
void show(FlowState& s, Screen screen, Instant at) {
    s.screen = screen;
    s.countdown.reset();
    s.view += 1;
    s.shownAt = at;
}

// Everything of the visit (and of a staff sign-in) is gone; only the view numbering goes on.
FlowState fresh(const FlowState& now, Screen screen, Instant at) {
    FlowState s = startState(now.settings);
    s.view = now.view;
    show(s, screen, at);
    s.lastActivity = at;
    return s;
}

Step wipeTo(const FlowState& now, Screen screen, Instant at) {
    return {fresh(now, screen, at), {StopSpeaking{}, Wipe{}}};
}

// The field the current screen types into, if any, and how long it may grow.
SecretText* fieldOf(FlowState& s, std::size_t& maxDigits) {
    if (on<PhoneEntryScreen>(s)) {
        maxDigits = kPhoneMaxDigits;
        return &s.visit.phone;
    }
    if (on<StaffPinScreen>(s)) {
        maxDigits = kPinMaxDigits;
        return &s.staffPin;
    }
    return nullptr;
}

// Appends what fits; typing anything but digits into a number field changes nothing.
bool typeInto(FlowState& s, std::string_view text) {
    std::size_t maxDigits = 0;
    SecretText* field = fieldOf(s, maxDigits);
    if (!field || text.empty() || !isDigits(text)) return false;
    const std::size_t room = maxDigits - std::min(maxDigits, field->size());
    if (room == 0) return false;
    field->append(text.substr(0, room));
    if (on<StaffPinScreen>(s)) s.staffSignInUnavailable = false;
    return true;
}

Step onAction(const FlowState& now, const Tap& tap) {
    Step step{now, {}};
    FlowState& s = step.state;
    s.lastActivity = tap.at;

    if (s.countdown) {  // the dialog is modal: only its answer counts
        if (!std::holds_alternative<StayTapped>(tap.action)) return {now, {}};
        show(s, s.screen, tap.at);  // the same screen, with all that was typed, as a new view
        step.commands = {StopSpeaking{}};
        return step;
    }

    std::visit(Overloaded{
                   [&](const StartTapped&) {
                       if (!on<AttractScreen>(s)) return;
                       show(s, LanguageChoiceScreen{}, tap.at);
                       step.commands = {SpeakInstruction{}};
                   },
                   [&](const LanguageTapped& e) {
                       if (on<StaffPinScreen>(s) || s.visit.language == e.language) return;
                       s.visit.language = e.language;
                       // On the language screen the visitor hears the prompt in what they chose.
                       if (on<LanguageChoiceScreen>(s)) step.commands = {SpeakInstruction{}};
                   },
                   [&](const BackTapped&) {
                       if (on<LanguageChoiceScreen>(s)) {
                           show(s, AttractScreen{}, tap.at);
                           step.commands = {StopSpeaking{}};
                       } else if (on<PhoneEntryScreen>(s)) {
                           show(s, LanguageChoiceScreen{}, tap.at);  // what was typed stays for the way back
                           step.commands = {SpeakInstruction{}};
                       }
                   },
                   [&](const NextTapped&) {
                       if (!on<LanguageChoiceScreen>(s)) return;
                       show(s, PhoneEntryScreen{}, tap.at);
                       step.commands = {SpeakInstruction{}};
                   },
                   [&](const KeyTapped& e) { typeInto(s, std::string_view(&e.key, 1)); },
                   [&](const DeleteTapped&) {
                       std::size_t maxDigits = 0;
                       if (SecretText* field = fieldOf(s, maxDigits)) field->popBack();
                   },
                   [&](const StayTapped&) {},
                   [&](const ListenTapped&) {
                       if (!on<StaffPinScreen>(s)) step.commands = {SpeakInstruction{}};
                   },
                   [&](const SignInTapped&) {
                       if (!on<StaffPinScreen>(s)) return;
                       // Not verified against anything: the staff list is not on the kiosk yet.
                       // The PIN is forgotten at once and the screen says sign-in is unavailable.
                       s.staffPin.clear();
                       s.staffSignInUnavailable = true;
                   },
                   [&](const CancelTapped&) {
                       if (on<StaffPinScreen>(s)) step = wipeTo(now, AttractScreen{}, tap.at);
                   },
               },
               tap.action);
    return step;
}

Step onTick(const FlowState& now, Instant at) {
    const FlowSettings& settings = now.settings;
    if (now.countdown) {
        if (at >= now.countdown->endsAt) return wipeTo(now, AttractScreen{}, at);
        const auto left = std::chrono::ceil<std::chrono::seconds>(now.countdown->endsAt - at);
        if (static_cast<int>(left.count()) == now.countdown->secondsLeft) return {now, {}};
        Step step{now, {}};
        step.state.countdown->secondsLeft = static_cast<int>(left.count());
        return step;
    }
    const auto idle = at - now.lastActivity;
    if (on<AttractScreen>(now)) {
        // Only the language can have changed here: it goes back quietly for the next person.
        if (idle >= settings.idleTimeout && now.visit != Visit{settings.home, {}})
            return wipeTo(now, AttractScreen{}, at);
        return {now, {}};
    }
    if (on<StaffPinScreen>(now)) {
        if (idle >= settings.staffIdleTimeout) return wipeTo(now, AttractScreen{}, at);
        return {now, {}};
    }
    if (idle < settings.idleTimeout) return {now, {}};
    Step step{now, {Beep{}, SpeakInstruction{}}};
    show(step.state, now.screen, at);
    step.state.countdown = Countdown{at + settings.countdown, static_cast<int>(settings.countdown.count())};
    return step;
}

// Someone is there; on the attract screen a scan alone does not start a visit.
Step onPresence(const FlowState& now, Instant at) {
    if (now.countdown || on<AttractScreen>(now)) return {now, {}};
    Step step{now, {}};
    step.state.lastActivity = at;
    return step;
}

}  // namespace

std::string_view screenName(const Screen& screen) {
    return std::visit(Overloaded{
                          [](const AttractScreen&) { return std::string_view("attract"); },
                          [](const LanguageChoiceScreen&) { return std::string_view("language-choice"); },
                          [](const PhoneEntryScreen&) { return std::string_view("phone-entry"); },
                          [](const StaffPinScreen&) { return std::string_view("staff-pin"); },
                      },
                      screen);
}

bool isCompletePhone(std::string_view digits) {
    return digits.size() >= 10 && digits.size() <= kPhoneMaxDigits && digits.starts_with("08") && isDigits(digits);
}

FlowState startState(const FlowSettings& settings) {
    FlowState s;
    s.settings = settings;
    s.visit.language = settings.home;
    return s;
}

Step onEvent(const FlowState& now, const Event& event) {
    return std::visit(Overloaded{
                          [&](const Tap& tap) -> Step {
                              if (tap.view != now.view || tap.at < now.shownAt + now.settings.settle) return {now, {}};
                              return onAction(now, tap);
                          },
                          [&](const Tick& tick) { return onTick(now, tick.now); },
                          [&](const KeysTyped& keys) -> Step {
                              if (now.countdown) return {now, {}};
                              Step step{now, {}};
                              if (!typeInto(step.state, keys.text)) return {now, {}};
                              step.state.lastActivity = keys.at;
                              return step;
                          },
                          [&](const CodeScanned& scan) { return onPresence(now, scan.at); },
                          [&](const MrzScanned& scan) { return onPresence(now, scan.at); },
                          [&](const StaffGesture& gesture) {
                              if (on<StaffPinScreen>(now)) return Step{now, {}};
                              return wipeTo(now, StaffPinScreen{}, gesture.at);
                          },
                      },
                      event);
}

}  // namespace kiosk::flow
