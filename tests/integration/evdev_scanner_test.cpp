// The keyboard-wedge scanner: input_event records over a socketpair standing in for the evdev
// device (framing, unplug/replug, no leaked descriptors, no partial code), EvdevPort against
// things that are not input devices, and a real uinput keyboard where /dev/uinput is usable.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <linux/input.h>
#include <linux/uinput.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "drivers/scanner/evdev_code_scanner.h"
#include "kiosk/base/clock.h"
#include "tests/integration/fake_keyboard.h"
#include "tests/integration/fake_serial_device.h"
#include "tests/unit/keystroke_test_keyboard.h"

using namespace kiosk;
using namespace kiosk::drivers;
using namespace std::chrono_literals;
using Steady = std::chrono::steady_clock;

namespace {

class EvdevScannerTest : public testing::Test {
protected:
    EvdevCodeScanner makeScanner(CodeFraming framing = {}, std::chrono::milliseconds reopen = 300ms) {
        return EvdevCodeScanner(std::make_unique<test::FakeKeyboardPort>(keyboard_, reopen), *findKeyboardLayout("id"),
                                framing, clock_, true);
    }

    std::chrono::milliseconds waitUntilConnected(EvdevCodeScanner& scanner, Steady::time_point since) {
        while (!scanner.port().connected() && Steady::now() - since < 2s) EXPECT_FALSE(scanner.next(5ms));
        EXPECT_TRUE(scanner.port().connected()) << scanner.health().lastError;
        return std::chrono::duration_cast<std::chrono::milliseconds>(Steady::now() - since);
    }

    void waitUntilDisconnected(EvdevCodeScanner& scanner, std::vector<std::string>& delivered) {
        const auto since = Steady::now();
        while (scanner.port().connected() && Steady::now() - since < 2s)
            if (auto code = scanner.next(5ms)) delivered.push_back(code->bytes);
        EXPECT_FALSE(scanner.port().connected());
    }

    EvdevCodeScanner pluggedScanner(CodeFraming framing = {}) {
        keyboard_.plug();
        auto scanner = makeScanner(framing);
        waitUntilConnected(scanner, Steady::now());
        return scanner;
    }

    void type(std::string_view text, std::size_t piece = 4096) {
        keyboard_.send(test::recordBytes(test::typeUs(text)), piece);
    }

