#pragma once
// A barcode/QR scanner in keyboard-wedge mode (it "types" each code as a USB keyboard), read
// through evdev with an exclusive grab so that no keystroke reaches the desktop. Reconnects by
// itself after an unplug; a code cut short by the unplug is thrown away.

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "drivers/api/code_scanner.h"
#include "drivers/scanner/input_event_port.h"
#include "drivers/scanner/keystroke_framer.h"
#include "kiosk/base/clock.h"

namespace kiosk::drivers {

struct EvdevScannerConfig {
    std::filesystem::path device;  // /dev/input/by-id/usb-...-event-kbd
    std::string layout = "us";     // see keyboard_layout.h
    // suffix: Cr (the scanner ends a code with Enter), Tab, or None (a gap ends it).
    CodeFraming framing;
    std::chrono::milliseconds reopenInterval{300};
    bool required = false;  // from the site configuration
};

// Lives on the devices thread.
class EvdevCodeScanner final : public CodeScanner {
public:
    // Fails only on settings that can never work ("scanner.device", "scanner.layout",
    // "scanner.suffix", "scanner.max_length", "scanner.inter_byte_timeout",
    // "scanner.reopen_interval"); an absent device is a health state, not an error.
    static Result<EvdevCodeScanner> create(EvdevScannerConfig config, const Clock& clock, const Waker* waker = nullptr);
    // Over any port that yields input_event records; tests hand over a socketpair.
    EvdevCodeScanner(std::unique_ptr<InputEventPort> port, const KeyboardLayout& layout, CodeFraming framing,
                     const Clock& clock, bool required);

    std::optional<ScannedCode> next(std::chrono::milliseconds timeout) override;
    ComponentHealth health() const override;

    const CodeFramer::Counts& counts() const { return framer_.codeCounts(); }
    const KeystrokeFramer::Counts& keyCounts() const { return framer_.counts(); }
    const InputEventPort& port() const { return *port_; }

private:
    std::unique_ptr<InputEventPort> port_;
    KeystrokeFramer framer_;
    const Clock* clock_;
    bool required_;
    std::string lastError_;
};

}  // namespace kiosk::drivers
