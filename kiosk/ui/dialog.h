#pragma once
// A question over the screen: the screen dims, a panel in the middle asks it, one or two big
// buttons answer. Immediate-mode: the caller decides when a dialog is open and draws it last.

#include <optional>
#include <string_view>

#include "kiosk/ui/layout.h"
#include "kiosk/ui/painter.h"
#include "kiosk/ui/touch.h"

namespace kiosk::ui {

struct DialogSpec {
    std::string_view title;
    std::string_view text;
    std::string_view primary;    // the answer most people give: filled
    std::string_view secondary;  // may be empty: then one button
    std::optional<Icon> icon;    // beside the title
};

enum class DialogAnswer { Primary, Secondary };

struct DialogLayout {
    Rect panel;
    Rect icon;
    Rect title;
    Rect text;  // a wrapped paragraph of up to kDialogLines lines at metrics.type.body
    Rect primary;
    Rect secondary;  // empty when there is one button
};

inline constexpr int kDialogLines = 3;

DialogLayout layoutDialog(Size window, const Metrics& m, bool twoButtons, bool withIcon);

// Taps outside the panel do nothing: only an answer closes a dialog.
std::optional<DialogAnswer> dialog(Painter& p, const Touch& touch, const Metrics& m, const DialogSpec& spec);

}  // namespace kiosk::ui
