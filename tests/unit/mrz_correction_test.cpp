// OCR repair through readMrz: fixed when the field type or the check digits leave one reading,
// left as read (and reported) when they do not. Zones are the ICAO specimens or fictional people,
// check digits computed by hand; each misread is one an OCR-B reader makes.

#include "kiosk/core/mrz_correction.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/mrz.h"

using namespace std::chrono;
using kiosk::Date;
using kiosk::core::Mrz;
using kiosk::core::mrzCheckDigit;
using kiosk::core::MrzCorrection;
using kiosk::core::parseMrz;
using kiosk::core::readMrz;

namespace {

const Date kToday{year{2026}, month{11}, day{28}};

constexpr std::string_view kTd3Specimen =
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
constexpr std::string_view kTd1Specimen =
    "I<UTOD231458907<<<<<<<<<<<<<<<\n"
    "7408122F1204159UTO<<<<<<<<<<<6\n"
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";
constexpr std::string_view kIndonesian =
    "P<IDNWIBOWO<<ANDI<PRATAMA<<<<<<<<<<<<<<<<<<<\n"
    "X4379067<5IDN9508174M3105205<<<<<<<<<<<<<<02";
constexpr std::string_view kStormLine1 = "P<UTOSTORM<<KARI<LINNEA<<<<<<<<<<<<<<<<<<<<<\n";

std::vector<std::string> codes(const Mrz& mrz) {
    std::vector<std::string> out;
    for (const auto& e : mrz.problems) out.push_back(e.code);
    return out;
}

std::string zone(std::string_view line1, std::string_view rest) { return std::string(line1) + std::string(rest); }

struct CheckDigitCase {
    std::string_view field;
    std::optional<int> digit;
};

class MrzCheckDigit : public testing::TestWithParam<CheckDigitCase> {};

TEST_P(MrzCheckDigit, IsSevenThreeOneOverCharacterValues) {
    EXPECT_EQ(mrzCheckDigit(GetParam().field), GetParam().digit) << GetParam().field;
}

INSTANTIATE_TEST_SUITE_P(IcaoSpecimens, MrzCheckDigit,
                         testing::Values(CheckDigitCase{"L898902C3", 6}, CheckDigitCase{"740812", 2},
                                         CheckDigitCase{"120415", 9}, CheckDigitCase{"ZE184226B<<<<<", 1},
                                         CheckDigitCase{"D23145890", 7}, CheckDigitCase{"D23145890734", 9},
                                         CheckDigitCase{"L898902C3674081221204159ZE184226B<<<<<1", 0},
                                         CheckDigitCase{"", 0}, CheckDigitCase{"<<<<<<<<<<<<<<", 0},
                                         CheckDigitCase{"l898902c3", std::nullopt},
                                         CheckDigitCase{"L898 902C3", std::nullopt}));

class MrzValidReading : public testing::TestWithParam<std::string_view> {};

TEST_P(MrzValidReading, IsNeverChanged) {
    const auto read = readMrz(GetParam(), kToday);
    ASSERT_TRUE(read);
    EXPECT_TRUE(read->valid());
    EXPECT_FALSE(read->corrected());
    EXPECT_EQ(read->text(), GetParam());
}

INSTANTIATE_TEST_SUITE_P(Table, MrzValidReading, testing::Values(kTd3Specimen, kTd1Specimen, kIndonesian));

struct Misread {
    std::string read;
    std::string truth;
    std::vector<MrzCorrection> corrections;
};

void PrintTo(const Misread& misread, std::ostream* os) { *os << misread.read; }

class MrzFieldTypeRepair : public testing::TestWithParam<Misread> {};

// A letter where only digits are legal, or a digit where only letters are, has one reading.
TEST_P(MrzFieldTypeRepair, TurnsTheCharacterIntoItsTwin) {
    const auto mrz = readMrz(GetParam().read, kToday);
    ASSERT_TRUE(mrz);
    EXPECT_TRUE(mrz->valid()) << mrz->text();
    EXPECT_TRUE(mrz->corrected());
    EXPECT_EQ(mrz->corrections, GetParam().corrections);
    EXPECT_EQ(mrz->text(), GetParam().truth);
}

const std::string kTd3Line1(kTd3Specimen.substr(0, 45));
const std::string kTd3Line2(kTd3Specimen.substr(45));

INSTANTIATE_TEST_SUITE_P(
    Table, MrzFieldTypeRepair,
    testing::Values(
        // Numeric fields: dates and check digits.
        Misread{
            kTd3Line1 + "L898902C36UTO74O8122F1204159ZE184226B<<<<<10", std::string(kTd3Specimen), {{1, 15, 'O', '0'}}},
        Misread{kTd3Line1 + "L898902C36UTO7408122FI2O4159ZE184226B<<<<<10",
                std::string(kTd3Specimen),
                {{1, 21, 'I', '1'}, {1, 23, 'O', '0'}}},
        Misread{
            kTd3Line1 + "L898902C3GUTO7408122F1204159ZE184226B<<<<<10", std::string(kTd3Specimen), {{1, 9, 'G', '6'}}},
        Misread{
            kTd3Line1 + "L898902C36UTO740812ZF1204159ZE184226B<<<<<10", std::string(kTd3Specimen), {{1, 19, 'Z', '2'}}},
        Misread{
            kTd3Line1 + "L898902C36UTO7408122F12041S9ZE184226B<<<<<10", std::string(kTd3Specimen), {{1, 26, 'S', '5'}}},
        Misread{
            kTd3Line1 + "L898902C36UTO7408122F1204159ZE184226B<<<<<I0", std::string(kTd3Specimen), {{1, 42, 'I', '1'}}},
        Misread{
            kTd3Line1 + "L898902C36UTO7408122F1204159ZE184226B<<<<<1O", std::string(kTd3Specimen), {{1, 43, 'O', '0'}}},
        // Letter fields: document code, issuer, nationality, names.
        Misread{"P<UT0ERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" + kTd3Line2,
                std::string(kTd3Specimen),
                {{0, 4, '0', 'O'}}},
        Misread{
            kTd3Line1 + "L898902C36UT07408122F1204159ZE184226B<<<<<10", std::string(kTd3Specimen), {{1, 12, '0', 'O'}}},
        Misread{"P<UTOER1KSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" + kTd3Line2,
                std::string(kTd3Specimen),
                {{0, 7, '1', 'I'}}},
        Misread{"P<UTOERIKSSON<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<\n" + kTd3Line2,
                std::string(kTd3Specimen),
                {{0, 23, '1', 'I'}}},
        Misread{"1<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<",
                std::string(kTd1Specimen),
                {{0, 0, '1', 'I'}}},
        Misread{"I<UTOD231458907<<<<<<<<<<<<<<<\n74O8I22F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<",
                std::string(kTd1Specimen),
                {{1, 2, 'O', '0'}, {1, 4, 'I', '1'}}},
        Misread{"I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIK5SON<<ANNA<MARIA<<<<<<<<<<",
                std::string(kTd1Specimen),
                {{2, 4, '5', 'S'}}}));

class MrzCheckDigitRepair : public testing::TestWithParam<Misread> {};

// A document or personal number may hold letters and digits; when its check fails and exactly one
// look-alike reading passes every check, that reading is taken and reported.
TEST_P(MrzCheckDigitRepair, TakesTheOnlyReadingThatPassesEveryCheck) {
    const auto mrz = readMrz(GetParam().read, kToday);
    ASSERT_TRUE(mrz);
    EXPECT_TRUE(mrz->valid()) << mrz->text();
    EXPECT_TRUE(mrz->corrected());
    EXPECT_EQ(mrz->corrections, GetParam().corrections);
    EXPECT_EQ(mrz->text(), GetParam().truth);
}

INSTANTIATE_TEST_SUITE_P(
    Table, MrzCheckDigitRepair,
    testing::Values(
        Misread{zone(kIndonesian.substr(0, 45), "X4379O67<5IDN9508174M3105205<<<<<<<<<<<<<<02"),
                std::string(kIndonesian),
                {{1, 5, 'O', '0'}}},
        Misread{zone(kStormLine1, "X4389067<3UTO8802299F3301018<<<<<<<<<<<<<<00"),
                zone(kStormLine1, "X43B9067<3UTO8802299F3301018<<<<<<<<<<<<<<00"),
                {{1, 3, '8', 'B'}}},
        Misread{zone(kStormLine1, "X4379067<5UTO8802299F3301018K7C4X29<<<<<<<82"),
                zone(kStormLine1, "X4379067<5UTO8802299F3301018K7C4XZ9<<<<<<<82"),
                {{1, 33, '2', 'Z'}}},
        Misread{"I<UTOX43794673<74O3<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<",
                "I<UTOX43794673<7403<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<",
                {{0, 17, 'O', '0'}}},
        // Field type first, then the check digits.
        Misread{zone(kIndonesian.substr(0, 45), "X4379O67<5IDN95O8174M3105205<<<<<<<<<<<<<<02"),
                std::string(kIndonesian),
                {{1, 15, 'O', '0'}, {1, 5, 'O', '0'}}}));

class MrzAmbiguousReading : public testing::TestWithParam<std::string> {};

// Several readings pass every check, or too many look-alikes to try: nothing is picked.
TEST_P(MrzAmbiguousReading, IsLeftAsReadAndReported) {
    const auto mrz = readMrz(GetParam(), kToday);
    ASSERT_TRUE(mrz);
    EXPECT_FALSE(mrz->valid());
    EXPECT_FALSE(mrz->corrected());
    EXPECT_EQ(mrz->text(), GetParam());
    const auto found = codes(*mrz);
    EXPECT_NE(std::find(found.begin(), found.end(), "mrz.ambiguous"), found.end());
}

INSTANTIATE_TEST_SUITE_P(Table, MrzAmbiguousReading,
                         testing::Values(
                             // L898902C3 read with B for 8: LB9B902C3 and LB9890ZC3 pass as well as the truth.
                             kTd3Line1 + "LB98902C36UTO7408122F1204159ZE184226B<<<<<10",
                             // ZE184226B read with 2 for Z: eight other readings pass every check.
                             kTd3Line1 + "L898902C36UTO7408122F12041592E184226B<<<<<10",
                             // 22 look-alikes under failing checks: more than the search tries.
                             zone(kStormLine1, "88B8B8B8B1UTO8802299F33010185SSSSSSSSSSSS<80")));

TEST(MrzRepair, NoPassingReadingLeavesTheTextAsRead) {
    // 3 read as 8 is not a look-alike pair: no reading passes, nothing is changed.
    const std::string read = zone(kIndonesian.substr(0, 45), "X4879067<5IDN9508174M3105205<<<<<<<<<<<<<<02");
    const auto mrz = readMrz(read, kToday);
    ASSERT_TRUE(mrz);
    EXPECT_FALSE(mrz->corrected());
    EXPECT_EQ(mrz->text(), read);
    EXPECT_EQ(codes(*mrz), (std::vector<std::string>{"mrz.check_digit.document_number", "mrz.check_digit.composite"}));
}

TEST(MrzRepair, AFieldWhoseCheckPassesIsNotTried) {
    // The document number X4379067 holds a look-alike (0) but passes its check: only the failing
    // personal number is searched.
    const auto mrz = readMrz(zone(kStormLine1, "X4379067<5UTO8802299F3301018K7C4X29<<<<<<<82"), kToday);
    ASSERT_TRUE(mrz);
    ASSERT_EQ(mrz->corrections.size(), 1u);
    EXPECT_EQ(mrz->corrections[0].column, 33u);
}

TEST(MrzRepair, OptionalDataGuardedOnlyByTheCompositeIsNotChanged) {
    // TD1 optional data AB0 read as ABO: the composite fails but cannot say which field is wrong.
    const std::string read =
        "I<UTOD231458907ABO<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<7\nERIKSSON<<ANNA<MARIA<<<<<<<<<<";
    const auto mrz = readMrz(read, kToday);
    ASSERT_TRUE(mrz);
    EXPECT_FALSE(mrz->corrected());
    EXPECT_EQ(mrz->text(), read);
    EXPECT_EQ(codes(*mrz), std::vector<std::string>{"mrz.check_digit.composite"});
}

TEST(MrzRepair, VisaOptionalDataWithoutCheckIsNeverChanged) {
    const auto mrz = readMrz(
        "V<UTOSTORM<<KARI<LINNEA<<<<<<<<<<<<<<<<<<<<<\n"
        "VZ44718390IDN9107049M2706306KDR<9I<<<<<<<<<<",
        kToday);
    ASSERT_TRUE(mrz);
    EXPECT_TRUE(mrz->valid());
    EXPECT_FALSE(mrz->corrected());
    EXPECT_EQ(mrz->optionalData, "KDR<9I");
}

TEST(MrzRepair, SixReadAsGInADocumentNumberIsInvisibleToCheckDigits) {
    // G counts 16, 6 counts 6: every weight gives the same check digit, so neither is preferred.
    const auto mrz = readMrz(zone(kIndonesian.substr(0, 45), "X43790G7<5IDN9508174M3105205<<<<<<<<<<<<<<02"), kToday);
    ASSERT_TRUE(mrz);
    EXPECT_FALSE(mrz->corrected());
    EXPECT_EQ(mrz->documentNumber, "X43790G7");
}

TEST(MrzRepair, IsReportedEvenWhenTheZoneStaysInvalid) {
    // O in the birth date is repaired; X has no digit twin and stays.
    const auto mrz = readMrz(kTd3Line1 + "L898902C36UTO74O8X22F1204159ZE184226B<<<<<10", kToday);
    ASSERT_TRUE(mrz);
    EXPECT_FALSE(mrz->valid());
    EXPECT_EQ(mrz->corrections, (std::vector<MrzCorrection>{{1, 15, 'O', '0'}}));
    EXPECT_FALSE(mrz->birthDate);
}

TEST(MrzRepair, ParsingAloneRepairsNothing) {
    const auto mrz = parseMrz(kTd3Line1 + "L898902C36UTO74O8122F1204159ZE184226B<<<<<10", kToday);
    ASSERT_TRUE(mrz);
    EXPECT_FALSE(mrz->corrected());
    EXPECT_FALSE(mrz->birthDate);
}

TEST(MrzRepair, LowerCaseIsNormalisedBeforeRepair) {
    const auto mrz =
        readMrz("p<utoeriksson<<anna<maria<<<<<<<<<<<<<<<<<<<\nl898902c36uto74o8122f1204159ze184226b<<<<<10", kToday);
    ASSERT_TRUE(mrz);
    EXPECT_TRUE(mrz->valid());
    EXPECT_EQ(mrz->corrections, (std::vector<MrzCorrection>{{1, 15, 'O', '0'}}));
}

TEST(MrzRepair, GarbageIsStillNotAnMrz) {
    EXPECT_EQ(readMrz(std::string(1 << 20, 'O'), kToday).error().code, "mrz.shape");
    EXPECT_EQ(readMrz("", kToday).error().code, "mrz.empty");
}

}  // namespace
