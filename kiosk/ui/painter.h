#pragma once
// Draws shapes, icons and text on an SDL renderer; the screens draw everything through it, every
// frame. Text and shapes are rasterised once and kept as textures while they stay on screen.
// Lives on the UI thread.

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/result.h"
#include "kiosk/ui/geometry.h"
#include "kiosk/ui/theme.h"

struct SDL_Renderer;

namespace kiosk::ui {

enum class Weight { Regular, Bold };
enum class Align { Left, Centre, Right };

struct TextStyle {
    int px = 16;  // font size in pixels
    Weight weight = Weight::Regular;
    Color color = colors::kInk;
    Align align = Align::Centre;
};

// Icons are SVG files in assets/images, drawn white and tinted when drawn.
enum class Icon {
    ArrowRight,
    ArrowLeft,
    RadioOn,
    RadioOff,
    Warning,
    Help,
    Backspace,
    Shift,
    Speaker,  // "listen again"
    Camera,
    Check,
    Calendar,
    Plus,
    Minus,
};

struct VideoImage;
enum class PixelLayout;

// What a frame drew, for layout tests: every line of text with its place, and every touch target.
struct TextDraw {
    std::string text;
    Rect box;          // the place the screen gave it
    Rect ink;          // where it was drawn
    int wantedPx = 0;  // the size the screen asked for
    int drawnPx = 0;   // smaller when the text had to shrink to fit
};
struct DrawAudit {
    std::vector<TextDraw> texts;
    std::vector<Rect> targets;
};

struct FontFiles {
    std::filesystem::path regular;
    std::filesystem::path bold;
};

// Noto Sans from <assets>/fonts, then Debian's fonts-noto-core, then DejaVu Sans.
// Error "font.missing" names every place it looked.
Result<FontFiles> findFonts(const std::filesystem::path& assetsDir);

class Painter {
public:
    // `renderer` is not owned and must outlive the painter. Error "font.open" if a font file
    // cannot be opened.
    static Result<Painter> create(SDL_Renderer* renderer, const FontFiles& fonts, std::filesystem::path imagesDir);

    Painter(Painter&&) noexcept;
    Painter& operator=(Painter&&) noexcept;
    ~Painter();

    Size size() const;

    void clear(Color color);
    void fillRect(Rect r, Color color);
    // Dims the whole window for a dialog. What was drawn before lies under it: the audit forgets it.
    void scrim(Color color);
    void fillRoundedRect(Rect r, int radius, Color color);
    void strokeRoundedRect(Rect r, int radius, int thickness, Color color);
    void icon(Icon icon, Rect r, Color color);
    // An oval outline inside `r`.
    void strokeEllipse(Rect r, int thickness, Color color);
    // Covers `area` except a hole, an oval or a rounded rectangle: the guide over a camera picture.
    void veil(Rect area, Rect hole, bool ovalHole, int holeRadius, Color color);
    // Streams a picture into `dst`, showing its part `source` (all of it when empty), mirrored for
    // a selfie view if asked. The texture is made once per size and layout and updated in place.
    void video(const VideoImage& image, Rect source, Rect dst, bool mirrored);
    // The picture layout this renderer streams fastest: I420 (or NV12) on a GPU, RGB24 on SDL's
    // software renderer. The camera side converts frames into it (convertFrame).
    PixelLayout preferredVideoLayout() const;

    // The exact size of one line of text (TTF_SizeUTF8).
    Size measure(std::string_view text, int px, Weight weight);
    // Greedy word wrap to `width`; '\n' forces a break. A word wider than `width` keeps its line.
    std::vector<std::string> wrap(std::string_view text, int px, Weight weight, int width);

    // One line, centred vertically in `box`. Too wide a text is drawn smaller rather than cut.
    void text(std::string_view text, Rect box, const TextStyle& style);
    // Wrapped lines, centred vertically in `box`; drawn smaller if they would not fit.
    void paragraph(std::string_view text, Rect box, const TextStyle& style);

    // Widgets report the rectangles that take taps, so tests can check them on every screen.
    void target(Rect r);
    // Records texts and targets into `sink` until called with nullptr.
    void audit(DrawAudit* sink);

    // Call once per frame after drawing: forgets textures that were not drawn in this frame.
    void endFrame();

private:
    struct Impl;
    explicit Painter(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace kiosk::ui
