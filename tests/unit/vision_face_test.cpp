// The face photo's detection and quality verdicts on a portrait from a Debian package, on camera
// frames made from it and spoilt in known ways, and on pictures without any face.

#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/vision/face_quality.h"
#include "kiosk/vision/frame_mats.h"
#include "tests/unit/face_scenes.h"

namespace kiosk::vision {
namespace {

using test::blurred;
using test::exposed;
using test::sceneWithFace;
using test::sideLit;

class FaceQuality : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto created = FaceAssessor::create();
        ASSERT_TRUE(created) << created.error().detail;
        assessor_.emplace(std::move(*created));
        portrait_ = test::portrait();
    }
    static void TearDownTestSuite() { assessor_.reset(); }
    void SetUp() override {
        ASSERT_FALSE(portrait_.empty()) << test::kPortraitFile << " is missing: run scripts/install-deps.sh "
                                        << "(python-matplotlib-data)";
        assessor_->reset();
    }

    static FaceCheck assess(const cv::Mat& bgr) {
        auto check = assessor_->assess(frameOf(bgr));
        EXPECT_TRUE(check) << check.error().detail;
        return check ? *check : FaceCheck{};
    }
    static const cv::Mat& portrait() { return portrait_; }

    // Loading the cascades costs more than assessing a frame: once for all the tests.
    inline static std::optional<FaceAssessor> assessor_;
    inline static cv::Mat portrait_;
};

std::string failing(const FaceCheck& c) {
    std::string out;
    for (const auto& q : c.checks)
        if (!q.pass) out += q.name + "=" + std::to_string(q.value) + " ";
    return out;
}

TEST_F(FaceQuality, ThePortraitAsInstalledIsAnAcceptablePassportPhoto) {
    const auto check = assess(portrait());
    ASSERT_EQ(check.faces.size(), 1u);
    const auto& face = check.faces.front();
    EXPECT_NEAR(face.x + face.width / 2.0, test::kPortraitFaceCentre.x, 12);
    EXPECT_NEAR(face.y + face.height / 2.0, test::kPortraitFaceCentre.y, 12);
    EXPECT_NEAR(face.height, test::kPortraitFaceHeight, 20);
    EXPECT_EQ(check.hint, FaceHint::Ready) << failing(check);
    EXPECT_TRUE(check.acceptable());
    for (const auto& q : check.checks) EXPECT_TRUE(q.pass) << q.name << " = " << q.value;
    ASSERT_NE(check.find("eyes"), nullptr);
    EXPECT_EQ(check.find("eyes")->value, 2.0);
    EXPECT_EQ(check.find("motion"), nullptr) << "a single picture has nothing to compare with";
}

TEST_F(FaceQuality, TheCropIsSevenByNineInsideTheFrameAndDecodesAsJpeg) {
    const cv::Mat scene = sceneWithFace(portrait());
    const auto frame = frameOf(scene);
    const auto check = assess(scene);
    ASSERT_TRUE(check.crop);
    const auto& crop = *check.crop;
    EXPECT_EQ(crop.width * 9, crop.height * 7);
    EXPECT_GE(crop.x, 0);
    EXPECT_GE(crop.y, 0);
    EXPECT_LE(crop.x + crop.width, scene.cols);
    EXPECT_LE(crop.y + crop.height, scene.rows);
    // The face is in the middle horizontally and the head fills most of the height.
    const auto& face = check.faces.front();
    EXPECT_NEAR(face.x + face.width / 2.0, crop.x + crop.width / 2.0, 2);
    EXPECT_GT(face.height * 1.3 / crop.height, 0.7);
    EXPECT_LT(face.height * 1.3 / crop.height, 0.8);

    auto jpeg = assessor_->encodeCrop(frame, check);
    ASSERT_TRUE(jpeg) << jpeg.error().detail;
    const cv::Mat decoded = cv::imdecode(*jpeg, cv::IMREAD_COLOR);
    ASSERT_FALSE(decoded.empty());
    EXPECT_EQ(decoded.cols * 9, decoded.rows * 7);
    EXPECT_LE(decoded.cols, FaceSettings{}.photoMaxWidth);
}

