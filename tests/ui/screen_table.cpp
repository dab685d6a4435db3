#include "tests/ui/screen_table.h"

#include "kiosk/core/flow/visit_flow.h"
#include "kiosk/ui/screens.h"
#include "kiosk/ui/video_image.h"
#include "kiosk/ui/widget_gallery.h"
#include "tests/ui/test_picture.h"

namespace kiosk::ui::testing {
namespace {

const VideoImage& cameraPicture() {
    static const VideoImage picture = [] {
        VideoImage image;
        convertFrame(makeTestPicture(1280, 720), PixelLayout::I420, image);
        return image;
    }();
    return picture;
}

ScreenCase gallery(GalleryPage page) {
    return {"gallery_" + std::string(galleryPageName(page)), [page](Painter& p, const Catalogs& t, Language l) {
                drawGallery(p, t, l, page, Touch{}, &cameraPicture());
            }};
}

// A view of the visit, drawn as the kiosk draws it: `setUp` puts the flow in the state to show.
ScreenCase visit(std::string name, std::function<void(flow::FlowState&)> setUp) {
    return {std::move(name), [setUp = std::move(setUp)](Painter& p, const Catalogs& t, Language l) {
                flow::FlowState state = flow::startState({});
                state.visit.language = l;
                setUp(state);
                drawVisit(p, t, state, Touch{});
            }};
}

// Half a number typed: the field shows it in groups and the message asks for the rest.
void phoneHalfTyped(flow::FlowState& s) {
    s.screen = flow::PhoneEntryScreen{};
    static_cast<void>(s.visit.phone.append("0812345"));
}

}  // namespace

const std::vector<ScreenCase>& allScreens() {
    static const std::vector<ScreenCase> screens = [] {
        std::vector<ScreenCase> all = {
            {"attract", [](Painter& p, const Catalogs& t, Language l) { drawAttract(p, t, l, Touch{}); }},
            {"language_choice",
             [](Painter& p, const Catalogs& t, Language l) { drawLanguageChoice(p, t, l, Touch{}); }},
            visit("phone_entry", phoneHalfTyped),
            visit("staff_pin",
                  [](flow::FlowState& s) {
                      s.screen = flow::StaffPinScreen{};
                      static_cast<void>(s.staffPin.append("1234"));
                      s.staffSignInUnavailable = true;
                  }),
            visit("countdown",
                  [](flow::FlowState& s) {
                      phoneHalfTyped(s);
                      s.countdown = flow::Countdown{{}, 20};
                  }),
        };
        for (const auto page : kGalleryPages) all.push_back(gallery(page));
        return all;
    }();
    return screens;
}

}  // namespace kiosk::ui::testing
