// What the devices and the camera hand the UI thread, turned into the visit: a scanned code on the
// family-card step, an MRZ from the reader or the camera on the passport step, the camera's face
// photo on the photo step; what the camera is asked for on each screen; the preview picture and
// the face advice kept for drawing. No SDL and no threads: the channels are filled by hand.

#include "kiosk/app/live_inputs.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/app/vision_demand.h"
#include "kiosk/core/mrz_correction.h"
#include "kiosk/ui/camera_preview.h"
#include "kiosk/ui/display.h"
#include "kiosk/ui/registration_layouts.h"
#include "kiosk/ui/text_keys.h"

namespace kiosk::app {
namespace {

using namespace std::chrono_literals;
using flow::RegStep;

const std::filesystem::path kAssets = LOKET_SOURCE_ASSETS_DIR;
constexpr Date kToday{std::chrono::year{2026} / 11 / 29};

// A made-up TD3 MRZ with correct check digits, matching the NIK below (born 15-06-1995, female).
std::vector<std::string> passportLines() {
    const auto check = [](const std::string& f) { return static_cast<char>('0' + core::mrzCheckDigit(f).value_or(0)); };
    const std::string number = "X1234567<";
    const std::string birth = "950615";
    const std::string expiry = "310101";
    const std::string personal(14, '<');
    std::string line1 = "P<IDNCONTOH<<SITI<AMINAH";
    line1.resize(44, '<');
    std::string line2 = number + check(number) + "IDN" + birth + check(birth) + 'F' + expiry + check(expiry) +
                        personal + check(personal);
    const std::string composite = line2.substr(0, 10) + line2.substr(13, 7) + line2.substr(21, 22);
    line2 += check(composite);
    return {line1, line2};
}

flow::FlowState onStep(RegStep step) {
    flow::FlowState state;
    state.screen = flow::RegistrationScreen{step};
    return state;
}

class LiveInputsTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto texts = ui::Catalogs::load(kAssets / "i18n");
        ASSERT_TRUE(texts) << texts.error().detail;
        texts_.emplace(std::move(texts).value());
        session_.emplace(flow::FlowSettings{}, *texts_, speaker_, nullptr);
        live_.emplace(channels_, *texts_);
        session_->apply(flow::Tick{now_, kToday});
        tap(flow::StartTapped{});
        tap(flow::NextTapped{});
        tap(flow::RegisterTapped{});
    }

    void tap(flow::Action action) {
        now_ += 1s;
        session_->apply(flow::Tap{session_->state().view, now_, action});
    }
    bool at(RegStep step) const {
        const auto* reg = std::get_if<flow::RegistrationScreen>(&session_->state().screen);
        return reg && reg->step == step;
    }
    // Answers each step by hand (the passport as the reader would), up to `stop`.
    void goTo(RegStep stop) {
        for (int guard = 0; guard < 10 && !at(stop); ++guard) {
            const auto* reg = std::get_if<flow::RegistrationScreen>(&session_->state().screen);
            ASSERT_NE(reg, nullptr);
            switch (reg->step) {
            case RegStep::Consent: tap(flow::ConsentTapped{0}); break;
            case RegStep::Nik: session_->apply(flow::KeysTyped{now_, "3578015506950001"}); break;
            case RegStep::Passport: session_->apply(flow::MrzScanned{now_, passportLines()}); break;
            case RegStep::FamilyCard: tap(flow::SkipTapped{}); continue;
            default: FAIL() << "no answer for step " << static_cast<int>(reg->step);
            }
            tap(flow::NextTapped{});
        }
        ASSERT_TRUE(at(stop)) << "problem: " << session_->state().problem;
        live_->followScreen(session_->state());
    }
    bool pump() {
        now_ += 100ms;
        return live_->pump(*session_, now_);
    }
    const flow::RegistrationForm& form() const { return session_->state().visit.form; }

