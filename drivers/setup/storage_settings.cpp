// [devices.usb_storage]

#include <string>

#include "drivers/setup/device_readers.h"

namespace kiosk::drivers {

Result<UsbStorageSettings> readUsbStorage(const SettingsTable& t) {
    auto backend = readBackend(t, {"system", "simulated"});
    if (!backend) return backend.error();
    // No `required`: a stick is the visitor's, not part of the kiosk, so it cannot put the kiosk
    // out of service.
    if (*backend == "system") {
        if (auto ok = t.onlyKeys({"backend"}, "for backend \"system\""); !ok) return ok.error();
        return UsbStorageSettings{SystemMediaConfig{}};
    }
    if (auto ok = t.onlyKeys({"backend", "folder"}, "for backend \"simulated\""); !ok) return ok.error();
    const auto example = R"(folder = "usb-stick")";
    auto folder = t.path("folder", example);
    if (!folder) return folder.error();
    if (!*folder) return t.missing("folder", example);
    return UsbStorageSettings{SimulatedMediaConfig{std::move(**folder)}};
}

}  // namespace kiosk::drivers