TEST_F(FaceQuality, ACleanCameraFrameInAnyPixelFormatIsReady) {
    const cv::Mat scene = sceneWithFace(portrait());
    auto bgr = frameOf(scene);
    auto gray = bgr;
    auto luma = lumaOf(bgr);
    ASSERT_TRUE(luma);
    gray.format = drivers::PixelFormat::Gray8;
    gray.pixels.assign(luma->datastart, luma->dataend);
    auto rgb = bgr;
    rgb.format = drivers::PixelFormat::Rgb8;
    for (std::size_t i = 0; i + 2 < rgb.pixels.size(); i += 3) std::swap(rgb.pixels[i], rgb.pixels[i + 2]);
    for (const auto& frame : {bgr, gray, rgb}) {
        assessor_->reset();
        auto check = assessor_->assess(frame);
        ASSERT_TRUE(check) << check.error().detail;
        EXPECT_EQ(check->hint, FaceHint::Ready) << drivers::pixelFormatCode(frame.format) << ": " << failing(*check);
    }
}

struct Spoilt {
    std::string name;
    cv::Mat (*make)(const cv::Mat& portrait);
    FaceHint hint;
    std::string failingCheck;
};

std::vector<Spoilt> spoiltScenes() {
    return {
        {"dark", [](const cv::Mat& p) { return exposed(sceneWithFace(p), 0.35); }, FaceHint::TooDark, "brightness"},
        {"burnt_out", [](const cv::Mat& p) { return exposed(sceneWithFace(p), 1.9, 40); }, FaceHint::TooBright,
         "brightness"},
        {"blurred", [](const cv::Mat& p) { return blurred(sceneWithFace(p), 3.5); }, FaceHint::HoldStill, "sharpness"},
        {"side_lit", [](const cv::Mat& p) { return sideLit(sceneWithFace(p), 0.5, 0.45); }, FaceHint::UnevenLight,
         "light_balance"},
        {"far_left",
         [](const cv::Mat& p) {
             return sceneWithFace(p, 1.0, {0.3, 0.4});
         },
         FaceHint::MoveRight, "offset_x"},
        {"far_right",
         [](const cv::Mat& p) {
             return sceneWithFace(p, 1.0, {0.7, 0.4});
         },
         FaceHint::MoveLeft, "offset_x"},
        {"too_high",
         [](const cv::Mat& p) {
             return sceneWithFace(p, 1.0, {0.5, 0.22});
         },
         FaceHint::MoveDown, "offset_y"},
        {"too_low",
         [](const cv::Mat& p) {
             return sceneWithFace(p, 1.0, {0.5, 0.6});
         },
         FaceHint::MoveUp, "offset_y"},
        {"small", [](const cv::Mat& p) { return sceneWithFace(p, 0.55); }, FaceHint::MoveCloser, "face_size"},
        {"large",
         [](const cv::Mat& p) {
             return sceneWithFace(p, 1.9, {0.5, 0.5});
         },
         FaceHint::MoveBack, "face_size"},
        // Close and high: the face itself is within bounds, but the crown would leave the photo.
        {"close_and_high",
         [](const cv::Mat& p) {
             return sceneWithFace(p, 1.5, {0.5, 0.3});
         },
         FaceHint::MoveDown, "crop_y"},
        {"two_faces",
         [](const cv::Mat& p) {
             return sceneWithFace(p, 0.8, {0.7, 0.4}, {1280, 720}, sceneWithFace(p, 0.8, {0.3, 0.4}));
         },
         FaceHint::SeveralFaces, "faces"},
    };
}

class SpoiltFrames : public FaceQuality, public ::testing::WithParamInterface<Spoilt> {};

