#include "drivers/printer/code_page.h"

#include <gtest/gtest.h>

#include <string>

using namespace kiosk::drivers;
using namespace std::string_literals;

namespace {

struct Case {
    std::string utf8;
    std::string printed;  // WPC1252 bytes
};

class Wpc1252 : public testing::TestWithParam<Case> {};

TEST_P(Wpc1252, MapsWhatItHasAndReplacesTheRest) { EXPECT_EQ(toWpc1252(GetParam().utf8), GetParam().printed); }

INSTANTIATE_TEST_SUITE_P(
    CodePage, Wpc1252,
    testing::Values(Case{"Tanda Terima 123 !~", "Tanda Terima 123 !~"},                  // Indonesian is ASCII
                    Case{"Jos\xc3\xa9 Mu\xc3\xb1oz \xc3\x9c", "Jos\xe9 Mu\xf1oz \xdc"},  // Latin-1 range
                    Case{"\xe2\x82\xac \xe2\x80\x93 \xe2\x80\x94 \xe2\x80\x9c\xe2\x80\x9d \xe2\x80\x98\xe2\x80\x99",
                         "\x80 \x96 \x97 \x93\x94 \x91\x92"},                      // euro, dashes, quotes
                    Case{"\xc5\xa0\xc5\xbd\xc5\x92\xc5\xb8", "\x8a\x8e\x8c\x9f"},  // S, Z caron, OE, Y diaeresis
                    Case{"\xe2\x86\x92 \xe4\xb8\xad \xf0\x9f\x98\x80 \xd0\x96",
                         "? ? ? ?"},         // arrow, CJK, emoji, Cyrillic
                    Case{"e\xcc\x81", "e"},  // combining accent dropped
                    Case{"a\tb", "a b"},     // a tab is a space
                    Case{"\x1b@\x1d"
                         "V\x00\x7f\r\n"s,
                         "?@?V????"},                                               // controls never pass
                    Case{"\xc2\x80\xc2\x9f", "??"},                                 // C1 controls
                    Case{"\xff\xfe A \xc3", "?? A ?"},                              // malformed UTF-8
                    Case{"\xc0\xaf \xed\xa0\x80 \xf4\x90\x80\x80", "?? ??? ????"},  // overlong, surrogate, too big
                    Case{"\xe2\x82", "??"}));                                       // truncated

TEST(CodePage, EveryByteDecodesBackToWhatThePrinterShows) {
    EXPECT_EQ(fromWpc1252("Caf\xe9 \x80 \x97"), "Caf\xc3\xa9 \xe2\x82\xac \xe2\x80\x94");
    EXPECT_EQ(fromWpc1252("\x81\x1b"), "??");
    for (int b = 0x20; b <= 0xFF; ++b) {
        if (b == 0x7F || b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D) continue;
        const std::string one(1, static_cast<char>(b));
        EXPECT_EQ(toWpc1252(fromWpc1252(one)), one) << "byte " << b;
    }
}

}  // namespace
