#include "kiosk/ui/dialog.h"

#include <algorithm>
#include <cmath>

#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {

DialogLayout layoutDialog(Size window, const Metrics& m, bool twoButtons, bool withIcon) {
    DialogLayout l;
    const int width = std::min(window.w - 2 * m.margin, m.px(m.landscape ? 110 : 90));
    const int pad = m.px(5);
    const int titleHeight = m.px(9);
    const int textHeight = kDialogLines * static_cast<int>(std::lround(m.type.body * kLineSpacing));
    const int buttonHeight = m.px(13);
    const int gap = m.px(3);
    // Portrait screens stack the two answers; landscape ones put them side by side.
    const bool stacked = twoButtons && !m.landscape;
    const int buttonsHeight = stacked ? 2 * buttonHeight + gap : buttonHeight;
    const int height = pad + titleHeight + gap + textHeight + 2 * gap + buttonsHeight + pad;
    l.panel = Rect{(window.w - width) / 2, (window.h - height) / 2, width, height};
    const Rect inner = l.panel.inset(pad, pad);
    const int iconSide = withIcon ? m.px(8) : 0;
    if (withIcon) l.icon = Rect{inner.x, inner.y + (titleHeight - iconSide) / 2, iconSide, iconSide};
    const int titleX = inner.x + (withIcon ? iconSide + m.px(2) : 0);
    l.title = Rect{titleX, inner.y, inner.right() - titleX, titleHeight};
    l.text = Rect{inner.x, l.title.bottom() + gap, inner.w, textHeight};
    const int buttonsTop = l.text.bottom() + 2 * gap;
    if (!twoButtons) {
        l.primary = Rect{inner.x, buttonsTop, inner.w, buttonHeight};
    } else if (stacked) {
        l.primary = Rect{inner.x, buttonsTop, inner.w, buttonHeight};
        l.secondary = Rect{inner.x, buttonsTop + buttonHeight + gap, inner.w, buttonHeight};
    } else {
        const int half = (inner.w - gap) / 2;
        // The main answer sits on the right, where "next" is on every screen.
        l.secondary = Rect{inner.x, buttonsTop, half, buttonHeight};
        l.primary = Rect{inner.right() - half, buttonsTop, half, buttonHeight};
    }
    return l;
}

std::optional<DialogAnswer> dialog(Painter& p, const Touch& touch, const Metrics& m, const DialogSpec& spec) {
    const Size window = p.size();
    const auto l = layoutDialog(window, m, !spec.secondary.empty(), spec.icon.has_value());
    p.scrim(colors::kScrim);
    p.fillRoundedRect(l.panel, m.radius, colors::kSurface);
    if (spec.icon) p.icon(*spec.icon, l.icon, colors::kOutline);
    p.text(spec.title, l.title, TextStyle{m.type.heading, Weight::Bold, colors::kInk, Align::Left});
    p.paragraph(spec.text, l.text, TextStyle{m.type.body, Weight::Regular, colors::kInk, Align::Left});

    std::optional<DialogAnswer> answer;
    if (button(p, touch, l.primary, m,
               ButtonSpec{.label = spec.primary,
                          .labelPx = m.type.control,
                          .kind = ButtonKind::Primary,
                          .icon = std::nullopt,
                          .iconAfterLabel = false,
                          .note = {},
                          .selected = false}))
        answer = DialogAnswer::Primary;
    if (!spec.secondary.empty() && button(p, touch, l.secondary, m,
                                          ButtonSpec{.label = spec.secondary,
                                                     .labelPx = m.type.control,
                                                     .kind = ButtonKind::Secondary,
                                                     .icon = std::nullopt,
                                                     .iconAfterLabel = false,
                                                     .note = {},
                                                     .selected = false}))
        answer = DialogAnswer::Secondary;
    return answer;
}

}  // namespace kiosk::ui
