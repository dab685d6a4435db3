#pragma once
// Calendar dates for the domain: birth dates, expiry dates, departure dates.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

using Date = std::chrono::year_month_day;

// Strict "YYYY-MM-DD"; nullopt for anything else, including dates that do not exist.
std::optional<Date> parseIsoDate(std::string_view text);
std::string formatIsoDate(Date date);

// Whole years completed on `on` by someone born on `birth` (a 29 February birthday is
// reached on 1 March in common years). Negative when `on` precedes `birth`.
int ageInYears(Date birth, Date on);

// The same day `months` later, clamped to the end of a shorter month (31 Aug + 6 = 28/29 Feb).
Date addMonths(Date date, int months);

// The calendar day of `at` in a zone `utcOffset` ahead of UTC (WIB is +7 h). Indonesia has no
// daylight saving time, so a fixed offset is exact.
Date dateAt(std::chrono::system_clock::time_point at, std::chrono::minutes utcOffset);

}  // namespace kiosk
