#pragma once
// The [devices] part of the kiosk's settings file: which backend drives each component, where
// its device is, and whether the site requires it. A component without a table is not fitted.
//
//   [devices.printer]     backend = "escpos-serial" | "escpos-usb" | "escpos-tcp" | "simulated"
//   [devices.scanner]     backend = "serial" | "evdev" | "simulated"
//   [devices.mrz_reader]  backend = "serial" | "simulated"
//   [devices.camera]      backend = "v4l2" | "simulated"
//   [devices.usb_storage] backend = "system" | "simulated"
//
// Each table but usb_storage also takes required = true|false (default false), and each its
// backend's keys; config/kiosk.example.toml shows them all. Relative paths are relative to the
// file's folder. USB storage is the exception to "not fitted": without its table the kiosk looks
// at the system's mounts, as a kiosk PC always has USB ports.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>
#include <variant>

#include "drivers/camera/simulated_camera.h"
#include "drivers/camera/v4l2_camera.h"
#include "drivers/mrz/serial_mrz_reader.h"
#include "drivers/printer/escpos_printer.h"
#include "drivers/printer/simulated_printer.h"
#include "drivers/scanner/evdev_code_scanner.h"
#include "drivers/scanner/serial_code_scanner.h"
#include "drivers/storage/simulated_media.h"
#include "drivers/storage/system_media.h"
#include "kiosk/base/result.h"

namespace kiosk::drivers {

struct EscPosSerialSettings {
    SerialSettings port;
    EscPosPrinterConfig printer;
};

struct EscPosUsbSettings {
    std::filesystem::path device;  // /dev/usb/lp0
    EscPosPrinterConfig printer;
};

struct EscPosTcpSettings {
    std::string address;  // numeric IPv4 or IPv6
    std::uint16_t port = 9100;
    std::chrono::milliseconds connectTimeout{3000};
    EscPosPrinterConfig printer;
};

// A simulated scanner or MRZ reader: a script file (drivers/simulation/device_script.h).
struct SimulatedScriptSettings {
    std::filesystem::path script;
    bool loop = false;
    bool required = false;
};

using PrinterSettings =
    std::variant<EscPosSerialSettings, EscPosUsbSettings, EscPosTcpSettings, SimulatedPrinterConfig>;
using ScannerSettings = std::variant<SerialScannerConfig, EvdevScannerConfig, SimulatedScriptSettings>;
using MrzReaderSettings = std::variant<SerialMrzReaderConfig, SimulatedScriptSettings>;
using CameraSettings = std::variant<V4l2CameraConfig, SimulatedCameraConfig>;
using UsbStorageSettings = std::variant<SystemMediaConfig, SimulatedMediaConfig>;

// The backend names as the settings file writes them: "escpos-tcp", "simulated", ...
std::string_view backendName(const PrinterSettings& s);
std::string_view backendName(const ScannerSettings& s);
std::string_view backendName(const MrzReaderSettings& s);
std::string_view backendName(const CameraSettings& s);
std::string_view backendName(const UsbStorageSettings& s);

struct DeviceSettings {
    std::filesystem::path file;  // where they were read from, for messages
    std::optional<PrinterSettings> printer;
    std::optional<ScannerSettings> scanner;
    std::optional<MrzReaderSettings> mrzReader;
    std::optional<CameraSettings> camera;
    std::optional<UsbStorageSettings> usbStorage;  // none: the system's mounts
};

// Errors ("devices.settings") name the file, the line and the expected form, e.g.
// "/etc/loket/kiosk.toml:31: [devices.printer] backend must be one of "escpos-serial", ...".
// Other tables of the file ([kiosk], [sync], ...) are not looked at.
Result<DeviceSettings> loadDeviceSettings(const std::filesystem::path& file);
Result<DeviceSettings> parseDeviceSettings(std::string_view text, const std::filesystem::path& file);

}  // namespace kiosk::drivers
