#pragma once
// An evdev input device (/dev/input/eventN) of a keyboard-wedge scanner, held with an exclusive
// grab (EVIOCGRAB) so that its keystrokes reach this port and never the desktop or a terminal.
// Point it at a stable name (/dev/input/by-id/usb-...-event-kbd), which udev re-creates for the
// device on replug; the node number changes.

#include <filesystem>

#include "drivers/scanner/input_event_port.h"

namespace kiosk::drivers {

// Lives on the devices thread.
class EvdevPort final : public InputEventPort {
public:
    EvdevPort(std::filesystem::path device, std::chrono::milliseconds reopenInterval, const Waker* waker = nullptr)
        : InputEventPort(reopenInterval, waker), device_(std::move(device)) {}

    std::string describe() const override { return device_.string(); }

protected:
    // Refuses a node that is not an evdev device with keys, and one that another program has
    // grabbed already. Events queued before the grab are thrown away: the desktop saw them.
    Result<UniqueFd> open() override;

private:
    std::filesystem::path device_;
};

}  // namespace kiosk::drivers
