// The MRZ reader's decision on made-up character scores: what a field type or a check digit may
// correct, and every way a doubtful reading is refused.

#include "kiosk/vision/mrz_decision.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using kiosk::vision::decideMrz;
using kiosk::vision::kMrzClasses;
using kiosk::vision::mrzClassOf;
using kiosk::vision::MrzObservation;

// ICAO Doc 9303 specimens.
const std::vector<std::string> kTd3{"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                                    "L898902C36UTO7408122F1204159ZE184226B<<<<<10"};
const std::vector<std::string> kTd1{"I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
                                    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"};

// A clean reading of `lines`: 0.9 for the printed character, 0.3 for every other.
MrzObservation clean(const std::vector<std::string>& lines) {
    MrzObservation o;
    for (const auto& line : lines) {
        o.lines.emplace_back();
        for (const char c : line) {
            auto& s = o.lines.back().emplace_back();
            s.fill(0.3f);
            s[*mrzClassOf(c)] = 0.9f;
        }
    }
    return o;
}

void setScore(MrzObservation& o, std::size_t line, std::size_t column, char c, float score) {
    o.lines[line][column][*mrzClassOf(c)] = score;
}

TEST(MrzDecision, CleanPassportIsAccepted) {
    const auto v = decideMrz(clean(kTd3));
    EXPECT_TRUE(v.accepted) << v.reason;
    EXPECT_EQ(v.lines, kTd3);
    EXPECT_TRUE(v.corrections.empty());
}

TEST(MrzDecision, CleanIdCardIsAccepted) {
    const auto v = decideMrz(clean(kTd1));
    EXPECT_TRUE(v.accepted) << v.reason;
    EXPECT_EQ(v.lines, kTd1);
}

TEST(MrzDecision, DateTakesTheDigitEvenWhenTheLetterScoresHigher) {
    auto o = clean(kTd3);
    setScore(o, 1, 15, 'O', 0.95f);  // the 0 of the birth date "740812" looks more like an O
    const auto v = decideMrz(o);
    EXPECT_TRUE(v.accepted) << v.reason;
    EXPECT_EQ(v.lines, kTd3);
}

TEST(MrzDecision, NameTakesTheLetterEvenWhenTheDigitScoresHigher) {
    auto o = clean(kTd3);
    setScore(o, 0, 6, '8', 0.95f);  // the R of ERIKSSON, and the digit 8 far ahead of it
    setScore(o, 0, 6, 'R', 0.9f);
    const auto v = decideMrz(o);
    EXPECT_TRUE(v.accepted) << v.reason;
    EXPECT_EQ(v.lines, kTd3);
}

TEST(MrzDecision, UncertainNameCharacterIsRefused) {
    auto o = clean(kTd3);
    setScore(o, 0, 7, 'L', 0.89f);  // the I of ERIKSSON, with L nearly as likely: no check guards names
    const auto v = decideMrz(o);
    EXPECT_FALSE(v.accepted);
    EXPECT_EQ(v.reason, "unsure");
}

TEST(MrzDecision, UncertainCharacterIsFixedWhenOnlyItsRunnerUpPassesTheCheck) {
    auto o = clean(kTd3);
    setScore(o, 1, 1, '6', 0.91f);  // document number "L898902C3": the first 8 read as 6, but barely
    const auto v = decideMrz(o);
    ASSERT_TRUE(v.accepted) << v.reason;
    EXPECT_EQ(v.lines, kTd3);
    ASSERT_EQ(v.corrections.size(), 1u);
    EXPECT_EQ(v.corrections[0].from, '6');
    EXPECT_EQ(v.corrections[0].to, '8');
}

TEST(MrzDecision, ConfidentWrongCharacterIsRefusedNotGuessed) {
    auto o = clean(kTd3);
    setScore(o, 1, 1, '8', 0.3f);
    setScore(o, 1, 1, '6', 0.9f);
    const auto v = decideMrz(o);
    EXPECT_FALSE(v.accepted);
    EXPECT_EQ(v.reason, "checks");
}

TEST(MrzDecision, ReadingsTheCheckDigitsCannotTellApartAreRefused) {
    // 6 and G count 6 and 16: whichever is right, every check digit passes, so neither is taken.
    auto lines = kTd3;
    lines[1][3] = '6';
    // The specimen's number with a 6 in it, its check digits made to pass.
    lines[1][9] = static_cast<char>('0' + *kiosk::core::mrzCheckDigit(lines[1].substr(0, 9)));
    const std::string covered = lines[1].substr(0, 10) + lines[1].substr(13, 7) + lines[1].substr(21, 22);
    lines[1][43] = static_cast<char>('0' + *kiosk::core::mrzCheckDigit(covered));
    auto o = clean(lines);
    ASSERT_TRUE(decideMrz(o).accepted);
    setScore(o, 1, 3, 'G', 0.89f);
    const auto v = decideMrz(o);
    EXPECT_FALSE(v.accepted);
    EXPECT_EQ(v.reason, "ambiguous");
}

TEST(MrzDecision, LettersAfterTheFillersAreRefused) {
    auto lines = kTd3;
    lines[0][40] = 'X';  // "...<<<<X<<<": a name never resumes after its fillers
    const auto v = decideMrz(clean(lines));
    EXPECT_FALSE(v.accepted);
    EXPECT_EQ(v.reason, "fields");
}

// A first line read one cell off: the names line up as names, nothing guards them, and only the
// codes' form gives the shift away.
TEST(MrzDecision, FirstLineReadOneCellOffIsRefused) {
    const std::string shifted = "L" + kTd3[0].substr(0, 43);
    const auto v = decideMrz(clean({shifted, kTd3[1]}));
    EXPECT_FALSE(v.accepted);
    EXPECT_EQ(v.reason, "fields");
}

TEST(MrzDecision, StateCodeStartingWithAFillerIsRefused) {
    auto lines = kTd1;
    lines[0].replace(2, 3, "<UT");  // outside every check digit of a TD1
    const auto v = decideMrz(clean(lines));
    EXPECT_FALSE(v.accepted);
    EXPECT_EQ(v.reason, "fields");
}

TEST(MrzDecision, ImpossibleDateIsRefused) {
    auto lines = kTd1;
    lines[1][2] = '1';  // birth month 14
    lines[1][3] = '4';
    lines[1][6] = static_cast<char>('0' + *kiosk::core::mrzCheckDigit(lines[1].substr(0, 6)));
    const std::string covered =
        lines[0].substr(5, 25) + lines[1].substr(0, 7) + lines[1].substr(8, 7) + lines[1].substr(18, 11);
    lines[1][29] = static_cast<char>('0' + *kiosk::core::mrzCheckDigit(covered));
    const auto v = decideMrz(clean(lines));
    EXPECT_FALSE(v.accepted);
    EXPECT_EQ(v.reason, "fields");
}

TEST(MrzDecision, WrongShapeIsRefused) {
    const auto v = decideMrz(clean({std::string(40, '<'), std::string(40, '<')}));
    EXPECT_FALSE(v.accepted);
    EXPECT_EQ(v.reason, "shape");
}

TEST(MrzDecision, AverageOfFramesOutvotesOneBadFrame) {
    auto bad = clean(kTd3);
    setScore(bad, 0, 7, 'L', 0.95f);  // one frame reads the I as L, confidently
    const auto good = clean(kTd3);
    const auto mean = kiosk::vision::averageObservations({&good, &bad, &good});
    const auto v = decideMrz(mean);
    EXPECT_TRUE(v.accepted) << v.reason;
    EXPECT_EQ(v.lines, kTd3);
    EXPECT_EQ(mean.lines[0][7].size(), kMrzClasses);
}

}  // namespace
