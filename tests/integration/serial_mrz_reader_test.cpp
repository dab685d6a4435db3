// The serial MRZ reader over a pseudo-terminal: frames, split reads, noise between frames, and
// unplug/replug in the middle of a frame.

#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "drivers/mrz/serial_mrz_reader.h"
#include "kiosk/base/clock.h"
#include "tests/integration/fake_serial_device.h"

using namespace kiosk;
using namespace kiosk::drivers;
using namespace std::chrono_literals;
using namespace std::string_literals;
using Steady = std::chrono::steady_clock;

namespace {

using Frame = std::vector<std::string>;

// Generated, shape-correct MRZ lines of no real person or document.
const Frame kTd3{"P<IDNCONTOH<<SITI<AMINAH<<<<<<<<<<<<<<<<<<<<", "X0000001<7IDN9001014F3001012<<<<<<<<<<<<<<06"};
const Frame kTd1{"IDIDNX000003<5<<<<<<<<<<<<<<<<", "9202029F3202028IDN<<<<<<<<<<<0", "CONTOH<<DEWI<<<<<<<<<<<<<<<<<<"};

std::string text(const Frame& frame) {
    std::string out;
    for (const auto& line : frame) out += line + "\r\n";
    return out;
}

class SerialMrzReaderTest : public testing::Test {
protected:
    SerialMrzReader makeReader(MrzFraming framing = {}, std::chrono::milliseconds reopen = 300ms) {
        SerialMrzReaderConfig config;
        config.port.device = device_.path();
        config.port.reopenInterval = reopen;
        config.framing = framing;
        auto reader = SerialMrzReader::create(config, clock_);
        if (!reader) throw std::runtime_error(reader.error().detail);
        return std::move(*reader);
    }

    std::chrono::milliseconds waitUntilConnected(SerialMrzReader& reader) {
        const auto since = Steady::now();
        while (!reader.port().connected() && Steady::now() - since < 2s) EXPECT_FALSE(reader.next(5ms));
        EXPECT_TRUE(reader.port().connected()) << reader.health().lastError;
        return std::chrono::duration_cast<std::chrono::milliseconds>(Steady::now() - since);
    }

    SerialMrzReader pluggedReader(MrzFraming framing = {}) {
        device_.plug();
        auto reader = makeReader(framing);
        waitUntilConnected(reader);
        return reader;
    }

    SystemClock clock_;
    test::SerialTempDir dir_;
    test::FakeSerialDevice device_{dir_.path() / "usb-Passport_Reader-if00"};
};

TEST_F(SerialMrzReaderTest, DeliversAWholeFrame) {
    auto reader = pluggedReader();
    device_.send(text(kTd3));
    const auto mrz = reader.next(1s);
    ASSERT_TRUE(mrz);
    EXPECT_EQ(mrz->lines, kTd3);
    EXPECT_EQ(reader.health().component, Component::MrzReader);
    EXPECT_EQ(reader.health().state, DeviceState::Ready);
}

TEST_F(SerialMrzReaderTest, ToleratesAFrameSentByteByByte) {
    auto reader = pluggedReader();
    std::vector<Frame> frames;
    for (const char c : text(kTd1)) {
        device_.send(std::string(1, c));
        if (auto mrz = reader.next(0ms)) frames.push_back(mrz->lines);
    }
    if (auto mrz = reader.next(200ms)) frames.push_back(mrz->lines);
    EXPECT_EQ(frames, std::vector<Frame>{kTd1});
}

TEST_F(SerialMrzReaderTest, SkipsNoiseAndBinaryBytesBetweenFrames) {
    auto reader = pluggedReader({MrzTerminator::BlankLine, 500ms});
    device_.send("\x00\xff\x1b[0mREADER OK\r\n\r\n"s + text(kTd3) + "\r\n" + "<<<<\r\n\x02\x03\r\n" + text(kTd1) +
                 "\r\n");
    const auto first = reader.next(1s);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->lines, kTd3);
    const auto second = reader.next(1s);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->lines, kTd1);
    EXPECT_FALSE(reader.next(50ms));
}

TEST_F(SerialMrzReaderTest, SurvivesAHundredUnplugsMidFrame) {
    const auto descriptorsAtStart = test::openDescriptorCount();
    {
        device_.plug();
        auto reader = makeReader({}, 20ms);
        waitUntilConnected(reader);
        const auto descriptorsConnected = test::openDescriptorCount();
        int delivered = 0;
        long long slowest = 0;
        for (int cycle = 0; cycle < 100; ++cycle) {
            const Frame& frame = cycle % 2 ? kTd1 : kTd3;
            // The first line and a half, read by the reader, then the plug is pulled.
            device_.send(frame[0] + "\r\n" + frame[1].substr(0, 20));
            EXPECT_FALSE(reader.next(10ms));
            device_.unplug();
            const auto since = Steady::now();
            while (reader.port().connected() && Steady::now() - since < 2s) EXPECT_FALSE(reader.next(5ms));
            EXPECT_EQ(reader.health().state, DeviceState::Failed);
            device_.plug();
            const auto took = waitUntilConnected(reader);
            EXPECT_LT(took, 2s);
            slowest = std::max<long long>(slowest, took.count());
            EXPECT_EQ(test::openDescriptorCount(), descriptorsConnected) << "cycle " << cycle;
            device_.send(text(frame));
            const auto mrz = reader.next(1s);
            ASSERT_TRUE(mrz) << "cycle " << cycle;
            EXPECT_EQ(mrz->lines, frame) << "cycle " << cycle;
            ++delivered;
        }
        EXPECT_EQ(delivered, 100);
        EXPECT_EQ(reader.counts().delivered, 100u);
        std::cout << "[ measured ] 100 MRZ reader replugs with a 20 ms reopen interval: slowest " << slowest << " ms\n";
    }
    device_.unplug();
    EXPECT_EQ(test::openDescriptorCount(), descriptorsAtStart);
}

}  // namespace
