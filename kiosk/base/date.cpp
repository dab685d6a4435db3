#include "kiosk/base/date.h"

#include <cstdio>

namespace kiosk {

namespace {

bool readDigits(std::string_view text, std::size_t from, std::size_t count, int& out) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    out = value;
    return true;
}

}  // namespace

std::optional<Date> parseIsoDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int y = 0, m = 0, d = 0;
    if (!readDigits(text, 0, 4, y) || !readDigits(text, 5, 2, m) || !readDigits(text, 8, 2, d)) return std::nullopt;
    const Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                    std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok()) return std::nullopt;
    return date;
}

std::string formatIsoDate(Date date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer;
}

int ageInYears(Date birth, Date on) {
    int years = static_cast<int>(on.year()) - static_cast<int>(birth.year());
    const auto birthMd = std::chrono::month_day{birth.month(), birth.day()};
    const auto onMd = std::chrono::month_day{on.month(), on.day()};
    if (onMd < birthMd) --years;
    return years;
}

Date addMonths(Date date, int months) {
    const auto ym = std::chrono::year_month{date.year(), date.month()} + std::chrono::months{months};
    const auto last = std::chrono::year_month_day_last{ym.year(), std::chrono::month_day_last{ym.month()}};
    const auto day = date.day() <= last.day() ? date.day() : last.day();
    return Date{ym.year(), ym.month(), day};
}

Date dateAt(std::chrono::system_clock::time_point at, std::chrono::minutes utcOffset) {
    return Date{std::chrono::floor<std::chrono::days>(at + utcOffset)};
}

}  // namespace kiosk
