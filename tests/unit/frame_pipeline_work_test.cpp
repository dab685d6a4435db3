// The pipeline as the app builds it (FramePipeline::create): the MRZ work votes over frames of a
// generated document page (the mrz_documents fixture) and is accepted once; the face work guides
// on frames made from the test portrait (tests/unit/face_scenes.h), sending each change of advice
// once, then takes one photo; a new demand starts the work over; and neither runs while the screen
// wants barcodes or nothing.

#include <gtest/gtest.h>

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/vision/frame_file.h"
#include "kiosk/vision/frame_mats.h"
#include "kiosk/vision/frame_pipeline.h"
#include "tests/imagegen/document_manifest.h"
#include "tests/unit/face_scenes.h"

namespace kiosk::test {
namespace {

using vision::Demand;
using vision::FaceGuidance;
using vision::FaceHint;
using vision::FacePhotoTaken;
using vision::FramePipeline;
using vision::MrzAccepted;
using vision::MrzProgressed;
using vision::MrzStage;
using vision::VisionEvent;

// Hands out the frames pushed, one per next(), like a camera whose frames are all fresh.
class ListCamera final : public drivers::Camera {
public:
    std::optional<drivers::CameraFrame> next(std::chrono::milliseconds) override {
        if (frames_.empty()) return std::nullopt;
        auto f = std::move(frames_.front());
        frames_.pop_front();
        return f;
    }
    drivers::ComponentHealth health() const override {
        return {drivers::Component::Camera, true, drivers::DeviceState::Ready, ""};
    }
    drivers::CameraMode requested() const override { return {}; }
    std::optional<drivers::CameraMode> negotiated() const override { return std::nullopt; }

    void push(drivers::CameraFrame frame) {
        frame.sequence = ++sequence_;
        frames_.push_back(std::move(frame));
    }

private:
    std::deque<drivers::CameraFrame> frames_;
    std::uint64_t sequence_ = 0;
};

template <class E>
std::vector<E> eventsOf(const std::vector<VisionEvent>& events) {
    std::vector<E> out;
    for (const auto& e : events)
        if (const auto* x = std::get_if<E>(&e)) out.push_back(*x);
    return out;
}

class PipelineWork : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        // The first readable page of the set: the same frame again is the steadiest hand there is.
        for (const auto& s : testimages::readDocumentManifest(LOKET_DOCUMENT_IMAGES_DIR)) {
            if (s.kind != "mrz") continue;
            auto frame = vision::readFrameFile(s.file, drivers::PixelFormat::Gray8);
            if (!frame || !vision::readMrzFrame(
                              *frame, Date{std::chrono::year{2026}, std::chrono::November, std::chrono::day{29}}))
                continue;
            mrzFrame_ = std::move(*frame);
            mrzText_ = s.mrz;
            break;
        }
        const cv::Mat photo = portrait();
        if (photo.empty()) return;
        const cv::Mat good = sceneWithFace(photo);
        goodFace_ = vision::frameOf(good);
        darkFace_ = vision::frameOf(exposed(good, 0.35));
        noFace_ = vision::frameOf(wall({1280, 720}));
    }

    void SetUp() override {
        ASSERT_TRUE(mrzFrame_) << "no readable MRZ frame in " << LOKET_DOCUMENT_IMAGES_DIR;
        ASSERT_TRUE(goodFace_) << kPortraitFile << " is missing: run scripts/install-deps.sh";
        vision::WorkSettings work;
        work.mrz.framesToAgree = 2;
        work.face.goodFramesToCapture = 3;
        vision::PipelineSettings settings;
        settings.frameWait = std::chrono::milliseconds(0);
        auto created = FramePipeline::create(
            camera_, [this](VisionEvent e) { events_.push_back(std::move(e)); }, work, settings);
        ASSERT_TRUE(created) << created.error().detail;
        pipeline_ = std::move(*created);
    }

    // Runs the pipeline on `frame` and returns the events it sent.
    std::vector<VisionEvent> step(const drivers::CameraFrame& frame) {
        const auto before = events_.size();
        camera_.push(frame);
        EXPECT_TRUE(pipeline_->runOnce().gotFrame);
        return {events_.begin() + static_cast<std::ptrdiff_t>(before), events_.end()};
    }

    inline static std::optional<drivers::CameraFrame> mrzFrame_, goodFace_, darkFace_, noFace_;
    inline static std::string mrzText_;
    ListCamera camera_;
    std::vector<VisionEvent> events_;
    std::unique_ptr<FramePipeline> pipeline_;
};

TEST_F(PipelineWork, MrzIsAcceptedOnceAfterAgreeingFrames) {
    pipeline_->setDemand(Demand::mrz());
    const auto first = step(*mrzFrame_);
    EXPECT_TRUE(eventsOf<MrzAccepted>(first).empty());
    const auto progress = eventsOf<MrzProgressed>(first);
    ASSERT_EQ(progress.size(), 1u);
    EXPECT_EQ(progress[0].stage, MrzStage::Reading);
    EXPECT_EQ(progress[0].agreeing, 1);
    EXPECT_EQ(progress[0].needed, 2);

    const auto second = step(*mrzFrame_);
    const auto accepted = eventsOf<MrzAccepted>(second);
    ASSERT_EQ(accepted.size(), 1u);
    EXPECT_EQ(accepted[0].text, mrzText_);
    EXPECT_EQ(accepted[0].mrz.text(), mrzText_);
    EXPECT_TRUE(accepted[0].mrz.valid());
    EXPECT_EQ(accepted[0].frameSequence, 2u);

    // The page stays in front of the camera: no second result, no more progress.
    for (int i = 0; i < 2; ++i) EXPECT_TRUE(step(*mrzFrame_).empty());
    EXPECT_EQ(eventsOf<MrzAccepted>(events_).size(), 1u);
}

