#include "kiosk/ui/display.h"

#include <climits>
#include <cmath>
#include <cstring>
#include <string>
#include <utility>

#include "kiosk/ui/sdl_handles.h"

namespace kiosk::ui {
namespace {

constexpr TouchTracker::PointerId kMouse = INT64_MIN;  // finger ids are the touchscreen's own

Error sdlError(std::string what) { return makeError("display.sdl", what + ": " + SDL_GetError()); }

// SDL, SDL_ttf and SDL_image, started for as long as a Display lives.
class SdlLibraries {
public:
    SdlLibraries() = default;
    SdlLibraries(const SdlLibraries&) = delete;
    SdlLibraries& operator=(const SdlLibraries&) = delete;
    ~SdlLibraries() {
        if (image_) IMG_Quit();
        if (ttf_) TTF_Quit();
        if (sdl_) SDL_Quit();
    }

    Result<void> start() {
        if (SDL_Init(SDL_INIT_VIDEO) != 0) return sdlError("SDL_Init");
        sdl_ = true;
        if (TTF_Init() != 0) return sdlError("TTF_Init");
        ttf_ = true;
        if ((IMG_Init(IMG_INIT_PNG) & IMG_INIT_PNG) == 0) return sdlError("IMG_Init");
        image_ = true;
        return {};
    }

private:
    bool sdl_ = false;
    bool ttf_ = false;
    bool image_ = false;
};

}  // namespace

struct Display::Impl {
    std::unique_ptr<SdlLibraries> libraries;  // declared first: shut down last
    Window window;
    Renderer renderer;
    std::optional<Painter> painter;
    TouchTracker tracker;

    Point fingerPoint(float x, float y) const {
        int w = 0;
        int h = 0;
        SDL_GetRendererOutputSize(renderer.get(), &w, &h);
        return {static_cast<int>(std::lround(x * static_cast<float>(w))),
                static_cast<int>(std::lround(y * static_cast<float>(h)))};
    }

    void handle(const SDL_Event& e, InputFrame& frame) {
        frame.events = true;
        switch (e.type) {
        case SDL_QUIT: frame.quit = true; break;
        case SDL_MOUSEBUTTONDOWN:
            // Touches reach us as finger events; their synthesised mouse twins would tap twice.
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) break;
            tracker.press(kMouse, {e.button.x, e.button.y});
            frame.input = true;
            break;
        case SDL_MOUSEMOTION:
            if (e.motion.which != SDL_TOUCH_MOUSEID) tracker.move(kMouse, {e.motion.x, e.motion.y});
            break;
        case SDL_MOUSEBUTTONUP:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) break;
            tracker.release(kMouse, {e.button.x, e.button.y});
            frame.input = true;
            break;
        case SDL_FINGERDOWN:
            tracker.press(e.tfinger.fingerId, fingerPoint(e.tfinger.x, e.tfinger.y));
            frame.input = true;
            break;
        case SDL_FINGERMOTION: tracker.move(e.tfinger.fingerId, fingerPoint(e.tfinger.x, e.tfinger.y)); break;
        case SDL_FINGERUP:
            tracker.release(e.tfinger.fingerId, fingerPoint(e.tfinger.x, e.tfinger.y));
            frame.input = true;
            break;
        case SDL_WINDOWEVENT:
            if (e.window.event == SDL_WINDOWEVENT_FOCUS_LOST) tracker.cancel();
            break;
        default: break;
        }
    }

    Result<Surface> readPixels() {
        int w = 0;
        int h = 0;
        if (SDL_GetRendererOutputSize(renderer.get(), &w, &h) != 0) return sdlError("SDL_GetRendererOutputSize");
        Surface surface{SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888)};
        if (!surface) return sdlError("SDL_CreateRGBSurfaceWithFormat");
        if (SDL_RenderReadPixels(renderer.get(), nullptr, SDL_PIXELFORMAT_ARGB8888, surface->pixels, surface->pitch) !=
            0)
            return sdlError("SDL_RenderReadPixels");
        return surface;
    }
};

