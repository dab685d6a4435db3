#pragma once
// Wakes the UI thread out of Display::waitInput from another thread: each call of the returned
// function pushes one SDL user event, which waitInput reports as InputFrame::events. SDL_PushEvent
// is thread-safe, so the function may be called from any thread while the Display is open.
// Made on the UI thread, after Display::open (which starts SDL).

#include <functional>

#include "kiosk/base/result.h"

namespace kiosk::ui {

// "display.sdl" when SDL has no user event type left to register.
Result<std::function<void()>> makeWakeEvent();

}  // namespace kiosk::ui
