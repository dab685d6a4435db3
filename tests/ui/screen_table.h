#pragma once
// Every screen the screen tests draw, by name. Adding a screen to the golden-image and layout
// tests is one line in screen_table.cpp.

#include <functional>
#include <string>
#include <vector>

#include "kiosk/ui/catalog.h"
#include "kiosk/ui/painter.h"

namespace kiosk::ui::testing {

struct ScreenCase {
    std::string name;
    std::function<void(Painter&, const Catalogs&, Language)> draw;  // with no touch
    bool golden = true;  // compared with a golden image too (one step of each kind is); layout always
};

const std::vector<ScreenCase>& allScreens();

// The window sizes every screen is tested at.
inline constexpr Size kTestSizes[] = {{1920, 1080}, {1366, 768}, {1080, 1920}};

}  // namespace kiosk::ui::testing
