#include "kiosk/ui/widgets.h"

#include <algorithm>

#include "kiosk/ui/theme.h"

namespace kiosk::ui {

bool button(Painter& p, const Touch& touch, Rect r, const Metrics& m, const ButtonSpec& spec) {
    p.target(r);
    const bool pressed = touch.pressingInside(r);
    const bool primary = spec.kind == ButtonKind::Primary;
    // A raised button sinks onto its shadow while pressed, so pressing shows without colour.
    const int lift = std::max(2, m.px(0.5));
    if (!pressed) p.fillRoundedRect(Rect{r.x, r.y + lift, r.w, r.h}, m.radius, colors::kShadow);
    const Rect face = pressed ? Rect{r.x, r.y + lift, r.w, r.h} : r;

    Color fill = primary ? colors::kPrimary : (spec.selected ? colors::kSelected : colors::kSurface);
    if (pressed) fill = primary ? colors::kPrimaryPressed : colors::kSurfacePressed;
    p.fillRoundedRect(face, m.radius, fill);
    if (!primary) p.strokeRoundedRect(face, m.radius, spec.selected ? 2 * m.border : m.border, colors::kOutline);

    const Color ink = primary ? colors::kOnPrimary : colors::kInk;
    const Color iconInk = primary ? colors::kOnPrimary : colors::kOutline;
    const auto parts = buttonParts(face, m, spec.icon.has_value(), !spec.note.empty());
    if (spec.icon && spec.iconAfterLabel) {
        const int labelWidth = std::min(parts.label.w, p.measure(spec.label, spec.labelPx, Weight::Bold).w);
        const int gap = parts.icon.w / 2;
        const int x = face.x + (face.w - labelWidth - gap - parts.icon.w) / 2;
        p.text(spec.label, Rect{x, parts.label.y, labelWidth, parts.label.h},
               TextStyle{spec.labelPx, Weight::Bold, ink, Align::Left});
        p.icon(*spec.icon, Rect{x + labelWidth + gap, parts.icon.y, parts.icon.w, parts.icon.h}, iconInk);
    } else {
        if (spec.icon) p.icon(*spec.icon, parts.icon, iconInk);
        p.text(spec.label, parts.label, TextStyle{spec.labelPx, Weight::Bold, ink, Align::Centre});
    }
    if (!spec.note.empty())
        p.text(spec.note, parts.note,
               TextStyle{m.type.small, Weight::Regular, primary ? colors::kOnPrimary : colors::kInkSoft});
    return touch.tappedInside(r);
}

bool languageButton(Painter& p, const Touch& touch, Rect r, const Metrics& m, const Catalogs& texts, Language language,
                    Language current, bool withNote) {
    const bool selected = language == current;
    return button(p, touch, r, m,
                  ButtonSpec{.label = texts.in(language).text(Text::LanguageName),
                             .labelPx = withNote ? m.type.action : m.type.control,
                             .kind = ButtonKind::Secondary,
                             .icon = selected ? Icon::RadioOn : Icon::RadioOff,
                             .iconAfterLabel = false,
                             .note = selected && withNote ? texts.in(current).text(Text::LanguageChoiceSelected) : "",
                             .selected = selected});
}

void drawHeader(Painter& p, const HeaderLayout& h, const Metrics& m, const Catalog& texts) {
    p.fillRect(h.band, colors::kHeader);
    p.text(texts.text(Text::AppName), h.title, TextStyle{m.type.title, Weight::Bold, colors::kOnHeader, Align::Left});
    p.text(texts.text(Text::AppSubtitle), h.subtitle,
           TextStyle{m.type.small, Weight::Regular, colors::kOnHeaderSoft, Align::Left});
}

void drawHelpFooter(Painter& p, Rect footer, const Metrics& m, const Catalog& texts) {
    const auto line = texts.text(Text::HelpAskStaff);
    const int iconSide = m.type.small * 3 / 2;
    const int gap = m.px(1.5);
    const int width =
        std::min(footer.w - 2 * m.margin, p.measure(line, m.type.small, Weight::Regular).w + iconSide + gap);
    const int x = footer.x + (footer.w - width) / 2;
    p.icon(Icon::Help, Rect{x, footer.y + (footer.h - iconSide) / 2, iconSide, iconSide}, colors::kOutline);
    p.text(line, Rect{x + iconSide + gap, footer.y, width - iconSide - gap, footer.h},
           TextStyle{m.type.small, Weight::Regular, colors::kInkSoft, Align::Left});
}

}  // namespace kiosk::ui
