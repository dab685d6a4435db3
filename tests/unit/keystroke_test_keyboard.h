#pragma once
// Types text as a US-layout keyboard-wedge scanner would: struct input_event records (key press,
// release, SYN_REPORT), with Shift around capitals and shifted symbols. The key table here is
// written out on its own rather than taken from drivers/scanner, so that a test of the driver's
// table against it means something.

#include <linux/input.h>

#include <cstring>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk::test {

inline input_event inputEvent(std::uint16_t type, std::uint16_t code, std::int32_t value) {
    input_event e{};
    e.type = type;
    e.code = code;
    e.value = value;
    return e;
}

inline void addKey(std::vector<input_event>& out, std::uint16_t code, std::int32_t value) {
    out.push_back(inputEvent(EV_MSC, MSC_SCAN, 0x70000 + code));  // as USB keyboards send
    out.push_back(inputEvent(EV_KEY, code, value));
    out.push_back(inputEvent(EV_SYN, SYN_REPORT, 0));
}

inline void tap(std::vector<input_event>& out, std::uint16_t code) {
    addKey(out, code, 1);
    addKey(out, code, 0);
}

// The key and whether Shift is needed, for the characters the tests type.
inline std::pair<std::uint16_t, bool> usKey(char c) {
    static const std::map<char, std::pair<std::uint16_t, bool>> keys = [] {
        std::map<char, std::pair<std::uint16_t, bool>> m;
        const auto row = [&m](std::uint16_t first, std::string_view plain, std::string_view shifted) {
            for (std::size_t i = 0; i < plain.size(); ++i) {
                m[plain[i]] = {static_cast<std::uint16_t>(first + i), false};
                m[shifted[i]] = {static_cast<std::uint16_t>(first + i), true};
            }
        };
        row(KEY_1, "1234567890-=", "!@#$%^&*()_+");
        row(KEY_Q, "qwertyuiop[]", "QWERTYUIOP{}");
        row(KEY_A, "asdfghjkl;'`", "ASDFGHJKL:\"~");
        row(KEY_Z, "zxcvbnm,./", "ZXCVBNM<>?");
        m['\\'] = {KEY_BACKSLASH, false};
        m['|'] = {KEY_BACKSLASH, true};
        m[' '] = {KEY_SPACE, false};
        m['\r'] = {KEY_ENTER, false};
        m['\t'] = {KEY_TAB, false};
        return m;
    }();
    const auto it = keys.find(c);
    if (it == keys.end()) throw std::invalid_argument("no US key for this character");
    return it->second;
}

inline std::vector<input_event> typeUs(std::string_view text) {
    std::vector<input_event> out;
    for (const char c : text) {
        const auto [code, shift] = usKey(c);
        if (shift) addKey(out, KEY_LEFTSHIFT, 1);
        tap(out, code);
        if (shift) addKey(out, KEY_LEFTSHIFT, 0);
    }
    return out;
}

inline std::string recordBytes(const std::vector<input_event>& events) {
    std::string bytes(events.size() * sizeof(input_event), '\0');
    if (!events.empty()) std::memcpy(bytes.data(), events.data(), bytes.size());
    return bytes;
}

}  // namespace kiosk::test
