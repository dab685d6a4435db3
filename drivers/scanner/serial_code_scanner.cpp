#include "drivers/scanner/serial_code_scanner.h"

#include <string>

#include "drivers/serial/framed_read.h"

namespace kiosk::drivers {

Result<SerialCodeScanner> SerialCodeScanner::create(SerialScannerConfig config, const Clock& clock,
                                                    const Waker* waker) {
    if (config.framing.maxLength == 0) return makeError("scanner.max_length", "the longest code must be positive");
    if (config.framing.interByteTimeout <= std::chrono::milliseconds(0))
        return makeError("scanner.inter_byte_timeout", "the inter-byte timeout must be positive");
    auto port = SerialPort::create(std::move(config.port), waker);
    if (!port) return port.error();
    return SerialCodeScanner{std::move(*port), config.framing, clock, config.required};
}

std::optional<ScannedCode> SerialCodeScanner::next(std::chrono::milliseconds timeout) {
    const auto before = framer_.counts();
    auto read = readFrame(port_, framer_, timeout);
    // Counts and lengths only: a code may carry personal data and never goes into a message.
    const auto& after = framer_.counts();
    std::string report;
    if (after.tooLong != before.tooLong)
        report = "a code longer than " + std::to_string(framer_.framing().maxLength) + " bytes was discarded";
    else if (after.incomplete != before.incomplete)
        report = "an incomplete code was discarded";
    if (read.disconnected)
        lastError_ = port_.lastError() + (report.empty() ? "" : "; " + report);
    else if (!report.empty())
        lastError_ = report;
    if (!read.frame) return std::nullopt;
    return ScannedCode{{}, std::move(*read.frame), clock_->now()};
}

ComponentHealth SerialCodeScanner::health() const {
    ComponentHealth h{Component::CodeScanner, required_, DeviceState::Ready, lastError_};
    if (!port_.connected()) {
        h.state = DeviceState::Failed;
        h.lastError = port_.lastError();
    }
    return h;
}

}  // namespace kiosk::drivers
