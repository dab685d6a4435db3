#include "tests/ui/screen_test_support.h"

#include <filesystem>

namespace kiosk::ui::testing {

std::string ScreenParam::name() const {
    std::string n = screenCase().name + "-" + std::to_string(size.w) + "x" + std::to_string(size.h) + "-" +
                    std::string(languageCode(language));
    return n;
}

void PrintTo(const ScreenParam& p, std::ostream* os) { *os << p.name(); }

std::vector<ScreenParam> allScreenParams() {
    std::vector<ScreenParam> params;
    for (std::size_t i = 0; i < allScreens().size(); ++i)
        for (const Size size : kTestSizes)
            for (const Language language : kLanguages) params.push_back(ScreenParam{i, size, language});
    return params;
}

std::vector<ScreenParam> goldenScreenParams() {
    auto params = allScreenParams();
    std::erase_if(params, [](const ScreenParam& p) { return !allScreens()[p.screen].golden; });
    return params;
}

std::string screenParamName(const ::testing::TestParamInfo<ScreenParam>& info) {
    std::string n = info.param.name();
    for (char& c : n)
        if (c == '-') c = '_';
    return n;
}

void ScreenFixture::SetUp() {
    const std::filesystem::path assets = LOKET_SOURCE_ASSETS_DIR;
    auto texts = Catalogs::load(assets / "i18n");
    ASSERT_TRUE(texts) << texts.error().detail;
    texts_.emplace(std::move(texts).value());
    auto display = Display::open(DisplayOptions{VideoMode::Offscreen, GetParam().size, assets});
    ASSERT_TRUE(display) << display.error().code << ": " << display.error().detail;
    display_.emplace(std::move(display).value());
}

}  // namespace kiosk::ui::testing
