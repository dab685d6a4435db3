#pragma once
// Plays a scenario script on a Display (SDL's offscreen driver in practice) with a fake clock:
// the steps go through the same Session, draw functions and flow as a visitor's touches, time
// passes in the main loop's 250 ms ticks, and every view the visit passes through is saved as
// a PNG named after it ("03-language-choice-en.png"). Lives on the UI thread.

#include <filesystem>
#include <iosfwd>
#include <vector>

#include "kiosk/app/scenario_script.h"
#include "kiosk/app/session.h"
#include "kiosk/base/result.h"
#include "kiosk/ui/display.h"

namespace kiosk::app {

// Before each tap, typed text or scan the script lets this much time pass: a person's pace,
// longer than the flow's settle time. Repeated taps ("tap back x3") come kRepeatedTap apart.
inline constexpr std::chrono::milliseconds kScriptPace{1000};
inline constexpr std::chrono::milliseconds kRepeatedTap{150};
inline constexpr std::chrono::milliseconds kTickEvery{250};

// Returns the PNG files written, in order, also printing each path on `out` as it is written.
// With an empty `dir` every view is drawn but none is saved.
// Errors: "script.step" ("FILE:LINE: what happened"), "display.png".
Result<std::vector<std::filesystem::path>> playScenario(ui::Display& display, Session& session,
                                                        const Scenario& scenario, const std::filesystem::path& dir,
                                                        std::ostream& out);

}  // namespace kiosk::app
