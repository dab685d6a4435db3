#pragma once
// An ESC/POS printer on a serial line (RS-232 or a USB-serial adapter).

#include "drivers/printer/printer_link.h"
#include "drivers/serial/serial_port.h"

namespace kiosk::drivers {

// Lives on the devices thread.
class SerialPrinterLink final : public PrinterLink {
public:
    explicit SerialPrinterLink(SerialPort port) : port_(std::move(port)) {}

    Result<void> open() override;
    Result<void> send(std::string_view bytes, std::chrono::milliseconds timeout) override;
    std::optional<std::uint8_t> ask(std::string_view request, std::chrono::milliseconds timeout) override;
    std::string describe() const override { return port_.settings().device.string(); }
    std::string lastError() const override { return lastError_; }

private:
    SerialPort port_;
    std::string lastError_;
};

}  // namespace kiosk::drivers
