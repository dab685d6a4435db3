// The interactive kiosk's devices thread and camera thread: the bounded queue they hand over
// through, the devices worker's rounds on simulated devices (in order, a full queue counted), and
// the threads themselves (readings reach the UI side and ring it, a stop does not wait for idle
// devices, the camera thread reads the demanded code and leaves frames for the preview). The
// tsan preset builds and runs these.

#include <gtest/gtest.h>
#include <stdlib.h>  // mkdtemp

#include <opencv2/imgcodecs.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "drivers/camera/simulated_camera.h"
#include "drivers/mrz/simulated_mrz_reader.h"
#include "drivers/scanner/simulated_code_scanner.h"
#include "kiosk/app/device_threads.h"
#include "kiosk/app/devices_worker.h"
#include "kiosk/app/health_board.h"
#include "kiosk/base/bounded_queue.h"
#include "kiosk/base/thread_priority.h"
#include "tests/unit/code_test_images.h"

namespace kiosk::app {
namespace {

using namespace std::chrono_literals;
using Steady = std::chrono::steady_clock;

// Two MRZ-shaped lines (check digits are not the simulated reader's business).
std::vector<std::string> mrzLines(char tag) {
    std::string first = "P<IDNCONTOH<<SITI<AMINAH";
    first.resize(44, '<');
    std::string second = std::string("X000000") + tag + "<7IDN9001014F3001012";
    second.resize(44, '<');
    return {first, second};
}

std::string mrzScript(const std::vector<std::vector<std::string>>& frames, const std::string& wait = "") {
    std::string text;
    for (const auto& frame : frames) {
        if (!wait.empty()) text += "@wait " + wait + "\n";
        for (const auto& line : frame) text += line + "\n";
        text += "\n";
    }
    return text;
}

drivers::SimulatedCodeScanner scanner(const std::string& script, const Clock& clock,
                                      const drivers::Waker* waker = nullptr) {
    auto parsed = drivers::parseScannerScript(script);
    EXPECT_TRUE(parsed) << parsed.error().detail;
    return {parsed ? std::move(*parsed) : drivers::ScannerScript{}, clock, {false, false, waker}};
}

drivers::SimulatedMrzReader mrzReader(const std::string& script, const Clock& clock,
                                      const drivers::Waker* waker = nullptr) {
    auto parsed = drivers::parseMrzScript(script);
    EXPECT_TRUE(parsed) << parsed.error().detail;
    return {parsed ? std::move(*parsed) : drivers::MrzScript{}, clock, {false, false, waker}};
}

drivers::Waker makeWaker() {
    auto waker = drivers::Waker::create();
    EXPECT_TRUE(waker);
    return std::move(*waker);
}

// Polls `done` until it holds or `limit` passes; the threads under test decide how soon.
template <class Done>
bool eventually(Done done, std::chrono::seconds limit) {
    const auto until = Steady::now() + limit;
    while (!done()) {
        if (Steady::now() > until) return false;
        std::this_thread::sleep_for(2ms);
    }
    return true;
}

std::string codeOf(const DeviceInput& input) {
    const auto* code = std::get_if<drivers::ScannedCode>(&input);
    return code ? code->bytes : std::string("<not a code>");
}

TEST(BoundedQueue, KeepsTheOrderAndCountsWhatAFullQueueRefuses) {
    BoundedQueue<int> queue(3);
    for (int i = 1; i <= 5; ++i) queue.push(i);
    EXPECT_EQ(queue.size(), 3U);
    EXPECT_EQ(queue.overflowed(), 2U);
    EXPECT_EQ(queue.takeAll(), (std::vector<int>{1, 2, 3}));
    EXPECT_TRUE(queue.push(6));
    EXPECT_EQ(queue.takeAll(), (std::vector<int>{6}));
}

TEST(BoundedQueue, ProducersOnOtherThreadsLoseNothingThatFits) {
    constexpr int kProducers = 4;
    constexpr int kEach = 500;
    BoundedQueue<std::pair<int, int>> queue(kProducers * kEach);
    std::vector<std::pair<int, int>> taken;
    {
        std::vector<std::jthread> producers;
        for (int p = 0; p < kProducers; ++p)
            producers.emplace_back([&queue, p] {
                for (int i = 0; i < kEach; ++i) queue.push({p, i});
            });
        for (int round = 0; round < 50; ++round)
            for (auto& item : queue.takeAll()) taken.push_back(item);
    }
    for (auto& item : queue.takeAll()) taken.push_back(item);
    ASSERT_EQ(taken.size(), static_cast<std::size_t>(kProducers * kEach));
    EXPECT_EQ(queue.overflowed(), 0U);
    std::vector<int> next(kProducers, 0);
    for (const auto& [p, i] : taken) EXPECT_EQ(i, next[static_cast<std::size_t>(p)]++) << "producer " << p;
}

TEST(UiWake, RingsOnceUntilTheUiRearms) {
    int pushes = 0;
    UiWake wake([&] { ++pushes; });
    wake.ring();
    wake.ring();
    EXPECT_EQ(pushes, 1);
    wake.rearm();
    wake.ring();
    EXPECT_EQ(pushes, 2);
}

TEST(DevicesWorker, DeliversCodesAndMrzLinesInTheOrderTheyCame) {
    FakeClock clock;
    auto codes = scanner("@symbology QRCode\nKK-0001\nKK-0002\nKK-0003\n", clock);
    auto mrz = mrzReader(mrzScript({mrzLines('1'), mrzLines('2')}), clock);
    BoundedQueue<DeviceInput> queue(16);
    int rings = 0;
    DevicesWorker worker(
        &codes, &mrz, queue, [&] { ++rings; }, 0ms);
    EXPECT_EQ(worker.runOnce(), 2);
    EXPECT_EQ(worker.runOnce(), 2);
    EXPECT_EQ(worker.runOnce(), 1);
    EXPECT_EQ(worker.runOnce(), 0);
    EXPECT_EQ(rings, 5);

    const auto got = queue.takeAll();
    ASSERT_EQ(got.size(), 5U);
    EXPECT_EQ(codeOf(got[0]), "KK-0001");
    EXPECT_EQ(std::get<drivers::ScannedCode>(got[0]).symbology, "QRCode");
    EXPECT_EQ(std::get<drivers::MrzText>(got[1]).lines, mrzLines('1'));
    EXPECT_EQ(codeOf(got[2]), "KK-0002");
    EXPECT_EQ(std::get<drivers::MrzText>(got[3]).lines, mrzLines('2'));
    EXPECT_EQ(codeOf(got[4]), "KK-0003");
}

TEST(DevicesWorker, AFullQueueCountsWhatItRefusesAndKeepsTheOldest) {
    FakeClock clock;
    auto codes = scanner("A\nB\nC\nD\nE\n", clock);
    BoundedQueue<DeviceInput> queue(2);
    int rings = 0;
    DevicesWorker worker(
        &codes, nullptr, queue, [&] { ++rings; }, 0ms);
    for (int i = 0; i < 5; ++i) EXPECT_EQ(worker.runOnce(), 1);
    EXPECT_EQ(queue.overflowed(), 3U);
    EXPECT_EQ(rings, 5);  // the UI hears of every reading, refused or not
    const auto got = queue.takeAll();
    ASSERT_EQ(got.size(), 2U);
    EXPECT_EQ(codeOf(got[0]), "A");
    EXPECT_EQ(codeOf(got[1]), "B");
}

TEST(DevicesWorker, WaitsForTheScriptedTime) {
    FakeClock clock;
    auto codes = scanner("@wait 2s\nLATE\n", clock);
    BoundedQueue<DeviceInput> queue(4);
    DevicesWorker worker(&codes, nullptr, queue, {}, 0ms);
    EXPECT_EQ(worker.runOnce(), 0);
    clock.advance(2s);
    EXPECT_EQ(worker.runOnce(), 1);
    EXPECT_EQ(codeOf(queue.takeAll().at(0)), "LATE");
}

TEST(DeviceThreads, ReadingsReachTheUiSideAndRingIt) {
    SystemClock clock;
    const auto waker = makeWaker();
    auto codes = scanner("@wait 10ms\nKK-0001\n@wait 10ms\nKK-0002\n", clock, &waker);
    auto mrz = mrzReader(mrzScript({mrzLines('1')}, "20ms"), clock, &waker);
    std::atomic<int> rings{0};
    DeviceThreads threads(ThreadedDevices{&codes, &mrz, &waker, nullptr, nullptr}, [&] { ++rings; });

    std::vector<DeviceInput> got;
    ASSERT_TRUE(eventually(
        [&] {
            for (auto& input : threads.channels().devices.takeAll()) got.push_back(std::move(input));
            return got.size() >= 3;
        },
        10s))
        << got.size() << " readings arrived";
    threads.stop();
    EXPECT_GE(rings.load(), 1);
    std::vector<std::string> scanned;
    int mrzs = 0;
    for (const auto& input : got) {
        if (std::holds_alternative<drivers::MrzText>(input))
            ++mrzs;
        else
            scanned.push_back(codeOf(input));
    }
    EXPECT_EQ(scanned, (std::vector<std::string>{"KK-0001", "KK-0002"}));
    EXPECT_EQ(mrzs, 1);
}

TEST(HealthBoard, GivesEachChangeOnceWithTheTimeItWasFirstSeen) {
    FakeClock clock(Clock::TimePoint{} + 1h);
    HealthBoard board(clock);
    using drivers::Component;
    using drivers::DeviceState;
    board.post({Component::CodeScanner, false, DeviceState::Ready, ""});
    board.post({Component::ReceiptPrinter, true, DeviceState::Ready, ""});
    auto changes = board.takeChanges();
    ASSERT_EQ(changes.size(), 2u);  // every device the first time
    EXPECT_EQ(changes[0].health.component, Component::CodeScanner);
    EXPECT_TRUE(board.takeChanges().empty());

    clock.advance(5s);
    board.post({Component::ReceiptPrinter, true, DeviceState::Failed, "paper out"});
    const auto failedAt = clock.now();
    clock.advance(5s);
    board.post({Component::ReceiptPrinter, true, DeviceState::Failed, "paper out"});  // still so
    board.post({Component::CodeScanner, false, DeviceState::Ready, ""});
    changes = board.takeChanges();
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes[0].health.state, DeviceState::Failed);
    EXPECT_EQ(changes[0].health.lastError, "paper out");
    EXPECT_EQ(changes[0].at, failedAt);