TEST_F(PipelineWork, FaceGuidanceIsSentOnChangeThenOnePhoto) {
    pipeline_->setDemand(Demand::facePhoto());
    for (const auto* f : {&*noFace_, &*noFace_, &*darkFace_, &*darkFace_}) step(*f);
    for (int i = 0; i < 6; ++i) step(*goodFace_);

    std::vector<FaceHint> hints;
    for (const auto& g : eventsOf<FaceGuidance>(events_)) hints.push_back(g.hint);
    // Repeated advice is not sent again; the first good frame after a dark one is movement.
    EXPECT_EQ(hints,
              (std::vector<FaceHint>{FaceHint::NoFace, FaceHint::TooDark, FaceHint::HoldStill, FaceHint::Ready}));
    const auto photos = eventsOf<FacePhotoTaken>(events_);
    ASSERT_EQ(photos.size(), 1u);
    const auto& photo = photos[0];
    ASSERT_GE(photo.jpeg.size(), 1000u);
    EXPECT_EQ(photo.jpeg[0], 0xFF);
    EXPECT_EQ(photo.jpeg[1], 0xD8);
    EXPECT_GT(photo.crop.width, 0);
    EXPECT_NEAR(photo.crop.width * 9.0 / photo.crop.height, 7.0, 0.2);  // 35 x 45 mm
    EXPECT_TRUE(photo.check.acceptable());
    // HoldStill on frame 5, then Ready on 6, 7 and 8: the third good frame in a row takes it.
    EXPECT_EQ(photo.frameSequence, 8u);
    EXPECT_EQ(std::get_if<FacePhotoTaken>(&events_.back())->frameSequence, 8u);
}

TEST_F(PipelineWork, ANewDemandStartsTheWorkOver) {
    pipeline_->setDemand(Demand::mrz());
    step(*mrzFrame_);
    // A glance at the face screen between two frames of the page: the vote starts again.
    pipeline_->setDemand(Demand::facePhoto());
    step(*goodFace_);
    pipeline_->setDemand(Demand::mrz());
    const auto again = eventsOf<MrzProgressed>(step(*mrzFrame_));
    ASSERT_EQ(again.size(), 1u);
    EXPECT_EQ(again[0].agreeing, 1);
    EXPECT_EQ(again[0].stage, MrzStage::Reading);
    EXPECT_EQ(eventsOf<MrzAccepted>(step(*mrzFrame_)).size(), 1u);
    // Accepted, then asked again (the next person): read and accepted again.
    pipeline_->setDemand(Demand::mrz());
    EXPECT_TRUE(eventsOf<MrzAccepted>(step(*mrzFrame_)).empty());
    EXPECT_EQ(eventsOf<MrzAccepted>(step(*mrzFrame_)).size(), 1u);

    // The face advice is sent again after a new demand even when it did not change.
    pipeline_->setDemand(Demand::facePhoto());
    EXPECT_EQ(eventsOf<FaceGuidance>(step(*noFace_)).size(), 1u);
    EXPECT_TRUE(step(*noFace_).empty());
    pipeline_->setDemand(Demand::facePhoto());
    const auto guidance = eventsOf<FaceGuidance>(step(*noFace_));
    ASSERT_EQ(guidance.size(), 1u);
    EXPECT_EQ(guidance[0].hint, FaceHint::NoFace);
}

TEST_F(PipelineWork, NeitherRunsWhileTheScreenWantsBarcodesOrNothing) {
    for (const auto& demand : {Demand::nothing(), Demand::barcodes(vision::BarcodeFormats::all())}) {
        pipeline_->setDemand(demand);
        for (const auto* f : {&*mrzFrame_, &*goodFace_, &*mrzFrame_, &*goodFace_}) {
            camera_.push(*f);
            const auto s = pipeline_->runOnce();
            EXPECT_EQ(s.worked, demand.kind == Demand::Kind::Barcodes);
        }
    }
    // Each kind's first frame would have sent progress or advice had it run.
    EXPECT_TRUE(eventsOf<MrzProgressed>(events_).empty());
    EXPECT_TRUE(eventsOf<MrzAccepted>(events_).empty());
    EXPECT_TRUE(eventsOf<FaceGuidance>(events_).empty());
    EXPECT_TRUE(eventsOf<FacePhotoTaken>(events_).empty());
}

TEST(PipelineCreate, AMissingFaceCascadeIsAnErrorAtStart) {
    ListCamera camera;
    vision::WorkSettings work;
    work.face.faceCascade = "/nonexistent/haarcascade_frontalface_alt2.xml";
    const auto created = FramePipeline::create(camera, nullptr, work);
    ASSERT_FALSE(created);
    EXPECT_EQ(created.error().code, "vision.face_cascade");
}

}  // namespace
}  // namespace kiosk::test
