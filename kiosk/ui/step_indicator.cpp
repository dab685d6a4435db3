#include "kiosk/ui/step_indicator.h"

#include <algorithm>
#include <string>

#include "kiosk/ui/text_format.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {

int stepIndicatorHeight(const Metrics& m) { return m.px(5) + m.px(1) + m.px(2); }

StepIndicatorLayout layoutStepIndicator(Rect area, int total, const Metrics& m) {
    StepIndicatorLayout l;
    l.text = Rect{area.x, area.y, area.w, m.px(5)};
    if (total <= 0) return l;
    const int gap = m.px(1);
    const int y = l.text.bottom() + m.px(1);
    const int width = (area.w - (total - 1) * gap) / total;
    for (int i = 0; i < total; ++i) l.segments.push_back(Rect{area.x + i * (width + gap), y, width, m.px(2)});
    return l;
}

void stepIndicator(Painter& p, Rect area, const Metrics& m, const Catalog& texts, int current, int total) {
    const auto l = layoutStepIndicator(area, total, m);
    const std::string now = std::to_string(std::clamp(current, 1, std::max(1, total)));
    const std::string all = std::to_string(total);
    p.text(formatText(texts.text(Text::StepProgress), {{"current", now}, {"total", all}}), l.text,
           TextStyle{m.type.small, Weight::Bold, colors::kInk, Align::Left});
    const int radius = m.px(1);
    for (int i = 0; i < total; ++i) {
        const Rect s = l.segments[static_cast<std::size_t>(i)];
        if (i + 1 < current) {
            p.fillRoundedRect(s, radius, colors::kPrimary);
        } else if (i + 1 == current) {
            p.fillRoundedRect(s, radius, colors::kSelected);
            p.strokeRoundedRect(s, radius, std::max(2, m.border), colors::kPrimary);
        } else {
            p.fillRoundedRect(s, radius, colors::kSurfacePressed);
        }
    }
}

}  // namespace kiosk::ui
