// Layouts for the window sizes kiosks have: big enough targets, inside the window, not overlapping.

#include "kiosk/ui/layout.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kiosk::ui {
namespace {

// 9 mm at 96 dpi is 34 px: the least a finger needs. The kiosk's own targets are far bigger.
constexpr int kMinTarget = 34;

bool overlap(Rect a, Rect b) { return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom(); }

class WindowSize : public ::testing::TestWithParam<Size> {};

void expectButtonsUsable(const std::vector<Rect>& buttons, Size window) {
    for (std::size_t i = 0; i < buttons.size(); ++i) {
        const Rect b = buttons[i];
        EXPECT_GE(b.h, kMinTarget) << "button " << i;
        EXPECT_GE(b.w, 3 * kMinTarget) << "button " << i;
        EXPECT_TRUE(b.inside(window)) << "button " << i;
        for (std::size_t j = i + 1; j < buttons.size(); ++j)
            EXPECT_FALSE(overlap(b, buttons[j])) << "buttons " << i << " and " << j;
    }
}

TEST_P(WindowSize, AttractButtonsAreBigInsideAndApart) {
    const auto l = layoutAttract(GetParam());
    expectButtonsUsable(l.buttons(), GetParam());
    EXPECT_GE(l.start.h, 2 * kMinTarget);
}

TEST_P(WindowSize, AttractContentStaysBetweenHeaderAndFooter) {
    const auto l = layoutAttract(GetParam());
    for (const Rect r : {l.welcome, l.body, l.notice, l.start, l.languageLabel, l.languages[0], l.languages[1]}) {
        EXPECT_GE(r.y, l.header.band.bottom());
        EXPECT_LE(r.bottom(), l.footer.y);
        EXPECT_GE(r.x, 0);
        EXPECT_LE(r.right(), GetParam().w);
    }
    EXPECT_TRUE(l.footer.inside(GetParam()));
    EXPECT_FALSE(overlap(l.notice, l.start));
    EXPECT_FALSE(overlap(l.body, l.notice));
}

TEST_P(WindowSize, LanguageChoiceButtonsAreBigInsideAndApart) {
    const auto l = layoutLanguageChoice(GetParam());
    expectButtonsUsable(l.buttons(), GetParam());
    for (const Rect r : {l.title, l.prompt, l.languages[0], l.languages[1], l.back}) {
        EXPECT_GE(r.y, l.header.band.bottom());
        EXPECT_LE(r.bottom(), l.footer.y);
    }
    EXPECT_LE(l.languages[1].bottom(), l.back.y);
}

INSTANTIATE_TEST_SUITE_P(Kiosks, WindowSize,
                         ::testing::Values(Size{1920, 1080}, Size{1366, 768}, Size{1080, 1920}, Size{1280, 1024},
                                           Size{768, 1366}, Size{3840, 2160}),
                         [](const auto& p) { return std::to_string(p.param.w) + "x" + std::to_string(p.param.h); });

TEST(Layout, SizesFollowTheWindowNotFixedPixels) {
    const auto big = metricsFor({1920, 1080});
    const auto small = metricsFor({1366, 768});
    EXPECT_GT(big.type.body, small.type.body);
    EXPECT_NEAR(layoutAttract({3840, 2160}).start.h, 2 * layoutAttract({1920, 1080}).start.h, 1);
}

TEST(Layout, PortraitStacksAndLandscapeUsesTwoColumns) {
    const auto portrait = layoutAttract({1080, 1920});
    EXPECT_FALSE(portrait.metrics.landscape);
    EXPECT_GT(portrait.start.y, portrait.notice.bottom());
    const auto landscape = layoutAttract({1920, 1080});
    EXPECT_TRUE(landscape.metrics.landscape);
    EXPECT_GE(landscape.start.x, landscape.notice.right());
}

TEST(Layout, ButtonPartsKeepTheLabelClearOfTheIcon) {
    const auto m = metricsFor({1920, 1080});
    const Rect button{100, 100, 600, 150};
    const auto parts = buttonParts(button, m, true, true);
    EXPECT_GT(parts.icon.w, 0);
    EXPECT_LE(parts.icon.right(), parts.label.x);
    EXPECT_EQ(parts.label.centre().x, button.centre().x);
    EXPECT_LE(parts.label.bottom(), parts.note.y);
    EXPECT_LE(parts.note.bottom(), button.bottom());
    EXPECT_EQ(buttonParts(button, m, false, false).label.h, button.h);
}

}  // namespace
}  // namespace kiosk::ui
