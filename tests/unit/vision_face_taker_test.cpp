// The face photo taken automatically from a stream of camera frames: only after K acceptable frames
// in a row, never on a bad one, with tracking between full searches, and again after reset().

#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>

#include <optional>
#include <vector>

#include "kiosk/vision/face_photo.h"
#include "kiosk/vision/frame_mats.h"
#include "tests/unit/face_scenes.h"

namespace kiosk::vision {
namespace {

class FaceTaker : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        portrait_ = test::portrait();
        if (portrait_.empty()) return;
        good_ = test::sceneWithFace(portrait_);
        dark_ = test::exposed(good_, 0.35);
        small_ = test::sceneWithFace(portrait_, 0.55);
        empty_ = test::wall({1280, 720});
    }
    void SetUp() override {
        ASSERT_FALSE(portrait_.empty()) << test::kPortraitFile << " is missing: run scripts/install-deps.sh";
        FaceSettings settings;
        settings.goodFramesToCapture = 4;
        settings.fullDetectionEvery = 3;
        settings.eyesWaivedAfter = 6;
        auto created = FacePhotoTaker::create(settings);
        ASSERT_TRUE(created) << created.error().detail;
        taker_.emplace(std::move(*created));
    }

    FaceStep feed(const cv::Mat& bgr) {
        auto step = taker_->onFrame(frameOf(bgr, {}, sequence_++));
        EXPECT_TRUE(step) << step.error().detail;
        return step ? std::move(*step) : FaceStep{};
    }

    // The good scene with the eyes covered by skin-coloured patches.
    static cv::Mat eyesCovered() {
        cv::Mat scene = good_.clone();
        // The portrait's face box at scale 1 centred at (640, 288): eyes band from its measured size.
        const double h = test::kPortraitFaceHeight;
        const cv::Rect face(static_cast<int>(640 - h / 2), static_cast<int>(288 - h / 2), static_cast<int>(h),
                            static_cast<int>(h));
        const cv::Rect band(face.x + face.width / 8, face.y + face.height / 4, face.width * 3 / 4, face.height / 5);
        const cv::Scalar skin = cv::mean(scene(
            cv::Rect(face.x + face.width * 2 / 5, face.y + face.height * 3 / 5, face.width / 5, face.height / 10)));
        scene(band).setTo(skin);
        return test::blurred(scene, 1.0);
    }

    inline static cv::Mat portrait_, good_, dark_, small_, empty_;
    std::optional<FacePhotoTaker> taker_;
    std::uint64_t sequence_ = 0;
};

TEST_F(FaceTaker, TakesThePhotoOnTheKthGoodFrameAndNeverOnBadOnes) {
    for (const auto* bad : {&empty_, &dark_, &small_, &dark_}) {
        const auto step = feed(*bad);
        EXPECT_FALSE(step.photo);
        EXPECT_NE(step.hint, FaceHint::Ready);
        EXPECT_EQ(step.goodFrames, 0);
    }
    EXPECT_EQ(feed(empty_).hint, FaceHint::NoFace);
    EXPECT_EQ(feed(dark_).hint, FaceHint::TooDark);
    EXPECT_EQ(feed(small_).hint, FaceHint::MoveCloser);

    // The first good frame after a different one is movement (the face grew, the light changed):
    // hold still. Then three good frames and a bad one: the count starts again.
    EXPECT_EQ(feed(good_).hint, FaceHint::HoldStill);
    for (int i = 1; i <= 3; ++i) {
        const auto step = feed(good_);
        EXPECT_EQ(step.hint, FaceHint::Ready);
        EXPECT_EQ(step.goodFrames, i);
        EXPECT_FALSE(step.photo);
    }
    EXPECT_FALSE(feed(dark_).photo);
    EXPECT_FALSE(feed(good_).photo);
    std::optional<FacePhoto> photo;
    for (int i = 1; i <= 4; ++i) {
        auto step = feed(good_);
        EXPECT_EQ(step.goodFrames, i);
        EXPECT_EQ(step.photo.has_value(), i == 4) << "frame " << i;
        photo = std::move(step.photo);
    }
    ASSERT_TRUE(photo);
    EXPECT_TRUE(taker_->taken());
    EXPECT_EQ(photo->crop.width * 9, photo->crop.height * 7);
    EXPECT_TRUE(photo->check.acceptable());
    const cv::Mat decoded = cv::imdecode(photo->jpeg, cv::IMREAD_COLOR);
    ASSERT_FALSE(decoded.empty());
    EXPECT_EQ(decoded.cols * 9, decoded.rows * 7);
}