    // A long error is cut; a device that failed and came back before anyone looked is as it was.
    board.post({Component::CodeScanner, false, DeviceState::Failed, std::string(500, 'x')});
    changes = board.takeChanges();
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes[0].health.lastError.size(), HealthBoard::kMaxDetail);
    board.post({Component::ReceiptPrinter, true, DeviceState::Ready, ""});
    board.post({Component::ReceiptPrinter, true, DeviceState::Failed, "paper out"});
    EXPECT_TRUE(board.takeChanges().empty());
}

TEST(DeviceThreads, TheDevicesThreadPostsWhatBecameOfItsDevices) {
    SystemClock clock;
    const auto waker = makeWaker();
    auto codes =
        scanner("@wait 10ms\nKK-0001\n@fail scanner unplugged\n@wait 400ms\n@ready\n@wait 60s\nNEVER\n", clock, &waker);
    HealthBoard board(clock);
    DeviceThreads threads(ThreadedDevices{&codes, nullptr, &waker, nullptr, nullptr, &board}, [] {});
    std::vector<std::pair<drivers::DeviceState, std::string>> seen;
    ASSERT_TRUE(eventually(
        [&] {
            for (const auto& change : board.takeChanges())
                seen.emplace_back(change.health.state, change.health.lastError);
            return seen.size() >= 3;
        },
        10s))
        << seen.size() << " changes seen";
    threads.stop();
    using drivers::DeviceState;
    EXPECT_EQ(seen,
              (std::vector<std::pair<DeviceState, std::string>>{
                  {DeviceState::Ready, ""}, {DeviceState::Failed, "scanner unplugged"}, {DeviceState::Ready, ""}}));
}

