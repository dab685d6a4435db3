// Device code with a second thread: a fake ESC/POS printer that answers DLE EOT while the backend
// waits for it (over TCP on loopback and over a pty), and the Waker that stops the devices
// thread out of a long wait.

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <fstream>
#include <iterator>
#include <mutex>
#include <string>
#include <thread>

#include "drivers/printer/escpos_printer.h"
#include "drivers/printer/serial_printer_link.h"
#include "drivers/printer/tcp_printer_link.h"
#include "drivers/scanner/serial_code_scanner.h"
#include "tests/integration/fake_serial_device.h"
#include "tests/unit/sample_receipt.h"

using namespace kiosk;
using namespace kiosk::drivers;
using namespace std::chrono_literals;
using Steady = std::chrono::steady_clock;

namespace {

// The replies to DLE EOT 1, 2 and 4 for each status (0x12 is "nothing to report").
struct Replies {
    std::uint8_t printer = 0x12, offlineCause = 0x12, paperSensor = 0x12;
};

// Answers DLE EOT on whatever descriptor it serves and keeps every byte it was sent. Runs on its
// own thread, joined by the destructor.
class FakeEscPosPrinter {
public:
    ~FakeEscPosPrinter() { stop(); }

    void setReplies(Replies replies, bool answer = true) {
        std::lock_guard lock(mutex_);
        replies_ = replies;
        answer_ = answer;
    }

    std::string received() {
        std::lock_guard lock(mutex_);
        return received_;
    }

    // Serves one descriptor (a pty master) until stopped.
    void serve(int fd) {
        thread_ = std::thread([this, fd] {
            while (!stopping_) serveOnce(fd);
        });
    }

    // Accepts connections on a listening socket, one at a time, until stopped.
    void serveListener(int listener) {
        thread_ = std::thread([this, listener] {
            while (!stopping_) {
                pollfd p{listener, POLLIN, 0};
                if (::poll(&p, 1, 20) != 1) continue;
                const UniqueFd connection{::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC)};
                while (!stopping_ && serveOnce(connection.get())) {
                }
            }
        });
    }

    void stop() {
        stopping_ = true;
        if (thread_.joinable()) thread_.join();
    }

private:
    // False when the peer went away.
    bool serveOnce(int fd) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 20) != 1) return true;
        std::array<char, 4096> buffer{};
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n <= 0) return false;
        std::string reply;
        {
            std::lock_guard lock(mutex_);
            const auto start = received_.size();
            received_.append(buffer.data(), static_cast<std::size_t>(n));
            // A request may straddle two reads: answer every one whose last byte is new.
            for (auto end = std::max<std::size_t>(start, 2); end < received_.size() && answer_; ++end) {
                if (received_[end - 2] != '\x10' || received_[end - 1] != '\x04') continue;
                if (received_[end] == 1) reply += static_cast<char>(replies_.printer);
                if (received_[end] == 2) reply += static_cast<char>(replies_.offlineCause);
                if (received_[end] == 4) reply += static_cast<char>(replies_.paperSensor);
            }
        }
        if (!reply.empty() && ::write(fd, reply.data(), reply.size()) < 0) return false;
        return true;
    }

    std::mutex mutex_;
    Replies replies_;
    bool answer_ = true;
    std::string received_;
    std::atomic<bool> stopping_ = false;
    std::thread thread_;
};

class LoopbackListener {
public:
    LoopbackListener() : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        auto* generic = reinterpret_cast<sockaddr*>(&address);
        if (::bind(fd_.get(), generic, sizeof address) != 0 || ::listen(fd_.get(), 4) != 0)
            throw std::runtime_error("cannot listen on 127.0.0.1");
        socklen_t length = sizeof address;
        ::getsockname(fd_.get(), generic, &length);
        port_ = ntohs(address.sin_port);
    }
    int fd() const { return fd_.get(); }
    std::uint16_t port() const { return port_; }

private:
    UniqueFd fd_;
    std::uint16_t port_ = 0;
};

struct StatusCase {
    const char* name;
    Replies replies;
    PrinterStatus status;
    DeviceState state;
};

const std::array<StatusCase, 5> kStatusCases{{
    {"ready", {0x12, 0x12, 0x12}, PrinterStatus::Ready, DeviceState::Ready},
    {"paper low", {0x12, 0x12, 0x1E}, PrinterStatus::PaperLow, DeviceState::Degraded},
    {"paper out", {0x1A, 0x32, 0x7E}, PrinterStatus::PaperOut, DeviceState::Failed},
    {"cover open", {0x1A, 0x16, 0x12}, PrinterStatus::CoverOpen, DeviceState::Failed},
    {"offline", {0x1A, 0x52, 0x12}, PrinterStatus::Offline, DeviceState::Failed},
}};

