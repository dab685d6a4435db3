#pragma once
// Plain pixel geometry for layouts and touches. No SDL here, so layouts are tested without a display.

namespace kiosk::ui {

struct Point {
    int x = 0;
    int y = 0;
    friend bool operator==(const Point&, const Point&) = default;
};

struct Size {
    int w = 0;
    int h = 0;
    friend bool operator==(const Size&, const Size&) = default;
};

struct Rect {
    int x = 0;
    int y = 0;
    int w = 0;
    int h = 0;

    constexpr int right() const { return x + w; }
    constexpr int bottom() const { return y + h; }
    constexpr Point centre() const { return {x + w / 2, y + h / 2}; }
    constexpr bool contains(Point p) const { return p.x >= x && p.x < right() && p.y >= y && p.y < bottom(); }
    constexpr bool inside(Size area) const { return x >= 0 && y >= 0 && right() <= area.w && bottom() <= area.h; }
    constexpr Rect inset(int by) const { return {x + by, y + by, w - 2 * by, h - 2 * by}; }
    constexpr Rect inset(int dx, int dy) const { return {x + dx, y + dy, w - 2 * dx, h - 2 * dy}; }

    friend bool operator==(const Rect&, const Rect&) = default;
};

}  // namespace kiosk::ui