    SystemClock clock_;
    test::FakeKeyboard keyboard_;
};

TEST_F(EvdevScannerTest, DeliversATypedCode) {
    auto scanner = pluggedScanner();
    const auto before = clock_.now();
    type("LOKET-Test-0001\r");
    const auto code = scanner.next(1s);
    ASSERT_TRUE(code);
    EXPECT_EQ(code->bytes, "LOKET-Test-0001");
    EXPECT_EQ(code->symbology, "");
    EXPECT_GE(code->at, before);
    const auto health = scanner.health();
    EXPECT_EQ(health.component, Component::CodeScanner);
    EXPECT_EQ(health.state, DeviceState::Ready);
    EXPECT_TRUE(health.required);
}

TEST_F(EvdevScannerTest, JoinsRecordsSplitAcrossReadsAndSplitsSeveralCodes) {
    auto scanner = pluggedScanner();
    const auto bytes = test::recordBytes(test::typeUs("FIRST\rSECOND\r"));
    // Odd pieces with reads in between, so records arrive cut anywhere.
    std::vector<std::string> delivered;
    for (std::size_t at = 0; at < bytes.size(); at += 37) {
        keyboard_.send(std::string_view(bytes).substr(at, 37));
        if (auto code = scanner.next(1ms)) delivered.push_back(code->bytes);
    }
    while (auto code = scanner.next(50ms)) delivered.push_back(code->bytes);
    EXPECT_EQ(delivered, (std::vector<std::string>{"FIRST", "SECOND"}));
}

TEST_F(EvdevScannerTest, EndsACodeWithoutSuffixAfterTheInterKeyTimeout) {
    auto scanner = pluggedScanner({CodeSuffix::None, 60ms, 8192});
    const auto sent = Steady::now();
    type("NO-SUFFIX");
    const auto code = scanner.next(1s);
    ASSERT_TRUE(code);
    EXPECT_EQ(code->bytes, "NO-SUFFIX");
    EXPECT_GE(Steady::now() - sent, 60ms);
}

TEST_F(EvdevScannerTest, ReportsACodeWithAKeyTheLayoutLacks) {
    auto scanner = pluggedScanner();
    auto events = test::typeUs("AB");
    test::tap(events, KEY_F7);
    const auto rest = test::typeUs("C\rOK\r");
    events.insert(events.end(), rest.begin(), rest.end());
    keyboard_.send(test::recordBytes(events));
    const auto code = scanner.next(1s);
    ASSERT_TRUE(code);
    EXPECT_EQ(code->bytes, "OK");
    EXPECT_EQ(scanner.keyCounts().unmappedKeys, 1u);
    EXPECT_NE(scanner.health().lastError.find("\"id\" layout"), std::string::npos) << scanner.health().lastError;
}

TEST_F(EvdevScannerTest, StartsWithoutTheDeviceAndPicksItUpWhenPlugged) {
    auto scanner = makeScanner({}, 100ms);
    EXPECT_FALSE(scanner.next(10ms));
    EXPECT_EQ(scanner.health().state, DeviceState::Failed);
    EXPECT_EQ(scanner.health().lastError, "cannot open fake-keyboard: No such file or directory");
    keyboard_.plug();
    waitUntilConnected(scanner, Steady::now());
    type("HELLO\r");
    const auto code = scanner.next(1s);
    ASSERT_TRUE(code);
    EXPECT_EQ(code->bytes, "HELLO");
}

TEST_F(EvdevScannerTest, SurvivesAHundredUnplugsWithoutLeaksOrPartialCodes) {
    const auto descriptorsAtStart = test::openDescriptorCount();
    {
        keyboard_.plug();
        auto scanner = makeScanner({CodeSuffix::Cr, 500ms, 8192}, 20ms);
        waitUntilConnected(scanner, Steady::now());
        const auto descriptorsConnected = test::openDescriptorCount();
        std::vector<std::string> delivered;
        std::vector<std::string> expected;
        long long slowest = 0;
        for (int cycle = 0; cycle < 100; ++cycle) {
            // Half a code and half a record, read by the scanner, then the plug is pulled.
            const auto half = test::recordBytes(test::typeUs("PARTIAL-" + std::to_string(cycle)));
            keyboard_.send(std::string_view(half).substr(0, half.size() - 7));
            if (auto code = scanner.next(10ms)) delivered.push_back(code->bytes);
            keyboard_.unplug();
            waitUntilDisconnected(scanner, delivered);
            EXPECT_EQ(scanner.health().state, DeviceState::Failed);
            EXPECT_NE(scanner.health().lastError.find("fake-keyboard went away"), std::string::npos);
            keyboard_.plug();
            const auto took = waitUntilConnected(scanner, Steady::now());
            EXPECT_LT(took, 2s);
            slowest = std::max<long long>(slowest, took.count());
            EXPECT_EQ(test::openDescriptorCount(), descriptorsConnected) << "cycle " << cycle;
            const std::string whole = "CODE-" + std::to_string(cycle);
            expected.push_back(whole);
            type(whole + "\r");
            if (auto code = scanner.next(1s)) delivered.push_back(code->bytes);
        }
        EXPECT_EQ(delivered, expected);
        EXPECT_EQ(scanner.counts().incomplete, 100u);
        std::cout << "[ measured ] 100 replugs with a 20 ms reopen interval: slowest " << slowest << " ms\n";
    }
    keyboard_.unplug();
    EXPECT_EQ(test::openDescriptorCount(), descriptorsAtStart);
}

TEST(EvdevPort, RefusesWhatIsNotAnInputDevice) {
    SystemClock clock;
    test::SerialTempDir dir;
    const auto file = dir.path() / "plain-file";
    std::ofstream(file) << "not a device\n";
    const std::vector<std::pair<std::filesystem::path, std::string>> cases{
        {dir.path() / "missing", "cannot open " + (dir.path() / "missing").string() + ": No such file or directory"},
        {file, file.string() + " is not an input event device (/dev/input/event*)"},
        {"/dev/null", "/dev/null is not an input event device (/dev/input/event*)"}};
    for (const auto& [path, reason] : cases) {
        EvdevScannerConfig config;
        config.device = path;
        auto scanner = EvdevCodeScanner::create(config, clock);
        ASSERT_TRUE(scanner) << scanner.error().detail;
        EXPECT_FALSE(scanner->next(10ms));
        EXPECT_EQ(scanner->health().state, DeviceState::Failed);
        EXPECT_EQ(scanner->health().lastError, reason);
    }
}

TEST(EvdevPort, RefusesSettingsThatCanNeverWork) {
    SystemClock clock;
    const auto with = [](auto change) {
        EvdevScannerConfig config;
        config.device = "/dev/input/event0";
        change(config);
        return config;
    };
    const std::vector<std::pair<EvdevScannerConfig, std::string>> cases{
        {with([](auto& c) { c.device.clear(); }), "scanner.device"},
        {with([](auto& c) { c.layout = "fr"; }), "scanner.layout"},
        {with([](auto& c) { c.framing.suffix = CodeSuffix::CrLf; }), "scanner.suffix"},
        {with([](auto& c) { c.framing.interByteTimeout = 0ms; }), "scanner.inter_byte_timeout"},
        {with([](auto& c) { c.reopenInterval = 0ms; }), "scanner.reopen_interval"}};
    for (const auto& [config, code] : cases) {
        const auto scanner = EvdevCodeScanner::create(config, clock);
        ASSERT_FALSE(scanner) << code;
        EXPECT_EQ(scanner.error().code, code);
    }
}

// A virtual keyboard through /dev/uinput, where the machine has one and lets us use it.
class UinputKeyboard {
public:
    bool create() {
        fd_.reset(::open("/dev/uinput", O_WRONLY | O_NONBLOCK | O_CLOEXEC));
        if (!fd_) return false;
        ::ioctl(fd_.get(), UI_SET_EVBIT, EV_KEY);
        ::ioctl(fd_.get(), UI_SET_EVBIT, EV_SYN);
        for (int key = KEY_ESC; key <= KEY_KPDOT; ++key) ::ioctl(fd_.get(), UI_SET_KEYBIT, key);
        uinput_setup setup{};
        setup.id.bustype = BUS_USB;
        setup.id.vendor = 0x1234;
        setup.id.product = 0x5678;
        std::snprintf(setup.name, sizeof setup.name, "Loket test scanner");
        if (::ioctl(fd_.get(), UI_DEV_SETUP, &setup) < 0 || ::ioctl(fd_.get(), UI_DEV_CREATE) < 0) return false;
        char sysname[64] = {};
        if (::ioctl(fd_.get(), UI_GET_SYSNAME(sizeof sysname), sysname) < 0) return false;
        const auto sys = std::filesystem::path("/sys/devices/virtual/input") / sysname;
        // udev makes the node a moment after the device appears.
        for (int i = 0; i < 100 && node_.empty(); ++i) {
            std::error_code error;
            for (const auto& entry : std::filesystem::directory_iterator(sys, error))
                if (entry.path().filename().string().rfind("event", 0) == 0)
                    node_ = std::filesystem::path("/dev/input") / entry.path().filename();
            if (node_.empty() || !std::filesystem::exists(node_)) {
                node_.clear();
                std::this_thread::sleep_for(20ms);
            }
        }
        return !node_.empty();
    }
    ~UinputKeyboard() {
        if (fd_) ::ioctl(fd_.get(), UI_DEV_DESTROY);
    }
    void send(const std::vector<input_event>& events) {
        const auto bytes = test::recordBytes(events);
        EXPECT_EQ(::write(fd_.get(), bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
    }
    const std::filesystem::path& node() const { return node_; }

private:
    UniqueFd fd_;
    std::filesystem::path node_;
};

TEST(EvdevScannerDevice, GrabsARealInputDeviceAndReadsItsKeys) {
    if (::access("/dev/uinput", W_OK) != 0) GTEST_SKIP() << "no usable /dev/uinput on this machine";
    UinputKeyboard keyboard;
    if (!keyboard.create()) GTEST_SKIP() << "cannot create a uinput keyboard here";
    SystemClock clock;
    EvdevScannerConfig config;
    config.device = keyboard.node();
    auto scanner = EvdevCodeScanner::create(config, clock);
    ASSERT_TRUE(scanner) << scanner.error().detail;
    const auto since = Steady::now();
    while (!scanner->port().connected() && Steady::now() - since < 2s) EXPECT_FALSE(scanner->next(10ms));
    ASSERT_TRUE(scanner->port().connected()) << scanner->health().lastError;

    // The grab is exclusive: nobody else may take it while the scanner holds the device.
    UniqueFd other{::open(keyboard.node().c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
    ASSERT_TRUE(other);
    EXPECT_LT(::ioctl(other.get(), EVIOCGRAB, 1), 0);

    keyboard.send(test::typeUs("UINPUT-Code-1\r"));
    const auto code = scanner->next(2s);
    ASSERT_TRUE(code) << scanner->health().lastError;
    EXPECT_EQ(code->bytes, "UINPUT-Code-1");
    EXPECT_EQ(scanner->health().state, DeviceState::Ready);
}

}  // namespace
