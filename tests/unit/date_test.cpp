#include "kiosk/base/date.h"

#include <gtest/gtest.h>

using namespace std::chrono;
using kiosk::Date;

namespace {

Date d(int y, unsigned m, unsigned dd) { return Date{year{y}, month{m}, day{dd}}; }

TEST(IsoDate, ParsesAndFormatsRoundTrip) {
    const auto parsed = kiosk::parseIsoDate("2024-02-29");
    ASSERT_TRUE(parsed);
    EXPECT_EQ(*parsed, d(2024, 2, 29));
    EXPECT_EQ(kiosk::formatIsoDate(*parsed), "2024-02-29");
}

TEST(IsoDate, RejectsMalformedAndImpossibleDates) {
    for (const char* bad : {"", "2024-2-29", "2023-02-29", "2024-13-01", "2024-00-10", "2024-01-32", "abcd-ef-gh",
                            "2024-01-01x", "2024/01/01", " 2024-01-01"})
        EXPECT_FALSE(kiosk::parseIsoDate(bad)) << bad;
}

TEST(AgeInYears, CountsCompletedYears) {
    EXPECT_EQ(kiosk::ageInYears(d(2000, 6, 15), d(2018, 6, 14)), 17);
    EXPECT_EQ(kiosk::ageInYears(d(2000, 6, 15), d(2018, 6, 15)), 18);
    EXPECT_EQ(kiosk::ageInYears(d(2000, 6, 15), d(1999, 1, 1)), -2);
}

TEST(AgeInYears, LeapDayBirthdayIsReachedOnFirstOfMarch) {
    EXPECT_EQ(kiosk::ageInYears(d(2008, 2, 29), d(2026, 2, 28)), 17);
    EXPECT_EQ(kiosk::ageInYears(d(2008, 2, 29), d(2026, 3, 1)), 18);
}

TEST(AddMonths, ClampsToTheEndOfAShorterMonth) {
    EXPECT_EQ(kiosk::addMonths(d(2026, 8, 31), 6), d(2027, 2, 28));
    EXPECT_EQ(kiosk::addMonths(d(2027, 8, 31), 6), d(2028, 2, 29));
    EXPECT_EQ(kiosk::addMonths(d(2026, 1, 15), 12), d(2027, 1, 15));
    EXPECT_EQ(kiosk::addMonths(d(2026, 1, 15), -1), d(2025, 12, 15));
}

TEST(DateAt, UsesTheZoneOffset) {
    // 2026-11-28 20:00 UTC is already 29 November in WIB (UTC+7).
    const auto at = sys_days{d(2026, 11, 28)} + hours{20};
    EXPECT_EQ(kiosk::dateAt(at, minutes{0}), d(2026, 11, 28));
    EXPECT_EQ(kiosk::dateAt(at, hours{7}), d(2026, 11, 29));
}

}  // namespace