    int rings_ = 0;
    InputChannels channels_{[this] { ++rings_; }};
    std::optional<ui::Catalogs> texts_;
    RecordingSpeaker speaker_;
    std::optional<Session> session_;
    std::optional<LiveInputs> live_;
    flow::Instant now_ = flow::Instant{} + 1h;
};

TEST(DemandFor, EachScreenAsksTheCameraForWhatItCanUse) {
    EXPECT_EQ(demandFor(flow::FlowState{}), vision::Demand::nothing());  // the attract screen
    EXPECT_EQ(demandFor(onStep(RegStep::Passport)), vision::Demand::mrz());
    const auto familyCard = demandFor(onStep(RegStep::FamilyCard));
    EXPECT_EQ(familyCard.kind, vision::Demand::Kind::Barcodes);
    for (const auto format : vision::kAllBarcodeFormats)
        EXPECT_EQ(familyCard.formats.contains(format), format == vision::BarcodeFormat::QrCode);
    EXPECT_EQ(demandFor(onStep(RegStep::Photo)), vision::Demand::facePhoto());
    for (const auto step : {RegStep::Consent, RegStep::Nik, RegStep::Checks, RegStep::Name, RegStep::Review})
        EXPECT_EQ(demandFor(onStep(step)), vision::Demand::nothing()) << static_cast<int>(step);
    flow::FlowState menu;
    menu.screen = flow::MenuScreen{};
    EXPECT_EQ(demandFor(menu), vision::Demand::nothing());
    flow::FlowState status;
    status.screen = flow::StatusScanScreen{};
    EXPECT_EQ(demandFor(status), familyCard);  // a receipt's QR
    // The camera's test on the maintenance screen shows its picture and looks for nothing; the
    // other devices' tests leave the camera idle.
    flow::FlowState test;
    test.screen = flow::PartTestScreen{flow::Part::Camera};
    EXPECT_EQ(demandFor(test), vision::Demand::picture());
    for (const auto part : {flow::Part::CodeScanner, flow::Part::MrzReader}) {
        test.screen = flow::PartTestScreen{part};
        EXPECT_EQ(demandFor(test), vision::Demand::nothing());
    }
    test.screen = flow::MaintenanceScreen{};
    EXPECT_EQ(demandFor(test), vision::Demand::nothing());
}

TEST(FaceAdvice, EveryHintHasTheTextOfItsCode) {
    using H = vision::FaceHint;
    for (const auto hint :
         {H::NoFace, H::SeveralFaces, H::MoveCloser, H::MoveBack, H::MoveLeft, H::MoveRight, H::MoveUp, H::MoveDown,
          H::TooDark, H::TooBright, H::UnevenLight, H::HoldStill, H::EyesClosed, H::Ready})
        EXPECT_EQ(ui::textKey(faceAdviceText(hint)), vision::faceHintCode(hint));
}

TEST_F(LiveInputsTest, AScannedCodeOnTheFamilyCardStepIsTheFamilyCard) {
    goTo(RegStep::FamilyCard);
    EXPECT_FALSE(pump()) << "nothing was queued";
    const int scans = session_->buffers().scans;  // the passport's, on the way here
    channels_.devices.push(drivers::ScannedCode{"QRCode", "KK-TEST-0001", {}});
    EXPECT_TRUE(pump());
    EXPECT_EQ(form().familyCard.view(), "KK-TEST-0001");
    EXPECT_EQ(session_->buffers().scans, scans + 1);
    EXPECT_EQ(channels_.devices.size(), 0U);
}

TEST_F(LiveInputsTest, TheMrzReaderFillsThePassportStep) {
    goTo(RegStep::Passport);
    ASSERT_TRUE(form().passportMrz.empty());
    channels_.devices.push(drivers::MrzText{passportLines(), {}});
    EXPECT_TRUE(pump());
    const auto lines = passportLines();
    EXPECT_EQ(form().passportMrz.view(), lines[0] + "\n" + lines[1]);
    EXPECT_TRUE(session_->state().problem.empty()) << session_->state().problem;
}

