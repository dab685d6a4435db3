#include "kiosk/ui/screens.h"

#include "kiosk/ui/flow_screens.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/maintenance_screens.h"
#include "kiosk/ui/registration_screens.h"
#include "kiosk/ui/staff_screens.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {

std::optional<Event> drawAttract(Painter& p, const Catalogs& texts, Language language, const Touch& touch) {
    const auto l = layoutAttract(p.size());
    const auto& m = l.metrics;
    const Catalog& say = texts.in(language);
    std::optional<Event> event;

    p.clear(colors::kBackground);
    drawHeader(p, l.header, m, say);
    p.text(say.text(Text::AttractWelcome), l.welcome,
           TextStyle{m.type.heading, Weight::Bold, colors::kInk, m.landscape ? Align::Left : Align::Centre});
    p.paragraph(say.text(Text::AttractBody), l.body,
                TextStyle{m.type.body, Weight::Regular, colors::kInk, m.landscape ? Align::Left : Align::Centre});

    p.fillRoundedRect(l.notice, m.radius, colors::kNotice);
    p.strokeRoundedRect(l.notice, m.radius, m.border, colors::kNoticeEdge);
    p.icon(Icon::Warning, l.noticeIcon, colors::kNoticeEdge);
    p.paragraph(say.text(Text::AttractFreeNotice), l.noticeText,
                TextStyle{m.type.body, Weight::Bold, colors::kNoticeInk, Align::Left});

    if (button(p, touch, l.start, m,
               ButtonSpec{.label = say.text(Text::AttractStart),
                          .labelPx = m.type.action,
                          .kind = ButtonKind::Primary,
                          .icon = Icon::ArrowRight,
                          .iconAfterLabel = true,
                          .note = {},
                          .selected = false}))
        event = StartTapped{};

    p.text(say.text(Text::AttractLanguageLabel), l.languageLabel,
           TextStyle{m.type.small, Weight::Regular, colors::kInkSoft, m.landscape ? Align::Left : Align::Centre});
    for (std::size_t i = 0; i < kLanguages.size(); ++i)
        if (languageButton(p, touch, l.languages[i], m, texts, kLanguages[i], language, false))
            event = LanguageTapped{kLanguages[i]};

    drawHelpFooter(p, l.footer, m, say);
    return event;
}

std::optional<Event> drawLanguageChoice(Painter& p, const Catalogs& texts, Language language, const Touch& touch) {
    const auto l = layoutLanguageChoice(p.size());
    const auto& m = l.metrics;
    const Catalog& say = texts.in(language);
    std::optional<Event> event;

    p.clear(colors::kBackground);
    drawHeader(p, l.header, m, say);
    p.text(say.text(Text::LanguageChoiceTitle), l.title, TextStyle{m.type.heading, Weight::Bold, colors::kInk});
    p.paragraph(say.text(Text::LanguageChoicePrompt), l.prompt, TextStyle{m.type.body, Weight::Regular, colors::kInk});
    for (std::size_t i = 0; i < kLanguages.size(); ++i)
        if (languageButton(p, touch, l.languages[i], m, texts, kLanguages[i], language, true))
            event = LanguageTapped{kLanguages[i]};

    if (drawBackButton(p, say, l.back, m, touch)) event = BackTapped{};
    if (button(p, touch, l.next, m,
               ButtonSpec{.label = say.text(Text::CommonNext),
                          .labelPx = m.type.control,
                          .kind = ButtonKind::Primary,
                          .icon = Icon::ArrowRight,
                          .iconAfterLabel = true,
                          .note = {},
                          .selected = false}))
        event = NextTapped{};

    drawHelpFooter(p, l.footer, m, say);
    return event;
}

std::optional<Event> drawVisit(Painter& p, const Catalogs& texts, const flow::FlowState& state, const Touch& touch,
                               const JourneyView& view) {
    // Under the dialog the screen stays visible but takes no taps.
    const Touch screenTouch = state.countdown ? Touch{} : touch;
    const Language language = state.visit.language;
    std::optional<Event> event;
    if (std::holds_alternative<LanguageChoiceScreen>(state.screen)) {
        event = drawLanguageChoice(p, texts, language, screenTouch);
        if (drawListenButton(p, texts.in(language), screenTouch)) event = flow::ListenTapped{};
    } else if (std::holds_alternative<flow::MenuScreen>(state.screen)) {
        event = drawMenu(p, texts, state, screenTouch);
    } else if (std::holds_alternative<flow::RegistrationScreen>(state.screen)) {
        event = drawRegistrationStep(p, texts, state, view, screenTouch);
    } else if (std::holds_alternative<flow::DocumentScanScreen>(state.screen)) {
        event = drawDocumentScan(p, texts, state, view, screenTouch);
    } else if (std::holds_alternative<flow::SavingScreen>(state.screen)) {
        event = drawSaving(p, texts, state, screenTouch);
    } else if (std::holds_alternative<flow::ReceiptScreen>(state.screen)) {
        event = drawReceipt(p, texts, state, screenTouch);
    } else if (std::holds_alternative<flow::UnderAgeScreen>(state.screen)) {
        event = drawUnderAge(p, texts, state, screenTouch);
    } else if (std::holds_alternative<flow::StatusScanScreen>(state.screen)) {
        event = drawStatusScan(p, texts, state, view, screenTouch);
    } else if (std::holds_alternative<flow::StatusScreen>(state.screen)) {
        event = drawStatus(p, texts, state, screenTouch);
    } else if (std::holds_alternative<flow::StaffPinScreen>(state.screen)) {
        event = drawStaffPin(p, texts, state, screenTouch);
    } else if (std::holds_alternative<flow::StaffHomeScreen>(state.screen)) {
        event = drawStaffHome(p, texts, state, screenTouch);
    } else if (std::holds_alternative<flow::StaffRecordScreen>(state.screen)) {
        event = drawStaffRecord(p, texts, state, view.recordPhoto, screenTouch);
    } else if (std::holds_alternative<flow::StaffDocumentScreen>(state.screen)) {
        event = drawStaffDocument(p, texts, state, screenTouch);
    } else if (std::holds_alternative<flow::StaffReasonScreen>(state.screen)) {
        event = drawStaffReason(p, texts, state, screenTouch);
    } else if (std::holds_alternative<flow::StaffSignOffScreen>(state.screen)) {
        event = drawStaffSignOff(p, texts, state, screenTouch);
    } else if (std::holds_alternative<flow::StaffReportScreen>(state.screen)) {
        event = drawStaffReport(p, texts, state, screenTouch);
    } else if (std::holds_alternative<flow::MaintenanceScreen>(state.screen)) {
        event = drawMaintenance(p, texts, state, screenTouch);
    } else if (std::holds_alternative<flow::PartTestScreen>(state.screen)) {
        event = drawPartTest(p, texts, state, view, screenTouch);
    } else {
        event = drawAttract(p, texts, language, screenTouch);
        if (drawListenButton(p, texts.in(language), screenTouch)) event = flow::ListenTapped{};
    }
    if (state.countdown) return drawCountdown(p, texts.in(language), state.countdown->secondsLeft, touch);
    return event;
}

}  // namespace kiosk::ui
