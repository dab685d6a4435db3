// The frame pipeline's loop body with a fake camera and fake work: the newest frame wins, nothing is
// worked on without a demand, events reach the sink, a new demand resets the work; and the barcode
// work end to end with the simulated camera on a fake clock.

#include <gtest/gtest.h>

#include <stdlib.h>
#include <opencv2/imgcodecs.hpp>

#include <deque>
#include <filesystem>

#include "drivers/camera/simulated_camera.h"
#include "kiosk/vision/frame_pipeline.h"
#include "tests/unit/code_test_images.h"

namespace kiosk::test {
namespace {

using vision::Demand;
using vision::FramePipeline;
using vision::VisionEvent;

class QueueCamera final : public drivers::Camera {
public:
    std::deque<drivers::CameraFrame> frames;
    std::optional<drivers::CameraFrame> next(std::chrono::milliseconds) override {
        if (frames.empty()) return std::nullopt;
        auto f = std::move(frames.front());
        frames.pop_front();
        return f;
    }
    drivers::ComponentHealth health() const override {
        return {drivers::Component::Camera, true, drivers::DeviceState::Ready, ""};
    }
    drivers::CameraMode requested() const override { return {}; }
    std::optional<drivers::CameraMode> negotiated() const override { return std::nullopt; }

    void push(std::uint64_t sequence, const cv::Mat& gray = cv::Mat(48, 64, CV_8UC1, cv::Scalar(128))) {
        frames.push_back(grayFrame(gray, sequence));
    }
};

// Records what the pipeline asked of it; answers every frame with one event naming its sequence.
class RecordingWork final : public vision::FrameWork {
public:
    std::vector<Demand> resets;
    std::vector<std::uint64_t> frames;
    void reset(const Demand& d) override { resets.push_back(d); }
    std::vector<VisionEvent> onFrame(const drivers::CameraFrame& f) override {
        frames.push_back(f.sequence);
        return {vision::BarcodesRead{f.sequence, f.at, {}}};
    }
};

struct Fixture {
    QueueCamera camera;
    std::vector<VisionEvent> events;
    FramePipeline pipeline{camera, [this](VisionEvent e) { events.push_back(std::move(e)); }};
    RecordingWork* mrz = nullptr;

