// Cameras without a camera: the simulated one playing a folder of PNGs and an MJPG video made
// here, timed by a FakeClock; the V4L2 one only where /dev/video* exists.

#include <gtest/gtest.h>
#include <stdlib.h>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "drivers/camera/simulated_camera.h"
#include "drivers/camera/v4l2_camera.h"
#include "kiosk/base/clock.h"

using namespace kiosk;
using namespace kiosk::drivers;
using namespace std::chrono_literals;

namespace {

// Pure colours, far apart even after JPEG: BGR.
const std::vector<cv::Scalar> kColours{{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 255}, {0, 0, 0}};

class CameraTest : public testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (std::filesystem::temp_directory_path() / "loket-camera-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    // PNGs named so that file-name order is not the order they are written in.
    std::filesystem::path writeFolder(int count, cv::Size size = {64, 48}) {
        const auto folder = dir_ / "frames";
        std::filesystem::create_directories(folder);
        for (int i = count - 1; i >= 0; --i)
            cv::imwrite((folder / ("frame-" + std::to_string(i) + ".png")).string(),
                        cv::Mat(size, CV_8UC3, kColours[static_cast<std::size_t>(i)]));
        std::ofstream(folder / "README.txt") << "not a picture\n";
        return folder;
    }

    std::filesystem::path writeVideo(int count, double fps) {
        const auto file = dir_ / "clip.avi";
        cv::VideoWriter writer(file.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), fps, {64, 48});
        EXPECT_TRUE(writer.isOpened());
        for (int i = 0; i < count; ++i) writer.write(cv::Mat(48, 64, CV_8UC3, kColours[static_cast<std::size_t>(i)]));
        writer.release();
        return file;
    }

    SimulatedCamera makeCamera(SimulatedCameraConfig config) {
        config.reopenInterval = 1s;
        auto camera = SimulatedCamera::create(std::move(config), clock_);
        if (!camera) throw std::runtime_error(camera.error().detail);
        return std::move(*camera);
    }

    SimulatedCamera folderCamera(double fps = 10, bool loop = true) {
        SimulatedCameraConfig config;
        config.folder = writeFolder(3);
        config.request.rate = FrameRate{fps};
        config.loop = loop;
        return makeCamera(std::move(config));
    }

    std::filesystem::path dir_;
    const Clock::TimePoint t0_ = Clock::TimePoint{} + std::chrono::hours(24 * 365 * 56);
    FakeClock clock_{t0_};
};

SimulatedCameraConfig playing(const std::filesystem::path& folder, const std::filesystem::path& video = {}) {
    SimulatedCameraConfig config;
    config.folder = folder;
    config.video = video;
    return config;
}

// Which of kColours the middle pixel of a BGR frame is closest to.
int colourIndex(const CameraFrame& frame) {
    const auto middle = (static_cast<std::size_t>(frame.size.height / 2) * frame.stride()) +
                        static_cast<std::size_t>(frame.size.width / 2) * 3;
    int best = -1;
    double bestDistance = 1e9;
    for (std::size_t i = 0; i < kColours.size(); ++i) {
        double d = 0;
        for (std::size_t c = 0; c < 3; ++c) d += std::abs(kColours[i][static_cast<int>(c)] - frame.pixels[middle + c]);
        if (d < bestDistance) {
            bestDistance = d;
            best = static_cast<int>(i);
        }
    }
    return best;
}

TEST_F(CameraTest, PlaysAFolderInFileNameOrderAtTheConfiguredRateAndLoops) {
    auto camera = folderCamera(10);
    std::vector<int> colours;
    for (int k = 0; k < 7; ++k) {
        const auto frame = camera.next(0ms);
        ASSERT_TRUE(frame) << "frame " << k << ": " << camera.health().lastError;
        EXPECT_EQ(frame->at, t0_ + k * 100ms);
        EXPECT_EQ(frame->sequence, static_cast<std::uint64_t>(k));
        EXPECT_EQ(frame->size, (FrameSize{64, 48}));
        EXPECT_EQ(frame->format, PixelFormat::Bgr8);
        EXPECT_EQ(frame->pixels.size(), 64u * 48u * 3u);
        colours.push_back(colourIndex(*frame));
        // Nothing more until the next frame is due.
        EXPECT_FALSE(camera.next(0ms));
        clock_.advance(99ms);
        EXPECT_FALSE(camera.next(0ms));
        clock_.advance(1ms);
    }
    EXPECT_EQ(colours, (std::vector<int>{0, 1, 2, 0, 1, 2, 0}));
    const auto health = camera.health();
    EXPECT_EQ(health.component, Component::Camera);
    EXPECT_EQ(health.state, DeviceState::Ready);
    ASSERT_TRUE(camera.negotiated());
    EXPECT_EQ(camera.negotiated()->size, (FrameSize{64, 48}));
    EXPECT_EQ(camera.negotiated()->rate.perSecond, 10);
}