Result<Display> Display::open(const DisplayOptions& options) {
    auto impl = std::make_unique<Impl>();
    const bool offscreen = options.mode == VideoMode::Offscreen;
    // As if SDL_VIDEODRIVER=offscreen were set, without changing this process's environment.
    if (offscreen) {
        SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, "offscreen", SDL_HINT_OVERRIDE);
        // Keep the window's pixels in plain memory: otherwise SDL presents them through OpenGL,
        // which offscreen means Mesa's llvmpipe (threads, a JIT and seconds of start-up).
        SDL_SetHintWithPriority(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0", SDL_HINT_OVERRIDE);
    }
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    if (options.mode == VideoMode::Fullscreen) {
        // Kiosk hardening: the keyboard stays with the kiosk (no Alt-Tab, no system shortcuts
        // while grabbed), and closing the window (Alt-F4, a window manager's close) does not
        // quit. Only SIGTERM/SIGINT (SDL's quit event) end the kiosk: systemd or staff.
        SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
        SDL_SetHint(SDL_HINT_ALLOW_ALT_TAB_WHILE_GRABBED, "0");
        SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
    }
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");

    impl->libraries = std::make_unique<SdlLibraries>();
    if (auto started = impl->libraries->start(); !started) return started.error();

    Uint32 flags = 0;
    Size size = options.size;
    if (options.mode == VideoMode::Fullscreen) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
        // The screen's own size from the start, so that even without a window manager to apply
        // "fullscreen" the window covers the screen exactly.
        if (SDL_DisplayMode desktop{}; SDL_GetDesktopDisplayMode(0, &desktop) == 0) size = Size{desktop.w, desktop.h};
    }
    if (options.mode == VideoMode::Windowed) flags |= SDL_WINDOW_RESIZABLE;
    impl->window.reset(
        SDL_CreateWindow("Loket", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, size.w, size.h, flags));
    if (!impl->window) return sdlError("SDL_CreateWindow");

    if (!offscreen)
        impl->renderer.reset(
            SDL_CreateRenderer(impl->window.get(), -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC));
    if (!impl->renderer) impl->renderer.reset(SDL_CreateRenderer(impl->window.get(), -1, SDL_RENDERER_SOFTWARE));
    if (!impl->renderer) return sdlError("SDL_CreateRenderer");

    // A touchscreen has no use for a pointer; --windowed (development) keeps it.
    if (options.mode == VideoMode::Fullscreen) {
        SDL_ShowCursor(SDL_DISABLE);
        SDL_SetWindowKeyboardGrab(impl->window.get(), SDL_TRUE);
    }
    if (!offscreen) SDL_DisableScreenSaver();

    auto fonts = findFonts(options.assetsDir);
    if (!fonts) return fonts.error();
    auto painter = Painter::create(impl->renderer.get(), *fonts, options.assetsDir / "images");
    if (!painter) return painter.error();
    impl->painter.emplace(std::move(painter).value());
    return Display(std::move(impl));
}

Display::Display(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Display::Display(Display&&) noexcept = default;
Display& Display::operator=(Display&&) noexcept = default;
Display::~Display() = default;

Painter& Display::painter() { return *impl_->painter; }

Size Display::size() const { return impl_->painter->size(); }

InputFrame Display::waitInput(std::chrono::milliseconds timeout) {
    InputFrame frame;
    SDL_Event e;
    int got = timeout.count() > 0 ? SDL_WaitEventTimeout(&e, static_cast<int>(timeout.count())) : SDL_PollEvent(&e);
    while (got != 0) {
        impl_->handle(e, frame);
        if (frame.quit || impl_->tracker.released()) break;
        got = SDL_PollEvent(&e);
    }
    frame.touch = impl_->tracker.frame();
    return frame;
}

void Display::present() {
    SDL_RenderPresent(impl_->renderer.get());
    impl_->painter->endFrame();
}

Result<Image> Display::capture() {
    auto surface = impl_->readPixels();
    if (!surface) return surface.error();
    const SDL_Surface& s = **surface;
    Image image{Size{s.w, s.h},
                std::vector<std::uint32_t>(static_cast<std::size_t>(s.w) * static_cast<std::size_t>(s.h))};
    const auto rowBytes = static_cast<std::size_t>(s.w) * sizeof(std::uint32_t);
    for (int y = 0; y < s.h; ++y)
        std::memcpy(image.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(s.w),
                    static_cast<const unsigned char*>(s.pixels) + static_cast<std::ptrdiff_t>(y) * s.pitch, rowBytes);
    return image;
}

Result<void> Display::savePng(const std::filesystem::path& file) {
    auto surface = impl_->readPixels();
    if (!surface) return surface.error();
    if (IMG_SavePNG(surface->get(), file.c_str()) != 0)
        return makeError("display.png", "cannot write " + file.string() + ": " + IMG_GetError());
    return {};
}

}  // namespace kiosk::ui