    Fixture() {
        auto work = std::make_unique<RecordingWork>();
        mrz = work.get();
        pipeline.setWork(Demand::Kind::Mrz, std::move(work));
    }
};

TEST(FramePipeline, ReturnsWithoutAFrameWhenTheCameraHasNone) {
    Fixture f;
    const auto step = f.pipeline.runOnce();
    EXPECT_FALSE(step.gotFrame);
    EXPECT_FALSE(step.worked);
}

TEST(FramePipeline, TakesFramesButDoesNoWorkWithoutADemand) {
    Fixture f;
    f.camera.push(1);
    const auto step = f.pipeline.runOnce();
    EXPECT_TRUE(step.gotFrame);
    EXPECT_FALSE(step.worked);
    EXPECT_TRUE(f.mrz->frames.empty());
    EXPECT_TRUE(f.events.empty());
    EXPECT_TRUE(f.camera.frames.empty());
}

TEST(FramePipeline, WorksOnTheNewestFrameOnlyAndDropsTheOlderOnes) {
    Fixture f;
    f.pipeline.setDemand(Demand::mrz());
    for (std::uint64_t s = 1; s <= 4; ++s) f.camera.push(s);
    const auto step = f.pipeline.runOnce();
    EXPECT_TRUE(step.worked);
    EXPECT_EQ(step.dropped, 3u);
    EXPECT_EQ(step.sequence, 4u);
    EXPECT_EQ(f.mrz->frames, (std::vector<std::uint64_t>{4}));
}

TEST(FramePipeline, HandsTheWorksEventsToTheSink) {
    Fixture f;
    f.pipeline.setDemand(Demand::mrz());
    f.camera.push(7);
    EXPECT_EQ(f.pipeline.runOnce().events, 1u);
    ASSERT_EQ(f.events.size(), 1u);
    EXPECT_EQ(std::get<vision::BarcodesRead>(f.events[0]).frameSequence, 7u);
}

TEST(FramePipeline, ResetsTheWorkOnEveryDemandAndRunsOnlyTheDemandedKind) {
    Fixture f;
    f.pipeline.setDemand(Demand::mrz());
    f.camera.push(1);
    f.pipeline.runOnce();
    f.pipeline.setDemand(Demand::mrz());  // the same screen again: start over
    f.camera.push(2);
    f.pipeline.runOnce();
    EXPECT_EQ(f.mrz->resets.size(), 2u);
    f.pipeline.setDemand(Demand::nothing());
    f.camera.push(3);
    EXPECT_FALSE(f.pipeline.runOnce().worked);
    f.pipeline.setDemand(Demand::facePhoto());  // no face work installed: frames are dropped
    f.camera.push(4);
    EXPECT_FALSE(f.pipeline.runOnce().worked);
    EXPECT_EQ(f.mrz->frames, (std::vector<std::uint64_t>{1, 2}));
    EXPECT_EQ(f.pipeline.demand(), Demand::facePhoto());
}

TEST(FramePipeline, OnlyTheLastDemandSetBeforeAStepCounts) {
    Fixture f;
    f.pipeline.setDemand(Demand::mrz());
    f.pipeline.setDemand(Demand::barcodes({vision::BarcodeFormat::QrCode}));
    f.camera.push(1);
    f.pipeline.runOnce();
    EXPECT_TRUE(f.mrz->resets.empty());
    EXPECT_EQ(f.pipeline.demand().kind, Demand::Kind::Barcodes);
}

TEST(FramePipeline, LeavesTheNewestFrameForThePreview) {
    QueueCamera camera;
    Mailbox<drivers::CameraFrame> preview;
    FramePipeline pipeline(camera, nullptr, {}, &preview);
    camera.push(1);
    camera.push(2);
    pipeline.runOnce();
    const auto shown = preview.take();
    ASSERT_TRUE(shown.has_value());
    EXPECT_EQ(shown->sequence, 2u);
}

TEST(BarcodeWork, ReportsEachCodeOncePerDemand) {
    QueueCamera camera;
    std::vector<VisionEvent> events;
    FramePipeline pipeline(camera, [&](VisionEvent e) { events.push_back(std::move(e)); });
    pipeline.setWork(Demand::Kind::Barcodes,
                     std::make_unique<vision::BarcodeWork>(vision::BarcodeReader({}, tickingClock())));
    const cv::Mat frame = frameWith(renderCode(ZXing::BarcodeFormat::QRCode, "LKT1|REG-2026-000777", 4), {700, 200});
    pipeline.setDemand(Demand::barcodes({vision::BarcodeFormat::QrCode}));
    camera.push(1, frame);
    pipeline.runOnce();
    camera.push(2, frame);  // still held up: nothing new
    pipeline.runOnce();
    ASSERT_EQ(events.size(), 1u);
    const auto& read = std::get<vision::BarcodesRead>(events[0]);
    EXPECT_EQ(read.frameSequence, 1u);
    ASSERT_EQ(read.codes.size(), 1u);
    EXPECT_EQ(read.codes[0].text, "LKT1|REG-2026-000777");

    pipeline.setDemand(Demand::barcodes({vision::BarcodeFormat::Code128}));  // a screen that wants no QR
    camera.push(3, frame);
    pipeline.runOnce();
    EXPECT_EQ(events.size(), 1u);
    pipeline.setDemand(Demand::barcodes({vision::BarcodeFormat::QrCode}));  // asked again: reported again
    camera.push(4, frame);
    pipeline.runOnce();
    EXPECT_EQ(events.size(), 2u);
}

TEST(BarcodeWork, CountsMalformedFramesInsteadOfFailing) {
    vision::BarcodeWork work(vision::BarcodeReader({}, tickingClock()));
    work.reset(Demand::barcodes(vision::BarcodeFormats::all()));
    drivers::CameraFrame broken{{}, 1, {640, 480}, drivers::PixelFormat::Bgr8, std::vector<std::uint8_t>(10)};
    EXPECT_TRUE(work.onFrame(broken).empty());
    EXPECT_EQ(work.refusedFrames(), 1u);
}

TEST(FramePipeline, ReadsACodeFromTheSimulatedCameraOnAFakeClock) {
    std::string pattern = (std::filesystem::temp_directory_path() / "loket-pipeline-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    const std::filesystem::path dir = pattern;
    cv::imwrite((dir / "0-empty.png").string(), frameWith(cv::Mat(8, 8, CV_8UC1, cv::Scalar(150)), {0, 0}));
    cv::imwrite((dir / "1-code.png").string(),
                frameWith(renderCode(ZXing::BarcodeFormat::Code128, "REG-2026-001234", 3), {500, 300}));
    FakeClock clock;
    drivers::SimulatedCameraConfig config;
    config.folder = dir;
    config.request.rate = drivers::FrameRate{10};
    config.loop = false;
    auto camera = drivers::SimulatedCamera::create(config, clock);
    ASSERT_TRUE(camera.ok());
    std::vector<VisionEvent> events;
    FramePipeline pipeline(*camera, [&](VisionEvent e) { events.push_back(std::move(e)); },
                           {std::chrono::milliseconds(0)});
    pipeline.setWork(Demand::Kind::Barcodes,
                     std::make_unique<vision::BarcodeWork>(vision::BarcodeReader({}, tickingClock())));
    pipeline.setDemand(Demand::barcodes({vision::BarcodeFormat::Code128}));
    EXPECT_TRUE(pipeline.runOnce().gotFrame);  // the first picture, due at once
    EXPECT_TRUE(events.empty());
    EXPECT_FALSE(pipeline.runOnce().gotFrame);  // the clock has not moved: no frame is due
    clock.advance(std::chrono::milliseconds(100));
    EXPECT_TRUE(pipeline.runOnce().worked);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(std::get<vision::BarcodesRead>(events[0]).codes.at(0).text, "REG-2026-001234");
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kiosk::test