TEST_F(CameraTest, ACallerThatFallsBehindGetsTheLatestSlotButNoPictureIsSkipped) {
    auto camera = folderCamera(25);
    ASSERT_TRUE(camera.next(0ms));
    clock_.advance(130ms);  // slots 1, 2 and 3 have passed
    const auto frame = camera.next(0ms);
    ASSERT_TRUE(frame);
    EXPECT_EQ(frame->sequence, 3u);
    EXPECT_EQ(frame->at, t0_ + 120ms);
    EXPECT_EQ(colourIndex(*frame), 1);
    EXPECT_FALSE(camera.next(0ms));
}

TEST_F(CameraTest, ScalesToTheRequestedSizeAndConvertsThePixelFormat) {
    for (const auto format : {PixelFormat::Rgb8, PixelFormat::Gray8}) {
        SimulatedCameraConfig config;
        config.folder = writeFolder(1, {128, 96});
        config.request = CameraMode{{32, 24}, FrameRate{5}, format};
        auto camera = makeCamera(std::move(config));
        const auto frame = camera.next(0ms);
        ASSERT_TRUE(frame) << camera.health().lastError;
        EXPECT_EQ(frame->size, (FrameSize{32, 24}));
        EXPECT_EQ(frame->format, format);
        EXPECT_EQ(frame->pixels.size(), 32u * 24u * bytesPerPixel(format));
        EXPECT_EQ(frame->stride(), 32u * bytesPerPixel(format));
        if (format == PixelFormat::Rgb8) {
            // kColours[0] is pure blue: last in RGB order.
            EXPECT_EQ(frame->pixels[0], 0);
            EXPECT_EQ(frame->pixels[2], 255);
        } else {
            EXPECT_NEAR(frame->pixels[0], 29, 2);  // the luma of pure blue
        }
    }
}

TEST_F(CameraTest, WithoutLoopItStopsAfterTheLastPicture) {
    auto camera = folderCamera(10, false);
    for (int k = 0; k < 3; ++k) {
        ASSERT_TRUE(camera.next(0ms));
        clock_.advance(100ms);
    }
    EXPECT_FALSE(camera.next(0ms));
    EXPECT_TRUE(camera.finished());
    EXPECT_EQ(camera.health().state, DeviceState::Ready);
}

TEST_F(CameraTest, PlaysAVideoFileAtItsOwnRateAndLoops) {
    SimulatedCameraConfig config;
    config.video = writeVideo(4, 25);
    auto camera = makeCamera(std::move(config));
    std::vector<int> colours;
    for (int k = 0; k < 6; ++k) {
        const auto frame = camera.next(0ms);
        ASSERT_TRUE(frame) << "frame " << k << ": " << camera.health().lastError;
        EXPECT_EQ(frame->at, t0_ + k * 40ms);
        EXPECT_EQ(frame->size, (FrameSize{64, 48}));
        colours.push_back(colourIndex(*frame));
        clock_.advance(40ms);
    }
    EXPECT_EQ(colours, (std::vector<int>{0, 1, 2, 3, 0, 1}));
    ASSERT_TRUE(camera.negotiated());
    EXPECT_NEAR(camera.negotiated()->rate.perSecond, 25, 0.01);
}

TEST_F(CameraTest, PlaysAVideoFileAtASetRate) {
    SimulatedCameraConfig config;
    config.video = writeVideo(3, 25);
    config.request.rate = FrameRate{5};
    auto camera = makeCamera(std::move(config));
    ASSERT_TRUE(camera.next(0ms));
    clock_.advance(199ms);
    EXPECT_FALSE(camera.next(0ms));
    clock_.advance(1ms);
    const auto frame = camera.next(0ms);
    ASSERT_TRUE(frame);
    EXPECT_EQ(frame->at, t0_ + 200ms);
    EXPECT_EQ(colourIndex(*frame), 1);
}

TEST_F(CameraTest, AMissingFolderIsFailedWithTheReasonUntilItAppears) {
    SimulatedCameraConfig config;
    config.folder = dir_ / "frames";
    auto camera = makeCamera(std::move(config));
    EXPECT_FALSE(camera.next(0ms));
    auto health = camera.health();
    EXPECT_EQ(health.state, DeviceState::Failed);
    EXPECT_EQ(health.lastError, "there is no image folder at " + (dir_ / "frames").string());
    EXPECT_FALSE(camera.negotiated());

    writeFolder(1);
    clock_.advance(999ms);
    EXPECT_FALSE(camera.next(0ms));
    clock_.advance(1ms);
    const auto frame = camera.next(0ms);
    ASSERT_TRUE(frame) << camera.health().lastError;
    EXPECT_EQ(frame->at, t0_ + 1s);
    EXPECT_EQ(frame->sequence, 0u);
    EXPECT_EQ(camera.health().state, DeviceState::Ready);
}

