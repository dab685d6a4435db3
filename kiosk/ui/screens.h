#pragma once
// One draw function per screen: it draws the screen from the visit's state and the frame's touch
// and returns the event a tap caused, if any. Screens keep no state of their own.

#include <optional>

#include "kiosk/core/flow/visit_flow.h"
#include "kiosk/ui/catalog.h"
#include "kiosk/ui/painter.h"
#include "kiosk/ui/touch.h"

#include "kiosk/ui/registration_screens.h"

namespace kiosk::ui {

// The screens draw the flow's state and answer a tap with the flow's Action; the app stamps it
// with the view and the time into a flow::Tap.
using Event = flow::Action;
using flow::AttractScreen;
using flow::BackTapped;
using flow::LanguageChoiceScreen;
using flow::LanguageTapped;
using flow::NextTapped;
using flow::StartTapped;

std::optional<Event> drawAttract(Painter& p, const Catalogs& texts, Language language, const Touch& touch);
std::optional<Event> drawLanguageChoice(Painter& p, const Catalogs& texts, Language language, const Touch& touch);

// Draws whichever view the flow is on: its screen, with "need more time?" over it while that runs.
// `view` brings what the state does not hold: the live camera picture.
std::optional<Event> drawVisit(Painter& p, const Catalogs& texts, const flow::FlowState& state, const Touch& touch,
                               const JourneyView& view = {});

}  // namespace kiosk::ui
