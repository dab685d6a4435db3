// The flow as the app runs it, in this process on SDL's offscreen driver: a finger belongs to the
// view it went down on, the commands are carried out (speech follows the views), and a wipe
// clears what the app holds of the visit.

#include "kiosk/app/session.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>

#include "kiosk/ui/display.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/screen_targets.h"

namespace kiosk::app {
namespace {

using namespace std::chrono_literals;

const std::filesystem::path kAssets = LOKET_SOURCE_ASSETS_DIR;
constexpr ui::Size kSize{1024, 600};

class SessionTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto texts = ui::Catalogs::load(kAssets / "i18n");
        ASSERT_TRUE(texts) << texts.error().detail;
        texts_.emplace(std::move(texts).value());
        auto display = ui::Display::open(ui::DisplayOptions{ui::VideoMode::Offscreen, kSize, kAssets});
        ASSERT_TRUE(display) << display.error().detail;
        display_.emplace(std::move(display).value());
        session_.emplace(flow::FlowSettings{}, *texts_, speaker_, nullptr);
        draw();
    }

    void draw(const ui::Touch& touch = {}) {
        session_->frame(display_->painter(), touch, now_);
        display_->present();
        for (int i = 0; i < 3 && session_->needsDraw(); ++i) {
            session_->frame(display_->painter(), ui::Touch{}, now_);
            display_->present();
        }
    }
    ui::Point at(const char* name) const {
        const auto place = ui::findTarget(session_->state(), kSize, name);
        EXPECT_TRUE(place) << name;
        return place ? place->centre() : ui::Point{};
    }
    void tap(const char* name) {
        now_ += 1s;
        draw(ui::Touch::tapAt(at(name)));
    }
    template <class S>
    bool on() const {
        return std::holds_alternative<S>(session_->state().screen);
    }

    std::optional<ui::Catalogs> texts_;
    std::optional<ui::Display> display_;
    RecordingSpeaker speaker_;
    std::optional<Session> session_;
    flow::Instant now_ = flow::Instant{} + 1h;
};

TEST_F(SessionTest, AFingerThatWentDownBeforeTheViewChangedDoesNotActOnTheNewOne) {
    tap("start");
    tap("next");
    ASSERT_TRUE(on<flow::MenuScreen>());
    // The finger goes down on "back"; before it lifts, the staff PIN screen opens, whose
    // "cancel" is exactly there.
    const ui::Point back = at("back");
    now_ += 1s;
    draw(ui::Touch{back, back, std::nullopt});
    session_->apply(flow::StaffGesture{now_});
    draw(ui::Touch{back, back, std::nullopt});
    ASSERT_TRUE(on<flow::StaffPinScreen>());
    ASSERT_EQ(ui::findTarget(session_->state(), kSize, "cancel")->centre(), back);
    now_ += 1s;
    draw(ui::Touch{back, std::nullopt, back});
    EXPECT_TRUE(on<flow::StaffPinScreen>());
    // A fresh tap there does cancel.
    tap("cancel");
    EXPECT_TRUE(on<flow::AttractScreen>());
}

TEST_F(SessionTest, SpeechFollowsTheViews) {
    tap("start");
    ASSERT_EQ(speaker_.said().size(), 1U);
    EXPECT_EQ(speaker_.said().back().text, ui::instructionFor(session_->state(), *texts_));
    EXPECT_EQ(speaker_.said().back().language, ui::Language::Indonesian);
    tap("lang-en");
    ASSERT_EQ(speaker_.said().size(), 2U);
    EXPECT_EQ(speaker_.said().back().language, ui::Language::English);
    EXPECT_NE(speaker_.said().back().text.find("Choose your language"), std::string::npos);
    tap("listen");
    EXPECT_EQ(speaker_.said().size(), 3U);
    const int stops = speaker_.stops();
    tap("back");
    EXPECT_EQ(speaker_.stops(), stops + 1);  // leaving the screen ends its speech
}

TEST_F(SessionTest, TheWipeClearsWhatTheAppHoldsOfTheVisit) {
    tap("start");
    session_->recordCameraImage({1, 2, 3, 4});
    session_->apply(flow::CodeScanned{now_, "3509121708950003"});
    EXPECT_EQ(session_->buffers().cameraImage.size(), 4U);
    EXPECT_EQ(session_->buffers().scans, 1);
    for (int i = 0; i < 4 * 90; ++i) {
        now_ += 250ms;
        session_->apply(flow::Tick{now_});
    }
    EXPECT_TRUE(on<flow::AttractScreen>());
    EXPECT_EQ(session_->wipes(), 1);
    EXPECT_TRUE(session_->buffers().cameraImage.empty());
    EXPECT_EQ(session_->buffers().scans, 0);
}

TEST_F(SessionTest, NewSettingsWaitForTheNextVisitor) {
    flow::FlowSettings newer;
    newer.agePolicy = core::AgePolicy::make(18, {core::AgeRule{"TW", "*", 20}}).value();
    tap("start");
    EXPECT_FALSE(session_->betweenVisitors());
    EXPECT_FALSE(session_->useSettings(newer));  // someone is choosing a language
    EXPECT_NE(session_->state().settings, newer);
    tap("back");
    ASSERT_TRUE(on<flow::AttractScreen>());
    EXPECT_TRUE(session_->useSettings(newer));
    EXPECT_EQ(session_->state().settings, newer);
}

TEST_F(SessionTest, AHeldPressOutsideTheCornerOpensNothing) {
    const ui::Point middle{kSize.w / 2, kSize.h / 2};
    for (int i = 0; i < 20; ++i) {
        now_ += 250ms;
        draw(ui::Touch{middle, middle, std::nullopt});
    }
    EXPECT_TRUE(on<flow::AttractScreen>());
    const ui::Point corner = ui::findTarget(session_->state(), kSize, "staff-corner")->centre();
    for (int i = 0; i < 13; ++i) {
        now_ += 250ms;
        draw(ui::Touch{corner, corner, std::nullopt});
    }
    EXPECT_TRUE(on<flow::StaffPinScreen>());
}

}  // namespace
}  // namespace kiosk::app
