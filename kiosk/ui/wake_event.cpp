#include "kiosk/ui/wake_event.h"

#include <SDL.h>

#include <string>

namespace kiosk::ui {

Result<std::function<void()>> makeWakeEvent() {
    const Uint32 type = SDL_RegisterEvents(1);
    if (type == static_cast<Uint32>(-1))
        return makeError("display.sdl", std::string("SDL_RegisterEvents: ") + SDL_GetError());
    return std::function<void()>([type] {
        SDL_Event event{};
        event.type = type;
        // A full queue (SDL_PushEvent < 0) still holds events, and waitInput returns for them.
        SDL_PushEvent(&event);
    });
}

}  // namespace kiosk::ui
