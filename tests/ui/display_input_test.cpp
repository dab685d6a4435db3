// Input as SDL delivers it, turned into taps: touchscreen fingers in window pixels, mouse clicks,
// the mouse twins SDL makes of touches ignored, one tap per frame; and the main loop ends on
// SDL's quit event, which SDL raises for SIGTERM and SIGINT.

#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <optional>

#include "kiosk/app/main_loop.h"
#include "kiosk/ui/catalog.h"
#include "kiosk/ui/display.h"
#include "kiosk/ui/sdl_handles.h"

namespace kiosk::ui {
namespace {

const std::filesystem::path kAssets = LOKET_SOURCE_ASSETS_DIR;
constexpr Size kSize{1000, 800};
constexpr Rect kTarget{400, 300, 200, 100};

class DisplayInput : public ::testing::Test {
protected:
    void SetUp() override {
        auto display = Display::open(DisplayOptions{VideoMode::Offscreen, kSize, kAssets});
        ASSERT_TRUE(display) << display.error().detail;
        display_.emplace(std::move(display).value());
        SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
    }

    static void finger(Uint32 type, SDL_FingerID id, Point at) {
        SDL_Event e{};
        e.tfinger.type = type;
        e.tfinger.fingerId = id;
        e.tfinger.x = static_cast<float>(at.x) / static_cast<float>(kSize.w);
        e.tfinger.y = static_cast<float>(at.y) / static_cast<float>(kSize.h);
        SDL_PushEvent(&e);
    }
    static void mouse(Uint32 type, Point at, Uint32 which = 0) {
        SDL_Event e{};
        e.button.type = type;
        e.button.which = which;
        e.button.button = SDL_BUTTON_LEFT;
        e.button.x = at.x;
        e.button.y = at.y;
        SDL_PushEvent(&e);
    }

    InputFrame next() { return display_->waitInput(std::chrono::milliseconds{0}); }

    std::optional<Display> display_;
};

TEST_F(DisplayInput, AFingerTapArrivesInWindowPixels) {
    finger(SDL_FINGERDOWN, 7, kTarget.centre());
    finger(SDL_FINGERUP, 7, kTarget.centre());
    const auto frame = next();
    EXPECT_TRUE(frame.input);
    EXPECT_TRUE(frame.touch.tappedInside(kTarget));
    EXPECT_FALSE(frame.touch.tappedInside(Rect{0, 0, 100, 100}));
}

TEST_F(DisplayInput, AMouseClickIsATapToo) {
    mouse(SDL_MOUSEBUTTONDOWN, kTarget.centre());
    mouse(SDL_MOUSEBUTTONUP, kTarget.centre());
    EXPECT_TRUE(next().touch.tappedInside(kTarget));
}

TEST_F(DisplayInput, TheMouseTwinOfATouchIsIgnored) {
    mouse(SDL_MOUSEBUTTONDOWN, kTarget.centre(), SDL_TOUCH_MOUSEID);
    mouse(SDL_MOUSEBUTTONUP, kTarget.centre(), SDL_TOUCH_MOUSEID);
    const auto frame = next();
    EXPECT_FALSE(frame.input);
    EXPECT_FALSE(frame.touch.tappedInside(kTarget));
}

TEST_F(DisplayInput, EachTapGetsAFrameOfItsOwn) {
    const Point elsewhere{50, 50};
    finger(SDL_FINGERDOWN, 1, kTarget.centre());
    finger(SDL_FINGERUP, 1, kTarget.centre());
    finger(SDL_FINGERDOWN, 1, elsewhere);
    finger(SDL_FINGERUP, 1, elsewhere);
    EXPECT_TRUE(next().touch.tappedInside(kTarget));
    const auto second = next();
    EXPECT_TRUE(second.touch.tappedInside(Rect{0, 0, 100, 100}));
    EXPECT_FALSE(second.touch.tappedInside(kTarget));
    EXPECT_FALSE(next().touch.end);
}

TEST_F(DisplayInput, TheMainLoopEndsOnTheQuitEvent) {
    auto texts = Catalogs::load(kAssets / "i18n");
    ASSERT_TRUE(texts);
    finger(SDL_FINGERDOWN, 1, kTarget.centre());
    finger(SDL_FINGERUP, 1, kTarget.centre());
    SDL_Event quit{};
    quit.type = SDL_QUIT;
    SDL_PushEvent(&quit);
    EXPECT_EQ(app::runMainLoop(*display_, *texts, Language::Indonesian), 0);
}

TEST_F(DisplayInput, SigtermEndsTheMainLoop) {
    auto texts = Catalogs::load(kAssets / "i18n");
    ASSERT_TRUE(texts);
    ASSERT_EQ(std::raise(SIGTERM), 0);  // SDL's handler turns it into SDL_QUIT
    EXPECT_EQ(app::runMainLoop(*display_, *texts, Language::Indonesian), 0);
}

}  // namespace
}  // namespace kiosk::ui
