// Receipt printers end to end without a printer: the simulated printer's PNG read back with
// ZXing, and the ESC/POS backend's bytes arriving over TCP on loopback, a pty and a device file.

#include <SDL.h>
#include <SDL_image.h>
#include <ZXing/DecodeHints.h>
#include <ZXing/ReadBarcode.h>
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <array>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "drivers/printer/escpos_printer.h"
#include "drivers/printer/serial_printer_link.h"
#include "drivers/printer/simulated_printer.h"
#include "drivers/printer/tcp_printer_link.h"
#include "drivers/printer/usb_printer_link.h"
#include "tests/integration/fake_serial_device.h"
#include "tests/unit/sample_receipt.h"

using namespace kiosk;
using namespace kiosk::drivers;
using namespace std::chrono_literals;

namespace {

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string golden() { return readFile(LOKET_TEST_DATA_DIR "/escpos/sample_receipt.bin"); }

// Reads from `fd` until `size` bytes came or nothing more arrives for a second.
std::string readUpTo(int fd, std::size_t size) {
    std::string got;
    std::array<char, 4096> buffer{};
    while (got.size() < size) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 1000) != 1) break;
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n <= 0) break;
        got.append(buffer.data(), static_cast<std::size_t>(n));
    }
    return got;
}

struct Picture {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> luminance;
};

Picture loadPng(const std::filesystem::path& png) {
    Picture picture;
    SDL_Surface* loaded = IMG_Load(png.c_str());
    if (!loaded) return picture;
    SDL_Surface* rgb = SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(loaded);
    if (!rgb) return picture;
    picture.width = rgb->w;
    picture.height = rgb->h;
    for (int y = 0; y < rgb->h; ++y) {
        const auto* row = static_cast<const std::uint8_t*>(rgb->pixels) + y * rgb->pitch;
        for (int x = 0; x < rgb->w; ++x) {
            std::uint32_t argb = 0;
            std::memcpy(&argb, row + x * 4, 4);
            const auto r = (argb >> 16) & 0xFF, g = (argb >> 8) & 0xFF, b = argb & 0xFF;
            picture.luminance.push_back(static_cast<std::uint8_t>((r * 30 + g * 59 + b * 11) / 100));
        }
    }
    SDL_FreeSurface(rgb);
    return picture;
}

class SimulatedPrinterTest : public testing::Test {
protected:
    SimulatedPrinter makePrinter(int dotsWide = 576) {
        SimulatedPrinterConfig config;
        config.outputDir = dir_.path() / "receipts";
        config.geometry.dotsWide = dotsWide;
        config.statusFile = dir_.path() / "status";
        auto printer = SimulatedPrinter::create(config);
        if (!printer) throw std::runtime_error(printer.error().detail);
        return std::move(*printer);
    }

    test::SerialTempDir dir_;
};

TEST_F(SimulatedPrinterTest, DrawsTheReceiptAtThePrinterWidthWithAReadableQr) {
    for (const int width : {576, 384}) {
        auto printer = makePrinter(width);
        auto printed = printer.print(test::sampleReceipt());
        ASSERT_TRUE(printed) << printed.error().detail;
        ASSERT_TRUE(std::filesystem::exists(printer.lastReceipt()));
        const auto picture = loadPng(printer.lastReceipt());
        EXPECT_EQ(picture.width, width);
        EXPECT_GT(picture.height, 400);
        const ZXing::ImageView view(picture.luminance.data(), picture.width, picture.height, ZXing::ImageFormat::Lum);
        const auto result = ZXing::ReadBarcode(view, ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode));
        ASSERT_TRUE(result.isValid()) << "no QR code found in " << printer.lastReceipt();
        const auto& bytes = result.bytes();
        EXPECT_EQ(std::string(bytes.begin(), bytes.end()), test::kSampleQrPayload);
    }
}

TEST_F(SimulatedPrinterTest, NumbersItsReceipts) {
    auto printer = makePrinter();
    ASSERT_TRUE(printer.print(test::sampleReceipt()));
    ASSERT_TRUE(printer.print(test::sampleReceipt()));
    EXPECT_EQ(printer.lastReceipt().filename(), "receipt-0002.png");
    EXPECT_EQ(printer.printedCount(), 2);
}

TEST_F(SimulatedPrinterTest, RefusesToPrintWithoutPaperAndReportsIt) {
    auto printer = makePrinter();
    printer.setStatus(PrinterStatus::PaperOut);
    auto printed = printer.print(test::sampleReceipt());
    ASSERT_FALSE(printed);
    EXPECT_EQ(printed.error().code, "printer.paper_out");
    EXPECT_EQ(printer.printedCount(), 0);
    const auto health = printer.health();
    EXPECT_EQ(health.component, Component::ReceiptPrinter);
    EXPECT_EQ(health.state, DeviceState::Failed);
    EXPECT_EQ(health.lastError, "out of paper");

    printer.setStatus(PrinterStatus::PaperLow);
    EXPECT_TRUE(printer.print(test::sampleReceipt()));
    EXPECT_EQ(printer.health().state, DeviceState::Degraded);
}

TEST_F(SimulatedPrinterTest, ReadsItsStatusFromTheStatusFile) {
    auto printer = makePrinter();
    EXPECT_EQ(printer.pollStatus(), PrinterStatus::Ready);
    std::ofstream(dir_.path() / "status") << "cover_open\n";
    EXPECT_EQ(printer.pollStatus(), PrinterStatus::CoverOpen);
    EXPECT_EQ(printer.print(test::sampleReceipt()).error().code, "printer.cover_open");
    std::ofstream(dir_.path() / "status") << "ready\n";
    EXPECT_EQ(printer.pollStatus(), PrinterStatus::Ready);
}

