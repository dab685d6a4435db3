// [devices.printer]

#include <string>

#include "drivers/setup/device_readers.h"

namespace kiosk::drivers {

namespace {

Result<ReceiptGeometry> readGeometry(const SettingsTable& t) {
    ReceiptGeometry geometry;
    Mistakes e;
    e.take(t.integer("width_dots", 96, 1024, 576), [&](std::int64_t v) { geometry.dotsWide = static_cast<int>(v); });
    if (e) return *e;
    if (auto ok = validateGeometry(geometry); !ok)
        return t.error(t.node("width_dots"),
                       ok.error().detail + ", e.g. width_dots = 576 (80 mm paper) or 384 (58 mm)");
    return geometry;
}

Result<EscPosPrinterConfig> readEscPos(const SettingsTable& t, ReceiptGeometry geometry, bool required) {
    EscPosPrinterConfig config;
    config.geometry = geometry;
    config.required = required;
    Mistakes e;
    e.take(t.choice("qr", {"native", "raster"}),
           [&](const std::string& v) { config.qr = v == "raster" ? QrMethod::Raster : QrMethod::Native; });
    e.take(t.boolean("poll_status"), [&](bool v) { config.pollStatus = v; });
    if (e) return *e;
    return config;
}

Result<PrinterSettings> readSimulated(const SettingsTable& t, ReceiptGeometry geometry, bool required) {
    SimulatedPrinterConfig config;
    config.geometry = geometry;
    config.required = required;
    const auto example = R"(output_dir = "receipts")";
    Mistakes e;
    e.take(t.path("output_dir", example), [&](const std::filesystem::path& v) { config.outputDir = v; });
    e.take(t.path("status_file", R"(status_file = "printer-status")"),
           [&](const std::filesystem::path& v) { config.statusFile = v; });
    e.take(t.path("font", R"(font = "/usr/share/fonts/truetype/noto/NotoSansMono-Regular.ttf")"),
           [&](const std::filesystem::path& v) { config.fontFile = v; });
    if (e) return *e;
    if (config.outputDir.empty()) return t.missing("output_dir", example);
    return PrinterSettings{std::move(config)};
}

}  // namespace

Result<PrinterSettings> readPrinter(const SettingsTable& t) {
    auto backend = readBackend(t, {"escpos-serial", "escpos-usb", "escpos-tcp", "simulated"});
    if (!backend) return backend.error();
    const std::vector<std::string_view> common{"backend", "required", "width_dots"};
    std::vector<std::string_view> keys;
    if (*backend == "simulated")
        keys = withKeys(common, std::array<std::string_view, 3>{"output_dir", "status_file", "font"});
    if (*backend == "escpos-serial")
        keys = withKeys(withKeys(common, kSerialKeys), std::array<std::string_view, 2>{"qr", "poll_status"});
    if (*backend == "escpos-usb")
        keys = withKeys(common, std::array<std::string_view, 3>{"device", "qr", "poll_status"});
    if (*backend == "escpos-tcp")
        keys = withKeys(common,
                        std::array<std::string_view, 5>{"address", "port", "connect_timeout_ms", "qr", "poll_status"});
    if (auto ok = t.onlyKeys(keys, "for backend \"" + *backend + "\""); !ok) return ok.error();

    bool required = false;
    Mistakes e;
    e.take(t.boolean("required"), [&](bool v) { required = v; });
    if (e) return *e;
    auto geometry = readGeometry(t);
    if (!geometry) return geometry.error();
    if (*backend == "simulated") return readSimulated(t, *geometry, required);

    auto escpos = readEscPos(t, *geometry, required);
    if (!escpos) return escpos.error();
    if (*backend == "escpos-serial") {
        auto port = readSerialPort(t, "/dev/serial/by-id/usb-Printer-if00");
        if (!port) return port.error();
        return PrinterSettings{EscPosSerialSettings{std::move(*port), *escpos}};
    }
    if (*backend == "escpos-usb") {
        EscPosUsbSettings usb{{}, *escpos};
        const auto example = R"(device = "/dev/usb/lp0")";
        e.take(t.path("device", example), [&](const std::filesystem::path& v) { usb.device = v; });
        if (e) return *e;
        if (usb.device.empty()) return t.missing("device", example);
        return PrinterSettings{std::move(usb)};
    }
    EscPosTcpSettings tcp;
    tcp.printer = *escpos;
    const auto example = R"(address = "192.0.2.10")";
    e.take(t.text("address", example), [&](const std::string& v) { tcp.address = v; });
    e.take(t.integer("port", 1, 65'535, 9100), [&](std::int64_t v) { tcp.port = static_cast<std::uint16_t>(v); });
    e.take(t.milliseconds("connect_timeout_ms", 100, 60'000, 3000),
           [&](std::chrono::milliseconds v) { tcp.connectTimeout = v; });
    if (e) return *e;
    if (tcp.address.empty()) return t.missing("address", example);
    return PrinterSettings{std::move(tcp)};
}

}  // namespace kiosk::drivers
