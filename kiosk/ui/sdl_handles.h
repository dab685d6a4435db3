#pragma once
// SDL's C handles, each owning itself. Included only by kiosk/ui sources (and tests): SDL stays
// private to kiosk_ui.

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>

#include <memory>

namespace kiosk::ui {

template <auto Fn>
struct FreeWith {
    void operator()(auto* p) const noexcept {
        if (p) Fn(p);
    }
};

using Window = std::unique_ptr<SDL_Window, FreeWith<SDL_DestroyWindow>>;
using Renderer = std::unique_ptr<SDL_Renderer, FreeWith<SDL_DestroyRenderer>>;
using Texture = std::unique_ptr<SDL_Texture, FreeWith<SDL_DestroyTexture>>;
using Surface = std::unique_ptr<SDL_Surface, FreeWith<SDL_FreeSurface>>;
using Font = std::unique_ptr<TTF_Font, FreeWith<TTF_CloseFont>>;
using RWops = std::unique_ptr<SDL_RWops, FreeWith<SDL_RWclose>>;

}  // namespace kiosk::ui
