#include "drivers/scanner/evdev_code_scanner.h"

#include "drivers/scanner/evdev_port.h"
#include "drivers/serial/framed_read.h"

namespace kiosk::drivers {

Result<EvdevCodeScanner> EvdevCodeScanner::create(EvdevScannerConfig config, const Clock& clock, const Waker* waker) {
    if (config.device.empty()) return makeError("scanner.device", "no input device path configured");
    const auto* layout = findKeyboardLayout(config.layout);
    if (!layout)
        return makeError("scanner.layout",
                         "unknown keyboard layout \"" + config.layout + "\"; the layouts are " + keyboardLayoutNames());
    const auto suffix = config.framing.suffix;
    if (suffix != CodeSuffix::Cr && suffix != CodeSuffix::Tab && suffix != CodeSuffix::None)
        return makeError("scanner.suffix", "a keyboard-wedge scanner ends a code with Enter, Tab or nothing");
    if (config.framing.maxLength == 0) return makeError("scanner.max_length", "the longest code must be positive");
    if (config.framing.interByteTimeout <= std::chrono::milliseconds(0))
        return makeError("scanner.inter_byte_timeout", "the inter-byte timeout must be positive");
    if (config.reopenInterval <= std::chrono::milliseconds(0))
        return makeError("scanner.reopen_interval", "the reopen interval must be positive");
    auto port = std::make_unique<EvdevPort>(std::move(config.device), config.reopenInterval, waker);
    return EvdevCodeScanner{std::move(port), *layout, config.framing, clock, config.required};
}

EvdevCodeScanner::EvdevCodeScanner(std::unique_ptr<InputEventPort> port, const KeyboardLayout& layout,
                                   CodeFraming framing, const Clock& clock, bool required)
    : port_(std::move(port)), framer_(layout, framing), clock_(&clock), required_(required) {}

std::optional<ScannedCode> EvdevCodeScanner::next(std::chrono::milliseconds timeout) {
    const auto before = framer_.codeCounts();
    auto read = readFrame(*port_, framer_, timeout);
    // Counts only: a code may carry personal data and never goes into a message.
    const auto& after = framer_.codeCounts();
    std::string report;
    if (after.tooLong != before.tooLong)
        report = "a code longer than " + std::to_string(framer_.framing().maxLength) + " characters was discarded";
    else if (after.rejected != before.rejected)
        report = "a code with keys the \"" + std::string(framer_.layout().name) +
                 "\" layout does not have was discarded (check the scanner's keyboard layout)";
    else if (after.incomplete != before.incomplete)
        report = "an incomplete code was discarded";
    if (read.disconnected)
        lastError_ = port_->lastError() + (report.empty() ? "" : "; " + report);
    else if (!report.empty())
        lastError_ = report;
    if (!read.frame) return std::nullopt;
    return ScannedCode{{}, std::move(*read.frame), clock_->now()};
}

ComponentHealth EvdevCodeScanner::health() const {
    ComponentHealth h{Component::CodeScanner, required_, DeviceState::Ready, lastError_};
    if (!port_->connected()) {
        h.state = DeviceState::Failed;
        h.lastError = port_->lastError();
    }
    return h;
}

}  // namespace kiosk::drivers
