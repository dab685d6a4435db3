#include "drivers/setup/device_settings.h"

#include <array>
#include <fstream>
#include <iterator>
#include <sstream>

#include "drivers/setup/device_readers.h"

namespace kiosk::drivers {

namespace {

template <class Variant, std::size_t N>
std::string_view nameOf(const Variant& v, const std::array<std::string_view, N>& names) {
    static_assert(std::variant_size_v<Variant> == N);
    return names[v.index()];
}

// The table `key` of `parent`, or null when the file has none.
Result<const toml::table*> tableAt(const std::filesystem::path& file, const toml::table* parent, std::string_view key,
                                   const std::string& name) {
    const auto* node = parent ? parent->get(key) : nullptr;
    if (!node) return static_cast<const toml::table*>(nullptr);
    if (const auto* table = node->as_table()) return table;
    return SettingsTable(file, nullptr, name).error(node, "must be a table, e.g. [" + name + "]");
}

template <class Settings, class Reader>
Result<void> readPart(const std::filesystem::path& file, const toml::table* devices, std::string_view key, Reader read,
                      std::optional<Settings>& out) {
    const std::string name = "devices." + std::string(key);
    auto table = tableAt(file, devices, key, name);
    if (!table) return table.error();
    if (!*table) return {};
    auto settings = read(SettingsTable(file, *table, name));
    if (!settings) return settings.error();
    out = std::move(*settings);
    return {};
}

}  // namespace

std::string_view backendName(const PrinterSettings& s) {
    return nameOf(s, std::array<std::string_view, 4>{"escpos-serial", "escpos-usb", "escpos-tcp", "simulated"});
}
std::string_view backendName(const ScannerSettings& s) {
    return nameOf(s, std::array<std::string_view, 3>{"serial", "evdev", "simulated"});
}
std::string_view backendName(const MrzReaderSettings& s) {
    return nameOf(s, std::array<std::string_view, 2>{"serial", "simulated"});
}
std::string_view backendName(const CameraSettings& s) {
    return nameOf(s, std::array<std::string_view, 2>{"v4l2", "simulated"});
}
std::string_view backendName(const UsbStorageSettings& s) {
    return nameOf(s, std::array<std::string_view, 2>{"system", "simulated"});
}

Result<DeviceSettings> parseDeviceSettings(std::string_view text, const std::filesystem::path& file) {
    toml::table root;
    try {
        root = toml::parse(text, file.string());
    } catch (const toml::parse_error& e) {
        return Error{"devices.settings", file.string() + ":" + std::to_string(e.source().begin.line) +
                                             ": not valid TOML: " + std::string(e.description())};
    }
    DeviceSettings out;
    out.file = file;
    auto devices = tableAt(file, &root, "devices", "devices");
    if (!devices) return devices.error();
    if (!*devices) return out;
    if (auto ok = SettingsTable(file, *devices, "devices")
                      .onlyKeys({"printer", "scanner", "mrz_reader", "camera", "usb_storage"});
        !ok)
        return ok.error();
    Mistakes e;
    e.take(readPart(file, *devices, "printer", readPrinter, out.printer));
    e.take(readPart(file, *devices, "scanner", readScanner, out.scanner));
    e.take(readPart(file, *devices, "mrz_reader", readMrzReader, out.mrzReader));
    e.take(readPart(file, *devices, "camera", readCamera, out.camera));
    e.take(readPart(file, *devices, "usb_storage", readUsbStorage, out.usbStorage));
    if (e) return *e;
    return out;
}

Result<DeviceSettings> loadDeviceSettings(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Error{"devices.settings", "cannot read the settings file " + file.string()};
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) return Error{"devices.settings", "cannot read the settings file " + file.string()};
    return parseDeviceSettings(text.str(), file);
}

}  // namespace kiosk::drivers
