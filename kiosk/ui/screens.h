#pragma once
// One draw function per screen: it draws the screen from the visit's state and the frame's touch
// and returns the event a tap caused, if any. Screens keep no state of their own.

#include <optional>

#include "kiosk/ui/attract_flow.h"
#include "kiosk/ui/catalog.h"
#include "kiosk/ui/painter.h"
#include "kiosk/ui/touch.h"

namespace kiosk::ui {

std::optional<Event> drawAttract(Painter& p, const Catalogs& texts, Language language, const Touch& touch);
std::optional<Event> drawLanguageChoice(Painter& p, const Catalogs& texts, Language language, const Touch& touch);

// Draws whichever screen the visit is on.
std::optional<Event> drawVisit(Painter& p, const Catalogs& texts, const Visit& visit, const Touch& touch);

}  // namespace kiosk::ui
