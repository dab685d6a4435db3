#include <gtest/gtest.h>

#include "drivers/mrz/serial_mrz_reader.h"
#include "drivers/mrz/simulated_mrz_reader.h"
#include "drivers/scanner/serial_code_scanner.h"
#include "drivers/scanner/simulated_code_scanner.h"
#include "drivers/serial/serial_port.h"
#include "kiosk/base/clock.h"

using namespace kiosk;
using namespace kiosk::drivers;
using namespace std::chrono_literals;

namespace {

SerialSettings valid() {
    SerialSettings s;
    s.device = "/dev/serial/by-id/usb-Test_Scanner-if00";
    return s;
}

TEST(SerialSettings, AcceptsTheDefaultsAndCommonVariants) {
    EXPECT_TRUE(validateSerialSettings(valid()));
    auto s = valid();
    s.baud = 115200;
    s.dataBits = 7;
    s.parity = Parity::Even;
    s.stopBits = 2;
    s.flowControl = FlowControl::RtsCts;
    EXPECT_TRUE(validateSerialSettings(s));
}

TEST(SerialSettings, RefusesWhatCanNeverWork) {
    const auto code = [](SerialSettings s) {
        auto ok = validateSerialSettings(s);
        return ok ? std::string() : ok.error().code;
    };
    auto s = valid();
    s.device.clear();
    EXPECT_EQ(code(s), "serial.device");
    s = valid();
    s.baud = 12345;
    EXPECT_EQ(code(s), "serial.baud");
    s = valid();
    s.dataBits = 9;
    EXPECT_EQ(code(s), "serial.data_bits");
    s = valid();
    s.stopBits = 0;
    EXPECT_EQ(code(s), "serial.stop_bits");
    s = valid();
    s.reopenInterval = 0ms;
    EXPECT_EQ(code(s), "serial.reopen_interval");
}

TEST(SerialSettings, BackendsRefuseBadFramingButNotAnAbsentDevice) {
    SystemClock clock;
    SerialScannerConfig scanner;
    scanner.port = valid();
    EXPECT_TRUE(SerialCodeScanner::create(scanner, clock));
    scanner.framing.maxLength = 0;
    EXPECT_EQ(SerialCodeScanner::create(scanner, clock).error().code, "scanner.max_length");
    scanner.framing = {CodeSuffix::None, 0ms, 8192};
    EXPECT_EQ(SerialCodeScanner::create(scanner, clock).error().code, "scanner.inter_byte_timeout");

    SerialMrzReaderConfig reader;
    reader.port = valid();
    reader.port.baud = 7;
    EXPECT_EQ(SerialMrzReader::create(reader, clock).error().code, "serial.baud");
}

TEST(DemoScripts, TheShippedExamplesLoad) {
    FakeClock clock;
    auto scanner = SimulatedCodeScanner::load(LOKET_TEST_DATA_DIR "/devices/scanner_demo.txt", clock, {});
    ASSERT_TRUE(scanner) << scanner.error().detail;
    clock.advance(2s);
    const auto first = scanner->next(0ms);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->symbology, "QRCode");
    EXPECT_EQ(first->bytes, "LOKET-TEST-0001");
    clock.advance(500ms);
    EXPECT_EQ(scanner->next(0ms)->bytes,
              "010123456789012815\x1d"
              "10ABC123");
    EXPECT_FALSE(scanner->next(0ms));
    EXPECT_EQ(scanner->health().state, DeviceState::Failed);
    clock.advance(3s);
    EXPECT_EQ(scanner->next(0ms)->bytes, "# a code that starts with a hash");

    auto reader = SimulatedMrzReader::load(LOKET_TEST_DATA_DIR "/devices/mrz_demo.txt", clock, {});
    ASSERT_TRUE(reader) << reader.error().detail;
    clock.advance(1s);
    EXPECT_EQ(reader->next(0ms)->lines.size(), 2u);
    clock.advance(2s);
    EXPECT_EQ(reader->next(0ms)->lines.size(), 3u);
    EXPECT_TRUE(reader->finished());
}

}  // namespace
