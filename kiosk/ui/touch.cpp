#include "kiosk/ui/touch.h"

namespace kiosk::ui {

void TouchTracker::press(PointerId id, Point at) {
    if (pointer_ || touch_.end) return;  // one pointer at a time; a finished tap waits for its frame
    pointer_ = id;
    touch_ = Touch{at, at, std::nullopt};
}

void TouchTracker::move(PointerId id, Point to) {
    if (pointer_ == id) touch_.current = to;
}

void TouchTracker::release(PointerId id, Point at) {
    if (pointer_ != id) return;
    pointer_.reset();
    touch_.current.reset();
    touch_.end = at;
}

void TouchTracker::cancel() {
    pointer_.reset();
    touch_ = Touch{};
}

Touch TouchTracker::frame() {
    const Touch now = touch_;
    if (touch_.end) touch_ = Touch{};
    return now;
}

}  // namespace kiosk::ui
