#pragma once
// A serial device (USB CDC-ACM, USB-serial adapter, or a real UART) in raw mode, non-blocking,
// that survives being unplugged: when the device goes away the port closes, says why, and tries
// to open the same path again every `reopenInterval` until it is back. Point it at a stable name
// (/dev/serial/by-id/...), which udev re-creates for the device on replug.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "drivers/posix/fd_io.h"
#include "drivers/posix/unique_fd.h"
#include "drivers/posix/waker.h"
#include "kiosk/base/result.h"

namespace kiosk::drivers {

enum class Parity { None, Even, Odd };
enum class FlowControl { None, RtsCts, XonXoff };

struct SerialSettings {
    std::filesystem::path device;  // followed at every open, so a re-pointed symlink is picked up
    unsigned baud = 9600;          // 1200 ... 921600
    unsigned dataBits = 8;         // 5 ... 8
    Parity parity = Parity::None;
    unsigned stopBits = 1;  // 1 or 2
    FlowControl flowControl = FlowControl::None;
    std::chrono::milliseconds reopenInterval{300};
};

// "serial.device", "serial.baud", "serial.data_bits", "serial.stop_bits", "serial.reopen_interval".
Result<void> validateSerialSettings(const SerialSettings& settings);

enum class SerialEvent {
    Data,          // `bytes` holds what arrived
    Timeout,       // nothing arrived (or the device is still away)
    Woken,         // the Waker was raised
    Disconnected,  // the device went away just now; anything half-received is incomplete
};

struct SerialRead {
    SerialEvent event = SerialEvent::Timeout;
    std::string bytes;
};

// Lives on the devices thread; only the Waker is touched from other threads.
class SerialPort {
public:
    // Checks the settings; the device itself may be absent now and appear later.
    static Result<SerialPort> create(SerialSettings settings, const Waker* waker = nullptr);

    // Returns when bytes arrive, the device goes away, the Waker is raised or `timeout` passes,
    // opening the device first when it is closed and a reopen is due.
    SerialRead read(std::chrono::milliseconds timeout);

    // Opens the device now if it is closed, whatever the reopen interval says (a print job
    // should not wait for it). Fails with "serial.open" when the device is not there.
    Result<void> ensureOpen();

    // Sends all of `bytes` or fails ("serial.open", "io.timeout", "io.woken", "io.write"); a
    // failed write closes the port.
    Result<void> write(std::string_view bytes, std::chrono::milliseconds timeout);

    // Throws away bytes received but not yet read (a printer's stale status replies).
    void discardInput();

    bool connected() const { return static_cast<bool>(fd_); }
    // Why the port is closed, or why it last closed; plain words for staff.
    const std::string& lastError() const { return lastError_; }
    // How many times the device has been opened; a test watches it to time a replug.
    std::uint64_t openCount() const { return openCount_; }
    const SerialSettings& settings() const { return settings_; }

private:
    SerialPort(SerialSettings settings, const Waker* waker) : settings_(std::move(settings)), waker_(waker) {}

    bool tryOpen();
    void drop(std::string reason);

    SerialSettings settings_;
    const Waker* waker_ = nullptr;
    UniqueFd fd_;
    SteadyTime nextOpenAt_{};
    std::string lastError_ = "not opened yet";
    std::uint64_t openCount_ = 0;
};

}  // namespace kiosk::drivers
