#pragma once
// SDL's C handles for the simulated printer, each owning itself. Included only by this folder's
// sources: SDL stays private to drivers_printer.

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>

#include <memory>

namespace kiosk::drivers {

template <auto Fn>
struct FreeWith {
    void operator()(auto* p) const noexcept {
        if (p) Fn(p);
    }
};

using SdlSurface = std::unique_ptr<SDL_Surface, FreeWith<SDL_FreeSurface>>;
using TtfFont = std::unique_ptr<TTF_Font, FreeWith<TTF_CloseFont>>;

}  // namespace kiosk::drivers
