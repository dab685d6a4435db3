// The [devices] part of the settings file: each backend's keys, errors that name the file, the
// line and the form, and the devices built from it.

#include "drivers/setup/device_settings.h"

#include <gtest/gtest.h>

#include <stdlib.h>
#include <algorithm>

#include <fstream>
#include <string>

#include "drivers/setup/device_set.h"

using namespace kiosk;
using namespace kiosk::drivers;
using namespace std::chrono_literals;

namespace {

const std::filesystem::path kFile = "/etc/loket/kiosk.toml";

DeviceSettings parse(const std::string& text) {
    auto settings = parseDeviceSettings(text, kFile);
    if (!settings) throw std::runtime_error(settings.error().detail);
    return std::move(*settings);
}

TEST(DeviceSettings, TheExampleFileDescribesSimulatedDevices) {
    const std::filesystem::path example = LOKET_SOURCE_DIR "/config/kiosk.example.toml";
    auto settings = loadDeviceSettings(example);
    ASSERT_TRUE(settings) << settings.error().detail;
    ASSERT_TRUE(settings->printer && settings->scanner && settings->mrzReader && settings->camera);
    EXPECT_EQ(backendName(*settings->printer), "simulated");
    EXPECT_EQ(backendName(*settings->scanner), "simulated");
    EXPECT_EQ(backendName(*settings->mrzReader), "simulated");
    EXPECT_EQ(backendName(*settings->camera), "simulated");
    // Shown commented out: a kiosk uses the system's mounts.
    EXPECT_FALSE(settings->usbStorage);
}

TEST(DeviceSettings, AFileWithoutDevicesHasNone) {
    const auto settings = parse("[kiosk]\nid = \"KIOSK-1\"\n");
    EXPECT_FALSE(settings.printer || settings.scanner || settings.mrzReader || settings.camera || settings.usbStorage);
}

TEST(DeviceSettings, ReadsEachPrinterBackend) {
    auto tcp = parse(R"([devices.printer]
backend = "escpos-tcp"
address = "192.0.2.10"
port = 9101
required = true
qr = "raster"
width_dots = 384
)");
    const auto& t = std::get<EscPosTcpSettings>(*tcp.printer);
    EXPECT_EQ(t.address, "192.0.2.10");
    EXPECT_EQ(t.port, 9101);
    EXPECT_TRUE(t.printer.required);
    EXPECT_EQ(t.printer.qr, QrMethod::Raster);
    EXPECT_EQ(t.printer.geometry.dotsWide, 384);

    auto serial = parse(R"([devices.printer]
backend = "escpos-serial"
device = "/dev/ttyUSB0"
baud = 19200
parity = "even"
flow_control = "rts-cts"
)");
    const auto& s = std::get<EscPosSerialSettings>(*serial.printer);
    EXPECT_EQ(s.port.device, "/dev/ttyUSB0");
    EXPECT_EQ(s.port.baud, 19200u);
    EXPECT_EQ(s.port.parity, Parity::Even);
    EXPECT_EQ(s.port.flowControl, FlowControl::RtsCts);
    EXPECT_FALSE(s.printer.required);

    auto usb = parse("[devices.printer]\nbackend = \"escpos-usb\"\ndevice = \"/dev/usb/lp0\"\npoll_status = false\n");
    EXPECT_EQ(std::get<EscPosUsbSettings>(*usb.printer).device, "/dev/usb/lp0");
    EXPECT_FALSE(std::get<EscPosUsbSettings>(*usb.printer).printer.pollStatus);

    auto simulated = parse("[devices.printer]\nbackend = \"simulated\"\noutput_dir = \"receipts\"\n");
    EXPECT_EQ(std::get<SimulatedPrinterConfig>(*simulated.printer).outputDir, "/etc/loket/receipts");
}

TEST(DeviceSettings, ReadsScannerMrzAndCameraBackends) {
    auto settings = parse(R"([devices.scanner]
backend = "evdev"
device = "/dev/input/by-id/usb-Scanner-event-kbd"
layout = "id"
suffix = "tab"
inter_byte_timeout_ms = 80
required = true

[devices.mrz_reader]
backend = "serial"
device = "/dev/ttyACM0"
terminator = "etx"

[devices.camera]
backend = "v4l2"
device = 2
width = 640
height = 480
fps = 15
pixel_format = "gray8"
fourcc = "MJPG"
)");
    const auto& scanner = std::get<EvdevScannerConfig>(*settings.scanner);
    EXPECT_EQ(scanner.layout, "id");
    EXPECT_EQ(scanner.framing.suffix, CodeSuffix::Tab);
    EXPECT_EQ(scanner.framing.interByteTimeout, 80ms);
    EXPECT_TRUE(scanner.required);
    const auto& reader = std::get<SerialMrzReaderConfig>(*settings.mrzReader);
    EXPECT_EQ(reader.framing.terminator, MrzTerminator::Etx);
    EXPECT_EQ(reader.port.device, "/dev/ttyACM0");
    const auto& camera = std::get<V4l2CameraConfig>(*settings.camera);
    EXPECT_EQ(camera.device, "2");
    EXPECT_EQ(camera.request.size, (FrameSize{640, 480}));
    EXPECT_EQ(camera.request.rate.perSecond, 15);
    EXPECT_EQ(camera.request.format, PixelFormat::Gray8);
    EXPECT_EQ(camera.fourcc, "MJPG");

    auto serialScanner =
        parse("[devices.scanner]\nbackend = \"serial\"\ndevice = \"/dev/ttyACM1\"\nsuffix = \"crlf\"\n");
    EXPECT_EQ(std::get<SerialScannerConfig>(*serialScanner.scanner).framing.suffix, CodeSuffix::CrLf);
    auto video = parse("[devices.camera]\nbackend = \"simulated\"\nvideo = \"demo.avi\"\nloop = false\n");
    EXPECT_EQ(std::get<SimulatedCameraConfig>(*video.camera).video, "/etc/loket/demo.avi");
    EXPECT_FALSE(std::get<SimulatedCameraConfig>(*video.camera).loop);
}

TEST(DeviceSettings, ReadsEachUsbStorageBackend) {
    auto system = parse("[devices.usb_storage]\nbackend = \"system\"\n");
    ASSERT_TRUE(system.usbStorage);
    EXPECT_EQ(backendName(*system.usbStorage), "system");
    const auto& config = std::get<SystemMediaConfig>(*system.usbStorage);
    EXPECT_EQ(config.mountInfo, "/proc/self/mountinfo");
    EXPECT_EQ(config.sysBlock, "/sys/class/block");

    auto simulated = parse("[devices.usb_storage]\nbackend = \"simulated\"\nfolder = \"usb-stick\"\n");
    ASSERT_TRUE(simulated.usbStorage);
    EXPECT_EQ(backendName(*simulated.usbStorage), "simulated");
    EXPECT_EQ(std::get<SimulatedMediaConfig>(*simulated.usbStorage).folder, "/etc/loket/usb-stick");
}

struct BadCase {
    std::string text;
    std::string message;  // the whole of it is expected in the error's detail
};

class BadDeviceSettings : public testing::TestWithParam<BadCase> {};

TEST_P(BadDeviceSettings, NameTheFileTheLineAndTheForm) {
    const auto settings = parseDeviceSettings(GetParam().text, kFile);
    ASSERT_FALSE(settings);
    EXPECT_EQ(settings.error().code, "devices.settings");
    EXPECT_NE(settings.error().detail.find(GetParam().message), std::string::npos) << settings.error().detail;
}

INSTANTIATE_TEST_SUITE_P(
    DeviceSettings, BadDeviceSettings,
    testing::Values(
        BadCase{
            "[kiosk]\nid = \"K\"\n[devices.printer]\nbackend = \"laser\"\n",
            R"(/etc/loket/kiosk.toml:4: [devices.printer] backend must be one of "escpos-serial", "escpos-usb", "escpos-tcp", "simulated")"},
        BadCase{"[devices.printer]\nrequired = true\n",
                R"(kiosk.toml:1: [devices.printer] needs backend, e.g. backend = "escpos-serial")"},
        BadCase{
            "[devices.printer]\nbackend = \"escpos-tcp\"\nadress = \"192.0.2.1\"\n",
            R"(kiosk.toml:3: [devices.printer] has no key "adress" for backend "escpos-tcp"; the keys are backend, required, width_dots, address, port)"},
        BadCase{"[devices.printer]\nbackend = \"escpos-tcp\"\n",
                R"([devices.printer] needs address, e.g. address = "192.0.2.10")"},
        BadCase{"[devices.printer]\nbackend = \"escpos-tcp\"\naddress = \"192.0.2.1\"\nport = 70000\n",
                "kiosk.toml:4: [devices.printer] port must be an integer from 1 to 65535, e.g. port = 9100"},
        BadCase{"[devices.printer]\nbackend = \"simulated\"\noutput_dir = \"r\"\nwidth_dots = 500\n",
                "kiosk.toml:4: [devices.printer] "},
        BadCase{"[devices.printer]\nbackend = \"simulated\"\noutput_dir = \"r\"\nrequired = \"yes\"\n",
                "kiosk.toml:4: [devices.printer] required must be true or false, e.g. required = true"},
        BadCase{"[devices.printer]\nbackend = \"escpos-serial\"\ndevice = \"/dev/ttyS0\"\nbaud = 1234\n",
                "kiosk.toml:4: [devices.printer] unsupported baud rate 1234"},
        BadCase{"[devices.scanner]\nbackend = \"evdev\"\ndevice = \"/dev/input/event3\"\nsuffix = \"cr\"\n",
                R"(kiosk.toml:4: [devices.scanner] suffix must be one of "enter", "tab", "none")"},
        BadCase{"[devices.scanner]\nbackend = \"evdev\"\ndevice = \"/dev/input/event3\"\nlayout = \"de\"\n",
                R"(kiosk.toml:4: [devices.scanner] layout must be one of us, id, e.g. layout = "us")"},
        BadCase{"[devices.scanner]\nbackend = \"simulated\"\n",
                R"([devices.scanner] needs script, e.g. script = "scanner.script")"},
        BadCase{"[devices.mrz_reader]\nbackend = \"serial\"\ndevice = \"/dev/ttyACM0\"\nterminator = \"cr\"\n",
                R"(kiosk.toml:4: [devices.mrz_reader] terminator must be one of "last-line", "blank-line", "etx")"},
        BadCase{"[devices.camera]\nbackend = \"simulated\"\nfolder = \"a\"\nvideo = \"b.avi\"\n",
                "kiosk.toml:1: [devices.camera] a simulated camera needs either folder or video"},
        BadCase{"[devices.camera]\nbackend = \"v4l2\"\ndevice = 0\nwidth = 640\n",
                "kiosk.toml:4: [devices.camera] width and height go together"},
        BadCase{"[devices.camera]\nbackend = \"v4l2\"\ndevice = 0\nfourcc = \"MJPEG\"\n",
                R"(kiosk.toml:4: [devices.camera] fourcc must be four characters, e.g. fourcc = "MJPG")"},
        BadCase{"[devices.camera]\nbackend = \"v4l2\"\n",
                R"([devices.camera] needs device, e.g. device = "/dev/v4l/by-id/)"},
        BadCase{"[devices]\nprinter = 3\n", "kiosk.toml:2: [devices.printer] must be a table"},
        BadCase{
            "[devices.printr]\nbackend = \"simulated\"\n",
            R"(kiosk.toml:1: [devices] has no key "printr"; the keys are printer, scanner, mrz_reader, camera, usb_storage)"},
        BadCase{
            "[devices.usb_storage]\nbackend = \"udisks\"\n",
            R"(kiosk.toml:2: [devices.usb_storage] backend must be one of "system", "simulated", e.g. backend = "system")"},
        BadCase{"[devices.usb_storage]\nfolder = \"usb-stick\"\n",
                R"(kiosk.toml:1: [devices.usb_storage] needs backend, e.g. backend = "system")"},
        BadCase{"[kiosk]\nid = \"K\"\n\n[devices.usb_storage]\nbackend = \"simulated\"\n",
                R"(kiosk.toml:4: [devices.usb_storage] needs folder, e.g. folder = "usb-stick")"},
        BadCase{"[devices.usb_storage]\nbackend = \"simulated\"\nfolder = \"\"\n",
                R"(kiosk.toml:3: [devices.usb_storage] folder must be a non-empty string, e.g. folder = "usb-stick")"},
        BadCase{
            "[devices.usb_storage]\nbackend = \"system\"\nfolder = \"usb-stick\"\n",
            R"(kiosk.toml:3: [devices.usb_storage] has no key "folder" for backend "system"; the keys are backend)"},
        BadCase{
            "[devices.usb_storage]\nbackend = \"simulated\"\nfolder = \"usb-stick\"\nrequired = true\n",
            R"(kiosk.toml:4: [devices.usb_storage] has no key "required" for backend "simulated"; the keys are backend, folder)"},
        BadCase{"[devices]\nusb_storage = \"system\"\n", "kiosk.toml:2: [devices.usb_storage] must be a table"},
        BadCase{"[devices.printer\nbackend = 1\n", "/etc/loket/kiosk.toml:1: not valid TOML"}));

TEST(DeviceSettings, TheMistakesOfEveryDeviceAreReportedAtOnce) {
    // The printer's port, and the camera's size and rate: each device's table is read whole
    // where its keys do not depend on one another.
    const auto settings = parseDeviceSettings(
        "[devices.printer]\nbackend = \"escpos-tcp\"\naddress = \"192.0.2.1\"\nport = 70000\n"
        "[devices.camera]\nbackend = \"v4l2\"\ndevice = 0\nwidth = 5\nheight = 720\nfps = 1000\n",
        kFile);
    ASSERT_FALSE(settings);
    EXPECT_EQ(settings.error().code, "devices.settings");
    const auto& detail = settings.error().detail;
    for (const auto* line : {"kiosk.toml:4: [devices.printer] port must be an integer from 1 to 65535",
                             "kiosk.toml:8: [devices.camera] width must be an integer from 16 to 7680",
                             "kiosk.toml:10: [devices.camera] fps must be"})
        EXPECT_NE(detail.find(line), std::string::npos) << line << "\nnot in:\n" << detail;
    EXPECT_EQ(std::count(detail.begin(), detail.end(), '\n'), 2) << detail;
}

TEST(DeviceSettings, AUsbStorageMistakeIsReportedWithTheOthers) {
    const auto settings = parseDeviceSettings(
        "[devices.printer]\nbackend = \"escpos-tcp\"\naddress = \"192.0.2.1\"\nport = 70000\n"
        "[devices.usb_storage]\nbackend = \"simulated\"\n",
        kFile);
    ASSERT_FALSE(settings);
    const auto& detail = settings.error().detail;
    for (const auto* line : {"kiosk.toml:4: [devices.printer] port must be an integer from 1 to 65535",
                             "kiosk.toml:5: [devices.usb_storage] needs folder"})
        EXPECT_NE(detail.find(line), std::string::npos) << line << "\nnot in:\n" << detail;
}

class DeviceSetTest : public testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (std::filesystem::temp_directory_path() / "loket-devset-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    std::filesystem::path dir_;
    FakeClock clock_;
};

TEST_F(DeviceSetTest, BuildsEachConfiguredDeviceAndListsItsHealthInOrder) {
    std::ofstream(dir_ / "scanner.script") << "LOKET-TEST-0001\n";
    auto settings = parseDeviceSettings(R"([devices.camera]
backend = "simulated"
folder = "no-such-folder"
required = true

[devices.scanner]
backend = "simulated"
script = "scanner.script"
)",
                                        dir_ / "kiosk.toml");
    ASSERT_TRUE(settings) << settings.error().detail;
    auto devices = openDevices(*settings, clock_);
    ASSERT_TRUE(devices) << devices.error().detail;
    EXPECT_FALSE(devices->printer);
    EXPECT_FALSE(devices->mrzReader);
    ASSERT_TRUE(devices->scanner && devices->camera);
    EXPECT_FALSE(devices->camera->next(0ms));
    const auto health = devices->health();
    ASSERT_EQ(health.size(), 2u);
    EXPECT_EQ(health[0].component, Component::CodeScanner);
    EXPECT_EQ(health[1].component, Component::Camera);
    EXPECT_EQ(health[1].state, DeviceState::Failed);
    EXPECT_TRUE(health[1].required);
    EXPECT_NE(health[1].lastError.find("no-such-folder"), std::string::npos) << health[1].lastError;
    EXPECT_EQ(serviceState(health), KioskService::OutOfService);
}

