// The widgets' pure parts: keyboard layouts and typing, dates, choice and chip layouts, text
// placeholders, touch-target sizes, camera picture conversion and QR encoding.

#include <gtest/gtest.h>

#include <algorithm>
#include <ranges>
#include <string>

#include "kiosk/ui/camera_preview.h"
#include "kiosk/ui/choices.h"
#include "kiosk/ui/date_entry.h"
#include "kiosk/ui/dialog.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/qr_code.h"
#include "kiosk/ui/qr_encoder.h"
#include "kiosk/ui/step_indicator.h"
#include "kiosk/ui/svg_shapes.h"
#include "kiosk/ui/text_field.h"
#include "kiosk/ui/text_format.h"
#include "kiosk/ui/touch_target.h"
#include "kiosk/ui/video_image.h"
#include "tests/ui/test_picture.h"

namespace kiosk::ui {
namespace {

bool overlap(Rect a, Rect b) { return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom(); }
bool within(Rect inner, Rect outer) {
    return inner.x >= outer.x && inner.y >= outer.y && inner.right() <= outer.right() &&
           inner.bottom() <= outer.bottom();
}

Key characterKey(char c) { return Key{KeyRole::Character, c, {}}; }
Key roleKey(KeyRole role) { return Key{role, 0, {}}; }

TEST(TextFormat, FillsNamedPlaceholdersWhereverTheLanguagePutsThem) {
    EXPECT_EQ(formatText("Langkah {current} dari {total}", {{"current", "3"}, {"total", "8"}}), "Langkah 3 dari 8");
    EXPECT_EQ(formatText("{total} steps, this is {current}", {{"current", "3"}, {"total", "8"}}), "8 steps, this is 3");
}

TEST(TextFormat, LeavesUnknownPlaceholdersAndStrayBracesVisible) {
    EXPECT_EQ(formatText("NIK {count} {missing}", {{"count", "16"}}), "NIK 16 {missing}");
    EXPECT_EQ(formatText("a { b } {} {", {}), "a { b } {} {");
    EXPECT_EQ(placeholdersOf("{a} and {b_2} but not { c } nor {}"), (std::set<std::string>{"a", "b_2"}));
}

TEST(TouchTarget, NineMillimetresOnTheKioskPanels) {
    // 1920x1080 at 21.5" is 102.5 dpi: 9 mm is 36.3 px; 1366x768 at 15.6" is 100.5 dpi: 35.6 px.
    EXPECT_EQ(minTargetPx({1920, 1080}), 37);
    EXPECT_EQ(minTargetPx({1080, 1920}), 37);
    EXPECT_EQ(minTargetPx({1366, 768}), 36);
    EXPECT_EQ(minTargetPx({1280, 1024}), 35);         // unknown panel: 96 dpi
    EXPECT_EQ(minTargetPx({1920, 1080}, 160.0), 57);  // a small high-density panel
}

class KeyboardAt : public ::testing::TestWithParam<Size> {};

TEST_P(KeyboardAt, KeysFillTheirAreaWithoutOverlapAndAreBigEnough) {
    const Size window = GetParam();
    const auto m = metricsFor(window);
    const Rect area{m.margin, window.h / 2, window.w - 2 * m.margin, window.h / 2 - m.margin};
    for (const auto kind : {KeyboardKind::Letters, KeyboardKind::Digits, KeyboardKind::Keypad}) {
        const auto keys = layoutKeyboard(kind, area, m);
        ASSERT_EQ(keys.size(), kind == KeyboardKind::Letters ? 32U : (kind == KeyboardKind::Digits ? 12U : 11U));
        for (std::size_t i = 0; i < keys.size(); ++i) {
            EXPECT_TRUE(within(keys[i].rect, area)) << i;
            EXPECT_GE(std::min(keys[i].rect.w, keys[i].rect.h), minTargetPx(window)) << i;
            for (std::size_t j = i + 1; j < keys.size(); ++j) EXPECT_FALSE(overlap(keys[i].rect, keys[j].rect));
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Kiosks, KeyboardAt, ::testing::Values(Size{1920, 1080}, Size{1366, 768}, Size{1080, 1920}),
                         [](const auto& p) { return std::to_string(p.param.w) + "x" + std::to_string(p.param.h); });

TEST(Keyboard, LettersHaveEveryLetterOnceAndTheFourControlKeys) {
    const auto keys = layoutKeyboard(KeyboardKind::Letters, Rect{0, 0, 1000, 400}, metricsFor({1366, 768}));
    std::string letters;
    for (const auto& k : keys)
        if (k.role == KeyRole::Character && k.character >= 'a' && k.character <= 'z') letters.push_back(k.character);
    std::ranges::sort(letters);
    EXPECT_EQ(letters, "abcdefghijklmnopqrstuvwxyz");
    for (const auto role : {KeyRole::Shift, KeyRole::Space, KeyRole::Backspace, KeyRole::Done})
        EXPECT_EQ(std::ranges::count(keys, role, &Key::role), 1);
}

TEST(Keyboard, DigitsAreInTelephoneOrder) {
    const auto keys = layoutKeyboard(KeyboardKind::Digits, Rect{0, 0, 600, 800}, metricsFor({1366, 768}));
    std::string order;
    for (const auto& k : keys) order.push_back(k.role == KeyRole::Character ? k.character : '.');
    EXPECT_EQ(order, "123456789.0.");
    EXPECT_EQ(keys[9].role, KeyRole::Backspace);
    EXPECT_EQ(keys[11].role, KeyRole::Done);
}

TEST(Keyboard, TheKeypadIsTheDigitsWithoutDoneInTheSamePlaces) {
    const Rect area{0, 0, 600, 800};
    const auto m = metricsFor({1366, 768});
    const auto digits = layoutKeyboard(KeyboardKind::Digits, area, m);
    const auto keypad = layoutKeyboard(KeyboardKind::Keypad, area, m);
    ASSERT_EQ(keypad.size(), 11U);
    EXPECT_TRUE(std::ranges::equal(keypad, digits | std::views::take(11)));
    EXPECT_EQ(std::ranges::count(keypad, KeyRole::Done, &Key::role), 0);
}

TEST(Typing, TypesShiftsDeletesAndFinishes) {
    Typing t;
    t = applyKey(t, characterKey('s'), 10);
    t = applyKey(t, roleKey(KeyRole::Space), 10);
    t = applyKey(t, roleKey(KeyRole::Space), 10);
    EXPECT_EQ(t.text, "s ");
    t = applyKey(t, roleKey(KeyRole::Shift), 10);
    EXPECT_TRUE(t.shifted);
    t = applyKey(t, roleKey(KeyRole::Backspace), 10);
    t = applyKey(t, roleKey(KeyRole::Backspace), 10);
    t = applyKey(t, roleKey(KeyRole::Backspace), 10);
    EXPECT_EQ(t.text, "");
    EXPECT_FALSE(t.done);
    EXPECT_TRUE(applyKey(t, roleKey(KeyRole::Done), 10).done);
}

TEST(Typing, AFullFieldTakesNoMoreAndBackspaceRemovesWholeLetters) {
    Typing t{"123456789012345", false, false};
    t = applyKey(t, characterKey('6'), 16);
    t = applyKey(t, characterKey('7'), 16);
    EXPECT_EQ(t.text, "1234567890123456");
    Typing accented{"Jos\xC3\xA9", false, false};  // "José"
    EXPECT_EQ(applyKey(accented, roleKey(KeyRole::Backspace), 20).text, "Jos");
    EXPECT_EQ(applyKey(Typing{}, roleKey(KeyRole::Space), 20).text, "");  // no leading space
}

TEST(TextField, GroupsLongNumbersInFours) {
    EXPECT_EQ(inGroups("3201014509980001"), "3201 0145 0998 0001");
    EXPECT_EQ(inGroups("32010"), "3201 0");
    EXPECT_EQ(inGroups(""), "");
}

TEST(TextField, PartsStackInsideTheArea) {
    const auto m = metricsFor({1366, 768});
    const Rect area{40, 100, 600, textFieldHeight(m)};
    const auto parts = textFieldParts(area, m);
    for (const Rect r : {parts.label, parts.box, parts.message, parts.messageIcon}) EXPECT_TRUE(within(r, area));
    EXPECT_LE(parts.label.bottom(), parts.box.y);
    EXPECT_LE(parts.box.bottom(), parts.message.y);
    EXPECT_GE(parts.box.h, minTargetPx({1366, 768}));
}

TEST(Date, StepsGoRoundAndKeepTheDayValid) {
    const YearRange years{1950, 2010};
    EXPECT_EQ(stepDate({31, 1, 2000}, {DateField::Day, +1}, years), (DateValue{1, 1, 2000}));
    EXPECT_EQ(stepDate({1, 1, 2000}, {DateField::Day, -1}, years), (DateValue{31, 1, 2000}));
    EXPECT_EQ(stepDate({1, 12, 2000}, {DateField::Month, +1}, years), (DateValue{1, 1, 2000}));
    EXPECT_EQ(stepDate({31, 1, 2001}, {DateField::Month, +1}, years), (DateValue{28, 2, 2001}));
    EXPECT_EQ(stepDate({29, 2, 2000}, {DateField::Year, +1}, years), (DateValue{28, 2, 2001}));
    EXPECT_EQ(stepDate({1, 1, 2005}, {DateField::Year, +10}, years), (DateValue{1, 1, 2010}));
    EXPECT_EQ(stepDate({1, 1, 1955}, {DateField::Year, -10}, years), (DateValue{1, 1, 1950}));
}

TEST(Date, LeapYearsFollowTheGregorianRule) {
    EXPECT_EQ(daysInMonth(2, 2000), 29);
    EXPECT_EQ(daysInMonth(2, 1900), 28);
    EXPECT_EQ(daysInMonth(2, 2024), 29);
    EXPECT_EQ(daysInMonth(4, 2024), 30);
    EXPECT_EQ(daysInMonth(12, 2023), 31);
}

TEST(Date, EveryMonthHasItsOwnName) {
    std::set<Text> names;
    for (int month = 1; month <= 12; ++month) names.insert(monthName(month));
    EXPECT_EQ(names.size(), 12U);
    EXPECT_EQ(monthName(1), Text::MonthJanuary);
    EXPECT_EQ(monthName(12), Text::MonthDecember);
}

TEST(Date, ColumnsSitSideBySideWithBigSteppers) {
    const Size window{1366, 768};
    const auto m = metricsFor(window);
    const Rect area{40, 200, 700, dateEntryHeight(m)};
    const auto columns = layoutDateEntry(area, m);
    std::vector<Rect> targets;
    for (const auto& c : columns) {
        for (const Rect r : {c.plus, c.minus, c.value, c.caption}) EXPECT_TRUE(within(r, area));
        targets.insert(targets.end(), {c.plus, c.minus});
        if (c.field == DateField::Year) targets.insert(targets.end(), {c.plusTen, c.minusTen});
    }
    EXPECT_LE(columns[0].value.right(), columns[1].value.x);
    for (std::size_t i = 0; i < targets.size(); ++i) {
        EXPECT_GE(std::min(targets[i].w, targets[i].h), minTargetPx(window)) << i;
        for (std::size_t j = i + 1; j < targets.size(); ++j) EXPECT_FALSE(overlap(targets[i], targets[j]));
    }
}

TEST(Choices, ListRowsStackAndMoveToASecondColumnWhenShort) {
    const auto m = metricsFor({1366, 768});
    const Rect tall{0, 0, 600, 1000};
    const auto rows = layoutChoiceList(tall, 3, m);
    ASSERT_EQ(rows.size(), 3U);
    EXPECT_EQ(rows[0].x, rows[2].x);
    EXPECT_LT(rows[0].bottom(), rows[1].y + 1);
    const Rect shortArea{0, 0, 600, 2 * choiceRowHeight(m) + m.px(2)};
    const auto twoColumns = layoutChoiceList(shortArea, 4, m);
    for (const Rect r : twoColumns) EXPECT_TRUE(within(r, shortArea));
    EXPECT_GT(twoColumns[2].x, twoColumns[0].x);
}

TEST(Choices, ChipsWrapToTheNextLine) {
    const auto m = metricsFor({1366, 768});
    const Rect area{10, 10, 600, 400};
    const int widths[] = {150, 150, 150, 40};
    const auto chips = layoutChips(area, widths, m);
    ASSERT_EQ(chips.size(), 4U);
    EXPECT_EQ(chips[0].y, chips[1].y);
    EXPECT_GT(chips[2].y, chips[1].y);
    EXPECT_EQ(chips[2].x, area.x);
    for (const Rect r : chips) {
        EXPECT_TRUE(within(r, area));
        EXPECT_GE(r.h, minTargetPx({1366, 768}));
    }
    EXPECT_GE(chipLabel(chips[0], m).w, widths[0]);
}

TEST(StepIndicator, OneSegmentPerStepInsideTheArea) {
    const auto m = metricsFor({1920, 1080});
    const Rect area{50, 50, 800, stepIndicatorHeight(m)};
    const auto l = layoutStepIndicator(area, 8, m);
    ASSERT_EQ(l.segments.size(), 8U);
    for (const Rect s : l.segments) EXPECT_TRUE(within(s, area));
    EXPECT_LT(l.segments[0].right(), l.segments[1].x);
}

TEST(Dialog, ButtonsAreInsideThePanelAndThePanelInsideTheWindow) {
    for (const Size window : {Size{1920, 1080}, Size{1366, 768}, Size{1080, 1920}}) {
        const auto m = metricsFor(window);
        for (const bool two : {false, true}) {
            const auto l = layoutDialog(window, m, two, true);
            EXPECT_TRUE(l.panel.inside(window));
            for (const Rect r : {l.title, l.text, l.primary, l.icon}) EXPECT_TRUE(within(r, l.panel));
            EXPECT_EQ(l.secondary.w > 0, two);
            if (two) {
                EXPECT_FALSE(overlap(l.primary, l.secondary));
            }
            EXPECT_GE(l.primary.h, minTargetPx(window));
        }
    }
}

TEST(CameraPreview, GuidesKeepTheirShapeInsideThePicture) {
    const auto m = metricsFor({1366, 768});
    const Rect area{0, 0, 640, 560};
    const auto face = layoutCameraPreview(area, CameraGuide::Face, m);
    EXPECT_TRUE(within(face.guide, face.picture));
    EXPECT_NEAR(static_cast<double>(face.guide.w) / face.guide.h, kFaceAspect, 0.01);
    const auto document = layoutCameraPreview(area, CameraGuide::Document, m);
    EXPECT_TRUE(within(document.guide, document.picture));
    EXPECT_NEAR(static_cast<double>(document.guide.w) / document.guide.h, kDocumentAspect, 0.01);
    EXPECT_LE(face.picture.bottom(), face.hint.y);
}

TEST(SvgShapes, OutlineStaysInsideItsBoxAndTheVeilHasAHole) {
    const std::string oval = ellipseOutlineSvg({100, 50}, 4);
    EXPECT_NE(oval.find("rx=\"48\" ry=\"23\""), std::string::npos) << oval;
    const std::string veil = veilSvg({200, 100}, Rect{50, 10, 100, 80}, false, 8);
    EXPECT_NE(veil.find("evenodd"), std::string::npos);
    EXPECT_NE(veil.find("M0 0 H200 V100 H0 Z M58 10 H142"), std::string::npos) << veil;
}

TEST(VideoImage, CoverCropsTheLongerSideEqually) {
    EXPECT_EQ(coverSource({1280, 720}, {400, 300}), (Rect{160, 0, 960, 720}));
    EXPECT_EQ(coverSource({1280, 720}, {1280, 360}), (Rect{0, 180, 1280, 360}));
    EXPECT_EQ(coverSource({1280, 720}, {640, 360}), (Rect{0, 0, 1280, 720}));
}

TEST(VideoImage, ConvertsKnownColoursToBt601) {
    drivers::CameraFrame frame;
    frame.size = {2, 2};
    frame.format = drivers::PixelFormat::Bgr8;
    frame.pixels = {255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255};  // white
    VideoImage image;
    convertFrame(frame, PixelLayout::I420, image);
    ASSERT_EQ(image.bytes.size(), 6U);
    EXPECT_EQ(image.bytes[0], 235);  // white is 235 in limited range
    EXPECT_EQ(image.bytes[4], 128);  // no colour
    EXPECT_EQ(image.bytes[5], 128);
    frame.pixels = {0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 255};  // red, blue first
    convertFrame(frame, PixelLayout::Nv12, image);
    EXPECT_EQ(image.bytes[0], 82);
    EXPECT_EQ(image.bytes[4], 90);   // U
    EXPECT_EQ(image.bytes[5], 240);  // V
}

TEST(VideoImage, HandlesOddSizesGreyFramesAndShortBuffers) {
    auto frame = testing::makeTestPicture(641, 361);
    VideoImage image;
    convertFrame(frame, PixelLayout::I420, image);
    EXPECT_EQ(image.bytes.size(), 641U * 361U + 2U * 321U * 181U);
    convertFrame(frame, PixelLayout::Rgb24, image);
    ASSERT_EQ(image.bytes.size(), 641U * 361U * 3U);
    EXPECT_EQ(image.bytes[0], frame.pixels[2]);  // red first
    drivers::CameraFrame grey;
    grey.size = {4, 2};
    grey.format = drivers::PixelFormat::Gray8;
    grey.pixels.assign(8, 0);
    convertFrame(grey, PixelLayout::I420, image);
    EXPECT_EQ(image.bytes[0], 16);  // black
    grey.pixels.resize(5);
    convertFrame(grey, PixelLayout::I420, image);
    EXPECT_TRUE(image.bytes.empty());
    EXPECT_EQ(image.size, (Size{}));
}

TEST(VideoImage, Nv12HoldsTheSameSamplesAsI420Interleaved) {
    const auto frame = testing::makeTestPicture(97, 55, 3);  // odd both ways
    VideoImage planar;
    VideoImage interleaved;
    convertFrame(frame, PixelLayout::I420, planar);
    convertFrame(frame, PixelLayout::Nv12, interleaved);
    ASSERT_EQ(planar.bytes.size(), interleaved.bytes.size());
    const std::size_t luma = planar.lumaBytes();
    const std::size_t chroma = (planar.bytes.size() - luma) / 2;
    EXPECT_TRUE(std::equal(planar.bytes.begin(), planar.bytes.begin() + static_cast<std::ptrdiff_t>(luma),
                           interleaved.bytes.begin()));
    for (std::size_t i = 0; i < chroma; ++i) {
        ASSERT_EQ(planar.bytes[luma + i], interleaved.bytes[luma + 2 * i]) << i;
        ASSERT_EQ(planar.bytes[luma + chroma + i], interleaved.bytes[luma + 2 * i + 1]) << i;
    }
}

TEST(Qr, EncodesASquareSymbolWithFinderPatterns) {
    const auto modules = encodeQr("LOKET-DEMO-2026-000123");
    ASSERT_TRUE(modules) << modules.error().detail;
    EXPECT_GE(modules->side, 21);
    EXPECT_EQ((modules->side - 17) % 4, 0);  // QR versions grow by four modules
    // The finder patterns' dark corners, and the light ring inside them.
    EXPECT_TRUE(modules->at(0, 0));
    EXPECT_TRUE(modules->at(modules->side - 1, 0));
    EXPECT_TRUE(modules->at(0, modules->side - 1));
    EXPECT_FALSE(modules->at(1, 1));
    EXPECT_FALSE(encodeQr(""));
    EXPECT_EQ(encodeQr("").error().code, "qr.encode");
}

TEST(Qr, PlacementUsesWholePixelsPerModuleAndKeepsTheQuietZone) {
    const auto placed = placeQr(Rect{0, 0, 400, 300}, 25);
    EXPECT_EQ(placed.modulePx, 300 / 33);
    EXPECT_EQ(placed.square.w, placed.modulePx * 33);
    EXPECT_TRUE(within(placed.square, Rect{0, 0, 400, 300}));
}

}  // namespace
}  // namespace kiosk::ui
