#include "kiosk/app/screenshot_tour.h"

#include <string>

#include "kiosk/ui/attract_flow.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/screens.h"

namespace kiosk::app {
namespace {

using ui::Language;

class Tour {
public:
    Tour(ui::Display& display, const ui::Catalogs& texts, std::filesystem::path dir)
        : display_(display), texts_(texts), dir_(std::move(dir)) {}

    Result<void> shoot(const std::string& name) {
        ui::drawVisit(display_.painter(), texts_, visit_, ui::Touch{});
        const auto file = dir_ / (name + ".png");
        if (auto saved = display_.savePng(file); !saved) return saved.error();
        display_.present();
        files_.push_back(file);
        return {};
    }

    // Taps the middle of `target` as a visitor would and checks where the visit went.
    Result<void> tap(ui::Rect target, const ui::Visit& expected, const std::string& what) {
        const auto event = ui::drawVisit(display_.painter(), texts_, visit_, ui::Touch::tapAt(target.centre()));
        display_.present();
        if (event) visit_ = ui::onEvent(visit_, *event);
        if (visit_ != expected)
            return makeError("tour.step", "tapping " + what + " did not lead to the expected screen");
        return {};
    }

    std::vector<std::filesystem::path> files() const { return files_; }

private:
    ui::Display& display_;
    const ui::Catalogs& texts_;
    std::filesystem::path dir_;
    ui::Visit visit_;
    std::vector<std::filesystem::path> files_;
};

}  // namespace

Result<std::vector<std::filesystem::path>> takeScreenshotTour(ui::Display& display, const ui::Catalogs& texts,
                                                              const std::filesystem::path& dir) {
    const auto size = display.size();
    const auto attract = ui::layoutAttract(size);
    const auto choice = ui::layoutLanguageChoice(size);
    constexpr std::size_t kEnglish = 1;
    constexpr std::size_t kIndonesian = 0;
    static_assert(ui::kLanguages[kEnglish] == Language::English && ui::kLanguages[kIndonesian] == Language::Indonesian);

    // Each step runs only if the one before it succeeded.
    Tour tour(display, texts, dir);
    Result<void> done = tour.shoot("01-attract-id");
    if (done) done = tour.tap(attract.languages[kEnglish], {ui::AttractScreen{}, Language::English}, "English");
    if (done) done = tour.shoot("02-attract-en");
    if (done) done = tour.tap(attract.start, {ui::LanguageChoiceScreen{}, Language::English}, "Start");
    if (done) done = tour.shoot("03-language-choice-en");
    if (done)
        done = tour.tap(choice.languages[kIndonesian], {ui::LanguageChoiceScreen{}, Language::Indonesian},
                        "Bahasa Indonesia");
    if (done) done = tour.shoot("04-language-choice-id");
    if (done) done = tour.tap(choice.back, {ui::AttractScreen{}, Language::Indonesian}, "Back");
    if (!done) return done.error();
    return tour.files();
}

}  // namespace kiosk::app
