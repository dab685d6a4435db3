#pragma once
// How bytes reach an ESC/POS printer: a serial port, a USB printer device file, or TCP port 9100.
// Every link opens when first needed, closes on a failure, and opens again on the next call, so
// a printer that was switched off or unplugged comes back without restarting the kiosk.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/base/result.h"

namespace kiosk::drivers {

// Lives on the devices thread.
class PrinterLink {
public:
    virtual ~PrinterLink() = default;

    // Opens the link now if it is closed ("printer.open").
    virtual Result<void> open() = 0;
    // Sends every byte within `timeout` ("printer.open", "io.timeout", "io.woken", "io.write").
    virtual Result<void> send(std::string_view bytes, std::chrono::milliseconds timeout) = 0;
    // Sends a real-time request and returns the first byte of the reply; nullopt when nothing
    // came within `timeout` or the link failed. Stale bytes waiting beforehand are dropped.
    virtual std::optional<std::uint8_t> ask(std::string_view request, std::chrono::milliseconds timeout) = 0;
    // Plain words for staff: "TCP 192.0.2.10:9100", "/dev/usb/lp0".
    virtual std::string describe() const = 0;
    // Why the link last failed; empty when it never has.
    virtual std::string lastError() const = 0;
};

}  // namespace kiosk::drivers
