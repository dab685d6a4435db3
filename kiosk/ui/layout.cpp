#include "kiosk/ui/layout.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {
namespace {

HeaderLayout headerFor(Size window, const Metrics& m) {
    const int width = window.w - 2 * m.margin;
    return {Rect{0, 0, window.w, m.px(17)}, Rect{m.margin, m.px(1.5), width, m.px(10)},
            Rect{m.margin, m.px(11.5), width, m.px(4.5)}};
}

Rect footerFor(Size window, const Metrics& m) { return {0, window.h - m.px(8), window.w, m.px(8)}; }

// Lays out a column of fixed heights (gaps are entries whose rect is not kept), centred
// vertically between `top` and `bottom`.
struct Column {
    int x = 0;
    int width = 0;
    std::vector<int> heights;
    std::vector<Rect> place(int top, int bottom) const {
        int total = 0;
        for (const int h : heights) total += h;
        int y = top + std::max(0, (bottom - top - total) / 2);
        std::vector<Rect> out;
        for (const int h : heights) {
            out.push_back(Rect{x, y, width, h});
            y += h;
        }
        return out;
    }
};

Rect centredIn(Rect area, int width) { return {area.x + (area.w - width) / 2, area.y, width, area.h}; }

}  // namespace

int Metrics::px(double units) const { return static_cast<int>(std::lround(units * unit)); }

int lineHeight(int fontPx) { return static_cast<int>(std::lround(fontPx * kLineSpacing)); }

Rect takeTop(Rect& r, int height, int gap) {
    const Rect top{r.x, r.y, r.w, std::min(height, r.h)};
    r.y += height + gap;
    r.h = std::max(0, r.h - height - gap);
    return top;
}

Rect takeRight(Rect& r, int width, int gap) {
    const Rect right{r.right() - width, r.y, width, r.h};
    r.w = std::max(0, r.w - width - gap);
    return right;
}

Metrics metricsFor(Size window) {
    Metrics m;
    m.landscape = window.w * 10 >= window.h * 12;
    // A landscape screen needs about 80 units of height and 160 of width; a portrait one about 140
    // units of height and 100 of width.
    m.unit = m.landscape ? std::min(window.h / 100.0, window.w / 160.0) : std::min(window.w / 100.0, window.h / 140.0);
    m.margin = m.px(5);
    m.radius = m.px(1.8);
    m.border = std::max(2, m.px(0.35));
    const auto font = [&](double units, int atLeast) { return std::max(atLeast, m.px(units)); };
    m.type = TypeScale{font(7, 28), font(6, 24), font(3.6, 18), font(5.5, 22), font(4, 18), font(3, 16)};
    return m;
}

ButtonParts buttonParts(Rect button, const Metrics& m, bool withIcon, bool withNote) {
    ButtonParts parts;
    const int pad = m.px(2.5);
    const int iconSide = withIcon ? std::min(button.h * 45 / 100, m.px(7)) : 0;
    const int iconRoom = withIcon ? iconSide + m.px(2) : 0;
    if (withIcon) parts.icon = Rect{button.x + pad, button.y + (button.h - iconSide) / 2, iconSide, iconSide};
    // The label stays centred on the button, clear of the icon on both sides.
    const Rect inner{button.x + pad + iconRoom, button.y, button.w - 2 * (pad + iconRoom), button.h};
    if (!withNote) {
        parts.label = inner;
        return parts;
    }
    parts.label = Rect{inner.x, inner.y + inner.h * 8 / 100, inner.w, inner.h * 52 / 100};
    parts.note = Rect{inner.x, inner.y + inner.h * 60 / 100, inner.w, inner.h * 30 / 100};
    return parts;
}

