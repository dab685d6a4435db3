// The screens drawn for real, on SDL's offscreen driver with the software renderer: the pixels say
// something is drawn, the layout's targets are big and inside the window, and every text fits
// its place at its intended size in both languages.

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_set>

#include "kiosk/ui/catalog.h"
#include "kiosk/ui/display.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/screens.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {
namespace {

const std::filesystem::path kAssets = LOKET_SOURCE_ASSETS_DIR;
constexpr int kMinTarget = 34;  // 9 mm at 96 dpi

std::uint32_t argb(Color c) {
    return 0xFF000000U | static_cast<std::uint32_t>(c.r) << 16 | static_cast<std::uint32_t>(c.g) << 8 | c.b;
}

std::size_t distinctColours(const Image& image) {
    return std::unordered_set<std::uint32_t>(image.pixels.begin(), image.pixels.end()).size();
}

// Share of the pixels in `area` that have exactly the colour `c`.
double shareOf(const Image& image, Rect area, Color c) {
    std::size_t hits = 0;
    std::size_t all = 0;
    for (int y = std::max(0, area.y); y < std::min(image.size.h, area.bottom()); ++y)
        for (int x = std::max(0, area.x); x < std::min(image.size.w, area.right()); ++x, ++all)
            hits += image.pixels[static_cast<std::size_t>(y * image.size.w + x)] == argb(c) ? 1U : 0U;
    return all == 0 ? 0.0 : static_cast<double>(hits) / static_cast<double>(all);
}

double shareDiffering(const Image& a, const Image& b) {
    std::size_t differ = 0;
    for (std::size_t i = 0; i < a.pixels.size(); ++i) differ += a.pixels[i] != b.pixels[i] ? 1U : 0U;
    return static_cast<double>(differ) / static_cast<double>(a.pixels.size());
}

struct Case {
    Size size;
    Language language;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.size.w << "x" << c.size.h << " " << languageCode(c.language); }

std::string caseName(const ::testing::TestParamInfo<Case>& info) {
    return std::to_string(info.param.size.w) + "x" + std::to_string(info.param.size.h) + "_" +
           std::string(languageCode(info.param.language));
}

const auto kCases = ::testing::Values(Case{{1366, 768}, Language::Indonesian}, Case{{1366, 768}, Language::English},
                                      Case{{1080, 1920}, Language::Indonesian}, Case{{1080, 1920}, Language::English},
                                      Case{{1920, 1080}, Language::Indonesian}, Case{{1920, 1080}, Language::English});

class Screen : public ::testing::TestWithParam<Case> {
protected:
    void SetUp() override {
        auto texts = Catalogs::load(kAssets / "i18n");
        ASSERT_TRUE(texts) << texts.error().detail;
        texts_.emplace(std::move(texts).value());
        auto display = Display::open(DisplayOptions{VideoMode::Offscreen, GetParam().size, kAssets});
        ASSERT_TRUE(display) << display.error().code << ": " << display.error().detail;
        display_.emplace(std::move(display).value());
    }

    Image capture() {
        auto image = display_->capture();
        EXPECT_TRUE(image) << image.error().detail;
        return image ? std::move(image).value() : Image{};
    }

    const Catalog& say() const { return texts_->in(GetParam().language); }
    Painter& painter() { return display_->painter(); }

    void expectLineFits(std::string_view text, int px, Weight weight, Rect box, const std::string& what) {
        const Size s = painter().measure(text, px, weight);
        EXPECT_GT(s.w, 0) << what;
        EXPECT_LE(s.w, box.w) << what << " \"" << text << "\" is " << s.w << " px wide, its place " << box.w;
        EXPECT_LE(s.h, box.h) << what << " \"" << text << "\" is " << s.h << " px high, its place " << box.h;
    }

    void expectParagraphFits(std::string_view text, int px, Weight weight, Rect box, const std::string& what) {
        const auto lines = painter().wrap(text, px, weight, box.w);
        const auto lineHeight = std::lround(px * kLineSpacing);
        EXPECT_LE(static_cast<long>(lines.size()) * lineHeight, box.h)
            << what << " needs " << lines.size() << " lines of " << lineHeight << " px, its place is " << box.h;
        for (const auto& line : lines) expectLineFits(line, px, weight, Rect{box.x, box.y, box.w, box.h}, what);
    }