class EscPosOverTcp : public testing::Test {
protected:
    void SetUp() override { fake_.serveListener(listener_.fd()); }
    void TearDown() override { fake_.stop(); }

    EscPosPrinter makePrinter() {
        EscPosPrinterConfig config;
        config.statusTimeout = 300ms;
        auto printer =
            EscPosPrinter::create(std::make_unique<TcpPrinterLink>("127.0.0.1", listener_.port(), 2s), config);
        if (!printer) throw std::runtime_error(printer.error().detail);
        return std::move(*printer);
    }

    LoopbackListener listener_;
    FakeEscPosPrinter fake_;
};

TEST_F(EscPosOverTcp, PollsEachStatus) {
    auto printer = makePrinter();
    for (const auto& c : kStatusCases) {
        fake_.setReplies(c.replies);
        EXPECT_EQ(printer.pollStatus(), c.status) << c.name;
        EXPECT_EQ(printer.health().state, c.state) << c.name;
    }
}

TEST_F(EscPosOverTcp, ChecksTheStatusBeforeSendingAReceipt) {
    auto printer = makePrinter();
    fake_.setReplies(kStatusCases[2].replies);
    auto printed = printer.print(test::sampleReceipt());
    ASSERT_FALSE(printed);
    EXPECT_EQ(printed.error().code, "printer.paper_out");
    EXPECT_EQ(printer.health().lastError, "out of paper");
    EXPECT_EQ(fake_.received().find("\x1b@"), std::string::npos) << "nothing but status requests was sent";

    fake_.setReplies(kStatusCases[0].replies);
    printed = printer.print(test::sampleReceipt());
    ASSERT_TRUE(printed) << printed.error().detail;
    std::ifstream in(LOKET_TEST_DATA_DIR "/escpos/sample_receipt.bin", std::ios::binary);
    const std::string golden{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const auto deadline = Steady::now() + 2s;
    while (fake_.received().find(golden) == std::string::npos && Steady::now() < deadline)
        std::this_thread::sleep_for(5ms);
    EXPECT_NE(fake_.received().find(golden), std::string::npos);
}

TEST_F(EscPosOverTcp, APrinterThatDoesNotAnswerIsOffline) {
    auto printer = makePrinter();
    fake_.setReplies({}, false);
    const auto asked = Steady::now();
    EXPECT_EQ(printer.pollStatus(), PrinterStatus::Offline);
    // One unanswered question is enough; the other two are not asked.
    EXPECT_LT(Steady::now() - asked, 2s);
    EXPECT_EQ(printer.health().state, DeviceState::Failed);
}

TEST(EscPosOverPty, PollsEachStatusOverASerialLine) {
    test::SerialTempDir dir;
    test::FakeSerialDevice device(dir.path() / "usb-Printer-if00");
    device.plug();
    FakeEscPosPrinter fake;
    fake.serve(device.masterFd());
    SerialSettings settings;
    settings.device = device.path();
    auto port = SerialPort::create(settings);
    ASSERT_TRUE(port);
    EscPosPrinterConfig config;
    config.statusTimeout = 300ms;
    auto printer = EscPosPrinter::create(std::make_unique<SerialPrinterLink>(std::move(*port)), config);
    ASSERT_TRUE(printer);
    for (const auto& c : kStatusCases) {
        fake.setReplies(c.replies);
        EXPECT_EQ(printer->pollStatus(), c.status) << c.name;
    }
    fake.stop();
}

TEST(Waker, StopsAScannerWaitingOnTheDevicesThread) {
    test::SerialTempDir dir;
    test::FakeSerialDevice device(dir.path() / "usb-Scanner-if00");
    device.plug();
    auto waker = Waker::create();
    ASSERT_TRUE(waker);
    SystemClock clock;
    SerialScannerConfig config;
    config.port.device = device.path();
    auto scanner = SerialCodeScanner::create(config, clock, &*waker);
    ASSERT_TRUE(scanner);

    std::atomic<bool> returned = false;
    Steady::duration waited{};
    std::thread devices([&] {
        const auto start = Steady::now();
        while (scanner->next(10s)) {
        }
        waited = Steady::now() - start;
        returned = true;
    });
    std::this_thread::sleep_for(100ms);
    EXPECT_FALSE(returned);
    waker->wake();
    devices.join();
    EXPECT_LT(waited, 5s);
    EXPECT_TRUE(waker->raised());
    // Raised stays raised: a wait that starts after the wake returns at once too.
    EXPECT_FALSE(scanner->next(10s));
    waker->clear();
    EXPECT_FALSE(waker->raised());
}

}  // namespace
