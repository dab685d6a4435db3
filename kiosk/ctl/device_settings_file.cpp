#include "kiosk/ctl/device_settings_file.h"

namespace kiosk::ctl {

Result<drivers::DeviceSettings> loadDevices(const std::filesystem::path& file) {
    auto settings = drivers::loadDeviceSettings(file);
    if (!settings) return settings.error();
    if (!settings->printer && !settings->scanner && !settings->mrzReader && !settings->camera)
        return Error{"devices.none",
                     file.string() +
                         " describes no device: add a [devices.printer], [devices.scanner], "
                         "[devices.mrz_reader] or [devices.camera] table (see config/kiosk.example.toml)"};
    return settings;
}

}  // namespace kiosk::ctl