TEST_F(LiveInputsTest, TheCameraMrzIsSplitIntoItsLines) {
    goTo(RegStep::Passport);
    const auto lines = passportLines();
    vision::MrzAccepted accepted;
    accepted.text = lines[0] + "\n" + lines[1];
    channels_.vision.push(accepted);
    EXPECT_TRUE(pump());
    EXPECT_EQ(form().passportMrz.view(), accepted.text);
}

TEST_F(LiveInputsTest, EachCodeTheCameraReadIsScanned) {
    goTo(RegStep::FamilyCard);
    const int scans = session_->buffers().scans;
    vision::BarcodesRead read;
    read.codes.resize(2);
    read.codes[0].text = "KK-TEST-0001";
    read.codes[1].text = "KK-TEST-0002";
    channels_.vision.push(read);
    EXPECT_TRUE(pump());
    EXPECT_EQ(session_->buffers().scans, scans + 2);
    EXPECT_EQ(form().familyCard.view(), "KK-TEST-0002");  // the last one read stands
}

TEST_F(LiveInputsTest, TheCamerasFacePhotoOnThePhotoStepIsKept) {
    goTo(RegStep::Photo);
    const std::vector<std::uint8_t> jpeg{0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 0xFF, 0xD9};
    vision::FacePhotoTaken taken;
    taken.jpeg = jpeg;
    channels_.vision.push(taken);
    EXPECT_TRUE(pump());
    EXPECT_EQ(session_->buffers().photo, jpeg);
    EXPECT_TRUE(form().photoTaken);
}

TEST_F(LiveInputsTest, AFacePhotoArrivingAfterTheStepWasLeftIsNotKept) {
    goTo(RegStep::FamilyCard);
    vision::FacePhotoTaken taken;
    taken.jpeg = {0xFF, 0xD8, 0xFF, 0xD9};
    channels_.vision.push(taken);
    EXPECT_TRUE(pump());
    EXPECT_TRUE(session_->buffers().photo.empty());
    EXPECT_FALSE(form().photoTaken);
}

TEST_F(LiveInputsTest, TheCameraIsToldOncePerViewAndAgainForARetake) {
    goTo(RegStep::Photo);
    EXPECT_EQ(channels_.demand.take(), vision::Demand::facePhoto());
    live_->followScreen(session_->state());
    EXPECT_FALSE(channels_.demand.take()) << "the same view asks once";

    vision::FacePhotoTaken taken;
    taken.jpeg = {0xFF, 0xD8, 0xFF, 0xD9};
    channels_.vision.push(taken);
    pump();
    live_->followScreen(session_->state());
    EXPECT_FALSE(channels_.demand.take());
    tap(flow::RetakeTapped{});
    live_->followScreen(session_->state());
    EXPECT_EQ(channels_.demand.take(), vision::Demand::facePhoto()) << "a retake starts the photo over";

    tap(flow::BackTapped{});
    live_->followScreen(session_->state());
    EXPECT_EQ(channels_.demand.take(), demandFor(session_->state()));
}

TEST_F(LiveInputsTest, ThePreviewShowsOnCameraScreensAndIsForgottenAfter) {
    drivers::CameraFrame frame{{}, 1, {4, 2}, drivers::PixelFormat::Gray8, std::vector<std::uint8_t>(8, 128)};
    channels_.preview.put(frame);
    EXPECT_FALSE(pump()) << "the menu shows no camera";
    EXPECT_EQ(live_->view().camera, nullptr);

    goTo(RegStep::Photo);
    channels_.preview.put(frame);
    EXPECT_TRUE(pump());
    ASSERT_NE(live_->view().camera, nullptr);
    EXPECT_EQ(live_->view().camera->size, (ui::Size{4, 2}));
    EXPECT_EQ(live_->view().camera->layout, ui::PixelLayout::I420);

    tap(flow::SkipTapped{});
    ASSERT_FALSE(at(RegStep::Photo));
    live_->followScreen(session_->state());
    EXPECT_EQ(live_->view().camera, nullptr);
}

