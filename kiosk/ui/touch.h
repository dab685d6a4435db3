#pragma once
// One pointer as the screens see it in a frame. Mouse clicks and touchscreen fingers arrive the
// same way. A tap counts on release, and only when the press began and ended inside the same
// control, so a finger sliding across buttons or resting on one never acts twice.

#include <cstdint>
#include <optional>

#include "kiosk/ui/geometry.h"

namespace kiosk::ui {

struct Touch {
    std::optional<Point> start;    // where the current press began (or the one that ends this frame)
    std::optional<Point> current;  // where the pointer is while pressed
    std::optional<Point> end;      // only in the frame the press was released

    bool tappedInside(Rect r) const { return start && end && r.contains(*start) && r.contains(*end); }
    // For the pressed look: held down, began inside and is still inside.
    bool pressingInside(Rect r) const { return start && current && !end && r.contains(*start) && r.contains(*current); }

    static Touch tapAt(Point p) { return Touch{p, std::nullopt, p}; }
};

// Turns pointer events into one Touch per frame. Follows one pointer at a time: a second finger
// landing while the first is down is ignored. Lives on the UI thread.
class TouchTracker {
public:
    using PointerId = std::int64_t;

    void press(PointerId id, Point at);
    void move(PointerId id, Point to);
    void release(PointerId id, Point at);
    void cancel();  // e.g. the window lost focus mid-press: nothing is tapped

    bool released() const { return touch_.end.has_value(); }
    // The state for this frame; a finished press is forgotten afterwards.
    Touch frame();

private:
    Touch touch_;
    std::optional<PointerId> pointer_;
};

}  // namespace kiosk::ui
