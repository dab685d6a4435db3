// [devices.scanner] and [devices.mrz_reader], and the serial port keys they share with the printer.

#include <string>

#include "drivers/setup/device_readers.h"

namespace kiosk::drivers {

namespace {

Result<CodeFraming> readCodeFraming(const SettingsTable& t, bool keyboard) {
    CodeFraming framing;
    Mistakes e;
    auto suffix = keyboard ? t.choice("suffix", {"enter", "tab", "none"})
                           : t.choice("suffix", {"cr", "lf", "crlf", "tab", "none"});
    e.take(std::move(suffix), [&](const std::string& v) {
        if (v == "cr" || v == "enter") framing.suffix = CodeSuffix::Cr;
        if (v == "lf") framing.suffix = CodeSuffix::Lf;
        if (v == "crlf") framing.suffix = CodeSuffix::CrLf;
        if (v == "tab") framing.suffix = CodeSuffix::Tab;
        if (v == "none") framing.suffix = CodeSuffix::None;
    });
    e.take(t.milliseconds("inter_byte_timeout_ms", 10, 10'000, 150),
           [&](std::chrono::milliseconds v) { framing.interByteTimeout = v; });
    e.take(t.integer("max_length", 16, 65'536, 8192),
           [&](std::int64_t v) { framing.maxLength = static_cast<std::size_t>(v); });
    if (e) return *e;
    return framing;
}

Result<SimulatedScriptSettings> readScript(const SettingsTable& t, std::string_view file) {
    const std::string example = "script = \"" + std::string(file) + "\"";
    if (auto ok = t.onlyKeys({"backend", "required", "script", "loop"}, "for backend \"simulated\""); !ok)
        return ok.error();
    SimulatedScriptSettings s;
    Mistakes e;
    e.take(t.path("script", example), [&](const std::filesystem::path& v) { s.script = v; });
    e.take(t.boolean("loop"), [&](bool v) { s.loop = v; });
    e.take(t.boolean("required"), [&](bool v) { s.required = v; });
    if (e) return *e;
    if (s.script.empty()) return t.missing("script", example);
    return s;
}

}  // namespace

Result<std::string> readBackend(const SettingsTable& t, std::initializer_list<std::string_view> backends) {
    auto backend = t.choice("backend", backends);
    if (!backend) return backend.error();
    if (!*backend) return t.missing("backend", "backend = \"" + std::string(*backends.begin()) + "\"");
    return **backend;
}

Result<SerialSettings> readSerialPort(const SettingsTable& t, std::string_view exampleDevice) {
    SerialSettings port;
    Mistakes e;
    const std::string example = "device = \"" + std::string(exampleDevice) + "\"";
    e.take(t.path("device", example), [&](const std::filesystem::path& v) { port.device = v; });
    e.take(t.integer("baud", 1200, 921'600, 9600), [&](std::int64_t v) { port.baud = static_cast<unsigned>(v); });
    e.take(t.integer("data_bits", 5, 8, 8), [&](std::int64_t v) { port.dataBits = static_cast<unsigned>(v); });
    e.take(t.choice("parity", {"none", "even", "odd"}), [&](const std::string& v) {
        port.parity = v == "even" ? Parity::Even : v == "odd" ? Parity::Odd : Parity::None;
    });
    e.take(t.integer("stop_bits", 1, 2, 1), [&](std::int64_t v) { port.stopBits = static_cast<unsigned>(v); });
    e.take(t.choice("flow_control", {"none", "rts-cts", "xon-xoff"}), [&](const std::string& v) {
        port.flowControl = v == "rts-cts"    ? FlowControl::RtsCts
                           : v == "xon-xoff" ? FlowControl::XonXoff
                                             : FlowControl::None;
    });
    e.take(t.milliseconds("reopen_interval_ms", 10, 60'000, 300),
           [&](std::chrono::milliseconds v) { port.reopenInterval = v; });
    if (e) return *e;
    if (port.device.empty()) return t.missing("device", example);
    if (auto ok = validateSerialSettings(port); !ok) return t.error(t.node("baud"), ok.error().detail);
    return port;
}

Result<ScannerSettings> readScanner(const SettingsTable& t) {
    auto backend = readBackend(t, {"serial", "evdev", "simulated"});
    if (!backend) return backend.error();
    if (*backend == "simulated") {
        auto script = readScript(t, "scanner.script");
        if (!script) return script.error();
        return ScannerSettings{std::move(*script)};
    }
    const bool keyboard = *backend == "evdev";
    const std::vector<std::string_view> framingKeys{"backend", "required", "suffix", "inter_byte_timeout_ms",
                                                    "max_length"};
    auto keys = keyboard
                    ? withKeys(framingKeys, std::array<std::string_view, 3>{"device", "layout", "reopen_interval_ms"})
                    : withKeys(framingKeys, kSerialKeys);
    if (auto ok = t.onlyKeys(keys, "for backend \"" + *backend + "\""); !ok) return ok.error();
    auto framing = readCodeFraming(t, keyboard);
    if (!framing) return framing.error();
    bool required = false;
    Mistakes e;
    e.take(t.boolean("required"), [&](bool v) { required = v; });
    if (!keyboard) {
        auto port = readSerialPort(t, "/dev/serial/by-id/usb-Scanner-if00");
        if (!port) return port.error();
        if (e) return *e;
        return ScannerSettings{SerialScannerConfig{std::move(*port), *framing, required}};
    }
    EvdevScannerConfig evdev;
    evdev.framing = *framing;
    evdev.required = required;
    const auto example = R"(device = "/dev/input/by-id/usb-Scanner-event-kbd")";
    e.take(t.path("device", example), [&](const std::filesystem::path& v) { evdev.device = v; });
    e.take(t.text("layout", R"(layout = "us")"), [&](const std::string& v) { evdev.layout = v; });
    e.take(t.milliseconds("reopen_interval_ms", 10, 60'000, 300),
           [&](std::chrono::milliseconds v) { evdev.reopenInterval = v; });
    if (e) return *e;
    if (evdev.device.empty()) return t.missing("device", example);
    if (!findKeyboardLayout(evdev.layout))
        return t.error(t.node("layout"), "layout must be one of " + keyboardLayoutNames() + ", e.g. layout = \"us\"");
    return ScannerSettings{std::move(evdev)};
}

Result<MrzReaderSettings> readMrzReader(const SettingsTable& t) {
    auto backend = readBackend(t, {"serial", "simulated"});
    if (!backend) return backend.error();
    if (*backend == "simulated") {
        auto script = readScript(t, "mrz.script");
        if (!script) return script.error();
        return MrzReaderSettings{std::move(*script)};
    }
    auto keys = withKeys({"backend", "required", "terminator", "inter_byte_timeout_ms"}, kSerialKeys);
    if (auto ok = t.onlyKeys(keys, "for backend \"serial\""); !ok) return ok.error();
    SerialMrzReaderConfig config;
    Mistakes e;
    e.take(t.boolean("required"), [&](bool v) { config.required = v; });
    e.take(t.choice("terminator", {"last-line", "blank-line", "etx"}), [&](const std::string& v) {
        config.framing.terminator = v == "etx"          ? MrzTerminator::Etx
                                    : v == "blank-line" ? MrzTerminator::BlankLine
                                                        : MrzTerminator::LastLine;
    });
    e.take(t.milliseconds("inter_byte_timeout_ms", 10, 10'000, 500),
           [&](std::chrono::milliseconds v) { config.framing.interByteTimeout = v; });
    if (e) return *e;
    auto port = readSerialPort(t, "/dev/serial/by-id/usb-Passport_Reader-if00");
    if (!port) return port.error();
    config.port = std::move(*port);
    return MrzReaderSettings{std::move(config)};
}

}  // namespace kiosk::drivers
