#pragma once
// A full-page or swipe passport reader on a serial line that sends the MRZ lines as text.
// Reconnects by itself after an unplug; a frame cut short by the unplug is thrown away.

#include <chrono>
#include <optional>
#include <string>

#include "drivers/api/mrz_reader.h"
#include "drivers/mrz/mrz_framer.h"
#include "drivers/serial/serial_port.h"
#include "kiosk/base/clock.h"

namespace kiosk::drivers {

struct SerialMrzReaderConfig {
    SerialSettings port;
    MrzFraming framing;
    bool required = false;  // from the site configuration
};

// Lives on the devices thread.
class SerialMrzReader final : public MrzReader {
public:
    static Result<SerialMrzReader> create(SerialMrzReaderConfig config, const Clock& clock,
                                          const Waker* waker = nullptr);

    std::optional<MrzText> next(std::chrono::milliseconds timeout) override;
    ComponentHealth health() const override;

    const MrzFramer::Counts& counts() const { return framer_.counts(); }
    const SerialPort& port() const { return port_; }

private:
    SerialMrzReader(SerialPort port, MrzFraming framing, const Clock& clock, bool required)
        : port_(std::move(port)), framer_(framing), clock_(&clock), required_(required) {}

    SerialPort port_;
    MrzFramer framer_;
    const Clock* clock_;
    bool required_;
    std::string lastError_;
};

}  // namespace kiosk::drivers
