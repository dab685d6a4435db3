#pragma once
// The few controls every screen shares, immediate-mode: a control is drawn from its arguments
// and reports a tap in the same call; it keeps no state of its own.

#include <optional>
#include <string_view>

#include "kiosk/ui/catalog.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/painter.h"
#include "kiosk/ui/touch.h"

namespace kiosk::ui {

enum class ButtonKind {
    Primary,    // the one main action of a screen: filled
    Secondary,  // everything else: outlined
};

struct ButtonSpec {
    std::string_view label;
    int labelPx = 0;
    ButtonKind kind = ButtonKind::Secondary;
    std::optional<Icon> icon;
    bool iconAfterLabel = false;  // "Mulai ->": icon and label centred together; else the icon leads at the edge
    std::string_view note;        // a smaller second line, e.g. "Dipilih"
    bool selected = false;        // a marked choice: tinted, thicker outline (the icon and note say it too)
};

// Returns true in the frame a tap on the button ends.
bool button(Painter& p, const Touch& touch, Rect r, const Metrics& m, const ButtonSpec& spec);

// A language button: its own language's name, a radio mark, "selected" in the visitor's language.
bool languageButton(Painter& p, const Touch& touch, Rect r, const Metrics& m, const Catalogs& texts, Language language,
                    Language current, bool withNote);

void drawHeader(Painter& p, const HeaderLayout& h, const Metrics& m, const Catalog& texts);
void drawHelpFooter(Painter& p, Rect footer, const Metrics& m, const Catalog& texts);

}  // namespace kiosk::ui
