#pragma once
// What the golden-image and layout tests share: one test case per screen, window size and
// language, each with its own offscreen display.

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "kiosk/ui/catalog.h"
#include "kiosk/ui/display.h"
#include "tests/ui/screen_table.h"

namespace kiosk::ui::testing {

struct ScreenParam {
    std::size_t screen = 0;  // index into allScreens()
    Size size;
    Language language = Language::Indonesian;

    const ScreenCase& screenCase() const { return allScreens()[screen]; }
    // "attract-1920x1080-id": the test's name and the golden file's.
    std::string name() const;
};

void PrintTo(const ScreenParam& p, std::ostream* os);

// Every screen x every size x both languages.
std::vector<ScreenParam> allScreenParams();
// Only the screens with a golden image.
std::vector<ScreenParam> goldenScreenParams();
std::string screenParamName(const ::testing::TestParamInfo<ScreenParam>& info);

class ScreenFixture : public ::testing::TestWithParam<ScreenParam> {
protected:
    void SetUp() override;

    const Catalogs& texts() const { return *texts_; }
    Display& display() { return *display_; }
    void drawScreen() { GetParam().screenCase().draw(display_->painter(), *texts_, GetParam().language); }

private:
    std::optional<Catalogs> texts_;
    std::optional<Display> display_;
};

}  // namespace kiosk::ui::testing