TEST(DeviceThreads, AStopDoesNotWaitForIdleDevices) {
    SystemClock clock;
    const auto waker = makeWaker();
    auto codes = scanner("@wait 60s\nNEVER\n", clock, &waker);
    auto mrz = mrzReader(mrzScript({mrzLines('1')}, "60s"), clock, &waker);
    DeviceThreadSettings settings;
    settings.deviceWait = 20s;  // without the waker a stop would wait this long
    Steady::time_point start;
    {
        DeviceThreads threads(ThreadedDevices{&codes, &mrz, &waker, nullptr, nullptr}, {}, settings);
        std::this_thread::sleep_for(50ms);  // let the thread get into a device's wait
        start = Steady::now();
    }
    EXPECT_LT(Steady::now() - start, 2s);
    EXPECT_FALSE(waker.raised()) << "the stop leaves the waker down for whoever shares it";
}

class CameraThread : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (std::filesystem::temp_directory_path() / "loket-camera-thread-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
        const auto qr = test::renderCode(ZXing::BarcodeFormat::QRCode, "KK-CAMERA-0001", 8);
        ASSERT_TRUE(cv::imwrite((dir_ / "card.png").string(), test::frameWith(qr, {480, 200})));
    }
    void TearDown() override {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    std::filesystem::path dir_;
};

