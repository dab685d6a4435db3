// The camera thread and the devices thread stopped from outside: a Waker raised on another thread
// ends the wait of a keyboard-wedge scanner and of a simulated camera at once. The tsan preset
// builds and runs these too.

#include <gtest/gtest.h>
#include <stdlib.h>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <chrono>
#include <thread>

#include "drivers/camera/simulated_camera.h"
#include "drivers/scanner/evdev_code_scanner.h"
#include "tests/integration/fake_keyboard.h"

using namespace kiosk;
using namespace kiosk::drivers;
using namespace std::chrono_literals;
using Steady = std::chrono::steady_clock;

namespace {

// Raises the waker after `after` on a thread of its own; joined by the destructor.
class WakeLater {
public:
    WakeLater(const Waker& waker, std::chrono::milliseconds after)
        : thread_([&waker, after] {
              std::this_thread::sleep_for(after);
              waker.wake();
          }) {}
    ~WakeLater() { thread_.join(); }
    WakeLater(const WakeLater&) = delete;
    WakeLater& operator=(const WakeLater&) = delete;

private:
    std::thread thread_;
};

TEST(InputThreads, AWakerStopsAKeyboardWedgeScannerWaitingForKeys) {
    auto waker = Waker::create();
    ASSERT_TRUE(waker);
    SystemClock clock;
    test::FakeKeyboard keyboard;
    keyboard.plug();
    EvdevCodeScanner scanner(std::make_unique<test::FakeKeyboardPort>(keyboard, 300ms, &*waker),
                             *findKeyboardLayout("us"), {}, clock, false);
    EXPECT_FALSE(scanner.next(5ms));
    ASSERT_TRUE(scanner.port().connected());
    const auto start = Steady::now();
    {
        WakeLater wake(*waker, 50ms);
        EXPECT_FALSE(scanner.next(10s));
    }
    EXPECT_LT(Steady::now() - start, 2s);
    waker->clear();
}

TEST(InputThreads, AWakerStopsASimulatedCameraWaitingForItsNextFrame) {
    std::string pattern = (std::filesystem::temp_directory_path() / "loket-camera-thread-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    const std::filesystem::path dir = pattern;
    cv::imwrite((dir / "only.png").string(), cv::Mat(16, 16, CV_8UC3, cv::Scalar(10, 20, 30)));
    auto waker = Waker::create();
    ASSERT_TRUE(waker);
    SystemClock clock;
    SimulatedCameraConfig config;
    config.folder = dir;
    config.request.rate = FrameRate{0.1};  // one frame every ten seconds
    auto camera = SimulatedCamera::create(config, clock, &*waker);
    ASSERT_TRUE(camera) << camera.error().detail;
    ASSERT_TRUE(camera->next(0ms)) << camera->health().lastError;
    const auto start = Steady::now();
    {
        WakeLater wake(*waker, 50ms);
        EXPECT_FALSE(camera->next(20s));
    }
    EXPECT_LT(Steady::now() - start, 2s);
    std::filesystem::remove_all(dir);
}

}  // namespace
