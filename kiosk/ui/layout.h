#pragma once
// Where everything goes, computed from the window size alone (pure, no SDL). Sizes are multiples
// of a unit, 1% of the window's short side (less on nearly square screens), so
// 1920x1080, 1366x768 and 1080x1920 portrait all keep their proportions; landscape windows put
// the actions in a second column, portrait ones stack everything.

#include <array>
#include <vector>

#include "kiosk/ui/geometry.h"
#include "kiosk/ui/language.h"

namespace kiosk::ui {

// Font pixel sizes.
struct TypeScale {
    int title = 0;    // "Loket"
    int heading = 0;  // a screen's main line
    int body = 0;
    int action = 0;   // the main button of a screen
    int control = 0;  // other buttons
    int small = 0;    // the subtitle, "Dipilih", the help line
};

struct Metrics {
    double unit = 0;  // pixels per unit
    bool landscape = true;
    int margin = 0;
    int radius = 0;  // corner radius of buttons and panels
    int border = 0;  // outline of secondary buttons
    TypeScale type;

    int px(double units) const;
};

Metrics metricsFor(Size window);

// The height of a line of text at `fontPx`, with the house line spacing.
int lineHeight(int fontPx);
// Splits the top `height` pixels (or the right `width`) off `r`, with a gap after them; `r`
// keeps what is left, never less than nothing.
Rect takeTop(Rect& r, int height, int gap);
Rect takeRight(Rect& r, int width, int gap);

// The band across the top of every screen: the name and, in plain words, whose service this is.
struct HeaderLayout {
    Rect band;
    Rect title;
    Rect subtitle;
};

// Inside a button: an optional icon before the label, the label, and room for a second line.
struct ButtonParts {
    Rect icon;   // empty when the button has no icon
    Rect label;  // the first line
    Rect note;   // an optional second, smaller line under the label
};
ButtonParts buttonParts(Rect button, const Metrics& m, bool withIcon, bool withNote);

struct AttractLayout {
    Metrics metrics;
    HeaderLayout header;
    Rect welcome;
    Rect body;  // a wrapped paragraph; holds kBodyLines lines at metrics.type.body
    Rect notice;
    Rect noticeIcon;
    Rect noticeText;  // wrapped, two lines
    Rect start;
    Rect languageLabel;
    std::array<Rect, kLanguages.size()> languages;  // in kLanguages order
    Rect footer;

    std::vector<Rect> buttons() const;
};

struct LanguageChoiceLayout {
    Metrics metrics;
    HeaderLayout header;
    Rect title;
    Rect prompt;
    std::array<Rect, kLanguages.size()> languages;
    Rect back;
    Rect next;  // mirrors back at the right: on to the journey
    Rect footer;

    std::vector<Rect> buttons() const;
};

inline constexpr int kBodyLines = 4;
inline constexpr int kNoticeLines = 2;
// Line height of wrapped text, as a multiple of the font size.
inline constexpr double kLineSpacing = 1.4;

AttractLayout layoutAttract(Size window);
LanguageChoiceLayout layoutLanguageChoice(Size window);

}  // namespace kiosk::ui
