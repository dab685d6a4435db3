#include "kiosk/core/nik.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/unit/test_nik.h"

using namespace std::chrono;
using kiosk::Date;
using kiosk::core::checkNik;
using kiosk::core::Sex;
using kiosk::test::composeNik;

namespace {

const Date kToday{year{2026}, month{11}, day{28}};

Date d(int y, unsigned m, unsigned dd) { return Date{year{y}, month{m}, day{dd}}; }

std::vector<std::string> codes(const std::vector<kiosk::Error>& errors) {
    std::vector<std::string> out;
    for (const auto& e : errors) out.push_back(e.code);
    return out;
}

TEST(Nik, ReadsEveryFieldOfAValidMaleNik) {
    const auto check = checkNik(composeNik(35, 9, 12, 17, 8, 95, 3), kToday);
    EXPECT_TRUE(check.valid());
    EXPECT_TRUE(check.warnings.empty());
    EXPECT_EQ(check.provinceCode, "35");
    EXPECT_EQ(check.provinceName, "Jawa Timur");
    EXPECT_EQ(check.regencyCode, "09");
    EXPECT_EQ(check.districtCode, "12");
    EXPECT_EQ(check.birthDate, d(1995, 8, 17));
    EXPECT_EQ(check.sex, Sex::Male);
    EXPECT_EQ(check.serial, "0003");
}

TEST(Nik, FemaleDayHasFortyAdded) {
    const auto check = checkNik(composeNik(53, 6, 1, 41 + 9, 3, 1, 27), kToday);
    EXPECT_TRUE(check.valid());
    EXPECT_EQ(check.sex, Sex::Female);
    EXPECT_EQ(check.birthDate, d(2001, 3, 10));
}

TEST(Nik, StripsSpacesDotsAndDashes) {
    const auto plain = composeNik(33, 13, 5, 5, 5, 90, 12);
    const auto grouped =
        plain.substr(0, 6) + " " + plain.substr(6, 6) + "." + plain.substr(12, 2) + "-" + plain.substr(14);
    const auto check = checkNik(grouped, kToday);
    EXPECT_TRUE(check.valid());
    EXPECT_EQ(check.digits, plain);
}

struct BadNik {
    std::string nik;
    std::string error;
};

class NikHardErrors : public testing::TestWithParam<BadNik> {};

TEST_P(NikHardErrors, AreReported) {
    const auto check = checkNik(GetParam().nik, kToday);
    EXPECT_FALSE(check.valid());
    const auto found = codes(check.errors);
    EXPECT_NE(std::find(found.begin(), found.end(), GetParam().error), found.end())
        << GetParam().nik << " should report " << GetParam().error;
}

INSTANTIATE_TEST_SUITE_P(
    Table, NikHardErrors,
    testing::Values(
        BadNik{"", "nik.length"}, BadNik{"123456789012345", "nik.length"}, BadNik{"12345678901234567", "nik.length"},
        BadNik{std::string(100000, '7'), "nik.length"}, BadNik{"35091217089500O3", "nik.characters"},
        BadNik{"3509121708950003\n", "nik.characters"}, BadNik{composeNik(35, 9, 12, 17, 13, 95, 3), "nik.month"},
        BadNik{composeNik(35, 9, 12, 17, 0, 95, 3), "nik.month"}, BadNik{composeNik(35, 9, 12, 0, 8, 95, 3), "nik.day"},
        BadNik{composeNik(35, 9, 12, 32, 8, 95, 3), "nik.day"}, BadNik{composeNik(35, 9, 12, 40, 8, 95, 3), "nik.day"},
        BadNik{composeNik(35, 9, 12, 72, 8, 95, 3), "nik.day"}, BadNik{composeNik(35, 9, 12, 31, 4, 95, 3), "nik.date"},
        BadNik{composeNik(35, 9, 12, 40 + 30, 2, 96, 3), "nik.date"},
        BadNik{composeNik(35, 9, 12, 29, 2, 95, 3), "nik.date"},
        BadNik{composeNik(35, 9, 12, 17, 8, 95, 0), "nik.serial"},
        BadNik{composeNik(35, 0, 12, 17, 8, 95, 3), "nik.regency"},
        BadNik{composeNik(35, 9, 0, 17, 8, 95, 3), "nik.district"}));

TEST(Nik, LeapDayIsValidInALeapYear) {
    const auto check = checkNik(composeNik(35, 9, 12, 29, 2, 96, 3), kToday);
    EXPECT_TRUE(check.valid());
    EXPECT_EQ(check.birthDate, d(1996, 2, 29));
}

TEST(Nik, KeepsReadableFieldsWhenInvalid) {
    const auto check = checkNik(composeNik(35, 9, 12, 17, 8, 95, 0), kToday);
    EXPECT_FALSE(check.valid());
    EXPECT_EQ(check.birthDate, d(1995, 8, 17));
    EXPECT_EQ(check.serial, "0000");
}

TEST(Nik, UnknownProvinceIsOnlyAWarning) {
    const auto check = checkNik(composeNik(99, 1, 1, 1, 1, 90, 1), kToday);
    EXPECT_TRUE(check.valid());
    EXPECT_EQ(codes(check.warnings), std::vector<std::string>{"nik.province_unknown"});
    EXPECT_FALSE(check.provinceName);
}

TEST(Nik, BirthCenturyIsNeverInTheFuture) {
    // Born on the day of the check: this century.
    EXPECT_EQ(checkNik(composeNik(35, 9, 12, 28, 11, 26, 3), kToday).birthDate, d(2026, 11, 28));
    // One day later would be in the future: last century.
    EXPECT_EQ(checkNik(composeNik(35, 9, 12, 29, 11, 26, 3), kToday).birthDate, d(1926, 11, 29));
    EXPECT_EQ(checkNik(composeNik(35, 9, 12, 1, 1, 27, 3), kToday).birthDate, d(1927, 1, 1));
    EXPECT_EQ(checkNik(composeNik(35, 9, 12, 1, 1, 0, 3), kToday).birthDate, d(2000, 1, 1));
}

TEST(Nik, LeapDayOfYearZeroResolvesToTwoThousand) {
    // 1900 was not a leap year, 2000 was.
    EXPECT_EQ(checkNik(composeNik(35, 9, 12, 29, 2, 0, 3), kToday).birthDate, d(2000, 2, 29));
}

TEST(Nik, PassportComparisonWarnsOnDifferences) {
    using kiosk::core::compareNikWithPassport;
    const auto birth = d(1995, 8, 17);
    EXPECT_TRUE(compareNikWithPassport(birth, Sex::Male, birth, Sex::Male).empty());
    EXPECT_TRUE(compareNikWithPassport(birth, Sex::Male, std::nullopt, Sex::Unspecified).empty());
    EXPECT_EQ(codes(compareNikWithPassport(birth, Sex::Male, d(1995, 8, 18), Sex::Female)),
              (std::vector<std::string>{"identity.birth_date_mismatch", "identity.sex_mismatch"}));
}

TEST(ProvinceTable, ShippedTableHasAllThirtyEightProvinces) {
    const auto& table = kiosk::core::ProvinceTable::builtIn();
    EXPECT_EQ(table.size(), 38u);
    EXPECT_EQ(table.name("11"), "Aceh");
    EXPECT_EQ(table.name("96"), "Papua Barat Daya");
    EXPECT_FALSE(table.name("20"));
}

TEST(ProvinceTable, RejectsMalformedLines) {
    using kiosk::core::ProvinceTable;
    EXPECT_FALSE(ProvinceTable::parse(""));
    EXPECT_EQ(ProvinceTable::parse("35 Jawa Timur\n").error().code, "provinces.format");
    EXPECT_EQ(ProvinceTable::parse("3X\tJawa Timur\n").error().code, "provinces.code");
    EXPECT_EQ(ProvinceTable::parse("35\t\n").error().code, "provinces.name");
    EXPECT_EQ(ProvinceTable::parse("35\tA\n35\tB\n").error().code, "provinces.duplicate");
    EXPECT_TRUE(ProvinceTable::parse("# comment\n\n35\tJawa Timur\r\n"));
}

}  // namespace
