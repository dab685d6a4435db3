// The flow's own views drawn for real on SDL's offscreen driver, at three window sizes in both
// languages: each is drawn, its controls are big enough and inside the window without
// overlapping, and every text fits its place at its intended size.

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_set>

#include "kiosk/ui/catalog.h"
#include "kiosk/ui/display.h"
#include "kiosk/ui/flow_layouts.h"
#include "kiosk/ui/flow_screens.h"
#include "kiosk/ui/registration_layouts.h"
#include "kiosk/ui/screens.h"
#include "kiosk/ui/text_field.h"

namespace kiosk::ui {
namespace {

const std::filesystem::path kAssets = LOKET_SOURCE_ASSETS_DIR;
constexpr int kMinTarget = 34;  // 9 mm at 96 dpi

struct Case {
    Size size;
    Language language;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.size.w << "x" << c.size.h << " " << languageCode(c.language); }

std::string caseName(const ::testing::TestParamInfo<Case>& info) {
    return std::to_string(info.param.size.w) + "x" + std::to_string(info.param.size.h) + "_" +
           std::string(languageCode(info.param.language));
}

bool overlap(Rect a, Rect b) { return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom(); }

class FlowScreen : public ::testing::TestWithParam<Case> {
protected:
    void SetUp() override {
        auto texts = Catalogs::load(kAssets / "i18n");
        ASSERT_TRUE(texts) << texts.error().detail;
        texts_.emplace(std::move(texts).value());
        auto display = Display::open(DisplayOptions{VideoMode::Offscreen, GetParam().size, kAssets});
        ASSERT_TRUE(display) << display.error().detail;
        display_.emplace(std::move(display).value());
        state_ = flow::startState({});
        state_.visit.language = GetParam().language;
    }

    Painter& painter() { return display_->painter(); }
    const Catalog& say() const { return texts_->in(GetParam().language); }

    std::size_t drawnColours() {
        auto image = display_->capture();
        EXPECT_TRUE(image);
        if (!image) return 0;
        return std::unordered_set<std::uint32_t>(image->pixels.begin(), image->pixels.end()).size();
    }

    void expectLineFits(std::string_view text, int px, Weight weight, Rect box, const std::string& what) {
        const Size s = painter().measure(text, px, weight);
        EXPECT_GT(s.w, 0) << what;
        EXPECT_LE(s.w, box.w) << what << " \"" << text << "\" is " << s.w << " px wide, its place " << box.w;
        EXPECT_LE(s.h, box.h) << what << " \"" << text << "\" is " << s.h << " px high, its place " << box.h;
    }
    void expectParagraphFits(std::string_view text, int px, Weight weight, Rect box, const std::string& what) {
        const auto lines = painter().wrap(text, px, weight, box.w);
        EXPECT_LE(static_cast<long>(lines.size()) * std::lround(px * kLineSpacing), box.h)
            << what << " needs " << lines.size() << " lines";
        for (const auto& line : lines) expectLineFits(line, px, weight, box, what);
    }
    void expectTargets(const std::vector<Rect>& buttons) {
        for (std::size_t i = 0; i < buttons.size(); ++i) {
            EXPECT_GE(buttons[i].h, kMinTarget) << i;
            EXPECT_GE(buttons[i].w, kMinTarget) << i;
            EXPECT_TRUE(buttons[i].inside(GetParam().size)) << i;
            for (std::size_t j = i + 1; j < buttons.size(); ++j)
                EXPECT_FALSE(overlap(buttons[i], buttons[j])) << i << " " << j;
        }
    }

