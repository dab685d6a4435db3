// kioskctl devices and print-test, run as separate processes against a settings file whose devices
// are all simulated: the health JSON, the exit codes, and the test receipt as a PNG.

#include <gtest/gtest.h>
#include <stdlib.h>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <fstream>
#include <string>

#include "tests/unit/kioskctl_process.h"

namespace kiosk::test {
namespace {

using Json = nlohmann::json;

class KioskctlDevices : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (std::filesystem::temp_directory_path() / "loket-ctl-devices-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
        std::filesystem::create_directory(dir_ / "frames");
        for (int i = 0; i < 2; ++i)
            cv::imwrite((dir_ / "frames" / ("frame-" + std::to_string(i) + ".png")).string(),
                        cv::Mat(48, 64, CV_8UC3, cv::Scalar(40.0 * i, 80, 120)));
        std::ofstream(dir_ / "scanner.script") << "@symbology QRCode\nLOKET-TEST-0001\n";
        std::ofstream(dir_ / "mrz.script") << "P<IDNCONTOH<<SITI<AMINAH<<<<<<<<<<<<<<<<<<<<\n"
                                              "X0000001<7IDN9001014F3001012<<<<<<<<<<<<<<06\n";
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    // Every device simulated; `camera` ends the camera's table, `scanner` names the scanner's script.
    void writeSettings(const std::string& camera = "folder = \"frames\"",
                       const std::string& scanner = "scanner.script") {
        std::ofstream(config()) << "[kiosk]\nid = \"KIOSK-TEST-01\"\n\n"
                                << "[devices.printer]\nbackend = \"simulated\"\nrequired = true\nwidth_dots = 384\n"
                                << "output_dir = \"receipts\"\nstatus_file = \"printer-status\"\n\n"
                                << "[devices.scanner]\nbackend = \"simulated\"\nscript = \"" << scanner << "\"\n\n"
                                << "[devices.mrz_reader]\nbackend = \"simulated\"\nscript = \"mrz.script\"\n\n"
                                << "[devices.camera]\nbackend = \"simulated\"\nrequired = true\nfps = 10\n"
                                << camera << "\n";
    }
    KioskctlRun devices() { return runKioskctl({"devices", "--config", config(), "--camera-wait-ms", "500"}); }
    std::string config() const { return (dir_ / "kiosk.toml").string(); }

    std::filesystem::path dir_;
};

Json component(const Json& j, const std::string& name) {
    for (const auto& c : j["components"])
        if (c["component"] == name) return c;
    return nullptr;
}

TEST_F(KioskctlDevices, ListsEveryDeviceInServiceWithExitZero) {
    writeSettings();
    const auto run = devices();
    ASSERT_EQ(run.exitCode, 0) << run.out;
    const auto j = run.json();
    EXPECT_EQ(j["service"], "in_service");
    ASSERT_EQ(j["components"].size(), 4u);
    EXPECT_EQ(j["components"][0]["component"], "receipt_printer");
    EXPECT_EQ(j["components"][1]["component"], "code_scanner");
    EXPECT_EQ(j["components"][2]["component"], "mrz_reader");
    EXPECT_EQ(j["components"][3]["component"], "camera");
    for (const auto& c : j["components"]) {
        EXPECT_EQ(c["backend"], "simulated");
        EXPECT_EQ(c["state"], "ready");
        EXPECT_EQ(c["last_error"], "");
    }
    EXPECT_EQ(component(j, "receipt_printer")["required"], true);
    EXPECT_EQ(component(j, "receipt_printer")["status"], "ready");
    EXPECT_EQ(component(j, "code_scanner")["required"], false);
    const auto camera = component(j, "camera");
    EXPECT_EQ(camera["frame_received"], true);
    EXPECT_EQ(camera["requested"]["width"], 0);
    EXPECT_EQ(camera["negotiated"]["width"], 64);
    EXPECT_EQ(camera["negotiated"]["height"], 48);
    EXPECT_EQ(camera["negotiated"]["fps"], 10.0);
}

TEST_F(KioskctlDevices, ARequiredDeviceMissingIsOutOfServiceWithExitOne) {
    writeSettings("folder = \"no-camera-here\"");
    const auto run = devices();
    EXPECT_EQ(run.exitCode, 1) << run.out;
    const auto j = run.json();
    EXPECT_EQ(j["service"], "out_of_service");
    const auto camera = component(j, "camera");
    EXPECT_EQ(camera["state"], "failed");
    EXPECT_EQ(camera["required"], true);
    EXPECT_NE(camera["last_error"].get<std::string>().find("no-camera-here"), std::string::npos) << run.out;
    EXPECT_EQ(camera["negotiated"], nullptr);
    EXPECT_EQ(camera["frame_received"], false);
}

TEST_F(KioskctlDevices, AnOptionalDeviceFailingOrPaperLowIsDegradedWithExitOne) {
    std::ofstream(dir_ / "unplugged.script") << "@fail scanner unplugged\n@wait 60s\n@ready\nLATER\n";
    writeSettings("folder = \"frames\"", "unplugged.script");
    auto run = devices();
    EXPECT_EQ(run.exitCode, 1) << run.out;
    EXPECT_EQ(run.json()["service"], "degraded");
    EXPECT_EQ(component(run.json(), "code_scanner")["state"], "failed");
    EXPECT_EQ(component(run.json(), "code_scanner")["last_error"], "scanner unplugged");

    writeSettings();
    std::ofstream(dir_ / "printer-status") << "paper_low\n";
    run = devices();
    EXPECT_EQ(run.exitCode, 1) << run.out;
    EXPECT_EQ(run.json()["service"], "degraded");
    EXPECT_EQ(component(run.json(), "receipt_printer")["status"], "paper_low");
    EXPECT_EQ(component(run.json(), "receipt_printer")["state"], "degraded");
}

TEST_F(KioskctlDevices, BadSettingsAreMisuseWithExitTwoNamingTheLine) {
    writeSettings("folder = \"frames\"\nwidth = 640");
    const auto run = devices();
    EXPECT_EQ(run.exitCode, 2) << run.out;
    EXPECT_EQ(run.json()["error"]["code"], "devices.settings");
    const auto detail = run.json()["error"]["detail"].get<std::string>();
    EXPECT_NE(detail.find("kiosk.toml:24: [devices.camera] width and height go together"), std::string::npos) << detail;

    std::ofstream(config()) << "[kiosk]\nid = \"KIOSK-TEST-01\"\n";
    const auto none = devices();
    EXPECT_EQ(none.exitCode, 2);
    EXPECT_EQ(none.json()["error"]["code"], "devices.none");
    EXPECT_EQ(runKioskctl({"devices", "--no-such-option"}).exitCode, 2);
}

TEST_F(KioskctlDevices, PrintTestWritesAPngOfThePrintersWidth) {
    writeSettings();
    const auto run = runKioskctl({"print-test", "--config", config()});
    ASSERT_EQ(run.exitCode, 0) << run.out;
    const auto j = run.json();
    EXPECT_EQ(j["printed"], true);
    EXPECT_EQ(j["kiosk_id"], "KIOSK-TEST-01");
    EXPECT_EQ(j["backend"], "simulated");
    EXPECT_EQ(j["status"], "ready");
    const std::filesystem::path png = j["receipt_png"].get<std::string>();
    EXPECT_EQ(png, dir_ / "receipts" / "receipt-0001.png");
    const auto picture = cv::imread(png.string(), cv::IMREAD_GRAYSCALE);
    ASSERT_FALSE(picture.empty());
    EXPECT_EQ(picture.cols, 384);
    // A receipt with text, a QR code and a feed is much longer than it is wide.
    EXPECT_GT(picture.rows, 384);
    EXPECT_LT(cv::mean(picture)[0], 250.0);
}

TEST_F(KioskctlDevices, PrintTestWithoutPaperReportsItWithExitOne) {
    writeSettings();
    std::ofstream(dir_ / "printer-status") << "paper_out\n";
    const auto run = runKioskctl({"print-test", "--config", config()});
    EXPECT_EQ(run.exitCode, 1) << run.out;
    const auto j = run.json();
    EXPECT_EQ(j["printed"], false);
    EXPECT_EQ(j["status"], "paper_out");
    EXPECT_EQ(j["state"], "failed");
    EXPECT_EQ(j["error"]["code"], "printer.paper_out");
    EXPECT_FALSE(j.contains("receipt_png"));
    EXPECT_FALSE(std::filesystem::exists(dir_ / "receipts" / "receipt-0001.png"));
}

TEST_F(KioskctlDevices, PrintTestWithoutAPrinterIsMisuse) {
    std::ofstream(config()) << "[kiosk]\nid = \"KIOSK-TEST-01\"\n[devices.scanner]\nbackend = \"simulated\"\n"
                            << "script = \"scanner.script\"\n";
    const auto run = runKioskctl({"print-test", "--config", config()});
    EXPECT_EQ(run.exitCode, 2) << run.out;
    EXPECT_EQ(run.json()["error"]["code"], "devices.no_printer");
}

}  // namespace
}  // namespace kiosk::test
