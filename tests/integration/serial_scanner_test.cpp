// The serial scanner over a pseudo-terminal: what a USB CDC-ACM scanner sends, how it is cut
// into codes, and unplug/replug without a restart.

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "drivers/scanner/serial_code_scanner.h"
#include "kiosk/base/clock.h"
#include "tests/integration/fake_serial_device.h"

using namespace kiosk;
using namespace kiosk::drivers;
using namespace std::chrono_literals;
using namespace std::string_literals;
using Steady = std::chrono::steady_clock;

namespace {

class SerialScannerTest : public testing::Test {
protected:
    SerialCodeScanner makeScanner(CodeFraming framing = {}, std::chrono::milliseconds reopen = 300ms) {
        SerialScannerConfig config;
        config.port.device = device_.path();
        config.port.baud = 115200;
        config.port.reopenInterval = reopen;
        config.framing = framing;
        config.required = true;
        auto scanner = SerialCodeScanner::create(config, clock_);
        if (!scanner) throw std::runtime_error(scanner.error().detail);
        return std::move(*scanner);
    }

    // How long the scanner took to open the device; fails the test past 2 s.
    std::chrono::milliseconds waitUntilConnected(SerialCodeScanner& scanner, Steady::time_point since) {
        while (!scanner.port().connected() && Steady::now() - since < 2s) EXPECT_FALSE(scanner.next(5ms));
        EXPECT_TRUE(scanner.port().connected()) << scanner.health().lastError;
        return std::chrono::duration_cast<std::chrono::milliseconds>(Steady::now() - since);
    }

    void waitUntilDisconnected(SerialCodeScanner& scanner, std::vector<std::string>& delivered) {
        const auto since = Steady::now();
        while (scanner.port().connected() && Steady::now() - since < 2s)
            if (auto code = scanner.next(5ms)) delivered.push_back(code->bytes);
        EXPECT_FALSE(scanner.port().connected());
    }

    SerialCodeScanner pluggedScanner(CodeFraming framing = {}) {
        device_.plug();
        auto scanner = makeScanner(framing);
        waitUntilConnected(scanner, Steady::now());
        return scanner;
    }

    SystemClock clock_;
    test::SerialTempDir dir_;
    test::FakeSerialDevice device_{dir_.path() / "usb-Scanner_Test-if00"};
};

TEST_F(SerialScannerTest, DeliversAWholeCode) {
    auto scanner = pluggedScanner();
    const auto before = clock_.now();
    device_.send("LOKET-TEST-0001\r");
    const auto code = scanner.next(1s);
    ASSERT_TRUE(code);
    EXPECT_EQ(code->bytes, "LOKET-TEST-0001");
    EXPECT_EQ(code->symbology, "");
    EXPECT_GE(code->at, before);
    const auto health = scanner.health();
    EXPECT_EQ(health.component, Component::CodeScanner);
    EXPECT_EQ(health.state, DeviceState::Ready);
    EXPECT_TRUE(health.required);
}

TEST_F(SerialScannerTest, JoinsACodeSplitAcrossReads) {
    auto scanner = pluggedScanner();
    device_.send("LOKET-");
    EXPECT_FALSE(scanner.next(20ms));
    device_.send("TEST-00");
    EXPECT_FALSE(scanner.next(20ms));
    device_.send("02\r");
    const auto code = scanner.next(1s);
    ASSERT_TRUE(code);
    EXPECT_EQ(code->bytes, "LOKET-TEST-0002");
}

TEST_F(SerialScannerTest, SplitsSeveralCodesInOneRead) {
    auto scanner = pluggedScanner({CodeSuffix::Lf, 150ms, 8192});
    device_.send("ONE\nTWO\nTHREE\n");
    std::vector<std::string> codes;
    while (auto code = scanner.next(200ms)) codes.push_back(code->bytes);
    EXPECT_EQ(codes, (std::vector<std::string>{"ONE", "TWO", "THREE"}));
}

TEST_F(SerialScannerTest, KeepsGarbageAndBinaryBytesAsData) {
    auto scanner = pluggedScanner({CodeSuffix::CrLf, 150ms, 8192});
    const std::string binary =
        "\x00\x01\xff\xfe\x1b[2J\x1d"
        "01\r\x10\x04\x01\n\x7f"s;
    device_.send(binary + "\r\n" + "NEXT\r\n");
    const auto first = scanner.next(1s);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->bytes, binary);
    const auto second = scanner.next(1s);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->bytes, "NEXT");
}

TEST_F(SerialScannerTest, EndsACodeWithoutSuffixAfterTheInterByteTimeout) {
    auto scanner = pluggedScanner({CodeSuffix::None, 80ms, 8192});
    device_.send("NO-SUFFIX");
    EXPECT_FALSE(scanner.next(20ms));
    device_.send("-1234");
    const auto sent = Steady::now();
    const auto code = scanner.next(2s);
    const auto waited = Steady::now() - sent;
    ASSERT_TRUE(code);
    EXPECT_EQ(code->bytes, "NO-SUFFIX-1234");
    EXPECT_GE(waited, 80ms);
}

