#include "kiosk/ui/text_field.h"

#include <algorithm>

#include "kiosk/ui/theme.h"

namespace kiosk::ui {

int textFieldHeight(const Metrics& m) { return m.px(5) + m.px(1) + m.px(10) + m.px(1) + m.px(5); }

TextFieldParts textFieldParts(Rect area, const Metrics& m) {
    TextFieldParts parts;
    parts.label = Rect{area.x, area.y, area.w, m.px(5)};
    parts.box = Rect{area.x, parts.label.bottom() + m.px(1), area.w, m.px(10)};
    const int pad = m.px(2.5);
    parts.value = parts.box.inset(pad, 0);
    const int messageTop = parts.box.bottom() + m.px(1);
    const int iconSide = m.px(4);
    parts.messageIcon = Rect{area.x, messageTop + (m.px(5) - iconSide) / 2, iconSide, iconSide};
    parts.message = Rect{parts.messageIcon.right() + m.px(1.5), messageTop,
                         area.right() - parts.messageIcon.right() - m.px(1.5), m.px(5)};
    return parts;
}

std::string inGroups(std::string_view digits, std::size_t group) {
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && group > 0 && i % group == 0) out.push_back(' ');
        out.push_back(digits[i]);
    }
    return out;
}

bool textField(Painter& p, const Touch& touch, Rect area, const Metrics& m, const TextFieldSpec& spec) {
    const auto parts = textFieldParts(area, m);
    const bool problem = !spec.problem.empty();
    p.target(parts.box);
    p.text(spec.label, parts.label, TextStyle{m.type.small, Weight::Bold, colors::kInk, Align::Left});

    p.fillRoundedRect(parts.box, m.radius, problem ? colors::kErrorTint : colors::kSurface);
    const Color edge = problem ? colors::kError : colors::kOutline;
    p.strokeRoundedRect(parts.box, m.radius, spec.focused || problem ? 2 * m.border : m.border, edge);

    const std::string shown = spec.grouped ? inGroups(spec.value) : std::string(spec.value);
    const TextStyle valueStyle{m.type.action, Weight::Regular, colors::kInk, Align::Left};
    const int caretWidth = std::max(2, m.px(0.4));
    // The end of a long value stays in view: that is where the visitor is typing.
    std::string_view visible = shown;
    while (!visible.empty() && p.measure(visible, valueStyle.px, Weight::Regular).w > parts.value.w - 2 * caretWidth) do
            visible.remove_prefix(1);
        while (!visible.empty() && (static_cast<unsigned char>(visible.front()) & 0xC0U) == 0x80U);
    p.text(visible, parts.value, valueStyle);
    if (spec.focused) {
        const int x = parts.value.x + p.measure(visible, valueStyle.px, Weight::Regular).w + caretWidth;
        const int h = valueStyle.px * 5 / 4;
        p.fillRect(Rect{x, parts.box.centre().y - h / 2, caretWidth, h}, colors::kInk);
    }

    if (problem) {
        p.icon(Icon::Warning, parts.messageIcon, colors::kError);
        p.text(spec.problem, parts.message, TextStyle{m.type.small, Weight::Bold, colors::kError, Align::Left});
    } else if (!spec.hint.empty()) {
        p.text(spec.hint, parts.message, TextStyle{m.type.small, Weight::Regular, colors::kInkSoft, Align::Left});
    }
    return touch.tappedInside(parts.box);
}

}  // namespace kiosk::ui