TEST_P(SpoiltFrames, AreRefusedWithTheAdviceThatFixesThem) {
    const auto& spoilt = GetParam();
    const auto check = assess(spoilt.make(portrait()));
    EXPECT_FALSE(check.acceptable());
    EXPECT_EQ(faceHintCode(check.hint), faceHintCode(spoilt.hint)) << failing(check);
    const auto* failed = check.find(spoilt.failingCheck);
    ASSERT_NE(failed, nullptr);
    EXPECT_FALSE(failed->pass) << failed->name << " = " << failed->value;
}

INSTANTIATE_TEST_SUITE_P(Portrait, SpoiltFrames, ::testing::ValuesIn(spoiltScenes()),
                         [](const auto& p) { return p.param.name; });

TEST_F(FaceQuality, CoveredEyesFailOnlyTheEyeCheck) {
    cv::Mat scene = sceneWithFace(portrait());
    auto open = assess(scene);
    ASSERT_EQ(open.faces.size(), 1u);
    const auto& f = open.faces.front();
    // Skin-coloured patches over both eyes, as closed lids look to the cascade.
    const cv::Rect band(f.x + f.width / 8, f.y + f.height / 4, f.width * 3 / 4, f.height / 5);
    const cv::Scalar skin =
        cv::mean(scene(cv::Rect(f.x + f.width * 2 / 5, f.y + f.height * 3 / 5, f.width / 5, f.height / 10)));
    scene(band).setTo(skin);
    scene(band) = blurred(scene(band).clone(), 2);
    assessor_->reset();
    const auto closed = assess(scene);
    ASSERT_EQ(closed.faces.size(), 1u) << "covering the eyes must not hide the face";
    EXPECT_EQ(closed.find("eyes")->value, 0.0);
    EXPECT_EQ(closed.hint, FaceHint::EyesClosed) << failing(closed);
    EXPECT_EQ(hintOf(closed.checks, false), FaceHint::Ready) << "everything else passes";
}

TEST_F(FaceQuality, PicturesWithoutAFaceFindNone) {
    std::vector<cv::Mat> pictures{test::wall({1280, 720}), cv::Mat(480, 640, CV_8UC3, cv::Scalar(0, 0, 0))};
    cv::Mat noise(720, 1280, CV_8UC3);
    cv::RNG rng(6);
    rng.fill(noise, cv::RNG::UNIFORM, 0, 255);
    pictures.push_back(noise);
    for (const auto& picture : pictures) {
        const auto check = assess(picture);
        EXPECT_TRUE(check.faces.empty());
        EXPECT_EQ(check.hint, FaceHint::NoFace);
        EXPECT_FALSE(check.crop);
        ASSERT_EQ(check.checks.size(), 1u);
        EXPECT_EQ(check.checks.front().name, "faces");
        EXPECT_FALSE(check.checks.front().pass);
    }
}

TEST_F(FaceQuality, OpencvExamplesWithoutPeopleFindNoFace) {
    if (!std::filesystem::exists(test::kOpencvExamples)) GTEST_SKIP() << "opencv-doc is not installed";
    for (const auto* name : {"baboon.jpg", "fruits.jpg", "building.jpg", "starry_night.jpg", "cards.png"}) {
        const cv::Mat picture = cv::imread((test::kOpencvExamples / name).string(), cv::IMREAD_COLOR);
        ASSERT_FALSE(picture.empty()) << name;
        const auto check = assess(picture);
        EXPECT_EQ(check.faces.size(), 0u) << name;
        EXPECT_EQ(check.hint, FaceHint::NoFace) << name;
    }
}

TEST_F(FaceQuality, AFootballerFarAwayIsFoundAndAskedToComeCloser) {
    if (!std::filesystem::exists(test::kOpencvExamples)) GTEST_SKIP() << "opencv-doc is not installed";
    const auto check = assess(cv::imread((test::kOpencvExamples / "messi5.jpg").string(), cv::IMREAD_COLOR));
    ASSERT_EQ(check.faces.size(), 1u);
    EXPECT_EQ(check.hint, FaceHint::MoveCloser) << failing(check);
}