TEST_F(SerialScannerTest, DiscardsAndReportsATooLongCode) {
    auto scanner = pluggedScanner({CodeSuffix::Cr, 500ms, 8192});
    // Written in pieces: a pty holds only a few KiB until the reader takes them.
    for (int i = 0; i < 3; ++i) {
        device_.send(std::string(3000, 'X'));
        EXPECT_FALSE(scanner.next(20ms));
    }
    device_.send("\rAFTER\r");
    const auto code = scanner.next(1s);
    ASSERT_TRUE(code);
    EXPECT_EQ(code->bytes, "AFTER");
    EXPECT_EQ(scanner.counts().tooLong, 1u);
    EXPECT_EQ(scanner.health().lastError, "a code longer than 8192 bytes was discarded");
    EXPECT_EQ(scanner.health().state, DeviceState::Ready);
}

TEST_F(SerialScannerTest, StartsWithoutTheDeviceAndPicksItUpWhenPlugged) {
    auto scanner = makeScanner({}, 100ms);
    EXPECT_FALSE(scanner.next(10ms));
    auto health = scanner.health();
    EXPECT_EQ(health.state, DeviceState::Failed);
    EXPECT_NE(health.lastError.find("cannot open"), std::string::npos) << health.lastError;
    EXPECT_NE(health.lastError.find("No such file"), std::string::npos) << health.lastError;
    device_.plug();
    waitUntilConnected(scanner, Steady::now());
    device_.send("HELLO\r");
    const auto code = scanner.next(1s);
    ASSERT_TRUE(code);
    EXPECT_EQ(code->bytes, "HELLO");
}

TEST_F(SerialScannerTest, ReconnectsWithinTwoSecondsAtTheDefaultInterval) {
    auto scanner = pluggedScanner();
    std::vector<std::string> delivered;
    std::vector<long long> times;
    for (int cycle = 0; cycle < 4; ++cycle) {
        device_.unplug();
        waitUntilDisconnected(scanner, delivered);
        EXPECT_EQ(scanner.health().state, DeviceState::Failed);
        EXPECT_NE(scanner.health().lastError.find("went away"), std::string::npos) << scanner.health().lastError;
        // Unplugged for a while, as a person would leave it, before plugging it in again.
        EXPECT_FALSE(scanner.next(150ms));
        device_.plug();
        const auto took = waitUntilConnected(scanner, Steady::now());
        EXPECT_LT(took, 2s);
        times.push_back(took.count());
    }
    EXPECT_TRUE(delivered.empty());
    std::cout << "[ measured ] reconnect with a 300 ms reopen interval (ms):";
    for (const auto t : times) std::cout << ' ' << t;
    std::cout << '\n';
}

TEST_F(SerialScannerTest, SurvivesAHundredUnplugsWithoutLeaksOrPartialCodes) {
    const auto descriptorsAtStart = test::openDescriptorCount();
    {
        device_.plug();
        auto scanner = makeScanner({CodeSuffix::Cr, 500ms, 8192}, 20ms);
        waitUntilConnected(scanner, Steady::now());
        const auto descriptorsConnected = test::openDescriptorCount();
        std::vector<std::string> delivered;
        std::vector<std::string> expected;
        long long slowest = 0;
        long long total = 0;
        for (int cycle = 0; cycle < 100; ++cycle) {
            // Half a code, read by the scanner, then the plug is pulled.
            device_.send("PARTIAL-" + std::to_string(cycle));
            if (auto code = scanner.next(10ms)) delivered.push_back(code->bytes);
            device_.unplug();
            waitUntilDisconnected(scanner, delivered);
            const auto failed = scanner.health();
            EXPECT_EQ(failed.state, DeviceState::Failed);
            device_.plug();
            const auto took = waitUntilConnected(scanner, Steady::now());
            EXPECT_LT(took, 2s);
            slowest = std::max<long long>(slowest, took.count());
            total += took.count();
            EXPECT_EQ(test::openDescriptorCount(), descriptorsConnected) << "cycle " << cycle;
            const std::string whole = "CODE-" + std::to_string(cycle);
            expected.push_back(whole);
            device_.send(whole + "\r");
            if (auto code = scanner.next(1s)) delivered.push_back(code->bytes);
        }
        EXPECT_EQ(delivered, expected);
        EXPECT_EQ(scanner.counts().incomplete, 100u);
        std::cout << "[ measured ] 100 replugs with a 20 ms reopen interval: mean " << total / 100 << " ms, slowest "
                  << slowest << " ms\n";
    }
    device_.unplug();
    EXPECT_EQ(test::openDescriptorCount(), descriptorsAtStart);
}

}  // namespace
