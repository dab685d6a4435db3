#pragma once
// What every journey and staff screen draws the same way: the frame (header, title, prompt,
// footer), the primary "next" button, a choice button and the problem line under a field.

#include <string>
#include <string_view>

#include "kiosk/core/flow/visit_flow.h"
#include "kiosk/ui/catalog.h"
#include "kiosk/ui/painter.h"
#include "kiosk/ui/registration_layouts.h"
#include "kiosk/ui/touch.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {

// A secondary button by default; a selected one carries a check mark besides its tint.
ButtonSpec spec(std::string_view label, int px, ButtonKind kind = ButtonKind::Secondary, bool selected = false,
                std::string_view note = {});
bool nextButton(Painter& p, const Touch& touch, Rect r, const Metrics& m, std::string_view label);
void frame(Painter& p, const StepLayout& l, const Catalog& say, std::string_view title, std::string_view prompt);
// A warning mark and the text in the error colour; nothing when the text is empty.
void problemLine(Painter& p, Rect r, const Metrics& m, std::string_view text);
// The state's problem in words ("problem.<code>"), or empty.
std::string problemText(const flow::FlowState& state, const Catalog& say);

}  // namespace kiosk::ui