TEST(FaceSettingsTest, AMissingCascadeIsAnErrorNamingTheFile) {
    FaceSettings settings;
    settings.faceCascade = "/nonexistent/haarcascade_frontalface_alt2.xml";
    auto assessor = FaceAssessor::create(settings);
    ASSERT_FALSE(assessor);
    EXPECT_EQ(assessor.error().code, "vision.face_cascade");
    EXPECT_NE(assessor.error().detail.find("/nonexistent/haarcascade_frontalface_alt2.xml"), std::string::npos);

    settings = {};
    settings.eyeCascades.back() = "/etc/hostname";  // a file, but no cascade
    assessor = FaceAssessor::create(settings);
    ASSERT_FALSE(assessor);
    EXPECT_EQ(assessor.error().code, "vision.face_cascade");
    EXPECT_NE(assessor.error().detail.find("/etc/hostname"), std::string::npos);
}

TEST(FaceSettingsTest, AFrameWithoutPixelsIsAnError) {
    auto check = assessFace(drivers::CameraFrame{{}, 0, {64, 48}, drivers::PixelFormat::Bgr8, {}});
    ASSERT_FALSE(check);
    EXPECT_EQ(check.error().code, "vision.frame");
}

TEST(FaceHintTest, TheFirstFailingCheckInOrderGivesTheAdvice) {
    const auto check = [](std::string name, double value, std::optional<double> min, std::optional<double> max) {
        return QualityCheck{std::move(name), value, min, max, (!min || value >= *min) && (!max || value <= *max)};
    };
    std::vector<QualityCheck> checks{check("faces", 1, 1, 1), check("face_size", 0.3, 0.25, 0.55),
                                     check("brightness", 40, 70, 200), check("sharpness", 10, 80, {}),
                                     check("eyes", 0, 2, {})};
    EXPECT_EQ(hintOf(checks, true), FaceHint::TooDark);
    checks[2] = check("brightness", 230, 70, 200);
    EXPECT_EQ(hintOf(checks, true), FaceHint::TooBright);
    checks[2] = check("brightness", 120, 70, 200);
    EXPECT_EQ(hintOf(checks, true), FaceHint::HoldStill);
    checks[3] = check("sharpness", 100, 80, {});
    EXPECT_EQ(hintOf(checks, true), FaceHint::EyesClosed);
    EXPECT_EQ(hintOf(checks, false), FaceHint::Ready);
    checks[1] = check("face_size", 0.1, 0.25, 0.55);
    EXPECT_EQ(hintOf(checks, true), FaceHint::MoveCloser);
    checks[0] = check("faces", 3, 1, 1);
    EXPECT_EQ(hintOf(checks, true), FaceHint::SeveralFaces);
    EXPECT_EQ(faceHintCode(FaceHint::SeveralFaces), "face.several_faces");
    EXPECT_EQ(faceHintCode(FaceHint::Ready), "face.ready");
}

}  // namespace
}  // namespace kiosk::vision
namespace kiosk::vision {
namespace {

// The eye cascades are the weakest part; the portrait wears glasses. A floor, not all: one missed
// frame only delays the photo by a frame.
TEST_F(FaceQuality, OpenEyesAreFoundAcrossSizesAndPlacesAlsoWhileTracking) {
    int found = 0;
    int frames = 0;
    for (const double scale : {0.85, 1.0, 1.2}) {
        for (const double x : {0.45, 0.5, 0.55}) {
            assessor_->reset();
            const auto full = assess(sceneWithFace(portrait(), scale, {x, 0.4}));
            ASSERT_EQ(full.faces.size(), 1u);
            auto tracked =
                assessor_->assess(frameOf(sceneWithFace(portrait(), scale, {x + 0.01, 0.4})), full.faces.front());
            ASSERT_TRUE(tracked);
            for (const FaceCheck* c : std::array<const FaceCheck*, 2>{&full, &*tracked}) {
                ++frames;
                if (c->find("eyes") && c->find("eyes")->value == 2.0) ++found;
            }
        }
    }
    EXPECT_GE(found, frames - 1) << found << " of " << frames;
}

}  // namespace
}  // namespace kiosk::vision
