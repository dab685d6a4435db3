#pragma once
// Every widget on a few pages, with fixed made-up content, in the kiosk's own frame (header,
// footer). The screen tests compare these pages with golden images and check their layout in
// both languages at every window size; reviewers see them as screenshots.

#include <array>
#include <string_view>

#include "kiosk/ui/catalog.h"
#include "kiosk/ui/painter.h"
#include "kiosk/ui/touch.h"
#include "kiosk/ui/video_image.h"

namespace kiosk::ui {

enum class GalleryPage {
    Keyboard,  // step indicator, a name field, the letter keyboard
    Keypad,    // a NIK field with its validation message, the numeric keypad
    Choices,   // a choice list, chips
    Date,      // the date entry
    Camera,    // face and document previews with their guides, a QR code
    Dialog,    // a two-button dialog over the attract screen
};

inline constexpr std::array kGalleryPages = {GalleryPage::Keyboard, GalleryPage::Keypad, GalleryPage::Choices,
                                             GalleryPage::Date,     GalleryPage::Camera, GalleryPage::Dialog};

std::string_view galleryPageName(GalleryPage page);

// `picture` feeds both camera previews (nullptr shows them waiting).
void drawGallery(Painter& p, const Catalogs& texts, Language language, GalleryPage page, const Touch& touch,
                 const VideoImage* picture);

}  // namespace kiosk::ui