    std::optional<Catalogs> texts_;
    std::optional<Display> display_;
};

using AttractScreenTest = Screen;
using LanguageChoiceScreenTest = Screen;

TEST_P(AttractScreenTest, DrawsAFullScreenNotABlankOne) {
    drawAttract(painter(), *texts_, GetParam().language, Touch{});
    const Image image = capture();
    ASSERT_EQ(image.size, GetParam().size);
    EXPECT_GT(distinctColours(image), 200U);  // text is anti-aliased: a drawn screen has many shades
    const double background = shareOf(image, Rect{0, 0, image.size.w, image.size.h}, colors::kBackground);
    EXPECT_GT(background, 0.25);
    EXPECT_LT(background, 0.85);
    const auto l = layoutAttract(image.size);
    EXPECT_GT(shareOf(image, l.header.band, colors::kHeader), 0.7);
    // The start button is filled and carries a white label.
    EXPECT_GT(shareOf(image, l.start, colors::kPrimary), 0.5);
    EXPECT_GT(shareOf(image, l.start, colors::kOnPrimary), 0.01);
}

TEST_P(AttractScreenTest, ButtonsAreBigAndInsideTheWindow) {
    const auto l = layoutAttract(painter().size());
    for (const Rect b : l.buttons()) {
        EXPECT_GE(b.h, kMinTarget);
        EXPECT_TRUE(b.inside(GetParam().size));
    }
}

TEST_P(AttractScreenTest, EveryTextFitsItsPlace) {
    const auto l = layoutAttract(painter().size());
    const auto& m = l.metrics;
    expectLineFits(say().text(Text::AppName), m.type.title, Weight::Bold, l.header.title, "title");
    expectLineFits(say().text(Text::AppSubtitle), m.type.small, Weight::Regular, l.header.subtitle, "subtitle");
    expectLineFits(say().text(Text::AttractWelcome), m.type.heading, Weight::Bold, l.welcome, "welcome");
    expectParagraphFits(say().text(Text::AttractBody), m.type.body, Weight::Regular, l.body, "body");
    expectParagraphFits(say().text(Text::AttractFreeNotice), m.type.body, Weight::Bold, l.noticeText, "notice");
    expectLineFits(say().text(Text::AttractStart), m.type.action, Weight::Bold,
                   buttonParts(l.start, m, true, false).label, "start");
    expectLineFits(say().text(Text::AttractLanguageLabel), m.type.small, Weight::Regular, l.languageLabel,
                   "language label");
    for (std::size_t i = 0; i < kLanguages.size(); ++i)
        expectLineFits(texts_->in(kLanguages[i]).text(Text::LanguageName), m.type.control, Weight::Bold,
                       buttonParts(l.languages[i], m, true, false).label, "language button");
    const auto help = painter().measure(say().text(Text::HelpAskStaff), m.type.small, Weight::Regular);
    EXPECT_LE(help.w + 2 * m.type.small, l.footer.w - 2 * m.margin);
}

TEST_P(LanguageChoiceScreenTest, DrawsBothLanguagesAndMarksTheCurrentOne) {
    drawLanguageChoice(painter(), *texts_, GetParam().language, Touch{});
    const Image image = capture();
    ASSERT_EQ(image.size, GetParam().size);
    EXPECT_GT(distinctColours(image), 200U);
    const auto l = layoutLanguageChoice(image.size);
    for (std::size_t i = 0; i < kLanguages.size(); ++i) {
        const bool current = kLanguages[i] == GetParam().language;
        EXPECT_EQ(shareOf(image, l.languages[i], colors::kSelected) > 0.3, current) << i;
        EXPECT_EQ(shareOf(image, l.languages[i], colors::kSurface) > 0.3, !current) << i;
    }
}

TEST_P(LanguageChoiceScreenTest, ButtonsAreBigAndInsideTheWindow) {
    for (const Rect b : layoutLanguageChoice(painter().size()).buttons()) {
        EXPECT_GE(b.h, kMinTarget);
        EXPECT_TRUE(b.inside(GetParam().size));
    }
}

TEST_P(LanguageChoiceScreenTest, EveryTextFitsItsPlace) {
    const auto l = layoutLanguageChoice(painter().size());
    const auto& m = l.metrics;
    expectLineFits(say().text(Text::LanguageChoiceTitle), m.type.heading, Weight::Bold, l.title, "title");
    expectParagraphFits(say().text(Text::LanguageChoicePrompt), m.type.body, Weight::Regular, l.prompt, "prompt");
    for (std::size_t i = 0; i < kLanguages.size(); ++i) {
        const auto parts = buttonParts(l.languages[i], m, true, true);
        expectLineFits(texts_->in(kLanguages[i]).text(Text::LanguageName), m.type.action, Weight::Bold, parts.label,
                       "language button");
        expectLineFits(say().text(Text::LanguageChoiceSelected), m.type.small, Weight::Regular, parts.note,
                       "selected note");
    }
    expectLineFits(say().text(Text::CommonBack), m.type.control, Weight::Bold,
                   buttonParts(l.back, m, true, false).label, "back");
}

INSTANTIATE_TEST_SUITE_P(Windows, AttractScreenTest, kCases, caseName);
INSTANTIATE_TEST_SUITE_P(Windows, LanguageChoiceScreenTest, kCases, caseName);

class Taps : public ::testing::Test {
protected:
    void SetUp() override {
        auto texts = Catalogs::load(kAssets / "i18n");
        ASSERT_TRUE(texts) << texts.error().detail;
        texts_.emplace(std::move(texts).value());
        auto display = Display::open(DisplayOptions{VideoMode::Offscreen, kSize, kAssets});
        ASSERT_TRUE(display) << display.error().detail;
        display_.emplace(std::move(display).value());
    }
    std::optional<Event> attract(const Touch& t) {
        return drawAttract(display_->painter(), *texts_, Language::Indonesian, t);
    }