class Listener {
public:
    Listener() : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;  // the OS picks a free port
        auto* generic = reinterpret_cast<sockaddr*>(&address);
        if (::bind(fd_.get(), generic, sizeof address) != 0 || ::listen(fd_.get(), 4) != 0)
            throw std::runtime_error("cannot listen on 127.0.0.1");
        socklen_t length = sizeof address;
        ::getsockname(fd_.get(), generic, &length);
        port_ = ntohs(address.sin_port);
    }
    std::uint16_t port() const { return port_; }
    UniqueFd accept() const { return UniqueFd{::accept4(fd_.get(), nullptr, nullptr, SOCK_CLOEXEC)}; }
    void close() { fd_.reset(); }

private:
    UniqueFd fd_;
    std::uint16_t port_ = 0;
};

EscPosPrinterConfig withoutStatus() {
    EscPosPrinterConfig config;
    config.pollStatus = false;
    config.jobTimeout = 5s;
    return config;
}

TEST(EscPosPrinterTcp, SendsTheGoldenBytesToPort9100StyleListener) {
    Listener listener;
    auto printer =
        EscPosPrinter::create(std::make_unique<TcpPrinterLink>("127.0.0.1", listener.port()), withoutStatus());
    ASSERT_TRUE(printer);
    // The connection completes in the listen backlog, so one thread can print and then accept.
    auto printed = printer->print(test::sampleReceipt());
    ASSERT_TRUE(printed) << printed.error().detail;
    EXPECT_EQ(printer->health().state, DeviceState::Ready);
    const UniqueFd connection = listener.accept();
    ASSERT_TRUE(connection);
    const std::string expected = golden();
    EXPECT_TRUE(readUpTo(connection.get(), expected.size()) == expected);
}

TEST(EscPosPrinterTcp, ReportsAPrinterThatRefusesTheConnection) {
    std::uint16_t port = 0;
    {
        Listener closedSoon;
        port = closedSoon.port();
    }
    auto printer = EscPosPrinter::create(std::make_unique<TcpPrinterLink>("127.0.0.1", port), withoutStatus());
    ASSERT_TRUE(printer);
    auto printed = printer->print(test::sampleReceipt());
    ASSERT_FALSE(printed);
    EXPECT_EQ(printed.error().code, "printer.offline");
    const auto health = printer->health();
    EXPECT_EQ(health.state, DeviceState::Failed);
    EXPECT_NE(health.lastError.find("TCP 127.0.0.1:" + std::to_string(port)), std::string::npos) << health.lastError;
    EXPECT_NE(health.lastError.find("refused"), std::string::npos) << health.lastError;
}

TEST(EscPosPrinterTcp, RefusesANameInsteadOfAnAddress) {
    TcpPrinterLink link("printer.example", 9100);
    auto opened = link.open();
    ASSERT_FALSE(opened);
    EXPECT_NE(link.lastError().find("not a numeric address"), std::string::npos) << link.lastError();
}

TEST(EscPosPrinterSerial, SendsTheGoldenBytesOverAPty) {
    test::SerialTempDir dir;
    test::FakeSerialDevice device(dir.path() / "usb-Printer-if00");
    device.plug();
    SerialSettings settings;
    settings.device = device.path();
    settings.baud = 115200;
    auto port = SerialPort::create(settings);
    ASSERT_TRUE(port);
    auto printer = EscPosPrinter::create(std::make_unique<SerialPrinterLink>(std::move(*port)), withoutStatus());
    ASSERT_TRUE(printer);
    ASSERT_TRUE(printer->print(test::sampleReceipt()));
    const std::string expected = golden();
    EXPECT_TRUE(readUpTo(device.masterFd(), expected.size()) == expected);
}

TEST(EscPosPrinterUsb, WritesTheGoldenBytesToTheDeviceFile) {
    // A regular file stands in for /dev/usb/lp0: the backend only open()s and write()s it.
    test::SerialTempDir dir;
    const auto file = dir.path() / "lp0";
    std::ofstream(file).close();
    auto printer = EscPosPrinter::create(std::make_unique<UsbPrinterLink>(file), withoutStatus());
    ASSERT_TRUE(printer);
    ASSERT_TRUE(printer->print(test::sampleReceipt()));
    EXPECT_TRUE(readFile(file) == golden());
}

TEST(EscPosPrinterUsb, ReportsAMissingDevice) {
    auto printer = EscPosPrinter::create(std::make_unique<UsbPrinterLink>("/nonexistent/usb/lp9"), withoutStatus());
    ASSERT_TRUE(printer);
    EXPECT_EQ(printer->pollStatus(), PrinterStatus::Offline);
    EXPECT_NE(printer->health().lastError.find("No such file"), std::string::npos) << printer->health().lastError;
}

TEST(EscPosPrinterUsb, PollsARealPrinterWhereOneIsAttached) {
    const std::filesystem::path lp0 = "/dev/usb/lp0";
    if (!std::filesystem::exists(lp0)) GTEST_SKIP() << "no USB printer at " << lp0;
    // Status only: a test run must not waste a customer's paper.
    auto printer = EscPosPrinter::create(std::make_unique<UsbPrinterLink>(lp0), {});
    ASSERT_TRUE(printer);
    const auto status = printer->pollStatus();
    std::cout << "[ measured ] " << lp0 << " says: " << printerStatusCode(status) << '\n';
    EXPECT_EQ(printer->health().state, deviceStateFor(status));
}

}  // namespace
