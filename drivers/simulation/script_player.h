#pragma once
// Plays the steps of a device script at their times: @fail and @ready change the device's health
// as they fall due, and each item step is handed to the device to deliver.
//
// Times come from the Clock, so a test with a FakeClock advances the script by hand and asks with
// a zero timeout; with the system clock the player waits for real, and a raised Waker ends the
// wait at once.

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "drivers/api/device_health.h"
#include "drivers/posix/waker.h"
#include "drivers/simulation/device_script.h"
#include "kiosk/base/clock.h"

namespace kiosk::drivers {

struct PlaybackOptions {
    bool loop = false;      // start again after the last step (demos); otherwise stay quiet
    bool required = false;  // from the site configuration
    const Waker* waker = nullptr;
};

// Lives on the devices thread.
class ScriptPlayer {
public:
    ScriptPlayer(std::vector<ScriptStep> steps, const Clock& clock, PlaybackOptions options);

    // The item index of the next step due within `timeout`, after waiting for it; nullopt when
    // none is due in that time, the script is over, or the Waker was raised.
    std::optional<std::size_t> next(std::chrono::milliseconds timeout);

    DeviceState state() const { return failure_.empty() ? DeviceState::Ready : DeviceState::Failed; }
    const std::string& failure() const { return failure_; }
    bool required() const { return options_.required; }
    bool finished() const { return index_ >= steps_.size() && !loops(); }

private:
    bool loops() const;

    std::vector<ScriptStep> steps_;
    const Clock* clock_;
    PlaybackOptions options_;
    std::size_t index_ = 0;
    Clock::TimePoint last_;
    std::string failure_;
};

}  // namespace kiosk::drivers
