#pragma once
// A made-up camera frame for screen tests and the UI benchmark: flat colours and a few shapes
// (a face-like oval, a card), so golden images stay small. Deterministic: `phase` moves the
// shapes, so that a benchmark streams a changing picture.

#include "drivers/api/camera.h"

namespace kiosk::ui::testing {

drivers::CameraFrame makeTestPicture(int width, int height, int phase = 0);

}  // namespace kiosk::ui::testing
