#include "tests/ui/screen_table.h"

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

}  // namespace

const std::vector<ScreenCase>& allScreens() {
    static const std::vector<ScreenCase> screens = [] {
        std::vector<ScreenCase> all = {
            {"attract", [](Painter& p, const Catalogs& t, Language l) { drawAttract(p, t, l, Touch{}); }},
            {"language_choice",
             [](Painter& p, const Catalogs& t, Language l) { drawLanguageChoice(p, t, l, Touch{}); }},
        };
        for (const auto page : kGalleryPages) all.push_back(gallery(page));
        return all;
    }();
    return screens;
}

}  // namespace kiosk::ui::testing
