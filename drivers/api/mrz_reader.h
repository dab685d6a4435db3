#pragma once
// A passport reader that hands over the MRZ lines (2 x 44, 2 x 36 or 3 x 30).

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "drivers/api/device_health.h"
#include "kiosk/base/clock.h"

namespace kiosk::drivers {

struct MrzText {
    std::vector<std::string> lines;  // as read; parsing and correction belong to kiosk/core
    Clock::TimePoint at;
};

// Lives on the devices thread.
class MrzReader : public Device {
public:
    // Waits at most `timeout` for the next whole frame of the right shape; nullopt when none came.
    virtual std::optional<MrzText> next(std::chrono::milliseconds timeout) = 0;
};

}  // namespace kiosk::drivers
