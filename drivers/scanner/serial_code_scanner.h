#pragma once
// A barcode/QR scanner on a serial line (USB CDC-ACM or a USB-serial adapter). Reconnects by
// itself after an unplug; a code cut short by the unplug is thrown away.

#include <chrono>
#include <optional>

#include "drivers/api/code_scanner.h"
#include "drivers/scanner/code_framer.h"
#include "drivers/serial/serial_port.h"
#include "kiosk/base/clock.h"

namespace kiosk::drivers {

struct SerialScannerConfig {
    SerialSettings port;
    CodeFraming framing;
    bool required = false;  // from the site configuration
};

// Lives on the devices thread.
class SerialCodeScanner final : public CodeScanner {
public:
    // Fails only on settings that can never work; an absent device is a health state, not an error.
    static Result<SerialCodeScanner> create(SerialScannerConfig config, const Clock& clock,
                                            const Waker* waker = nullptr);

    std::optional<ScannedCode> next(std::chrono::milliseconds timeout) override;
    ComponentHealth health() const override;

    const CodeFramer::Counts& counts() const { return framer_.counts(); }
    const SerialPort& port() const { return port_; }

private:
    SerialCodeScanner(SerialPort port, CodeFraming framing, const Clock& clock, bool required)
        : port_(std::move(port)), framer_(framing), clock_(&clock), required_(required) {}

    SerialPort port_;
    CodeFramer framer_;
    const Clock* clock_;
    bool required_;
    std::string lastError_;
};

}  // namespace kiosk::drivers
