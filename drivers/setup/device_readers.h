#pragma once
// The readers of each [devices.*] table, one file per kind. Private to drivers/setup.

#include <array>
#include <string_view>
#include <vector>

#include "drivers/setup/device_settings.h"
#include "drivers/setup/settings_table.h"

namespace kiosk::drivers {

Result<PrinterSettings> readPrinter(const SettingsTable& t);
Result<ScannerSettings> readScanner(const SettingsTable& t);
Result<MrzReaderSettings> readMrzReader(const SettingsTable& t);
Result<CameraSettings> readCamera(const SettingsTable& t);
Result<UsbStorageSettings> readUsbStorage(const SettingsTable& t);

// The keys of a serial device (device, baud, data_bits, parity, stop_bits, flow_control,
// reopen_interval_ms), checked with validateSerialSettings.
inline constexpr std::array<std::string_view, 7> kSerialKeys = {
    "device", "baud", "data_bits", "parity", "stop_bits", "flow_control", "reopen_interval_ms"};
Result<SerialSettings> readSerialPort(const SettingsTable& t, std::string_view exampleDevice);

// `a` followed by `b`, for onlyKeys().
template <std::size_t N>
std::vector<std::string_view> withKeys(std::vector<std::string_view> a, const std::array<std::string_view, N>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// The backend key, which every table needs.
Result<std::string> readBackend(const SettingsTable& t, std::initializer_list<std::string_view> backends);

}  // namespace kiosk::drivers
