#pragma once
// Checks of a camera request shared by the camera backends.

#include "drivers/api/camera.h"
#include "kiosk/base/result.h"

namespace kiosk::drivers {

// "camera.size": 0 x 0, or 16 x 16 to 7680 x 4320; "camera.rate": 0, or above 0 up to 240.
Result<void> validateCameraRequest(const CameraMode& request);

}  // namespace kiosk::drivers