TEST_F(CameraThread, ReadsTheDemandedCodeAndLeavesFramesForThePreview) {
    SystemClock clock;
    const auto waker = makeWaker();
    drivers::SimulatedCameraConfig config;
    config.folder = dir_;
    config.request.rate = drivers::FrameRate{10};
    auto camera = drivers::SimulatedCamera::create(config, clock, &waker);
    ASSERT_TRUE(camera) << camera.error().detail;
    std::atomic<int> rings{0};
    DeviceThreads threads(ThreadedDevices{nullptr, nullptr, nullptr, &*camera, &waker}, [&] { ++rings; });
    auto& channels = threads.channels();
    channels.demand.put(vision::Demand::barcodes({vision::BarcodeFormat::QrCode}));

    std::vector<std::string> codes;
    const bool read = eventually(
        [&] {
            for (auto& event : channels.vision.takeAll())
                if (auto* found = std::get_if<vision::BarcodesRead>(&event))
                    for (const auto& code : found->codes) codes.push_back(code.text);
            return !codes.empty();
        },
        60s);
    EXPECT_TRUE(read) << "no code within a minute";
    EXPECT_EQ(codes, (std::vector<std::string>{"KK-CAMERA-0001"}));
    EXPECT_TRUE(eventually([&] { return !channels.preview.empty(); }, 10s));
    EXPECT_GE(rings.load(), 1);
    const auto start = Steady::now();
    threads.stop();
    EXPECT_LT(Steady::now() - start, 5s);
}

// A camera that only notes the nice value of the thread that asks it for frames.
class NiceNotingCamera final : public drivers::Camera {
public:
    std::optional<drivers::CameraFrame> next(std::chrono::milliseconds timeout) override {
        seen = thisThreadsNice();
        std::this_thread::sleep_for(std::min(timeout, std::chrono::milliseconds(5)));
        return std::nullopt;
    }
    drivers::ComponentHealth health() const override { return {}; }
    drivers::CameraMode requested() const override { return {}; }
    std::optional<drivers::CameraMode> negotiated() const override { return std::nullopt; }
    std::atomic<int> seen{-100};
};

TEST(DeviceThreads, TheCameraThreadYieldsToTheScreen) {
    const int screen = thisThreadsNice();
    NiceNotingCamera camera;
    DeviceThreads threads(ThreadedDevices{nullptr, nullptr, nullptr, &camera, nullptr}, [] {});
    ASSERT_TRUE(eventually([&] { return camera.seen != -100; }, 10s));
    EXPECT_GT(camera.seen.load(), screen) << "the camera thread runs below the UI thread";
    EXPECT_EQ(thisThreadsNice(), screen) << "only the camera thread was lowered";
    threads.stop();
}

}  // namespace
}  // namespace kiosk::app
