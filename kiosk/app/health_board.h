#pragma once
// How each device is, as the threads that own the devices last saw it, and what changed since the
// UI thread last looked. The devices and camera threads post their devices' health after every
// round; the UI thread posts the printer's after it prints. The UI thread takes the changes, each
// with the time it was first seen, and writes them to the store as device events (the end-of-day
// report's device lines).
//
// Safe to use from any thread, given a clock that is (SystemClock).

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "drivers/api/device_health.h"
#include "kiosk/base/clock.h"

namespace kiosk::app {

struct HealthChange {
    drivers::ComponentHealth health;
    Clock::TimePoint at;  // when the device was first seen this way
};

class HealthBoard {
public:
    // How long a device's last error may be in the log; the rest is cut.
    static constexpr std::size_t kMaxDetail = 120;

    explicit HealthBoard(const Clock& clock) : clock_(clock) {}

    void post(drivers::ComponentHealth health);

    // The devices whose state or last error differs from what the last call returned for them
    // (every device the first time), in component order.
    std::vector<HealthChange> takeChanges();
    // How each device that posted is now, in component order; takes nothing.
    std::vector<drivers::ComponentHealth> latest() const;

private:
    struct Seen {
        drivers::DeviceState state = drivers::DeviceState::Failed;
        std::string error;
        friend bool operator==(const Seen&, const Seen&) = default;
    };
    const Clock& clock_;
    mutable std::mutex mutex_;
    std::map<drivers::Component, HealthChange> latest_;  // guarded by mutex_
    std::map<drivers::Component, Seen> taken_;           // guarded by mutex_
};

}  // namespace kiosk::app