TEST_F(FaceTaker, AfterThePhotoFramesAreIgnoredUntilReset) {
    std::optional<FacePhoto> first;
    for (int i = 0; i < 4 && !first; ++i) first = feed(good_).photo;
    ASSERT_TRUE(first);
    for (int i = 0; i < 5; ++i) EXPECT_FALSE(feed(good_).photo);
    taker_->reset();
    EXPECT_FALSE(taker_->taken());
    std::optional<FacePhoto> second;
    int frames = 0;
    for (; frames < 10 && !second; ++frames) second = feed(good_).photo;
    ASSERT_TRUE(second);
    EXPECT_EQ(frames, 4);
    EXPECT_EQ(second->crop, first->crop);
}

TEST_F(FaceTaker, AFaceThatKeepsMovingIsAskedToHoldStill) {
    const cv::Mat left = test::sceneWithFace(portrait_, 1.0, {0.47, 0.4});
    const cv::Mat right = test::sceneWithFace(portrait_, 1.0, {0.53, 0.4});
    for (int i = 0; i < 12; ++i) {
        const auto step = feed(i % 2 ? right : left);
        EXPECT_FALSE(step.photo);
        if (i > 0) {
            EXPECT_EQ(step.hint, FaceHint::HoldStill) << "frame " << i;
            ASSERT_NE(step.check.find("motion"), nullptr);
            EXPECT_FALSE(step.check.find("motion")->pass);
        }
    }
    // Each position alone, held still, passes.
    std::optional<FacePhoto> photo;
    for (int i = 0; i < 5 && !photo; ++i) {
        photo = feed(right).photo;
    }
    EXPECT_TRUE(photo);
}

TEST_F(FaceTaker, ASecondFaceIsNoticedAtTheNextFullSearchWhileTracking) {
    const cv::Mat alone = test::sceneWithFace(portrait_, 0.8, {0.5, 0.4});
    const cv::Mat two = test::sceneWithFace(portrait_, 0.8, {0.85, 0.4}, {1280, 720}, alone.clone());
    ASSERT_EQ(feed(alone).check.faces.size(), 1u);
    bool noticed = false;
    for (int i = 0; i < 3 && !noticed; ++i) {
        const auto step = feed(two);
        EXPECT_FALSE(step.photo);
        noticed = step.hint == FaceHint::SeveralFaces;
    }
    EXPECT_TRUE(noticed) << "a full search runs at least every 3 frames";
}

TEST_F(FaceTaker, EyesNeverSeenAreWaivedAfterAWhile) {
    const cv::Mat covered = eyesCovered();
    std::optional<FacePhoto> photo;
    int frames = 0;
    for (; frames < 20 && !photo; ++frames) {
        auto step = feed(covered);
        if (!step.eyesWaived) {
            EXPECT_EQ(step.hint, FaceHint::EyesClosed) << "frame " << frames;
        }
        photo = std::move(step.photo);
    }
    ASSERT_TRUE(photo);
    // Six frames of closed eyes waive the check; four good frames after that take the photo.
    EXPECT_EQ(frames, 6 + 3);
}

TEST_F(FaceTaker, EyesSeenOpenOnceAreNeverWaived) {
    EXPECT_EQ(feed(good_).hint, FaceHint::Ready);
    const cv::Mat covered = eyesCovered();
    for (int i = 0; i < 15; ++i) {
        const auto step = feed(covered);
        EXPECT_FALSE(step.photo);
        EXPECT_FALSE(step.eyesWaived);
        EXPECT_EQ(step.hint, FaceHint::EyesClosed) << "frame " << i;
    }
}

}  // namespace
}  // namespace kiosk::vision