TEST_F(CameraTest, AnEmptyFolderAndAnUnreadableVideoAreFailedWithTheReason) {
    std::filesystem::create_directories(dir_ / "empty");
    std::ofstream(dir_ / "empty" / "notes.txt") << "no pictures\n";
    std::ofstream(dir_ / "broken.avi") << "RIFF but not really a video";
    const std::vector<std::pair<SimulatedCameraConfig, std::string>> cases{
        {playing(dir_ / "empty"), "there are no images (.png, .jpg, ...) in " + (dir_ / "empty").string()},
        {playing({}, dir_ / "broken.avi"), (dir_ / "broken.avi").string()},
        {playing({}, dir_ / "missing.avi"), "there is no video file at " + (dir_ / "missing.avi").string()}};
    for (const auto& [config, reason] : cases) {
        auto camera = makeCamera(config);
        EXPECT_FALSE(camera.next(0ms));
        const auto health = camera.health();
        EXPECT_EQ(health.state, DeviceState::Failed);
        EXPECT_NE(health.lastError.find(reason), std::string::npos) << health.lastError;
    }
}

TEST_F(CameraTest, AnUnreadablePictureInTheFolderFailsTheCameraNamingIt) {
    const auto folder = writeFolder(1);
    std::ofstream(folder / "frame-9.png") << "not a PNG at all";
    auto config = playing(folder);
    config.request.rate = FrameRate{10};
    auto camera = makeCamera(config);
    ASSERT_TRUE(camera.next(0ms));
    clock_.advance(100ms);
    EXPECT_FALSE(camera.next(0ms));
    const auto health = camera.health();
    EXPECT_EQ(health.state, DeviceState::Failed);
    EXPECT_EQ(health.lastError, "cannot read " + (folder / "frame-9.png").string() + " as an image");
}

TEST_F(CameraTest, SettingsThatCanNeverWorkAreRefused) {
    const auto with = [](auto change) {
        auto config = playing("a");
        change(config);
        return config;
    };
    const std::vector<std::pair<SimulatedCameraConfig, std::string>> cases{
        {playing({}), "camera.source"},
        {playing("a", "b.avi"), "camera.source"},
        {with([](auto& c) {
             c.request.size = {10, 10};
         }),
         "camera.size"},
        {with([](auto& c) {
             c.request.size = {640, 0};
         }),
         "camera.size"},
        {with([](auto& c) { c.request.rate = FrameRate{-1}; }), "camera.rate"},
        {with([](auto& c) { c.reopenInterval = 0ms; }), "camera.reopen_interval"}};
    for (const auto& [config, code] : cases) {
        const auto camera = SimulatedCamera::create(config, clock_);
        ASSERT_FALSE(camera) << code;
        EXPECT_EQ(camera.error().code, code);
    }
    V4l2CameraConfig v4l2;
    v4l2.fourcc = "MJPEG";
    const auto refused = V4l2Camera::create(v4l2, clock_);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, "camera.fourcc");
}

TEST_F(CameraTest, AV4l2CameraThatIsNotThereIsFailedWithTheReason) {
    V4l2CameraConfig config;
    config.device = (dir_ / "video-index0").string();
    config.reopenInterval = 50ms;
    auto camera = V4l2Camera::create(config, clock_);
    ASSERT_TRUE(camera) << camera.error().detail;
    EXPECT_FALSE(camera->next(120ms));
    const auto health = camera->health();
    EXPECT_EQ(health.state, DeviceState::Failed);
    EXPECT_EQ(health.lastError, "no camera at " + (dir_ / "video-index0").string());
    EXPECT_EQ(camera->openCount(), 0u);
    EXPECT_FALSE(camera->negotiated());
}

std::vector<std::filesystem::path> videoDevices() {
    std::vector<std::filesystem::path> found;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator("/dev", error))
        if (entry.path().filename().string().rfind("video", 0) == 0) found.push_back(entry.path());
    std::sort(found.begin(), found.end());
    return found;
}

TEST_F(CameraTest, AV4l2CameraGivesFramesOfTheNegotiatedSizeWhereOneIsAttached) {
    const auto devices = videoDevices();
    if (devices.empty()) GTEST_SKIP() << "no /dev/video* on this machine";
    SystemClock clock;
    V4l2CameraConfig config;
    config.device = devices.front().string();
    config.request = {{640, 480}, FrameRate{15}, PixelFormat::Bgr8};
    auto camera = V4l2Camera::create(config, clock);
    ASSERT_TRUE(camera) << camera.error().detail;
    std::optional<CameraFrame> frame;
    for (int i = 0; i < 20 && !frame; ++i) frame = camera->next(500ms);
    ASSERT_TRUE(frame) << camera->health().lastError;
    ASSERT_TRUE(camera->negotiated());
    EXPECT_EQ(frame->size, camera->negotiated()->size);
    EXPECT_EQ(frame->pixels.size(), frame->stride() * static_cast<std::size_t>(frame->size.height));
    EXPECT_NE(camera->health().state, DeviceState::Failed);
    std::cout << "[ measured ] " << config.device << " gave " << frame->size.width << "x" << frame->size.height
              << " at " << camera->negotiated()->rate.perSecond << " fps\n";
}

}  // namespace
