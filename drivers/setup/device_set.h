#pragma once
// The kiosk's devices as its settings describe them, built with their concrete backends. Only
// drivers/setup, kiosk/app and kiosk/ctl name the backends; everything else sees the interfaces
// of drivers/api.

#include <memory>
#include <vector>

#include "drivers/api/camera.h"
#include "drivers/api/code_scanner.h"
#include "drivers/api/mrz_reader.h"
#include "drivers/api/receipt_printer.h"
#include "drivers/api/removable_media.h"
#include "drivers/posix/waker.h"
#include "drivers/setup/device_settings.h"
#include "kiosk/base/clock.h"

namespace kiosk::drivers {

// Built on the main thread; the printer, scanner and MRZ reader then live on the devices thread,
// the camera on the camera thread. The simulated printer must also be destroyed on the main
// thread (see ReceiptRenderer).
struct DeviceSet {
    std::unique_ptr<ReceiptPrinter> printer;  // null when the site has none
    std::unique_ptr<CodeScanner> scanner;
    std::unique_ptr<MrzReader> mrzReader;
    std::unique_ptr<Camera> camera;
    // Never null once opened. Not a component with a health: a missing stick is the visitor's
    // matter, not a fault of the kiosk.
    std::unique_ptr<RemovableMedia> media;

    // Every fitted component's health: printer, scanner, MRZ reader, camera, in that order.
    std::vector<ComponentHealth> health() const;
};

// Each fails only on settings its backend refuses or a simulated device's script that cannot be
// loaded; an absent device is a health state. The error's detail names the component.
Result<std::unique_ptr<ReceiptPrinter>> openPrinter(const PrinterSettings& settings, const Waker* waker = nullptr);
Result<std::unique_ptr<CodeScanner>> openScanner(const ScannerSettings& settings, const Clock& clock,
                                                 const Waker* waker = nullptr);
Result<std::unique_ptr<MrzReader>> openMrzReader(const MrzReaderSettings& settings, const Clock& clock,
                                                 const Waker* waker = nullptr);
Result<std::unique_ptr<Camera>> openCamera(const CameraSettings& settings, const Clock& clock,
                                           const Waker* waker = nullptr);
// Without settings, the system's mounts with the default paths. Fails on nothing today; a
// backend that checks its settings may.
Result<std::unique_ptr<RemovableMedia>> openRemovableMedia(const std::optional<UsbStorageSettings>& settings);

// All of them: `devicesWaker` for the printer, scanner and MRZ reader, `cameraWaker` for the camera,
// and the removable media, which need neither.
Result<DeviceSet> openDevices(const DeviceSettings& settings, const Clock& clock, const Waker* devicesWaker = nullptr,
                              const Waker* cameraWaker = nullptr);

}  // namespace kiosk::drivers
