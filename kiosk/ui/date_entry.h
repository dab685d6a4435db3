#pragma once
// A date without typing a format: day, month and year side by side, each a big value between a
// "+" above and a "-" below, the month by its name (and its number, as printed on the KTP).
// The year also moves by ten, so a birth year is a few taps away. Immediate-mode: the caller
// keeps the date and applies the step this returns with stepDate().

#include <array>
#include <optional>

#include "kiosk/ui/catalog.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/painter.h"
#include "kiosk/ui/touch.h"

namespace kiosk::ui {

struct DateValue {
    int day = 1;
    int month = 1;  // 1..12
    int year = 2000;
    friend bool operator==(const DateValue&, const DateValue&) = default;
};

enum class DateField { Day, Month, Year };

struct DateStep {
    DateField field = DateField::Day;
    int delta = 0;  // +1, -1; +10 or -10 for the year
    friend bool operator==(const DateStep&, const DateStep&) = default;
};

struct YearRange {
    int first = 1940;
    int last = 2030;
};

int daysInMonth(int month, int year);

// The date after a step (pure). Day and month go round (31 -> 1, Desember -> Januari) as a
// wheel does; the year stops at the ends of `years`; the day is pulled back into a shorter month.
DateValue stepDate(DateValue date, DateStep step, YearRange years);

struct DateColumn {
    DateField field = DateField::Day;
    Rect caption;
    Rect plus;
    Rect value;
    Rect minus;
    Rect plusTen;   // the year only; empty otherwise
    Rect minusTen;  // the year only
};

// Three columns across `area` (pure).
std::array<DateColumn, 3> layoutDateEntry(Rect area, const Metrics& m);
int dateEntryHeight(const Metrics& m);

// The month's name in the visitor's language; month is 1..12.
Text monthName(int month);

std::optional<DateStep> dateEntry(Painter& p, const Touch& touch, Rect area, const Metrics& m, const Catalog& texts,
                                  DateValue date);

}  // namespace kiosk::ui
