#pragma once
// What the devices and print-test commands share: the [devices] part of the settings file.

#include <filesystem>

#include "drivers/setup/device_settings.h"
#include "kiosk/base/result.h"

namespace kiosk::ctl {

// The device settings; an error ("devices.none") when the file describes no device at all,
// which is a wrong file rather than a kiosk without devices.
Result<drivers::DeviceSettings> loadDevices(const std::filesystem::path& file);

}  // namespace kiosk::ctl
