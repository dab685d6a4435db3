#include "kiosk/ui/journey_frame.h"

#include "kiosk/ui/journey_texts.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {

ButtonSpec spec(std::string_view label, int px, ButtonKind kind, bool selected, std::string_view note) {
    return ButtonSpec{.label = label,
                      .labelPx = px,
                      .kind = kind,
                      .icon = selected ? std::optional<Icon>(Icon::Check) : std::nullopt,
                      .iconAfterLabel = false,
                      .note = note,
                      .selected = selected};
}

bool nextButton(Painter& p, const Touch& touch, Rect r, const Metrics& m, std::string_view label) {
    return button(p, touch, r, m,
                  ButtonSpec{.label = label,
                             .labelPx = m.type.control,
                             .kind = ButtonKind::Primary,
                             .icon = Icon::ArrowRight,
                             .iconAfterLabel = true,
                             .note = {},
                             .selected = false});
}

void frame(Painter& p, const StepLayout& l, const Catalog& say, std::string_view title, std::string_view prompt) {
    const auto& m = l.metrics;
    p.clear(colors::kBackground);
    drawHeader(p, l.header, m, say);
    p.text(title, l.title, TextStyle{m.type.heading, Weight::Bold, colors::kInk, Align::Left});
    p.paragraph(prompt, l.prompt, TextStyle{m.type.body, Weight::Regular, colors::kInk, Align::Left});
    drawHelpFooter(p, l.footer, m, say);
}

void problemLine(Painter& p, Rect r, const Metrics& m, std::string_view text) {
    if (text.empty()) return;
    const Rect icon{r.x, r.y + (lineHeight(m.type.body) - m.type.body) / 2, m.type.body, m.type.body};
    p.icon(Icon::Warning, icon, colors::kError);
    p.paragraph(text, Rect{r.x + m.type.body + m.px(1.5), r.y, r.w - m.type.body - m.px(1.5), r.h},
                TextStyle{m.type.body, Weight::Bold, colors::kError, Align::Left});
}

std::string problemText(const flow::FlowState& state, const Catalog& say) {
    if (state.problem.empty()) return {};
    return std::string(say.lookup(problemKey(state.problem)));
}

}  // namespace kiosk::ui