    std::optional<Catalogs> texts_;
    std::optional<Display> display_;
    flow::FlowState state_;
};

// Every key a journey step's keyboard shows, tapped in its middle, answers with its own action.
TEST_P(FlowScreen, TheNikKeypadTypesEveryDigitAndDeletes) {
    state_.screen = flow::RegistrationScreen{flow::RegStep::Nik};
    std::string typed;
    int deletes = 0;
    for (const auto& target : journeyTargets(state_, GetParam().size)) {
        if (!target.name.starts_with("key-") && target.name != "delete") continue;
        const auto action = drawVisit(painter(), *texts_, state_, Touch::tapAt(target.place.centre()));
        ASSERT_TRUE(action) << target.name;
        if (const auto* k = std::get_if<flow::KeyTapped>(&*action)) typed += k->key;
        if (std::holds_alternative<flow::DeleteTapped>(*action)) ++deletes;
    }
    EXPECT_EQ(typed, "1234567890");  // in the telephone order, 0 under 8
    EXPECT_EQ(deletes, 1);
}

TEST_P(FlowScreen, TheNameKeyboardTypesCapitalsAndSpace) {
    state_.screen = flow::RegistrationScreen{flow::RegStep::Name};
    std::string typed;
    for (const auto& target : journeyTargets(state_, GetParam().size)) {
        if (!target.name.starts_with("key-") && target.name != "space") continue;
        const auto action = drawVisit(painter(), *texts_, state_, Touch::tapAt(target.place.centre()));
        ASSERT_TRUE(action) << target.name;
        const auto* k = std::get_if<flow::KeyTapped>(&*action);
        ASSERT_TRUE(k) << target.name;
        EXPECT_EQ(target.name == "space" ? std::string("space") : "key-" + std::string(1, k->key), target.name);
        typed += k->key;
    }
    for (const char c : std::string("QWERTYUIOPASDFGHJKLZXCVBNM ")) EXPECT_NE(typed.find(c), std::string::npos) << c;
}

TEST_P(FlowScreen, TheStaffPinScreenIsDrawnAndItsTextsFit) {
    state_.screen = flow::StaffPinScreen{};
    state_.problem = "staff.locked";
    state_.staffAnswer = flow::StaffAnswer{};
    state_.staffAnswer->outcome = flow::StaffAnswer::Outcome::Locked;
    state_.staffAnswer->lockedMinutes = 15;
    drawVisit(painter(), *texts_, state_, Touch{});
    EXPECT_GT(drawnColours(), 100U);
    const auto l = layoutEntry(GetParam().size);
    const auto& m = l.metrics;
    expectTargets(l.buttons());
    expectLineFits(say().text(Text::StaffTitle), m.type.heading, Weight::Bold, l.title, "title");
    expectParagraphFits(say().text(Text::StaffPrompt), m.type.body, Weight::Regular, l.prompt, "prompt");
    expectParagraphFits(say().text(Text::StaffUnavailable), m.type.body, Weight::Regular, l.message, "unavailable");
    expectParagraphFits(staffMessage(state_, say()), m.type.body, Weight::Regular, l.message, "locked");
    expectLineFits(say().text(Text::StaffCancel), m.type.control, Weight::Bold,
                   buttonParts(l.back, m, false, false).label, "cancel");
    expectLineFits(say().text(Text::StaffSignIn), m.type.control, Weight::Bold,
                   buttonParts(l.action, m, false, false).label, "sign in");
}

TEST_P(FlowScreen, TheCountdownIsDrawnOverTheScreenAndItsTextsFit) {
    state_.screen = flow::RegistrationScreen{flow::RegStep::Nik};
    drawVisit(painter(), *texts_, state_, Touch{});
    auto plain = display_->capture();
    state_.countdown = flow::Countdown{{}, 20};
    drawVisit(painter(), *texts_, state_, Touch{});
    auto asking = display_->capture();
    ASSERT_TRUE(plain && asking);
    EXPECT_NE(plain->pixels, asking->pixels);
    const auto l = layoutCountdown(GetParam().size);
    const auto& m = l.metrics;
    EXPECT_TRUE(l.panel.inside(GetParam().size));
    expectTargets({l.stay});
    expectLineFits(say().text(Text::IdleTitle), m.type.heading, Weight::Bold, l.title, "title");
    expectParagraphFits(say().text(Text::IdleBody), m.type.body, Weight::Regular, l.body, "body");
    expectLineFits("20", l.secondsPx, Weight::Bold, l.seconds, "seconds");
    expectLineFits(say().text(Text::IdleSeconds), m.type.small, Weight::Regular, l.secondsLabel, "seconds label");
    expectLineFits(say().text(Text::IdleStay), m.type.action, Weight::Bold, buttonParts(l.stay, m, false, false).label,
                   "stay");
}

TEST_P(FlowScreen, TheLanguageChoiceLeadsOnAndBackFromTheSamePlaces) {
    const auto choice = layoutLanguageChoice(GetParam().size);
    const auto entry = layoutEntry(GetParam().size);
    EXPECT_EQ(choice.back, entry.back);
    EXPECT_EQ(choice.next, entry.action);
    expectTargets(choice.buttons());
    expectLineFits(say().text(Text::CommonNext), choice.metrics.type.control, Weight::Bold,
                   buttonParts(choice.next, choice.metrics, true, false).label, "next");
    EXPECT_FALSE(overlap(listenButtonRect(GetParam().size), staffCornerRect(GetParam().size)));
}

INSTANTIATE_TEST_SUITE_P(
    Windows, FlowScreen,
    ::testing::Values(Case{{1366, 768}, Language::Indonesian}, Case{{1366, 768}, Language::English},
                      Case{{1080, 1920}, Language::Indonesian}, Case{{1080, 1920}, Language::English},
                      Case{{1920, 1080}, Language::Indonesian}, Case{{1920, 1080}, Language::English}),
    caseName);

}  // namespace
}  // namespace kiosk::ui