TEST_F(LiveInputsTest, ThePreviewComesInTheLayoutTheRendererStreamsBest) {
    // SDL's software renderer converts YUV itself: RGB24 costs it half as much.
    live_.emplace(channels_, *texts_, ui::PixelLayout::Rgb24);
    goTo(RegStep::Photo);
    channels_.preview.put(
        drivers::CameraFrame{{}, 1, {4, 2}, drivers::PixelFormat::Gray8, std::vector<std::uint8_t>(8, 128)});
    ASSERT_TRUE(pump());
    ASSERT_NE(live_->view().camera, nullptr);
    EXPECT_EQ(live_->view().camera->layout, ui::PixelLayout::Rgb24);
    EXPECT_EQ(live_->view().camera->bytes.size(), 4u * 2u * 3u);
}

TEST_F(LiveInputsTest, TheNewestFaceAdviceIsKeptOnlyForThePhoto) {
    goTo(RegStep::Photo);
    vision::FaceGuidance closer;
    closer.hint = vision::FaceHint::MoveCloser;
    vision::FaceGuidance still;
    still.hint = vision::FaceHint::HoldStill;
    channels_.vision.push(closer);
    channels_.vision.push(still);
    EXPECT_TRUE(pump());
    EXPECT_EQ(live_->faceHint(), vision::FaceHint::HoldStill);

    tap(flow::SkipTapped{});
    live_->followScreen(session_->state());
    EXPECT_FALSE(live_->faceHint());
    channels_.vision.push(closer);
    pump();
    EXPECT_FALSE(live_->faceHint()) << "advice from the photo step, arriving late";
}

TEST_F(LiveInputsTest, TheFaceAdviceTakesTheHintLineOfThePhotoStep) {
    auto display = ui::Display::open(ui::DisplayOptions{ui::VideoMode::Offscreen, ui::Size{1366, 768}, kAssets});
    ASSERT_TRUE(display) << display.error().detail;
    goTo(RegStep::Photo);
    const auto parts = ui::stepParts(session_->state(), display->size());
    const ui::Rect line = ui::layoutCameraPreview(parts.picture, ui::CameraGuide::Face, parts.layout.metrics).hint;
    const auto draw = [&] {
        session_->frame(display->painter(), ui::Touch{}, now_, live_->view());
        live_->drawOver(display->painter(), session_->drawn());
        auto image = display->capture();
        display->present();
        return image;
    };
    const auto plain = draw();
    vision::FaceGuidance closer;
    closer.hint = vision::FaceHint::MoveCloser;
    channels_.vision.push(closer);
    pump();
    const auto advised = draw();
    ASSERT_TRUE(plain && advised);
    ASSERT_EQ(plain->pixels.size(), advised->pixels.size());
    int inside = 0;
    int outside = 0;
    for (int y = 0; y < plain->size.h; ++y)
        for (int x = 0; x < plain->size.w; ++x) {
            const auto i =
                static_cast<std::size_t>(y) * static_cast<std::size_t>(plain->size.w) + static_cast<std::size_t>(x);
            if (plain->pixels[i] == advised->pixels[i]) continue;
            ++(line.contains({x, y}) ? inside : outside);
        }
    EXPECT_GT(inside, 0) << "the advice replaces the fixed hint";
    EXPECT_EQ(outside, 0) << "and nothing else";
}

TEST_F(LiveInputsTest, ThePumpRearmsTheWake) {
    channels_.wake.ring();
    channels_.wake.ring();
    EXPECT_EQ(rings_, 1);
    pump();
    channels_.wake.ring();
    EXPECT_EQ(rings_, 2);
}

}  // namespace
}  // namespace kiosk::app