    static constexpr Size kSize{1366, 768};
    std::optional<Catalogs> texts_;
    std::optional<Display> display_;
};

TEST_F(Taps, ATapOnStartStarts) {
    const auto event = attract(Touch::tapAt(layoutAttract(kSize).start.centre()));
    ASSERT_TRUE(event);
    EXPECT_TRUE(std::holds_alternative<StartTapped>(*event));
}

TEST_F(Taps, ATapOnALanguageButtonChoosesThatLanguage) {
    const auto event = attract(Touch::tapAt(layoutAttract(kSize).languages[1].centre()));
    ASSERT_TRUE(event);
    ASSERT_TRUE(std::holds_alternative<LanguageTapped>(*event));
    EXPECT_EQ(std::get<LanguageTapped>(*event).language, kLanguages[1]);
}

TEST_F(Taps, NothingHappensWhileHeldOrWhenReleasedElsewhere) {
    const Point start = layoutAttract(kSize).start.centre();
    EXPECT_FALSE(attract(Touch{start, start, std::nullopt}));
    EXPECT_FALSE(attract(Touch{start, std::nullopt, Point{5, 5}}));
    EXPECT_FALSE(attract(Touch::tapAt(Point{5, kSize.h / 2})));
}

TEST_F(Taps, APressedButtonLooksPressed) {
    const Rect start = layoutAttract(kSize).start;
    attract(Touch{});
    auto idle = display_->capture();
    attract(Touch{start.centre(), start.centre(), std::nullopt});
    auto pressed = display_->capture();
    ASSERT_TRUE(idle && pressed);
    EXPECT_GT(shareOf(*pressed, start, colors::kPrimaryPressed), 0.5);
    EXPECT_LT(shareOf(*idle, start, colors::kPrimaryPressed), 0.01);
}

TEST_F(Taps, SwitchingLanguageChangesTheText) {
    attract(Touch{});
    auto indonesian = display_->capture();
    drawAttract(display_->painter(), *texts_, Language::English, Touch{});
    auto english = display_->capture();
    ASSERT_TRUE(indonesian && english);
    EXPECT_GT(shareDiffering(*indonesian, *english), 0.01);
}

}  // namespace
}  // namespace kiosk::ui
