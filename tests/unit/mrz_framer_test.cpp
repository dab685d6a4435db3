#include "drivers/mrz/mrz_framer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace kiosk::drivers;
using namespace std::chrono_literals;
using namespace std::string_literals;

namespace {

using Frame = std::vector<std::string>;
const MrzFramer::TimePoint t0{};

// Generated, shape-correct MRZ lines of no real person or document.
const Frame kTd3{"P<IDNCONTOH<<SITI<AMINAH<<<<<<<<<<<<<<<<<<<<", "X0000001<7IDN9001014F3001012<<<<<<<<<<<<<<06"};
const Frame kTd2{"I<IDNCONTOH<<BUDI<<<<<<<<<<<<<<<<<<<", "X000002<<4IDN8505051M3101019<<<<<<<2"};
const Frame kTd1{"IDIDNX000003<5<<<<<<<<<<<<<<<<", "9202029F3202028IDN<<<<<<<<<<<0", "CONTOH<<DEWI<<<<<<<<<<<<<<<<<<"};

std::string lines(const Frame& frame, const std::string& end = "\r\n") {
    std::string out;
    for (const auto& l : frame) out += l + end;
    return out;
}

std::vector<Frame> takeAll(MrzFramer& framer) {
    std::vector<Frame> frames;
    while (auto f = framer.take()) frames.push_back(*f);
    return frames;
}

TEST(MrzShape, AcceptsTheThreeFormatsOnly) {
    EXPECT_TRUE(hasMrzShape(kTd3));
    EXPECT_TRUE(hasMrzShape(kTd2));
    EXPECT_TRUE(hasMrzShape(kTd1));
    EXPECT_FALSE(hasMrzShape({kTd3[0]}));
    EXPECT_FALSE(hasMrzShape({kTd3[0], kTd2[1]}));
    EXPECT_FALSE(hasMrzShape({kTd1[0], kTd1[1]}));
    EXPECT_FALSE(hasMrzShape({kTd3[0], kTd3[1], kTd3[1]}));
    EXPECT_FALSE(hasMrzShape({"p<IDNCONTOH<<SITI<AMINAH<<<<<<<<<<<<<<<<<<<<", kTd3[1]}));
    EXPECT_FALSE(hasMrzShape({}));
}

TEST(MrzFramer, LastLineDeliversEachFormatAsItsLastLineEnds) {
    MrzFramer framer({MrzTerminator::LastLine, 500ms});
    framer.feed(lines(kTd3) + lines(kTd2, "\r") + lines(kTd1, "\n"), t0);
    EXPECT_EQ(takeAll(framer), (std::vector<Frame>{kTd3, kTd2, kTd1}));
}

TEST(MrzFramer, ToleratesReadsSplitAnywhere) {
    const std::string stream = "\x02" + lines(kTd3) + "\x03" + lines(kTd1);
    for (std::size_t chunk = 1; chunk <= 7; ++chunk) {
        MrzFramer framer({MrzTerminator::LastLine, 500ms});
        for (std::size_t at = 0; at < stream.size(); at += chunk) framer.feed(stream.substr(at, chunk), t0);
        EXPECT_EQ(takeAll(framer), (std::vector<Frame>{kTd3, kTd1})) << "chunk " << chunk;
    }
}

TEST(MrzFramer, SkipsNoiseLinesAndGarbageBetweenFrames) {
    MrzFramer framer({MrzTerminator::LastLine, 500ms});
    framer.feed("READER V2.1 READY\r\n\xff\xfe\x00\x01\r\n"s + kTd3[0].substr(0, 20) + "\r\n", t0);
    framer.feed("SHORT<<LINE\r\n" + lines(kTd3) + "\x1b[0m garbage\r\n" + lines(kTd2), t0);
    EXPECT_EQ(takeAll(framer), (std::vector<Frame>{kTd3, kTd2}));
    EXPECT_GE(framer.counts().noiseLines, 4u);
}

TEST(MrzFramer, TrimsPaddingAndControlBytesAroundALine) {
    MrzFramer framer({MrzTerminator::LastLine, 500ms});
    framer.feed("  "s + kTd3[0] + " \0\r\n\x02"s + kTd3[1] + "\t\r\n", t0);
    EXPECT_EQ(takeAll(framer), std::vector<Frame>{kTd3});
}

TEST(MrzFramer, ANoiseLineInsideAFrameBreaksIt) {
    MrzFramer framer({MrzTerminator::LastLine, 500ms});
    framer.feed(kTd3[0] + "\r\nNOT MRZ\r\n" + kTd3[1] + "\r\n", t0);
    EXPECT_TRUE(takeAll(framer).empty());
}

TEST(MrzFramer, BlankLineTerminatorWaitsForTheBlankLine) {
    MrzFramer framer({MrzTerminator::BlankLine, 500ms});
    framer.feed(lines(kTd2), t0);
    EXPECT_FALSE(framer.take());
    framer.feed("\r\n", t0);
    EXPECT_EQ(takeAll(framer), std::vector<Frame>{kTd2});
    framer.feed(kTd1[0] + "\r\n" + kTd1[1] + "\r\n" + kTd1[2] + "\r", t0);
    framer.feed("\n", t0);
    EXPECT_FALSE(framer.take()) << "the LF of a CR LF split across reads is not a blank line";
    framer.feed("\r\n", t0);
    EXPECT_EQ(takeAll(framer), std::vector<Frame>{kTd1});
}

TEST(MrzFramer, BlankLineTerminatorRejectsAnIncompleteFrame) {
    MrzFramer framer({MrzTerminator::BlankLine, 500ms});
    framer.feed(kTd3[0] + "\r\n\r\n" + lines(kTd3) + "\r\n", t0);
    EXPECT_EQ(takeAll(framer), std::vector<Frame>{kTd3});
    EXPECT_EQ(framer.counts().rejected, 1u);
}

TEST(MrzFramer, EtxTerminatorEndsAFrameAndStxStartsOne) {
    MrzFramer framer({MrzTerminator::Etx, 500ms});
    framer.feed("junk\r\n" + kTd3[0] + "\r\n\x02" + lines(kTd3), t0);
    EXPECT_FALSE(framer.take()) << "no ETX yet";
    framer.feed("\x03", t0);
    EXPECT_EQ(takeAll(framer), std::vector<Frame>{kTd3});
    framer.feed(lines(kTd3) + kTd1[0] + "\r" + kTd1[1] + "\r" + kTd1[2] + "\x03", t0);
    EXPECT_EQ(takeAll(framer), std::vector<Frame>{kTd1}) << "the TD3 without its ETX is dropped";
}

TEST(MrzFramer, AGapInsideAFrameDropsIt) {
    MrzFramer framer({MrzTerminator::LastLine, 500ms});
    framer.feed(kTd3[0] + "\r\n", t0);
    ASSERT_TRUE(framer.deadline());
    framer.feed(kTd3[1] + "\r\n", t0 + 600ms);
    EXPECT_FALSE(framer.take());
    framer.feed(lines(kTd3), t0 + 1200ms);
    EXPECT_EQ(takeAll(framer), std::vector<Frame>{kTd3});
    EXPECT_EQ(framer.counts().rejected, 2u);
}

TEST(MrzFramer, DisconnectDropsAHalfReadFrame) {
    MrzFramer framer({MrzTerminator::LastLine, 500ms});
    framer.feed(kTd3[0] + "\r\n" + kTd3[1].substr(0, 30), t0);
    framer.discardPartial();
    framer.feed(kTd3[1].substr(30) + "\r\n", t0 + 1ms);
    EXPECT_FALSE(framer.take());
    EXPECT_EQ(framer.counts().rejected, 1u);
}

TEST(MrzFramer, AVeryLongLineIsNoise) {
    MrzFramer framer({MrzTerminator::LastLine, 500ms});
    framer.feed(std::string(100'000, '<') + "\r\n" + lines(kTd2), t0);
    EXPECT_EQ(takeAll(framer), std::vector<Frame>{kTd2});
}

}  // namespace
