#pragma once
// A barcode or QR scanner (serial, keyboard wedge with an exclusive grab, or simulated).

#include <chrono>
#include <optional>
#include <string>

#include "drivers/api/device_health.h"
#include "kiosk/base/clock.h"

namespace kiosk::drivers {

struct ScannedCode {
    std::string symbology;  // "QRCode", "PDF417", ... or empty when the scanner does not say
    std::string bytes;      // exactly as received; control characters are data, never commands
    Clock::TimePoint at;
};

// Lives on the devices thread.
class CodeScanner : public Device {
public:
    // Waits at most `timeout` for the next whole code; nullopt when none arrived (or the devices
    // thread was woken to stop). A code cut short by an unplug is never returned.
    virtual std::optional<ScannedCode> next(std::chrono::milliseconds timeout) = 0;
};

}  // namespace kiosk::drivers