TEST_F(DeviceSetTest, WithoutAUsbStorageTableTheSystemsMountsAreUsed) {
    auto devices = openDevices(parse("[kiosk]\nid = \"KIOSK-1\"\n"), clock_);
    ASSERT_TRUE(devices) << devices.error().detail;
    ASSERT_TRUE(devices->media);
    EXPECT_NE(dynamic_cast<SystemMedia*>(devices->media.get()), nullptr);
    // This machine's own mount table reads, whatever is plugged in.
    const auto media = devices->media->mounted();
    EXPECT_TRUE(media) << media.error().detail;
    // Media are not a component.
    EXPECT_TRUE(devices->health().empty());
}

TEST_F(DeviceSetTest, ASimulatedUsbStickIsTheFolderOfTheSettings) {
    auto settings = parseDeviceSettings("[devices.usb_storage]\nbackend = \"simulated\"\nfolder = \"stick\"\n",
                                        dir_ / "kiosk.toml");
    ASSERT_TRUE(settings) << settings.error().detail;
    auto devices = openDevices(*settings, clock_);
    ASSERT_TRUE(devices) << devices.error().detail;
    ASSERT_TRUE(devices->media);
    auto unplugged = devices->media->mounted();
    ASSERT_TRUE(unplugged);
    EXPECT_TRUE(unplugged->empty());
    std::filesystem::create_directory(dir_ / "stick");
    auto plugged = devices->media->mounted();
    ASSERT_TRUE(plugged);
    ASSERT_EQ(plugged->size(), 1u);
    EXPECT_EQ((*plugged)[0].mountPoint, dir_ / "stick");
}

TEST_F(DeviceSetTest, AScriptThatCannotBeLoadedNamesTheComponent) {
    auto settings = parseDeviceSettings("[devices.mrz_reader]\nbackend = \"simulated\"\nscript = \"missing.script\"\n",
                                        dir_ / "kiosk.toml");
    ASSERT_TRUE(settings) << settings.error().detail;
    auto devices = openDevices(*settings, clock_);
    ASSERT_FALSE(devices);
    EXPECT_EQ(devices.error().code, "script.read");
    EXPECT_EQ(devices.error().detail.rfind("MRZ reader: ", 0), 0u) << devices.error().detail;
}

}  // namespace