AttractLayout layoutAttract(Size window) {
    AttractLayout l;
    const Metrics m = metricsFor(window);
    l.metrics = m;
    l.header = headerFor(window, m);
    l.footer = footerFor(window, m);
    const int top = l.header.band.bottom();
    const int bottom = l.footer.y;
    const int innerWidth = window.w - 2 * m.margin;
    const int bodyHeight = kBodyLines * lineHeight(m.type.body);
    const int noticeHeight = kNoticeLines * lineHeight(m.type.body) + m.px(4);
    const int languageHeight = m.px(11);

    if (m.landscape) {
        const int gap = m.px(6);
        const int leftWidth = (innerWidth - gap) * 56 / 100;
        const Column left{m.margin, leftWidth, {m.px(9), m.px(1.5), bodyHeight, m.px(3), noticeHeight}};
        const auto l1 = left.place(top, bottom);
        l.welcome = l1[0];
        l.body = l1[2];
        l.notice = l1[4];
        const Column right{m.margin + leftWidth + gap,
                           innerWidth - leftWidth - gap,
                           {m.px(16), m.px(6), m.px(5), m.px(1.5), languageHeight, m.px(2.5), languageHeight}};
        const auto r = right.place(top, bottom);
        l.start = r[0];
        l.languageLabel = r[2];
        l.languages = {r[4], r[6]};
    } else {
        const Column column{m.margin,
                            innerWidth,
                            {m.px(9), m.px(1.5), bodyHeight, m.px(3), noticeHeight, m.px(7), m.px(16), m.px(7), m.px(5),
                             m.px(1.5), languageHeight, m.px(2.5), languageHeight}};
        const auto c = column.place(top, bottom);
        l.welcome = c[0];
        l.body = c[2];
        l.notice = c[4];
        const int buttonWidth = std::min(innerWidth, m.px(70));
        l.start = centredIn(c[6], buttonWidth);
        l.languageLabel = c[8];
        l.languages = {centredIn(c[10], buttonWidth), centredIn(c[12], buttonWidth)};
    }
    const int iconSide = m.px(7);
    l.noticeIcon = Rect{l.notice.x + m.px(3), l.notice.y + (l.notice.h - iconSide) / 2, iconSide, iconSide};
    const int textX = l.noticeIcon.right() + m.px(3);
    l.noticeText = Rect{textX, l.notice.y + m.px(2), l.notice.right() - m.px(3) - textX, l.notice.h - m.px(4)};
    return l;
}

LanguageChoiceLayout layoutLanguageChoice(Size window) {
    LanguageChoiceLayout l;
    const Metrics m = metricsFor(window);
    l.metrics = m;
    l.header = headerFor(window, m);
    l.footer = footerFor(window, m);
    const int backHeight = m.px(12);
    l.back = Rect{m.margin, l.footer.y - m.px(2) - backHeight, m.px(44), backHeight};
    l.next = Rect{window.w - m.margin - m.px(44), l.back.y, m.px(44), backHeight};
    const int innerWidth = window.w - 2 * m.margin;
    const int promptHeight = 2 * lineHeight(m.type.body);
    if (m.landscape) {
        // Side by side, so the choice reads as one row of equals.
        const int buttonHeight = m.px(17);
        const Column column{m.margin, innerWidth, {m.px(9), m.px(1), promptHeight, m.px(5), buttonHeight}};
        const auto c = column.place(l.header.band.bottom(), l.back.y);
        l.title = c[0];
        l.prompt = c[2];
        const int gap = m.px(4);
        const int buttonWidth = std::min((innerWidth - gap) / 2, m.px(75));
        const int x = m.margin + (innerWidth - 2 * buttonWidth - gap) / 2;
        l.languages = {Rect{x, c[4].y, buttonWidth, buttonHeight},
                       Rect{x + buttonWidth + gap, c[4].y, buttonWidth, buttonHeight}};
    } else {
        const int buttonHeight = m.px(15);
        const Column column{
            m.margin, innerWidth, {m.px(9), m.px(1), promptHeight, m.px(4), buttonHeight, m.px(3), buttonHeight}};
        const auto c = column.place(l.header.band.bottom(), l.back.y);
        l.title = c[0];
        l.prompt = c[2];
        const int buttonWidth = std::min(innerWidth, m.px(100));
        l.languages = {centredIn(c[4], buttonWidth), centredIn(c[6], buttonWidth)};
    }
    return l;
}

std::vector<Rect> AttractLayout::buttons() const { return {start, languages[0], languages[1]}; }

std::vector<Rect> LanguageChoiceLayout::buttons() const { return {languages[0], languages[1], back, next}; }

}  // namespace kiosk::ui
