#include "drivers/camera/camera_request.h"

#include <cmath>
#include <string>

namespace kiosk::drivers {

Result<void> validateCameraRequest(const CameraMode& request) {
    const auto& size = request.size;
    const bool anySize = size.width == 0 && size.height == 0;
    if (!anySize && (size.width < 16 || size.height < 16 || size.width > 7680 || size.height > 4320))
        return makeError("camera.size",
                         "a frame size must be 0 x 0 (the device's own) or from 16 x 16 to 7680 x 4320, not " +
                             std::to_string(size.width) + " x " + std::to_string(size.height));
    const double fps = request.rate.perSecond;
    if (!std::isfinite(fps) || fps < 0 || fps > 240)
        return makeError("camera.rate", "a frame rate must be 0 (the device's own) or above 0 up to 240 per second");
    return {};
}

}  // namespace kiosk::drivers
