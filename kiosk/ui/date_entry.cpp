#include "kiosk/ui/date_entry.h"

#include <algorithm>
#include <string>

#include "kiosk/ui/theme.h"

namespace kiosk::ui {
namespace {

constexpr std::array kMonths = {Text::MonthJanuary,   Text::MonthFebruary, Text::MonthMarch,    Text::MonthApril,
                                Text::MonthMay,       Text::MonthJune,     Text::MonthJuly,     Text::MonthAugust,
                                Text::MonthSeptember, Text::MonthOctober,  Text::MonthNovember, Text::MonthDecember};

int wrapInto(int value, int first, int last) {
    const int span = last - first + 1;
    return first + ((value - first) % span + span) % span;
}

// A stepper button: an icon, and for the year's tens the number beside it.
bool stepper(Painter& p, const Touch& touch, Rect r, const Metrics& m, Icon icon, std::string_view label) {
    p.target(r);
    const bool pressed = touch.pressingInside(r);
    p.fillRoundedRect(r, m.radius, pressed ? colors::kSurfacePressed : colors::kSurface);
    p.strokeRoundedRect(r, m.radius, m.border, colors::kOutline);
    const int side = std::min(r.h * 50 / 100, m.px(6));
    if (label.empty()) {
        p.icon(icon, Rect{r.centre().x - side / 2, r.centre().y - side / 2, side, side}, colors::kOutline);
    } else {
        const int textWidth = p.measure(label, m.type.control, Weight::Bold).w;
        const int x = r.x + (r.w - side - textWidth) / 2;
        p.icon(icon, Rect{x, r.centre().y - side / 2, side, side}, colors::kOutline);
        p.text(label, Rect{x + side, r.y, textWidth, r.h},
               TextStyle{m.type.control, Weight::Bold, colors::kInk, Align::Left});
    }
    return touch.tappedInside(r);
}

}  // namespace

int daysInMonth(int month, int year) {
    switch (month) {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11: return 30;
    default: return 31;
    }
}

DateValue stepDate(DateValue date, DateStep step, YearRange years) {
    switch (step.field) {
    case DateField::Day: date.day = wrapInto(date.day + step.delta, 1, daysInMonth(date.month, date.year)); break;
    case DateField::Month: date.month = wrapInto(date.month + step.delta, 1, 12); break;
    case DateField::Year: date.year = std::clamp(date.year + step.delta, years.first, years.last); break;
    }
    date.day = std::clamp(date.day, 1, daysInMonth(date.month, date.year));
    return date;
}

int dateEntryHeight(const Metrics& m) { return m.px(5) + m.px(1) + 3 * m.px(11) + 2 * m.px(1.5); }

std::array<DateColumn, 3> layoutDateEntry(Rect area, const Metrics& m) {
    const int gap = m.px(3);
    // The month's name needs the widest column; the year's column holds two steppers a row.
    const int unitWidth = (area.w - 2 * gap) / 20;
    const int widths[3] = {unitWidth * 5, unitWidth * 8 + (area.w - 2 * gap - 20 * unitWidth), unitWidth * 7};
    const DateField fields[3] = {DateField::Day, DateField::Month, DateField::Year};
    const int row = m.px(11);
    const int spacing = m.px(1.5);
    std::array<DateColumn, 3> columns;
    int x = area.x;
    for (std::size_t i = 0; i < 3; ++i) {
        DateColumn& c = columns[i];
        c.field = fields[i];
        const int w = widths[i];
        c.caption = Rect{x, area.y, w, m.px(5)};
        const int top = c.caption.bottom() + m.px(1);
        c.plus = Rect{x, top, w, row};
        c.value = Rect{x, top + row + spacing, w, row};
        c.minus = Rect{x, top + 2 * (row + spacing), w, row};
        if (c.field == DateField::Year) {
            const int half = (w - spacing) / 2;
            c.plusTen = Rect{x + half + spacing, c.plus.y, w - half - spacing, row};
            c.minusTen = Rect{x + half + spacing, c.minus.y, w - half - spacing, row};
            c.plus.w = half;
            c.minus.w = half;
        }
        x += w + gap;
    }
    return columns;
}

Text monthName(int month) { return kMonths[static_cast<std::size_t>(std::clamp(month, 1, 12) - 1)]; }

std::optional<DateStep> dateEntry(Painter& p, const Touch& touch, Rect area, const Metrics& m, const Catalog& texts,
                                  DateValue date) {
    std::optional<DateStep> step;
    for (const auto& c : layoutDateEntry(area, m)) {
        const Text caption = c.field == DateField::Day     ? Text::DateDay
                             : c.field == DateField::Month ? Text::DateMonth
                                                           : Text::DateYear;
        p.text(texts.text(caption), c.caption, TextStyle{m.type.small, Weight::Bold, colors::kInk});
        if (stepper(p, touch, c.plus, m, Icon::Plus, "")) step = DateStep{c.field, +1};
        if (stepper(p, touch, c.minus, m, Icon::Minus, "")) step = DateStep{c.field, -1};
        if (c.field == DateField::Year) {
            if (stepper(p, touch, c.plusTen, m, Icon::Plus, "10")) step = DateStep{c.field, +10};
            if (stepper(p, touch, c.minusTen, m, Icon::Minus, "10")) step = DateStep{c.field, -10};
        }
        p.fillRoundedRect(c.value, m.radius, colors::kSelected);
        const TextStyle big{m.type.action, Weight::Bold, colors::kInk};
        if (c.field == DateField::Month) {
            // The name, with the month's number under it as the KTP prints it ("08").
            const Rect name{c.value.x, c.value.y, c.value.w, c.value.h * 62 / 100};
            const Rect number{c.value.x, name.bottom(), c.value.w, c.value.h - name.h};
            p.text(texts.text(monthName(date.month)), name.inset(m.px(1), 0), TextStyle{m.type.control, Weight::Bold});
            const std::string digits = (date.month < 10 ? "0" : "") + std::to_string(date.month);
            p.text(digits, number, TextStyle{m.type.small, Weight::Regular, colors::kInkSoft});
        } else {
            p.text(std::to_string(c.field == DateField::Day ? date.day : date.year), c.value, big);
        }
    }
    return step;
}

}  // namespace kiosk::ui
