#pragma once
// The window, its renderer and the input that reaches it: everything of SDL that the app's main
// loop needs, behind plain types. Lives on the UI thread.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "kiosk/base/result.h"
#include "kiosk/ui/geometry.h"
#include "kiosk/ui/painter.h"
#include "kiosk/ui/touch.h"

namespace kiosk::ui {

enum class VideoMode {
    Fullscreen,  // the kiosk: desktop-sized, no cursor
    Windowed,    // development
    Offscreen,   // no display: SDL's offscreen driver and the software renderer
};

struct DisplayOptions {
    VideoMode mode = VideoMode::Fullscreen;
    Size size{1920, 1080};  // ignored when fullscreen
    std::filesystem::path assetsDir;
};

// What arrived since the last frame.
struct InputFrame {
    bool quit = false;    // window closed, SIGINT or SIGTERM
    bool input = false;   // anything from the visitor (a reason to keep the visit alive)
    bool events = false;  // anything at all happened (input, the window shown or resized): draw again
    Touch touch;
};

// A copy of the rendered pixels, 0xAARRGGBB row by row.
struct Image {
    Size size;
    std::vector<std::uint32_t> pixels;
};

class Display {
public:
    // Errors: "display.sdl" (SDL, SDL_ttf or SDL_image would not start, or no window/renderer),
    // "font.missing", "font.open".
    static Result<Display> open(const DisplayOptions& options);

    Display(Display&&) noexcept;
    Display& operator=(Display&&) noexcept;
    ~Display();

    Painter& painter();
    Size size() const;

    // Waits up to `timeout` for the first event, then takes what is queued up to and including
    // the end of a tap, so that every tap is drawn (and acted on) in a frame of its own.
    InputFrame waitInput(std::chrono::milliseconds timeout);
    void present();

    Result<Image> capture();
    // Saves the current frame (call before present()) as a PNG file.
    Result<void> savePng(const std::filesystem::path& file);

private:
    struct Impl;
    explicit Display(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace kiosk::ui
