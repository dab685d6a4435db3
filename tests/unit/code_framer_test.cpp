#include "drivers/scanner/code_framer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace kiosk::drivers;
using namespace std::chrono_literals;
using namespace std::string_literals;

namespace {

using Time = CodeFramer::TimePoint;
const Time t0{};

std::vector<std::string> takeAll(CodeFramer& framer) {
    std::vector<std::string> codes;
    while (auto code = framer.take()) codes.push_back(*code);
    return codes;
}

CodeFraming framing(CodeSuffix suffix, std::size_t maxLength = 8192) { return {suffix, 100ms, maxLength}; }

struct SuffixCase {
    CodeSuffix suffix;
    std::string stream;
    std::vector<std::string> codes;
};

class EachSuffix : public testing::TestWithParam<SuffixCase> {};

TEST_P(EachSuffix, EndsCodesOnlyAtTheConfiguredSuffix) {
    CodeFramer framer(framing(GetParam().suffix));
    framer.feed(GetParam().stream, t0);
    EXPECT_EQ(takeAll(framer), GetParam().codes);
}

INSTANTIATE_TEST_SUITE_P(CodeFramer, EachSuffix,
                         testing::Values(SuffixCase{CodeSuffix::Cr, "ABC\rDEF\r", {"ABC", "DEF"}},
                                         SuffixCase{CodeSuffix::Cr, "ABC\nDEF\r", {"ABC\nDEF"}},
                                         SuffixCase{CodeSuffix::Lf, "ABC\r\nDEF\n", {"ABC\r", "DEF"}},
                                         SuffixCase{CodeSuffix::CrLf, "ABC\r\nDEF\r\n", {"ABC", "DEF"}},
                                         SuffixCase{CodeSuffix::CrLf, "A\rB\nC\r\r\n", {"A\rB\nC\r"}},
                                         SuffixCase{CodeSuffix::Tab, "ABC\tDEF\r\n\t", {"ABC", "DEF\r\n"}},
                                         SuffixCase{CodeSuffix::Cr, "\r\r\rABC\r", {"ABC"}}));

TEST(CodeFramer, KeepsNulEscapeAndBinaryBytesAsData) {
    CodeFramer framer(framing(CodeSuffix::Cr));
    const std::string code =
        "01\x1d"
        "10AB\0\x1b[2J\xff\xfe\x04"s;
    framer.feed(code + "\r", t0);
    EXPECT_EQ(takeAll(framer), std::vector<std::string>{code});
}

TEST(CodeFramer, JoinsACodeSplitAcrossReads) {
    CodeFramer framer(framing(CodeSuffix::Cr));
    framer.feed("LOKET-", t0);
    EXPECT_FALSE(framer.take());
    framer.feed("TEST-", t0 + 5ms);
    framer.feed("0001\rNEXT", t0 + 10ms);
    EXPECT_EQ(takeAll(framer), std::vector<std::string>{"LOKET-TEST-0001"});
    framer.feed("\r", t0 + 15ms);
    EXPECT_EQ(takeAll(framer), std::vector<std::string>{"NEXT"});
}

TEST(CodeFramer, CrLfSuffixSplitBetweenReads) {
    CodeFramer framer(framing(CodeSuffix::CrLf));
    framer.feed("ABC\r", t0);
    EXPECT_FALSE(framer.take());
    framer.feed("\nDEF\r", t0 + 1ms);
    EXPECT_EQ(takeAll(framer), std::vector<std::string>{"ABC"});
    framer.feed("X\r\n", t0 + 2ms);
    EXPECT_EQ(takeAll(framer), std::vector<std::string>{"DEF\rX"});
}

TEST(CodeFramer, WithoutSuffixAGapEndsTheCode) {
    CodeFramer framer(framing(CodeSuffix::None));
    framer.feed("ABC", t0);
    framer.feed("DEF", t0 + 50ms);
    framer.expire(t0 + 149ms);
    EXPECT_FALSE(framer.take());
    ASSERT_TRUE(framer.deadline());
    EXPECT_EQ(*framer.deadline(), t0 + 150ms);
    framer.expire(t0 + 150ms);
    EXPECT_EQ(takeAll(framer), std::vector<std::string>{"ABCDEF"});
    EXPECT_FALSE(framer.deadline());
}

TEST(CodeFramer, WithoutSuffixBytesAfterAGapStartANewCode) {
    CodeFramer framer(framing(CodeSuffix::None));
    framer.feed("ABC", t0);
    framer.feed("DEF", t0 + 300ms);
    framer.expire(t0 + 400ms);
    EXPECT_EQ(takeAll(framer), (std::vector<std::string>{"ABC", "DEF"}));
}

TEST(CodeFramer, WithSuffixAGapDiscardsTheUnfinishedCode) {
    CodeFramer framer(framing(CodeSuffix::Cr));
    framer.feed("GARBAGE", t0);
    framer.expire(t0 + 100ms);
    framer.feed("REAL\r", t0 + 500ms);
    EXPECT_EQ(takeAll(framer), std::vector<std::string>{"REAL"});
    EXPECT_EQ(framer.counts().incomplete, 1u);
}

TEST(CodeFramer, DisconnectDiscardsThePartialCode) {
    CodeFramer framer(framing(CodeSuffix::None));
    framer.feed("PARTIAL", t0);
    framer.discardPartial();
    framer.expire(t0 + 1s);
    EXPECT_FALSE(framer.take());
    EXPECT_EQ(framer.counts().incomplete, 1u);
}

TEST(CodeFramer, ACodeOfExactlyTheLimitIsDelivered) {
    for (const auto suffix : {CodeSuffix::Cr, CodeSuffix::CrLf}) {
        CodeFramer framer(framing(suffix, 16));
        framer.feed(std::string(16, 'A') + (suffix == CodeSuffix::Cr ? "\r" : "\r\n"), t0);
        EXPECT_EQ(takeAll(framer), std::vector<std::string>{std::string(16, 'A')});
    }
}

TEST(CodeFramer, ATooLongCodeIsDiscardedWholeAndCounted) {
    CodeFramer framer(framing(CodeSuffix::Cr, 16));
    framer.feed(std::string(10, 'A'), t0);
    framer.feed(std::string(10, 'B'), t0 + 1ms);
    framer.feed(std::string(100, 'C'), t0 + 2ms);
    framer.feed("D\rOK\r", t0 + 3ms);
    EXPECT_EQ(takeAll(framer), std::vector<std::string>{"OK"});
    EXPECT_EQ(framer.counts().tooLong, 1u);
    EXPECT_EQ(framer.counts().delivered, 1u);
}

TEST(CodeFramer, ATooLongCodeWithoutSuffixIsDiscardedUpToTheGap) {
    CodeFramer framer(framing(CodeSuffix::None, 8));
    framer.feed(std::string(20, 'X'), t0);
    framer.expire(t0 + 200ms);
    EXPECT_FALSE(framer.take());
    framer.feed("SHORT", t0 + 300ms);
    framer.expire(t0 + 500ms);
    EXPECT_EQ(takeAll(framer), std::vector<std::string>{"SHORT"});
    EXPECT_EQ(framer.counts().tooLong, 1u);
}

TEST(CodeFramer, ARejectedCodeIsDiscardedWholeUpToItsSuffixOrGap) {
    CodeFramer framer(framing(CodeSuffix::Cr));
    framer.feed("LOK", t0);
    framer.rejectCurrent(t0 + 1ms);
    framer.feed("ET-0001\r", t0 + 2ms);
    framer.feed("NEXT\r", t0 + 3ms);
    EXPECT_EQ(takeAll(framer), std::vector<std::string>{"NEXT"});
    EXPECT_EQ(framer.counts().rejected, 1u);

    CodeFramer gapped(framing(CodeSuffix::None));
    gapped.feed("AB", t0);
    gapped.rejectCurrent(t0 + 1ms);
    gapped.feed("CD", t0 + 2ms);
    gapped.expire(t0 + 200ms);
    EXPECT_FALSE(gapped.take());
    gapped.feed("EF", t0 + 300ms);
    gapped.expire(t0 + 500ms);
    EXPECT_EQ(takeAll(gapped), std::vector<std::string>{"EF"});
}

}  // namespace
