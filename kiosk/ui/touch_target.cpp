#include "kiosk/ui/touch_target.h"

#include <SDL.h>

#include <cmath>

namespace kiosk::ui {
namespace {

constexpr double kMillimetresPerInch = 25.4;
constexpr double kDesktopDpi = 96.0;

double dpiOf(Size pixels, double diagonalInches) {
    return std::hypot(static_cast<double>(pixels.w), static_cast<double>(pixels.h)) / diagonalInches;
}

}  // namespace

double typicalDpi(Size window) {
    struct Panel {
        Size pixels;
        double diagonalInches;
    };
    constexpr Panel kPanels[] = {{{1920, 1080}, 21.5}, {{1080, 1920}, 21.5}, {{1366, 768}, 15.6}, {{768, 1366}, 15.6}};
    for (const auto& panel : kPanels)
        if (panel.pixels == window) return dpiOf(panel.pixels, panel.diagonalInches);
    return kDesktopDpi;
}

int minTargetPx(Size window, std::optional<double> dpi) {
    const double perInch = dpi.value_or(typicalDpi(window));
    return static_cast<int>(std::ceil(kMinTargetMillimetres / kMillimetresPerInch * perInch));
}

std::optional<double> displayDpi() {
    if (SDL_WasInit(SDL_INIT_VIDEO) == 0) return std::nullopt;
    float diagonal = 0;
    if (SDL_GetDisplayDPI(0, &diagonal, nullptr, nullptr) != 0) return std::nullopt;
    // Panels in kiosks lie between about 70 dpi (a 32" full HD screen) and 300 (a tablet).
    if (diagonal < 60.0F || diagonal > 400.0F || diagonal == 72.0F) return std::nullopt;
    return static_cast<double>(diagonal);
}

}  // namespace kiosk::ui
