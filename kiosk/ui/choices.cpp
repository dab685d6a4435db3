#include "kiosk/ui/choices.h"

#include <algorithm>

#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {
namespace {

int chipPad(const Metrics& m) { return m.px(3); }
int chipIcon(const Metrics& m) { return m.px(4.5); }

}  // namespace

// Tall enough for the label and, under it, the smaller "Dipilih".
int choiceRowHeight(const Metrics& m) { return m.px(15); }

std::vector<Rect> layoutChoiceList(Rect area, std::size_t count, const Metrics& m) {
    std::vector<Rect> rows;
    if (count == 0) return rows;
    const int gap = m.px(2);
    const int height = choiceRowHeight(m);
    const int fitting = std::max(1, (area.h + gap) / (height + gap));
    const int n = static_cast<int>(count);
    const int columns = (n + fitting - 1) / fitting;
    const int perColumn = (n + columns - 1) / columns;
    const int width = (area.w - (columns - 1) * gap) / columns;
    for (int i = 0; i < n; ++i)
        rows.push_back(
            Rect{area.x + (i / perColumn) * (width + gap), area.y + (i % perColumn) * (height + gap), width, height});
    return rows;
}

std::optional<std::size_t> choiceList(Painter& p, const Touch& touch, Rect area, const Metrics& m,
                                      std::span<const std::string_view> options, std::optional<std::size_t> selected,
                                      std::string_view selectedNote) {
    std::optional<std::size_t> tapped;
    const auto rows = layoutChoiceList(area, options.size(), m);
    for (std::size_t i = 0; i < options.size(); ++i) {
        const bool on = selected == i;
        if (button(p, touch, rows[i], m,
                   ButtonSpec{.label = options[i],
                              .labelPx = m.type.control,
                              .kind = ButtonKind::Secondary,
                              .icon = on ? Icon::RadioOn : Icon::RadioOff,
                              .iconAfterLabel = false,
                              .note = on ? selectedNote : std::string_view{},
                              .selected = on}))
            tapped = i;
    }
    return tapped;
}

int chipHeight(const Metrics& m) { return m.px(10); }

Rect chipLabel(Rect chip, const Metrics& m) {
    const int left = chipPad(m) + chipIcon(m) + m.px(1.5);
    return Rect{chip.x + left, chip.y, chip.w - left - chipPad(m), chip.h};
}

std::vector<Rect> layoutChips(Rect area, std::span<const int> labelWidths, const Metrics& m) {
    std::vector<Rect> out;
    const int gap = m.px(2);
    const int height = chipHeight(m);
    // Room for the check mark is kept on every chip, so marking one never moves the others.
    const int extra = 2 * chipPad(m) + chipIcon(m) + m.px(1.5);
    int x = area.x;
    int y = area.y;
    for (const int labelWidth : labelWidths) {
        const int w = std::min(area.w, labelWidth + extra);
        if (x > area.x && x + w > area.right()) {
            x = area.x;
            y += height + gap;
        }
        out.push_back(Rect{x, y, w, height});
        x += w + gap;
    }
    return out;
}

std::optional<std::size_t> chips(Painter& p, const Touch& touch, Rect area, const Metrics& m,
                                 std::span<const std::string_view> options, std::span<const bool> chosen) {
    std::vector<int> widths;
    for (const auto option : options) widths.push_back(p.measure(option, m.type.control, Weight::Bold).w);
    const auto rects = layoutChips(area, widths, m);
    std::optional<std::size_t> tapped;
    for (std::size_t i = 0; i < options.size(); ++i) {
        const Rect r = rects[i];
        const bool on = i < chosen.size() && chosen[i];
        const bool pressed = touch.pressingInside(r);
        const int radius = r.h / 2;
        p.target(r);
        p.fillRoundedRect(r, radius, pressed ? colors::kSurfacePressed : (on ? colors::kSelected : colors::kSurface));
        p.strokeRoundedRect(r, radius, on ? 2 * m.border : m.border, colors::kOutline);
        const int side = chipIcon(m);
        const Rect icon{r.x + chipPad(m), r.y + (r.h - side) / 2, side, side};
        p.icon(on ? Icon::Check : Icon::Plus, icon, colors::kOutline);
        p.text(options[i], chipLabel(r, m), TextStyle{m.type.control, Weight::Bold, colors::kInk, Align::Left});
        if (touch.tappedInside(r)) tapped = i;
    }
    return tapped;
}

}  // namespace kiosk::ui
