#include "drivers/setup/device_set.h"

#include "drivers/mrz/simulated_mrz_reader.h"
#include "drivers/printer/serial_printer_link.h"
#include "drivers/printer/tcp_printer_link.h"
#include "drivers/printer/usb_printer_link.h"
#include "drivers/scanner/simulated_code_scanner.h"
#include "drivers/storage/simulated_media.h"
#include "drivers/storage/system_media.h"
#include "kiosk/base/overloaded.h"

namespace kiosk::drivers {

namespace {

template <class Interface, class Backend>
Result<std::unique_ptr<Interface>> boxed(Result<Backend> built, std::string_view component) {
    if (!built) return Error{built.error().code, std::string(component) + ": " + built.error().detail};
    return std::unique_ptr<Interface>(std::make_unique<Backend>(std::move(*built)));
}

constexpr std::string_view kPrinter = "receipt printer";
constexpr std::string_view kScanner = "code scanner";
constexpr std::string_view kMrzReader = "MRZ reader";
constexpr std::string_view kCamera = "camera";

}  // namespace

std::vector<ComponentHealth> DeviceSet::health() const {
    std::vector<ComponentHealth> all;
    if (printer) all.push_back(printer->health());
    if (scanner) all.push_back(scanner->health());
    if (mrzReader) all.push_back(mrzReader->health());
    if (camera) all.push_back(camera->health());
    return all;
}

Result<std::unique_ptr<ReceiptPrinter>> openPrinter(const PrinterSettings& settings, const Waker* waker) {
    using Out = Result<std::unique_ptr<ReceiptPrinter>>;
    return std::visit(
        Overloaded{
            [&](const EscPosSerialSettings& s) -> Out {
                auto port = SerialPort::create(s.port, waker);
                if (!port) return Error{port.error().code, std::string(kPrinter) + ": " + port.error().detail};
                return boxed<ReceiptPrinter>(
                    EscPosPrinter::create(std::make_unique<SerialPrinterLink>(std::move(*port)), s.printer), kPrinter);
            },
            [&](const EscPosUsbSettings& s) -> Out {
                return boxed<ReceiptPrinter>(
                    EscPosPrinter::create(std::make_unique<UsbPrinterLink>(s.device, waker), s.printer), kPrinter);
            },
            [&](const EscPosTcpSettings& s) -> Out {
                auto link = std::make_unique<TcpPrinterLink>(s.address, s.port, s.connectTimeout, waker);
                return boxed<ReceiptPrinter>(EscPosPrinter::create(std::move(link), s.printer), kPrinter);
            },
            [&](const SimulatedPrinterConfig& s) -> Out {
                return boxed<ReceiptPrinter>(SimulatedPrinter::create(s), kPrinter);
            },
        },
        settings);
}

Result<std::unique_ptr<CodeScanner>> openScanner(const ScannerSettings& settings, const Clock& clock,
                                                 const Waker* waker) {
    using Out = Result<std::unique_ptr<CodeScanner>>;
    return std::visit(Overloaded{
                          [&](const SerialScannerConfig& s) -> Out {
                              return boxed<CodeScanner>(SerialCodeScanner::create(s, clock, waker), kScanner);
                          },
                          [&](const EvdevScannerConfig& s) -> Out {
                              return boxed<CodeScanner>(EvdevCodeScanner::create(s, clock, waker), kScanner);
                          },
                          [&](const SimulatedScriptSettings& s) -> Out {
                              return boxed<CodeScanner>(
                                  SimulatedCodeScanner::load(s.script, clock, {s.loop, s.required, waker}), kScanner);
                          },
                      },
                      settings);
}

Result<std::unique_ptr<MrzReader>> openMrzReader(const MrzReaderSettings& settings, const Clock& clock,
                                                 const Waker* waker) {
    using Out = Result<std::unique_ptr<MrzReader>>;
    return std::visit(Overloaded{
                          [&](const SerialMrzReaderConfig& s) -> Out {
                              return boxed<MrzReader>(SerialMrzReader::create(s, clock, waker), kMrzReader);
                          },
                          [&](const SimulatedScriptSettings& s) -> Out {
                              return boxed<MrzReader>(
                                  SimulatedMrzReader::load(s.script, clock, {s.loop, s.required, waker}), kMrzReader);
                          },
                      },
                      settings);
}

Result<std::unique_ptr<Camera>> openCamera(const CameraSettings& settings, const Clock& clock, const Waker* waker) {
    using Out = Result<std::unique_ptr<Camera>>;
    return std::visit(Overloaded{
                          [&](const V4l2CameraConfig& s) -> Out {
                              return boxed<Camera>(V4l2Camera::create(s, clock, waker), kCamera);
                          },
                          [&](const SimulatedCameraConfig& s) -> Out {
                              return boxed<Camera>(SimulatedCamera::create(s, clock, waker), kCamera);
                          },
                      },
                      settings);
}

Result<std::unique_ptr<RemovableMedia>> openRemovableMedia(const std::optional<UsbStorageSettings>& settings) {
    using Out = std::unique_ptr<RemovableMedia>;
    if (!settings) return Out(std::make_unique<SystemMedia>());
    return std::visit(
        Overloaded{
            [](const SystemMediaConfig& s) { return Out(std::make_unique<SystemMedia>(s.mountInfo, s.sysBlock)); },
            [](const SimulatedMediaConfig& s) { return Out(std::make_unique<SimulatedMedia>(s.folder)); },
        },
        *settings);
}

Result<DeviceSet> openDevices(const DeviceSettings& settings, const Clock& clock, const Waker* devicesWaker,
                              const Waker* cameraWaker) {
    DeviceSet set;
    if (settings.printer) {
        auto printer = openPrinter(*settings.printer, devicesWaker);
        if (!printer) return printer.error();
        set.printer = std::move(*printer);
    }
    if (settings.scanner) {
        auto scanner = openScanner(*settings.scanner, clock, devicesWaker);
        if (!scanner) return scanner.error();
        set.scanner = std::move(*scanner);
    }
    if (settings.mrzReader) {
        auto reader = openMrzReader(*settings.mrzReader, clock, devicesWaker);
        if (!reader) return reader.error();
        set.mrzReader = std::move(*reader);
    }
    if (settings.camera) {
        auto camera = openCamera(*settings.camera, clock, cameraWaker);
        if (!camera) return camera.error();
        set.camera = std::move(*camera);
    }
    auto media = openRemovableMedia(settings.usbStorage);
    if (!media) return media.error();
    set.media = std::move(*media);
    return set;
}

}  // namespace kiosk::drivers
