#include "drivers/scanner/keystroke_framer.h"

#include <cstring>

namespace kiosk::drivers {

namespace {

std::optional<unsigned> keypadDigit(std::uint16_t code) {
    switch (code) {
    case KEY_KP0: return 0;
    case KEY_KP1: return 1;
    case KEY_KP2: return 2;
    case KEY_KP3: return 3;
    case KEY_KP4: return 4;
    case KEY_KP5: return 5;
    case KEY_KP6: return 6;
    case KEY_KP7: return 7;
    case KEY_KP8: return 8;
    case KEY_KP9: return 9;
    default: return std::nullopt;
    }
}

bool isLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

void KeystrokeFramer::feed(std::string_view bytes, TimePoint at) {
    constexpr std::size_t kRecord = sizeof(input_event);
    while (!bytes.empty()) {
        const auto take = std::min(kRecord - record_.size(), bytes.size());
        record_.append(bytes.substr(0, take));
        bytes.remove_prefix(take);
        if (record_.size() < kRecord) return;
        input_event event{};
        std::memcpy(&event, record_.data(), kRecord);
        record_.clear();
        feed(event, at);
    }
}

void KeystrokeFramer::feed(const input_event& event, TimePoint at) {
    if (event.type == EV_SYN) {
        if (event.code == SYN_DROPPED) {
            // The kernel's buffer overflowed: keys are missing and the modifier state is unknown.
            ++counts_.droppedEvents;
            codes_.rejectCurrent(at);
            releaseModifiers();
            resyncing_ = true;
        } else if (event.code == SYN_REPORT) {
            resyncing_ = false;
        }
        return;
    }
    // Scan codes (EV_MSC), LEDs and repeat settings carry nothing a code needs.
    if (resyncing_ || event.type != EV_KEY) return;
    // 2 is an auto-repeat: a scanner never holds a key, and a repeat must not double a character.
    if (event.value == 2) return;
    key(event.code, event.value == 1, at);
}

void KeystrokeFramer::key(std::uint16_t code, bool down, TimePoint at) {
    switch (code) {
    case KEY_LEFTSHIFT: leftShift_ = down; return;
    case KEY_RIGHTSHIFT: rightShift_ = down; return;
    case KEY_LEFTCTRL: leftCtrl_ = down; return;
    case KEY_RIGHTCTRL: rightCtrl_ = down; return;
    case KEY_LEFTALT:
    case KEY_RIGHTALT:
        (code == KEY_LEFTALT ? leftAlt_ : rightAlt_) = down;
        if (!down && !leftAlt_ && !rightAlt_ && altNumber_) {
            const char byte = static_cast<char>(*altNumber_ & 0xFF);
            altNumber_.reset();
            codes_.feed(std::string_view(&byte, 1), at);
        }
        return;
    case KEY_CAPSLOCK:
        if (down) capsLock_ = !capsLock_;
        return;
    case KEY_NUMLOCK:
    case KEY_LEFTMETA:
    case KEY_RIGHTMETA: return;
    default: break;
    }
    if (down) press(code, at);
}

void KeystrokeFramer::press(std::uint16_t code, TimePoint at) {
    if (leftAlt_ || rightAlt_) {
        const auto digit = keypadDigit(code);
        if (!digit) return unmapped(at);
        // Three digits at most, as the Alt+0nnn codes have: the number counts modulo 1000.
        altNumber_ = (altNumber_.value_or(0) * 10 + *digit) % 1000;
        return;
    }
    const bool shift = leftShift_ || rightShift_;
    char c = layout_->character(code, shift);
    if (c == 0) return unmapped(at);
    if (capsLock_ && isLetter(c)) c = layout_->character(code, !shift);
    if (leftCtrl_ || rightCtrl_) {
        const bool controllable = (c >= '@' && c <= '_') || (c >= 'a' && c <= 'z');
        if (!controllable) return unmapped(at);
        c = static_cast<char>(c & 0x1F);
    }
    codes_.feed(std::string_view(&c, 1), at);
}

void KeystrokeFramer::unmapped(TimePoint at) {
    ++counts_.unmappedKeys;
    codes_.rejectCurrent(at);
}

void KeystrokeFramer::releaseModifiers() {
    leftShift_ = rightShift_ = leftCtrl_ = rightCtrl_ = leftAlt_ = rightAlt_ = false;
    altNumber_.reset();
}

void KeystrokeFramer::discardPartial() {
    codes_.discardPartial();
    record_.clear();
    releaseModifiers();
    // A keyboard plugged in again starts with Caps Lock off.
    capsLock_ = false;
    resyncing_ = false;
}

}  // namespace kiosk::drivers
