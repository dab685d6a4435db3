// The keyboard-wedge scanner's pure parts: the layout tables and the cutting of input_event
// records into codes.

#include "drivers/scanner/keystroke_framer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/unit/keystroke_test_keyboard.h"

using namespace kiosk::drivers;
using namespace kiosk::test;
using namespace std::chrono_literals;
using namespace std::string_literals;

namespace {

using Time = KeystrokeFramer::TimePoint;
const Time t0{};

const KeyboardLayout& us() { return *findKeyboardLayout("us"); }

std::vector<std::string> takeAll(KeystrokeFramer& framer) {
    std::vector<std::string> codes;
    while (auto code = framer.take()) codes.push_back(*code);
    return codes;
}

KeystrokeFramer enterFramer() { return KeystrokeFramer(us(), {CodeSuffix::Cr, 100ms, 8192}); }

struct KeyCase {
    std::uint16_t code;
    bool shift;
    char character;
};

class UsKeys : public testing::TestWithParam<KeyCase> {};

TEST_P(UsKeys, GiveTheirCharacterInTheUsAndIndonesianLayouts) {
    const auto& c = GetParam();
    EXPECT_EQ(us().character(c.code, c.shift), c.character);
    ASSERT_NE(findKeyboardLayout("id"), nullptr);
    EXPECT_EQ(findKeyboardLayout("id")->character(c.code, c.shift), c.character);
}

INSTANTIATE_TEST_SUITE_P(
    KeyboardLayout, UsKeys,
    testing::Values(KeyCase{KEY_A, false, 'a'}, KeyCase{KEY_A, true, 'A'}, KeyCase{KEY_Q, false, 'q'},
                    KeyCase{KEY_M, true, 'M'}, KeyCase{KEY_1, false, '1'}, KeyCase{KEY_2, true, '@'},
                    KeyCase{KEY_0, true, ')'}, KeyCase{KEY_MINUS, true, '_'}, KeyCase{KEY_EQUAL, false, '='},
                    KeyCase{KEY_LEFTBRACE, true, '{'}, KeyCase{KEY_RIGHTBRACE, false, ']'},
                    KeyCase{KEY_SEMICOLON, true, ':'}, KeyCase{KEY_APOSTROPHE, true, '"'},
                    KeyCase{KEY_GRAVE, true, '~'}, KeyCase{KEY_BACKSLASH, true, '|'}, KeyCase{KEY_102ND, false, '\\'},
                    KeyCase{KEY_COMMA, true, '<'}, KeyCase{KEY_DOT, false, '.'}, KeyCase{KEY_SLASH, true, '?'},
                    KeyCase{KEY_SPACE, false, ' '}, KeyCase{KEY_ENTER, false, '\r'}, KeyCase{KEY_KPENTER, false, '\r'},
                    KeyCase{KEY_TAB, false, '\t'}, KeyCase{KEY_KP0, false, '0'}, KeyCase{KEY_KP7, false, '7'},
                    KeyCase{KEY_KPMINUS, false, '-'}, KeyCase{KEY_KPDOT, false, '.'},
                    KeyCase{KEY_KPASTERISK, false, '*'}, KeyCase{KEY_F1, false, 0}, KeyCase{KEY_LEFTSHIFT, false, 0},
                    KeyCase{KEY_UP, false, 0}, KeyCase{KEY_MAX, false, 0}));

TEST(KeyboardLayout, OnlyKnownNamesAreLayouts) {
    EXPECT_EQ(findKeyboardLayout("de"), nullptr);
    EXPECT_EQ(findKeyboardLayout(""), nullptr);
    EXPECT_EQ(keyboardLayoutNames(), "us, id");
}

TEST(KeystrokeFramer, TypesACodeWithCapitalsAndSymbolsEndedByEnter) {
    auto framer = enterFramer();
    framer.feed(recordBytes(typeUs("LOKET-Test_01/{x}\r")), t0);
    EXPECT_EQ(takeAll(framer), std::vector<std::string>{"LOKET-Test_01/{x}"});
}

TEST(KeystrokeFramer, JoinsRecordsSplitAtEveryByte) {
    auto framer = enterFramer();
    const auto bytes = recordBytes(typeUs("AB12\rCD\r"));
    for (std::size_t i = 0; i < bytes.size(); ++i) framer.feed(bytes.substr(i, 1), t0);
    EXPECT_EQ(takeAll(framer), (std::vector<std::string>{"AB12", "CD"}));
}

TEST(KeystrokeFramer, SeveralCodesInOneFeed) {
    auto framer = enterFramer();
    framer.feed(recordBytes(typeUs("ONE\rTWO\rTHREE\r")), t0);
    EXPECT_EQ(takeAll(framer), (std::vector<std::string>{"ONE", "TWO", "THREE"}));
}

TEST(KeystrokeFramer, ATabSuffixMakesEnterData) {
    KeystrokeFramer framer(us(), {CodeSuffix::Tab, 100ms, 8192});
    framer.feed(recordBytes(typeUs("A\rB\t")), t0);
    EXPECT_EQ(takeAll(framer), std::vector<std::string>{"A\rB"});
}

TEST(KeystrokeFramer, WithoutSuffixAGapEndsTheCode) {
    KeystrokeFramer framer(us(), {CodeSuffix::None, 100ms, 8192});
    framer.feed(recordBytes(typeUs("NOSUFFIX")), t0);
    framer.expire(t0 + 99ms);
    EXPECT_FALSE(framer.take());
    ASSERT_TRUE(framer.deadline());
    EXPECT_EQ(*framer.deadline(), t0 + 100ms);
    framer.expire(t0 + 100ms);
    EXPECT_EQ(takeAll(framer), std::vector<std::string>{"NOSUFFIX"});
}

TEST(KeystrokeFramer, CapsLockTurnsLettersOnlyAndShiftTurnsThemBack) {
    auto framer = enterFramer();
    std::vector<input_event> events;
    tap(events, KEY_CAPSLOCK);
    const auto typed = typeUs("ab1!Cd");
    events.insert(events.end(), typed.begin(), typed.end());
    tap(events, KEY_CAPSLOCK);
    const auto rest = typeUs("e\r");
    events.insert(events.end(), rest.begin(), rest.end());
    framer.feed(recordBytes(events), t0);
    EXPECT_EQ(takeAll(framer), std::vector<std::string>{"AB1!cDe"});
}

TEST(KeystrokeFramer, ControlCharactersFromCtrlAndAltKeypadAreData) {
    auto framer = enterFramer();
    auto events = typeUs("01");
    addKey(events, KEY_RIGHTCTRL, 1);
    tap(events, KEY_RIGHTBRACE);  // Ctrl+] is GS
    addKey(events, KEY_RIGHTCTRL, 0);
    const auto middle = typeUs("10");
    events.insert(events.end(), middle.begin(), middle.end());
    addKey(events, KEY_LEFTALT, 1);
    for (const int key : {KEY_KP0, KEY_KP2, KEY_KP9}) tap(events, static_cast<std::uint16_t>(key));  // Alt+029: GS
    addKey(events, KEY_LEFTALT, 0);
    addKey(events, KEY_LEFTCTRL, 1);
    tap(events, KEY_D);  // EOT, which must not end anything
    addKey(events, KEY_LEFTCTRL, 0);
    const auto end = typeUs("X\r");
    events.insert(events.end(), end.begin(), end.end());
    framer.feed(recordBytes(events), t0);
    EXPECT_EQ(takeAll(framer), std::vector<std::string>{"01\x1d"
                                                        "10\x1d\x04X"});
}

TEST(KeystrokeFramer, ReleasesRepeatsAndScanCodesTypeNothing) {
    auto framer = enterFramer();
    std::vector<input_event> events;
    addKey(events, KEY_A, 1);
    addKey(events, KEY_A, 2);  // auto-repeat
    addKey(events, KEY_A, 2);
    addKey(events, KEY_A, 0);
    events.push_back(inputEvent(EV_MSC, MSC_SCAN, 0x70004));
    events.push_back(inputEvent(EV_LED, LED_NUML, 1));
    tap(events, KEY_NUMLOCK);
    tap(events, KEY_ENTER);
    framer.feed(recordBytes(events), t0);
    EXPECT_EQ(takeAll(framer), std::vector<std::string>{"a"});
}

TEST(KeystrokeFramer, AKeyWithoutACharacterSpoilsTheWholeCode) {
    auto framer = enterFramer();
    auto events = typeUs("LOK");
    tap(events, KEY_F5);
    const auto rest = typeUs("ET\rGOOD\r");
    events.insert(events.end(), rest.begin(), rest.end());
    framer.feed(recordBytes(events), t0);
    EXPECT_EQ(takeAll(framer), std::vector<std::string>{"GOOD"});
    EXPECT_EQ(framer.counts().unmappedKeys, 1u);
    EXPECT_EQ(framer.codeCounts().rejected, 1u);
}

TEST(KeystrokeFramer, DroppedEventsSpoilTheCodeAndResetTheModifiers) {
    auto framer = enterFramer();
    auto events = typeUs("PAR");
    addKey(events, KEY_LEFTSHIFT, 1);  // its release is among the events the kernel dropped
    events.push_back(inputEvent(EV_SYN, SYN_DROPPED, 0));
    tap(events, KEY_Z);  // before the next SYN_REPORT: ignored
    const auto rest = typeUs("TIAL\rok\r");
    events.insert(events.end(), rest.begin(), rest.end());
    framer.feed(recordBytes(events), t0);
    EXPECT_EQ(takeAll(framer), std::vector<std::string>{"ok"});
    EXPECT_EQ(framer.counts().droppedEvents, 1u);
}

TEST(KeystrokeFramer, ADisconnectForgetsTheHalfCodeTheHalfRecordAndShift) {
    auto framer = enterFramer();
    auto events = typeUs("HALF");
    addKey(events, KEY_LEFTSHIFT, 1);
    const auto bytes = recordBytes(events);
    framer.feed(bytes.substr(0, bytes.size() - 5), t0);
    framer.discardPartial();
    framer.feed(recordBytes(typeUs("whole\r")), t0 + 1ms);
    EXPECT_EQ(takeAll(framer), std::vector<std::string>{"whole"});
    EXPECT_EQ(framer.codeCounts().incomplete, 1u);
}

TEST(KeystrokeFramer, ATooLongCodeIsDiscardedWhole) {
    KeystrokeFramer framer(us(), {CodeSuffix::Cr, 100ms, 16});
    framer.feed(recordBytes(typeUs(std::string(40, 'x') + "\rshort\r")), t0);
    EXPECT_EQ(takeAll(framer), std::vector<std::string>{"short"});
    EXPECT_EQ(framer.codeCounts().tooLong, 1u);
}

}  // namespace
