// The one-slot mailbox: the newest value wins, alone and between threads; and the frame pipeline
// taking demands from another thread while its loop runs.

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "kiosk/base/mailbox.h"
#include "kiosk/vision/frame_pipeline.h"

namespace kiosk::test {
namespace {

TEST(Mailbox, KeepsOnlyTheNewestValue) {
    Mailbox<int> box;
    EXPECT_TRUE(box.empty());
    EXPECT_FALSE(box.put(1));
    EXPECT_TRUE(box.put(2));  // 1 was never taken
    EXPECT_EQ(box.take(), 2);
    EXPECT_FALSE(box.take().has_value());
    EXPECT_TRUE(box.empty());
}

TEST(Mailbox, HandsOverIncreasingValuesBetweenThreadsAndNeverAnOlderOne) {
    Mailbox<int> box;
    constexpr int kLast = 20000;
    std::thread writer([&] {
        for (int i = 1; i <= kLast; ++i) box.put(i);
    });
    int seen = 0, taken = 0;
    while (seen != kLast) {
        if (const auto v = box.take()) {
            ASSERT_GT(*v, seen);
            seen = *v;
            ++taken;
        } else {
            std::this_thread::yield();
        }
    }
    writer.join();
    EXPECT_GE(taken, 1);
    EXPECT_TRUE(box.empty());
}

// A camera that always has a frame ready, as a live one at speed does.
class EndlessCamera final : public drivers::Camera {
public:
    std::optional<drivers::CameraFrame> next(std::chrono::milliseconds timeout) override {
        if (timeout == std::chrono::milliseconds::zero()) return std::nullopt;
        return drivers::CameraFrame{
            {}, ++sequence_, {4, 4}, drivers::PixelFormat::Gray8, std::vector<std::uint8_t>(16, 128)};
    }
    drivers::ComponentHealth health() const override {
        return {drivers::Component::Camera, true, drivers::DeviceState::Ready, ""};
    }
    drivers::CameraMode requested() const override { return {}; }
    std::optional<drivers::CameraMode> negotiated() const override { return std::nullopt; }

private:
    std::uint64_t sequence_ = 0;
};

class CountingWork final : public vision::FrameWork {
public:
    std::atomic<int> resets{0};
    int frames = 0;
    void reset(const vision::Demand&) override { ++resets; }
    std::vector<vision::VisionEvent> onFrame(const drivers::CameraFrame&) override {
        ++frames;
        return {};
    }
};

TEST(FramePipelineThreads, TakesDemandsSetFromTheUiThreadWhileItRuns) {
    EndlessCamera camera;
    vision::FramePipeline pipeline(camera, nullptr);
    auto work = std::make_unique<CountingWork>();
    auto* mrz = work.get();
    pipeline.setWork(vision::Demand::Kind::Mrz, std::move(work));
    std::atomic<bool> uiDone{false};
    std::thread ui([&] {
        for (int i = 0; i < 200; ++i) {
            pipeline.setDemand(i % 2 ? vision::Demand::mrz() : vision::Demand::nothing());
            std::this_thread::yield();
        }
        pipeline.setDemand(vision::Demand::mrz());
        uiDone = true;
    });
    while (!uiDone) pipeline.runOnce();
    ui.join();
    pipeline.runOnce();  // the last demand is taken at the latest here
    EXPECT_EQ(pipeline.demand(), vision::Demand::mrz());
    EXPECT_GE(mrz->resets.load(), 1);
    EXPECT_GE(mrz->frames, 1);
}

}  // namespace
}  // namespace kiosk::test
