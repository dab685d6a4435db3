#pragma once
// The descriptor of a keyboard-wedge scanner, which survives being unplugged: reads return the
// raw bytes of input_event records; when the device goes away (ENODEV, or the end of a stream)
// the descriptor closes, the port says why, and it opens the device again every
// `reopenInterval` until it is back. How the device is opened is up to the concrete port: an
// evdev node with an exclusive grab (EvdevPort), or whatever a test hands over.

#include <chrono>
#include <cstdint>
#include <string>

#include "drivers/posix/fd_io.h"
#include "drivers/posix/unique_fd.h"
#include "drivers/posix/waker.h"
#include "drivers/serial/serial_port.h"
#include "kiosk/base/result.h"

namespace kiosk::drivers {

// Lives on the devices thread; only the Waker is touched from other threads.
class InputEventPort {
public:
    virtual ~InputEventPort() = default;
    InputEventPort(const InputEventPort&) = delete;
    InputEventPort& operator=(const InputEventPort&) = delete;

    // Returns when bytes arrive (Data), the device goes away (Disconnected), the Waker is raised
    // or `timeout` passes, opening the device first when it is closed and a reopen is due.
    SerialRead read(std::chrono::milliseconds timeout);

    bool connected() const { return static_cast<bool>(fd_); }
    // Why the port is closed, or why it last closed; plain words for staff.
    const std::string& lastError() const { return lastError_; }
    std::uint64_t openCount() const { return openCount_; }
    // Plain words for staff: the device path.
    virtual std::string describe() const = 0;

protected:
    InputEventPort(std::chrono::milliseconds reopenInterval, const Waker* waker)
        : reopenInterval_(reopenInterval), waker_(waker) {}
    // Opens the device, non-blocking; the error's detail is plain words for staff.
    virtual Result<UniqueFd> open() = 0;

private:
    bool tryOpen();
    void drop(std::string reason);

    std::chrono::milliseconds reopenInterval_;
    const Waker* waker_;
    UniqueFd fd_;
    SteadyTime nextOpenAt_{};
    std::string lastError_ = "not opened yet";
    std::uint64_t openCount_ = 0;
};

}  // namespace kiosk::drivers
