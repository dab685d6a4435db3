#include "kiosk/ui/widget_gallery.h"

#include <algorithm>
#include <string>

#include "kiosk/ui/camera_preview.h"
#include "kiosk/ui/choices.h"
#include "kiosk/ui/date_entry.h"
#include "kiosk/ui/dialog.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/qr_code.h"
#include "kiosk/ui/screens.h"
#include "kiosk/ui/step_indicator.h"
#include "kiosk/ui/text_field.h"
#include "kiosk/ui/text_format.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {
namespace {

// Made-up values: no real person's name or number.
constexpr std::string_view kSampleName = "Siti Rahmawati";
constexpr std::string_view kSampleNik = "320101450";
constexpr std::string_view kSampleQr = "LOKET-DEMO-2026-000123";
constexpr DateValue kSampleBirth{17, 9, 1998};

struct Frame {
    Metrics m;
    Rect content;  // between the header and the footer, inside the margins
};

Frame drawFrame(Painter& p, const Catalog& say) {
    const Size window = p.size();
    const auto outline = layoutAttract(window);
    const auto& m = outline.metrics;
    p.clear(colors::kBackground);
    drawHeader(p, outline.header, m, say);
    drawHelpFooter(p, outline.footer, m, say);
    const int top = outline.header.band.bottom() + m.px(3);
    return {m, Rect{m.margin, top, window.w - 2 * m.margin, outline.footer.y - m.px(2) - top}};
}

void caption(Painter& p, Rect r, const Metrics& m, std::string_view text) {
    p.text(text, r, TextStyle{m.type.small, Weight::Bold, colors::kInk, Align::Left});
}

void keyboardPage(Painter& p, const Catalog& say, const Touch& touch) {
    auto [m, rest] = drawFrame(p, say);
    stepIndicator(p, takeTop(rest, stepIndicatorHeight(m), m.px(2)), m, say, 3, 8);
    const Rect field = takeTop(rest, textFieldHeight(m), m.px(2));
    textField(p, touch, Rect{field.x, field.y, std::min(field.w, m.px(110)), field.h}, m,
              TextFieldSpec{.label = say.text(Text::FieldName),
                            .value = kSampleName,
                            .hint = {},
                            .problem = {},
                            .focused = true,
                            .grouped = false});
    drawKeyboard(p, touch, KeyboardKind::Letters, rest, m, say, false);
}

void keypadPage(Painter& p, const Catalog& say, const Touch& touch) {
    auto [m, rest] = drawFrame(p, say);
    stepIndicator(p, takeTop(rest, stepIndicatorHeight(m), m.px(2)), m, say, 4, 8);
    const std::string count = std::to_string(kSampleNik.size());
    const std::string problem = formatText(say.text(Text::FieldErrorNikLength), {{"count", "16"}});
    const std::string hint = formatText(say.text(Text::FieldDigitCount), {{"count", count}, {"max", "16"}});
    const TextFieldSpec nik{.label = say.text(Text::FieldNik),
                            .value = kSampleNik,
                            .hint = hint,
                            .problem = problem,
                            .focused = true,
                            .grouped = true};
    if (m.landscape) {
        const int left = rest.w * 48 / 100;
        textField(p, touch, Rect{rest.x, rest.y, left, textFieldHeight(m)}, m, nik);
        const int padX = rest.x + left + m.px(6);
        drawKeyboard(p, touch, KeyboardKind::Digits, Rect{padX, rest.y, rest.right() - padX, rest.h}, m, say, false);
    } else {
        textField(p, touch, takeTop(rest, textFieldHeight(m), m.px(4)), m, nik);
        drawKeyboard(p, touch, KeyboardKind::Digits, rest, m, say, false);
    }
}

void choicesPage(Painter& p, const Catalog& say, const Touch& touch) {
    auto [m, rest] = drawFrame(p, say);
    const std::string_view sexes[] = {say.text(Text::SexFemale), say.text(Text::SexMale)};
    const std::string_view countries[] = {say.text(Text::CountryMalaysia),   say.text(Text::CountryTaiwan),
                                          say.text(Text::CountryHongKong),   say.text(Text::CountrySaudiArabia),
                                          say.text(Text::CountrySouthKorea), say.text(Text::CountryJapan)};
    const bool chosen[] = {false, true, true, false, false, false};
    Rect left = rest;
    Rect right = rest;
    if (m.landscape) {
        const int gap = m.px(6);
        left.w = (rest.w - gap) / 2;
        right.x = left.right() + gap;
        right.w = rest.right() - right.x;
    }
    caption(p, takeTop(left, m.px(5), m.px(1)), m, say.text(Text::FieldSex));
    choiceList(p, touch, takeTop(left, 2 * choiceRowHeight(m) + m.px(2), m.px(3)), m, sexes, 0,
               say.text(Text::CommonSelected));
    if (!m.landscape) right = left;
    caption(p, takeTop(right, m.px(5), m.px(1)), m, say.text(Text::FieldCountries));
    chips(p, touch, takeTop(right, 3 * chipHeight(m) + 2 * m.px(2), m.px(3)), m, countries, chosen);
}

void datePage(Painter& p, const Catalog& say, const Touch& touch) {
    auto [m, rest] = drawFrame(p, say);
    stepIndicator(p, takeTop(rest, stepIndicatorHeight(m), m.px(4)), m, say, 5, 8);
    const Rect line = takeTop(rest, m.px(5), m.px(1));
    p.icon(Icon::Calendar, Rect{line.x, line.y, line.h, line.h}, colors::kOutline);
    caption(p, Rect{line.x + line.h + m.px(1.5), line.y, line.w - line.h - m.px(1.5), line.h}, m,
            say.text(Text::FieldBirthDate));
    dateEntry(p, touch, Rect{rest.x, rest.y, std::min(rest.w, m.px(95)), dateEntryHeight(m)}, m, say, kSampleBirth);
}

void cameraPage(Painter& p, const Catalog& say, const VideoImage* picture) {
    auto [m, rest] = drawFrame(p, say);
    const int gap = m.px(4);
    // Two previews side by side; the QR code beside them on a wide screen, under them on a tall one.
    Rect previews = rest;
    Rect qr = rest;
    if (m.landscape) {
        previews.w = (rest.w - gap) * 68 / 100;
        qr.x = previews.right() + gap;
        qr.w = rest.right() - qr.x;
    } else {
        previews = takeTop(qr, rest.h * 45 / 100, gap);
    }
    const int half = (previews.w - gap) / 2;
    const int pictureHeight = std::min(previews.h - m.px(10), half * 3 / 4);
    const Rect face{previews.x, previews.y, half, pictureHeight + m.px(10)};
    const Rect document{previews.x + half + gap, previews.y, previews.w - half - gap, face.h};
    cameraPreview(p, face, m,
                  CameraPreviewSpec{picture, CameraGuide::Face, true, say.text(Text::CameraFaceHint),
                                    say.text(Text::CameraNotReady)});
    cameraPreview(p, document, m,
                  CameraPreviewSpec{picture, CameraGuide::Document, false, say.text(Text::CameraDocumentHint),
                                    say.text(Text::CameraNotReady)});
    const Rect qrCaption = takeTop(qr, m.px(9), m.px(1));
    p.paragraph(say.text(Text::QrCaption), qrCaption, TextStyle{m.type.small, Weight::Bold, colors::kInk});
    if (const auto modules = encodeQr(kSampleQr)) qrCode(p, Rect{qr.x, qr.y, qr.w, std::min(qr.h, m.px(40))}, *modules);
}

void dialogPage(Painter& p, const Catalogs& texts, Language language, const Touch& touch) {
    drawAttract(p, texts, language, Touch{});
    const Catalog& say = texts.in(language);
    dialog(p, touch, metricsFor(p.size()),
           DialogSpec{say.text(Text::PhotoRetakeTitle), say.text(Text::PhotoRetakeText), say.text(Text::CommonYes),
                      say.text(Text::CommonNo), Icon::Camera});
}

}  // namespace

std::string_view galleryPageName(GalleryPage page) {
    switch (page) {
    case GalleryPage::Keyboard: return "keyboard";
    case GalleryPage::Keypad: return "keypad";
    case GalleryPage::Choices: return "choices";
    case GalleryPage::Date: return "date";
    case GalleryPage::Camera: return "camera";
    case GalleryPage::Dialog: return "dialog";
    }
    return "";
}

void drawGallery(Painter& p, const Catalogs& texts, Language language, GalleryPage page, const Touch& touch,
                 const VideoImage* picture) {
    const Catalog& say = texts.in(language);
    switch (page) {
    case GalleryPage::Keyboard: keyboardPage(p, say, touch); break;
    case GalleryPage::Keypad: keypadPage(p, say, touch); break;
    case GalleryPage::Choices: choicesPage(p, say, touch); break;
    case GalleryPage::Date: datePage(p, say, touch); break;
    case GalleryPage::Camera: cameraPage(p, say, picture); break;
    case GalleryPage::Dialog: dialogPage(p, texts, language, touch); break;
    }
}

}  // namespace kiosk::ui
