// Every screen, drawn for real in both languages at every window size, with the painter
// recording what it drew: no text shrunk or spilling out of its place or the window, no two
// texts on top of each other, every touch target at least 9 mm and inside the window, no two
// targets overlapping. Also: every key of both keyboards answers a tap on it.

#include <gtest/gtest.h>

#include <sstream>

#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/touch_target.h"
#include "tests/ui/screen_test_support.h"

namespace kiosk::ui::testing {
namespace {

bool overlap(Rect a, Rect b) { return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom(); }
bool within(Rect inner, Rect outer) {
    return inner.x >= outer.x && inner.y >= outer.y && inner.right() <= outer.right() &&
           inner.bottom() <= outer.bottom();
}
std::string str(Rect r) {
    std::ostringstream s;
    s << "(" << r.x << "," << r.y << " " << r.w << "x" << r.h << ")";
    return s.str();
}

class ScreenLayout : public ScreenFixture {
protected:
    DrawAudit drawAudited() {
        DrawAudit audit;
        display().painter().audit(&audit);
        drawScreen();
        display().painter().audit(nullptr);
        return audit;
    }
};

void expectTextsFit(const DrawAudit& audit, Size window) {
    for (const auto& t : audit.texts) {
        EXPECT_EQ(t.drawnPx, t.wantedPx) << "\"" << t.text << "\" had to shrink to fit " << str(t.box);
        EXPECT_TRUE(within(t.ink, t.box)) << "\"" << t.text << "\" " << str(t.ink) << " spills out of " << str(t.box);
        EXPECT_TRUE(t.ink.inside(window)) << "\"" << t.text << "\" is cut by the window edge";
    }
    for (std::size_t i = 0; i < audit.texts.size(); ++i)
        for (std::size_t j = i + 1; j < audit.texts.size(); ++j)
            EXPECT_FALSE(overlap(audit.texts[i].ink, audit.texts[j].ink))
                << "\"" << audit.texts[i].text << "\" " << str(audit.texts[i].ink) << " and \"" << audit.texts[j].text
                << "\" " << str(audit.texts[j].ink) << " overlap";
}

void expectTargetsUsable(const DrawAudit& audit, Size window) {
    const int least = minTargetPx(window);
    for (std::size_t i = 0; i < audit.targets.size(); ++i) {
        const Rect t = audit.targets[i];
        EXPECT_GE(std::min(t.w, t.h), least) << "target " << str(t) << " is under 9 mm (" << least << " px)";
        EXPECT_TRUE(t.inside(window)) << "target " << str(t) << " is outside the window";
        for (std::size_t j = i + 1; j < audit.targets.size(); ++j)
            EXPECT_FALSE(overlap(t, audit.targets[j])) << "targets " << str(t) << " and " << str(audit.targets[j]);
    }
}

// One drawing per case, checked three ways (each failure names the text or target).
TEST_P(ScreenLayout, TextsFitWithoutOverlapAndTargetsAreBigAndApart) {
    const auto audit = drawAudited();
    ASSERT_FALSE(audit.texts.empty());  // (a screen may have no targets: the camera gallery has none)
    expectTextsFit(audit, GetParam().size);
    expectTargetsUsable(audit, GetParam().size);
}

INSTANTIATE_TEST_SUITE_P(Screens, ScreenLayout, ::testing::ValuesIn(allScreenParams()), screenParamName);

class KeyboardReach : public ScreenFixture {};

TEST_P(KeyboardReach, EveryKeyAnswersATapInItsMiddle) {
    Painter& p = display().painter();
    const Size window = GetParam().size;
    const auto m = metricsFor(window);
    const Rect area{m.margin, window.h / 2, window.w - 2 * m.margin, window.h / 2 - m.margin};
    const Catalog& say = texts().in(GetParam().language);
    for (const auto kind : {KeyboardKind::Letters, KeyboardKind::Digits, KeyboardKind::Keypad})
        for (const bool shifted : {false, true})
            for (const Key& key : layoutKeyboard(kind, area, m)) {
                const auto tapped = drawKeyboard(p, Touch::tapAt(key.rect.centre()), kind, area, m, say, shifted);
                ASSERT_TRUE(tapped) << "no key answered at " << str(key.rect);
                EXPECT_EQ(tapped->role, key.role);
                EXPECT_EQ(tapped->rect, key.rect);
                const char expected = shifted && key.character >= 'a' && key.character <= 'z'
                                          ? static_cast<char>(key.character - 'a' + 'A')
                                          : key.character;
                EXPECT_EQ(tapped->character, expected);
            }
    EXPECT_FALSE(
        drawKeyboard(p, Touch::tapAt(Point{area.x + 1, area.y - 5}), KeyboardKind::Letters, area, m, say, false));
}

// The keyboards at every size, in both languages (their Space and Done labels differ).
std::vector<ScreenParam> keyboardParams() {
    std::vector<ScreenParam> params;
    for (const Size size : kTestSizes)
        for (const Language language : kLanguages) params.push_back(ScreenParam{0, size, language});
    return params;
}

std::string keyboardParamName(const ::testing::TestParamInfo<ScreenParam>& p) {
    return std::to_string(p.param.size.w) + "x" + std::to_string(p.param.size.h) + "_" +
           std::string(languageCode(p.param.language));
}

INSTANTIATE_TEST_SUITE_P(Windows, KeyboardReach, ::testing::ValuesIn(keyboardParams()), keyboardParamName);

}  // namespace
}  // namespace kiosk::ui::testing
