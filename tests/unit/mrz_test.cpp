// Parsing MRZ text as read: the ICAO specimens, zones built by hand from fictional data (check
// digits computed independently of this code), and what is not an MRZ.

#include "kiosk/core/mrz.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace std::chrono;
using kiosk::Date;
using kiosk::core::Mrz;
using kiosk::core::mrzCheckDigit;
using kiosk::core::MrzChecks;
using kiosk::core::MrzFormat;
using kiosk::core::parseMrz;
using kiosk::core::Sex;

namespace {

const Date kToday{year{2026}, month{11}, day{28}};

Date d(int y, unsigned m, unsigned dd) { return Date{year{y}, month{m}, day{dd}}; }

// ICAO Doc 9303 specimens.
constexpr std::string_view kTd3Specimen =
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
constexpr std::string_view kTd1Specimen =
    "I<UTOD231458907<<<<<<<<<<<<<<<\n"
    "7408122F1204159UTO<<<<<<<<<<<6\n"
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";
constexpr std::string_view kTd1LongNumberSpecimen =
    "I<UTOD23145890<7349<<<<<<<<<<<\n"
    "7408122F1204159UTO<<<<<<<<<<<6\n"
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";
// Fictional people, check digits computed by hand.
constexpr std::string_view kTd2 =
    "I<UTOSTORM<<KARI<LINNEA<<<<<<<<<<<<<\n"
    "U7T3190450UTO8802299F3301018AB12<<<4";
constexpr std::string_view kMrvA =
    "V<UTOSTORM<<KARI<LINNEA<<<<<<<<<<<<<<<<<<<<<\n"
    "VZ44718390IDN9107049M2706306KDR<91<<<<<<<<<<";
constexpr std::string_view kMrvB =
    "V<UTOSTORM<<KARI<LINNEA<<<<<<<<<<<<<\n"
    "VZ44718390IDN9107049M2706306KDR<91<<";
constexpr std::string_view kIndonesian =
    "P<IDNWIBOWO<<ANDI<PRATAMA<<<<<<<<<<<<<<<<<<<\n"
    "X4379067<5IDN9508174M3105205<<<<<<<<<<<<<<02";

std::vector<std::string> codes(const Mrz& mrz) {
    std::vector<std::string> out;
    for (const auto& e : mrz.problems) out.push_back(e.code);
    return out;
}

std::string failedChecks(const MrzChecks& c) {
    std::string out;
    const auto add = [&](bool passed, const char* name) {
        if (!passed) out += out.empty() ? name : std::string(" ") + name;
    };
    add(c.documentNumber, "document_number");
    add(c.birthDate, "birth_date");
    add(c.expiryDate, "expiry_date");
    add(c.personalNumber, "personal_number");
    add(c.composite, "composite");
    return out;
}

// The failed checks named by the problems, in the same words as failedChecks.
std::string checkProblems(const Mrz& mrz) {
    constexpr std::string_view kPrefix = "mrz.check_digit.";
    std::string out;
    for (const auto& e : mrz.problems) {
        if (e.code.rfind(kPrefix, 0) != 0) continue;
        out += (out.empty() ? "" : " ") + e.code.substr(kPrefix.size());
    }
    return out;
}

char digit(std::string_view field) { return static_cast<char>('0' + mrzCheckDigit(field).value()); }

// An Indonesian-style TD3 around the given birth date, every check digit computed. mrzCheckDigit
// is itself checked against the ICAO specimen values in mrz_correction_test.cpp.
std::string indonesianBornOn(std::string_view yymmdd) {
    std::string line2 = "X4379067<5IDN" + std::string(yymmdd) + digit(yymmdd) + "M3105205<<<<<<<<<<<<<<0";
    line2 += digit(line2.substr(0, 10) + line2.substr(13, 7) + line2.substr(21, 22));
    return "P<IDNWIBOWO<<ANDI<PRATAMA<<<<<<<<<<<<<<<<<<<\n" + line2;
}

// Every field of a valid zone, as the CLI and the UI get it.
struct Fields {
    std::string_view zone;
    MrzFormat format;
    std::string_view code, issuer, surname, givenNames, number, nationality;
    Date birth;
    Sex sex;
    Date expiry;
    std::string_view personal, optional, optional2;
};

void PrintTo(const Fields& f, std::ostream* os) { *os << f.zone.substr(0, 5) << "... " << f.surname; }

class MrzFields : public testing::TestWithParam<Fields> {};

TEST_P(MrzFields, AreAllReadFromAValidZone) {
    const auto& want = GetParam();
    const auto mrz = parseMrz(want.zone, kToday);
    ASSERT_TRUE(mrz);
    EXPECT_TRUE(mrz->valid()) << failedChecks(mrz->checks);
    EXPECT_TRUE(mrz->checks.all());
    EXPECT_FALSE(mrz->corrected());
    EXPECT_EQ(mrz->format, want.format);
    EXPECT_EQ(mrz->documentCode, want.code);
    EXPECT_EQ(mrz->issuer, want.issuer);
    EXPECT_EQ(mrz->surname, want.surname);
    EXPECT_EQ(mrz->givenNames, want.givenNames);
    EXPECT_EQ(mrz->documentNumber, want.number);
    EXPECT_EQ(mrz->nationality, want.nationality);
    EXPECT_EQ(mrz->birthDate, want.birth);
    EXPECT_EQ(mrz->sex, want.sex);
    EXPECT_EQ(mrz->expiryDate, want.expiry);
    EXPECT_EQ(mrz->personalNumber, want.personal);
    EXPECT_EQ(mrz->optionalData, want.optional);
    EXPECT_EQ(mrz->optionalData2, want.optional2);
    EXPECT_EQ(mrz->text(), want.zone);
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(Table, MrzFields, testing::Values(
    Fields{kTd3Specimen, MrzFormat::Td3, "P", "UTO", "ERIKSSON", "ANNA MARIA", "L898902C3", "UTO",
           d(1974, 8, 12), Sex::Female, d(2012, 4, 15), "ZE184226B", "", ""},
    Fields{kTd1Specimen, MrzFormat::Td1, "I", "UTO", "ERIKSSON", "ANNA MARIA", "D23145890", "UTO",
           d(1974, 8, 12), Sex::Female, d(2012, 4, 15), "", "", ""},
    // A document number longer than 9 characters continues in the optional data.
    Fields{kTd1LongNumberSpecimen, MrzFormat::Td1, "I", "UTO", "ERIKSSON", "ANNA MARIA", "D23145890734", "UTO",
           d(1974, 8, 12), Sex::Female, d(2012, 4, 15), "", "", ""},
    Fields{kTd2, MrzFormat::Td2, "I", "UTO", "STORM", "KARI LINNEA", "U7T319045", "UTO",
           d(1988, 2, 29), Sex::Female, d(2033, 1, 1), "", "AB12", ""},
    Fields{kMrvA, MrzFormat::MrvA, "V", "UTO", "STORM", "KARI LINNEA", "VZ4471839", "IDN",
           d(1991, 7, 4), Sex::Male, d(2027, 6, 30), "", "KDR<91", ""},
    Fields{kMrvB, MrzFormat::MrvB, "V", "UTO", "STORM", "KARI LINNEA", "VZ4471839", "IDN",
           d(1991, 7, 4), Sex::Male, d(2027, 6, 30), "", "KDR<91", ""},
    Fields{kIndonesian, MrzFormat::Td3, "P", "IDN", "WIBOWO", "ANDI PRATAMA", "X4379067", "IDN",
           d(1995, 8, 17), Sex::Male, d(2031, 5, 20), "", "", ""},
    // A single name is the surname.
    Fields{"P<IDNSETIAWATI<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
           "X4379067<5IDN0203030F3105205<<<<<<<<<<<<<<06", MrzFormat::Td3, "P", "IDN", "SETIAWATI", "", "X4379067", "IDN",
           d(2002, 3, 3), Sex::Female, d(2031, 5, 20), "", "", ""},
    // Runs of fillers between words become one space.
    Fields{"P<UTOVAN<DER<BERG<<ANNA<<<MARIA<<<<<<<<<<<<<\n"
           "X4379067<5UTO8802299F3301018<<<<<<<<<<<<<<06", MrzFormat::Td3, "P", "UTO", "VAN DER BERG", "ANNA MARIA",
           "X4379067", "UTO", d(1988, 2, 29), Sex::Female, d(2033, 1, 1), "", "", ""},
    // Fillers are trimmed from codes and kept inside optional data; '<' as sex is unspecified.
    Fields{"IDD<<X4379067<5<<<<<<<<<<<<<<<\n8802299<3301018D<<OPT2<X<<<<<5\nMULLER<<KARL<<<<<<<<<<<<<<<<<<",
           MrzFormat::Td1, "ID", "D", "MULLER", "KARL", "X4379067", "D", d(1988, 2, 29), Sex::Unspecified,
           d(2033, 1, 1), "", "", "OPT2<X"}));
// clang-format on

TEST(Mrz, ChecksAVisaLacksAreReportedAsPassing) {
    const auto mrz = parseMrz(kMrvA, kToday);
    ASSERT_TRUE(mrz);
    EXPECT_TRUE(mrz->checks.personalNumber);
    EXPECT_TRUE(mrz->checks.composite);
}

struct Flip {
    std::string_view zone;
    std::size_t line;
    std::size_t column;
    std::string failed;  // the checks ICAO ties to this digit: its own, and the composite over it
};

void PrintTo(const Flip& flip, std::ostream* os) {
    *os << flip.zone.substr(0, 5) << " line " << flip.line << " column " << flip.column;
}

class MrzCheckDigitFlip : public testing::TestWithParam<Flip> {};

TEST_P(MrzCheckDigitFlip, FailsExactlyTheChecksOverThatDigit) {
    const auto& flip = GetParam();
    std::string zone(flip.zone);
    const std::size_t at = flip.line * (zone.find('\n') + 1) + flip.column;
    zone[at] = zone[at] == '<' ? '1' : static_cast<char>('0' + (zone[at] - '0' + 1) % 10);
    const auto mrz = parseMrz(zone, kToday);
    ASSERT_TRUE(mrz);
    EXPECT_FALSE(mrz->valid());
    EXPECT_EQ(failedChecks(mrz->checks), flip.failed) << zone;
    EXPECT_EQ(checkProblems(*mrz), flip.failed);
}

INSTANTIATE_TEST_SUITE_P(
    Table, MrzCheckDigitFlip,
    testing::Values(
        Flip{kTd3Specimen, 1, 9, "document_number composite"}, Flip{kTd3Specimen, 1, 19, "birth_date composite"},
        Flip{kTd3Specimen, 1, 27, "expiry_date composite"}, Flip{kTd3Specimen, 1, 42, "personal_number composite"},
        Flip{kTd3Specimen, 1, 43, "composite"}, Flip{kIndonesian, 1, 42, "personal_number composite"},
        Flip{kTd1Specimen, 0, 14, "document_number composite"}, Flip{kTd1Specimen, 1, 6, "birth_date composite"},
        Flip{kTd1Specimen, 1, 14, "expiry_date composite"}, Flip{kTd1Specimen, 1, 29, "composite"},
        Flip{kTd2, 1, 9, "document_number composite"}, Flip{kTd2, 1, 19, "birth_date composite"},
        Flip{kTd2, 1, 27, "expiry_date composite"}, Flip{kTd2, 1, 35, "composite"},
        Flip{kMrvA, 1, 9, "document_number"}, Flip{kMrvA, 1, 19, "birth_date"}, Flip{kMrvA, 1, 27, "expiry_date"},
        Flip{kMrvB, 1, 9, "document_number"}, Flip{kMrvB, 1, 19, "birth_date"}, Flip{kMrvB, 1, 27, "expiry_date"}));

TEST(Mrz, ProblemsNameTheFailedCheck) {
    const auto mrz =
        parseMrz("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408123F1204159ZE184226B<<<<<10", kToday);
    ASSERT_TRUE(mrz);
    EXPECT_EQ(codes(*mrz), (std::vector<std::string>{"mrz.check_digit.birth_date", "mrz.check_digit.composite"}));
}

struct PersonalCheck {
    std::string_view zone;
    bool valid;
};

class MrzEmptyPersonalNumber : public testing::TestWithParam<PersonalCheck> {};

// An empty personal number's check digit may be '<' or '0'; a filled one needs its digit.
TEST_P(MrzEmptyPersonalNumber, CheckDigitMayBeFillerOrZero) {
    const auto mrz = parseMrz(GetParam().zone, kToday);
    ASSERT_TRUE(mrz);
    EXPECT_EQ(mrz->checks.personalNumber, GetParam().valid) << GetParam().zone;
    EXPECT_EQ(mrz->valid(), GetParam().valid);
}

INSTANTIATE_TEST_SUITE_P(
    Table, MrzEmptyPersonalNumber,
    testing::Values(
        PersonalCheck{"P<IDNWIBOWO<<ANDI<PRATAMA<<<<<<<<<<<<<<<<<<<\nX4379067<5IDN9508174M3105205<<<<<<<<<<<<<<02",
                      true},
        PersonalCheck{"P<IDNWIBOWO<<ANDI<PRATAMA<<<<<<<<<<<<<<<<<<<\nX4379067<5IDN9508174M3105205<<<<<<<<<<<<<<<2",
                      true},
        PersonalCheck{"P<IDNWIBOWO<<ANDI<PRATAMA<<<<<<<<<<<<<<<<<<<\nX4379067<5IDN9508174M3105205<<<<<<<<<<<<<<52",
                      false},
        PersonalCheck{"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<<0",
                      false}));

struct Variant {
    std::string text;
};

class MrzNormalising : public testing::TestWithParam<Variant> {};

TEST_P(MrzNormalising, GivesTheSpecimenLines) {
    const auto mrz = parseMrz(GetParam().text, kToday);
    ASSERT_TRUE(mrz) << mrz.error().code;
    EXPECT_EQ(mrz->text(), kTd3Specimen);
    EXPECT_TRUE(mrz->valid());
}

INSTANTIATE_TEST_SUITE_P(
    Table, MrzNormalising,
    testing::Values(
        Variant{"p<utoeriksson<<anna<maria<<<<<<<<<<<<<<<<<<<\nl898902c36uto7408122f1204159ze184226b<<<<<10"},
        Variant{"P<UTO ERIKSSON<<ANNA<MARIA <<<<<<<<<<<<<<<<<<<\nL898902C3 6 UTO 7408122 F 1204159 ZE184226B<<<<<1 0"},
        Variant{"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\r\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\r\n"},
        Variant{"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\rL898902C36UTO7408122F1204159ZE184226B<<<<<10"},
        Variant{"\n\n  \t P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n\n "
                "\n\tL898902C36UTO7408122F1204159ZE184226B<<<<<10 \n\n"},
        Variant{"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<L898902C36UTO7408122F1204159ZE184226B<<<<<10"}));

struct NotAnMrz {
    std::string text;
    std::string code;
};

void PrintTo(const NotAnMrz& c, std::ostream* os) { *os << c.code << " (" << c.text.size() << " bytes)"; }

class MrzRejected : public testing::TestWithParam<NotAnMrz> {};

TEST_P(MrzRejected, WithAStableCode) {
    const auto mrz = parseMrz(GetParam().text, kToday);
    ASSERT_FALSE(mrz);
    EXPECT_EQ(mrz.error().code, GetParam().code);
}

INSTANTIATE_TEST_SUITE_P(
    Table, MrzRejected,
    testing::Values(
        NotAnMrz{"", "mrz.empty"}, NotAnMrz{" \r\n\t\n  ", "mrz.empty"}, NotAnMrz{"hello, world", "mrz.characters"},
        NotAnMrz{std::string(kTd3Specimen) + "\xC3\xA9", "mrz.characters"},
        NotAnMrz{std::string(1 << 20, '\x01'), "mrz.characters"}, NotAnMrz{std::string(1 << 20, '<'), "mrz.shape"},
        NotAnMrz{std::string(1 << 20, '\n') + "A\nB\nC\nD", "mrz.shape"}, NotAnMrz{"hello world", "mrz.shape"},
        NotAnMrz{std::string(kTd3Specimen.substr(0, kTd3Specimen.size() - 1)), "mrz.shape"},
        NotAnMrz{std::string(kTd3Specimen) + "<", "mrz.shape"},
        NotAnMrz{std::string(kTd3Specimen.substr(0, 44)), "mrz.shape"},
        NotAnMrz{std::string(kTd1Specimen.substr(0, 61)), "mrz.shape"},
        NotAnMrz{std::string(kTd1Specimen) + "\n" + std::string(30, '<'), "mrz.shape"},
        NotAnMrz{std::string(kTd2.substr(0, 37)) + std::string(44, '<'), "mrz.shape"}));

struct Birth {
    std::string_view yymmdd;
    Date expected;
};

class MrzBirthCentury : public testing::TestWithParam<Birth> {};

// Reference day 2026-11-28: a birth date is never after it.
TEST_P(MrzBirthCentury, KeepsTheBirthDateOnOrBeforeTheReference) {
    const auto mrz = parseMrz(indonesianBornOn(GetParam().yymmdd), kToday);
    ASSERT_TRUE(mrz);
    EXPECT_TRUE(mrz->valid());
    EXPECT_EQ(mrz->birthDate, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Table, MrzBirthCentury,
                         testing::Values(Birth{"261128", d(2026, 11, 28)}, Birth{"261129", d(1926, 11, 29)},
                                         Birth{"261027", d(2026, 10, 27)}, Birth{"270101", d(1927, 1, 1)},
                                         Birth{"000101", d(2000, 1, 1)}, Birth{"000229", d(2000, 2, 29)},
                                         Birth{"991231", d(1999, 12, 31)}, Birth{"080808", d(2008, 8, 8)}));

TEST(Mrz, ExpiryIsAlwaysThisCentury) {
    const auto mrz = parseMrz(kTd2, d(2026, 11, 28));
    ASSERT_TRUE(mrz);
    EXPECT_EQ(mrz->expiryDate, d(2033, 1, 1));
}

struct BadDate {
    std::string_view yymmdd;
};

class MrzImpossibleBirthDate : public testing::TestWithParam<BadDate> {};

TEST_P(MrzImpossibleBirthDate, IsReportedWhileItsCheckDigitPasses) {
    const auto mrz = parseMrz(indonesianBornOn(GetParam().yymmdd), kToday);
    ASSERT_TRUE(mrz);
    EXPECT_FALSE(mrz->birthDate);
    EXPECT_TRUE(mrz->checks.all());
    EXPECT_EQ(codes(*mrz), std::vector<std::string>{"mrz.birth_date"});
}

INSTANTIATE_TEST_SUITE_P(Table, MrzImpossibleBirthDate,
                         testing::Values(BadDate{"951317"}, BadDate{"950230"}, BadDate{"950000"}, BadDate{"950431"},
                                         BadDate{"950229"}, BadDate{"<<<<<<"}));

TEST(Mrz, ImpossibleExpiryDateIsReported) {
    // TD2 with expiry 33-13-01, check digits computed by hand.
    const auto mrz = parseMrz(
        "I<UTOSTORM<<KARI<LINNEA<<<<<<<<<<<<<\n"
        "U7T3190450UTO8802299F3313013AB12<<<4",
        kToday);
    ASSERT_TRUE(mrz);
    EXPECT_FALSE(mrz->expiryDate);
    EXPECT_TRUE(mrz->checks.all());
    EXPECT_EQ(codes(*mrz), std::vector<std::string>{"mrz.expiry_date"});
}

TEST(Mrz, UnknownSexIsAProblem) {
    const auto mrz =
        parseMrz("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122Q1204159ZE184226B<<<<<10", kToday);
    ASSERT_TRUE(mrz);
    EXPECT_FALSE(mrz->sex);
    EXPECT_EQ(codes(*mrz), std::vector<std::string>{"mrz.sex"});
}

TEST(Mrz, ParsingLeavesADigitInANameAsAProblem) {
    const auto mrz =
        parseMrz("P<UT0ER1KSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10", kToday);
    ASSERT_TRUE(mrz);
    EXPECT_FALSE(mrz->corrected());
    EXPECT_EQ(mrz->surname, "ER1KSSON");
    EXPECT_EQ(codes(*mrz), (std::vector<std::string>{"mrz.issuer", "mrz.names"}));
}

TEST(Mrz, FormatNamesAreThoseOfTheJson) {
    using kiosk::core::mrzFormatName;
    EXPECT_EQ(mrzFormatName(MrzFormat::Td1), "TD1");
    EXPECT_EQ(mrzFormatName(MrzFormat::Td2), "TD2");
    EXPECT_EQ(mrzFormatName(MrzFormat::Td3), "TD3");
    EXPECT_EQ(mrzFormatName(MrzFormat::MrvA), "MRVA");
    EXPECT_EQ(mrzFormatName(MrzFormat::MrvB), "MRVB");
}

}  // namespace
