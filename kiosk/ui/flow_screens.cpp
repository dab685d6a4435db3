#include "kiosk/ui/flow_screens.h"

#include <string>

#include "kiosk/ui/flow_layouts.h"
#include "kiosk/ui/journey_texts.h"
#include "kiosk/ui/text_format.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/text_field.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {
namespace {

constexpr std::string_view kPinDot = "\u2022";

ButtonSpec plain(std::string_view label, int px, ButtonKind kind = ButtonKind::Secondary) {
    return ButtonSpec{.label = label,
                      .labelPx = px,
                      .kind = kind,
                      .icon = std::nullopt,
                      .iconAfterLabel = false,
                      .note = {},
                      .selected = false};
}

// The parts both number screens share: texts, the field, the keypad. Returns the key tapped.
std::optional<flow::Action> drawNumberEntry(Painter& p, const EntryLayout& l, const Catalog& say,
                                            std::string_view title, std::string_view prompt, std::string_view shown,
                                            std::string_view message, Color messageInk, const Touch& touch) {
    const auto& m = l.metrics;
    std::optional<flow::Action> action;
    p.clear(colors::kBackground);
    drawHeader(p, l.header, m, say);
    p.text(title, l.title, TextStyle{m.type.heading, Weight::Bold, colors::kInk, Align::Left});
    p.paragraph(prompt, l.prompt, TextStyle{m.type.body, Weight::Regular, colors::kInk, Align::Left});

    p.fillRoundedRect(l.field, m.radius, colors::kSurface);
    p.strokeRoundedRect(l.field, m.radius, 2 * m.border, colors::kOutline);
    if (!shown.empty())
        p.text(shown, l.field.inset(m.px(3), 0), TextStyle{m.type.action, Weight::Bold, colors::kInk, Align::Left});
    p.paragraph(message, l.message, TextStyle{m.type.body, Weight::Regular, messageInk, Align::Left});

    if (const auto key = drawKeyboard(p, touch, KeyboardKind::Keypad, l.keypad, m, say, false)) {
        if (key->role == KeyRole::Character) action = flow::KeyTapped{key->character};
        if (key->role == KeyRole::Backspace) action = flow::DeleteTapped{};
    }
    drawHelpFooter(p, l.footer, m, say);
    return action;
}

}  // namespace

std::string staffMessage(const flow::FlowState& state, const Catalog& say) {
    const auto& answer = state.staffAnswer;
    if (state.problem == "staff.badge_needed") return std::string(say.lookup("staff.badge_needed"));
    if (state.problem == "staff.pin_short") return std::string(say.lookup("staff.pin_short"));
    if (state.problem == "staff.badge_unknown") return std::string(say.lookup("staff.badge_unknown"));
    if (state.problem == "staff.unavailable") return std::string(say.text(Text::StaffUnavailable));
    if (state.problem == "staff.pin_wrong")
        return formatText(say.lookup("staff.pin_wrong"), {{"tries", std::to_string(answer ? answer->triesLeft : 0)}});
    if (state.problem == "staff.locked")
        return formatText(say.lookup("staff.locked"), {{"minutes", std::to_string(answer ? answer->lockedMinutes : 0)}});
    if (state.staffBadge.empty()) return std::string(say.lookup("staff.scan_badge"));
    return formatText(say.lookup("staff.badge_read"), {{"badge", state.staffBadge}});
}

std::optional<flow::Action> drawStaffPin(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                         const Touch& touch) {
    const auto l = layoutEntry(p.size());
    const auto& m = l.metrics;
    const Catalog& say = texts.in(state.visit.language);
    std::string dots;
    for (std::size_t i = 0; i < state.staffPin.size(); ++i) dots += kPinDot;
    const std::string message = staffMessage(state, say);
    const bool problem = !state.problem.empty();
    auto action = drawNumberEntry(p, l, say, say.text(Text::StaffTitle), say.text(Text::StaffPrompt), dots, message,
                                  problem ? colors::kError : colors::kInkSoft, touch);
    if (button(p, touch, l.back, m, plain(say.text(Text::StaffCancel), m.type.control))) action = flow::CancelTapped{};
    if (button(p, touch, l.action, m, plain(say.text(Text::StaffSignIn), m.type.control, ButtonKind::Primary)))
        action = flow::SignInTapped{};
    return action;
}

std::string staffSignOffMessage(const flow::FlowState& state, const Catalog& say) {
    if (!state.problem.empty()) {
        if (state.problem == "staff.unavailable") return std::string(say.text(Text::StaffUnavailable));
        if (state.problem == "staff.locked") return std::string(say.lookup("staff.sign_off_locked"));
        if (state.problem == "staff.pin_wrong") return std::string(say.lookup("staff.sign_off_pin_wrong"));
        if (state.problem.starts_with("decision.")) return std::string(say.lookup(problemKey(state.problem)));
        return std::string(say.lookup(state.problem));
    }
    if (state.draft.supervisorBadge.empty()) return std::string(say.lookup("staff.sign_off_scan"));
    return formatText(say.lookup("staff.badge_read"), {{"badge", state.draft.supervisorBadge}});
}

std::optional<flow::Action> drawStaffSignOff(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                             const Touch& touch) {
    const auto l = layoutEntry(p.size());
    const auto& m = l.metrics;
    const Catalog& say = texts.in(state.visit.language);
    std::string dots;
    for (std::size_t i = 0; i < state.draft.supervisorPin.size(); ++i) dots += kPinDot;
    auto action = drawNumberEntry(p, l, say, say.lookup("staff.sign_off_title"), say.lookup("staff.sign_off_prompt"),
                                  dots, staffSignOffMessage(state, say),
                                  state.problem.empty() ? colors::kInkSoft : colors::kError, touch);
    if (button(p, touch, l.back, m, plain(say.text(Text::StaffCancel), m.type.control))) action = flow::CancelTapped{};
    if (button(p, touch, l.action, m, plain(say.lookup("staff.sign_off_confirm"), m.type.control, ButtonKind::Primary)))
        action = flow::SignInTapped{};
    return action;
}

std::optional<flow::Action> drawCountdown(Painter& p, const Catalog& say, int secondsLeft, const Touch& touch) {
    const auto l = layoutCountdown(p.size());
    const auto& m = l.metrics;
    // The painter's scrim: what is beneath stays visible but no longer counts as on the screen.
    p.scrim(colors::kScrim);
    p.fillRoundedRect(l.panel, m.radius, colors::kSurface);
    p.strokeRoundedRect(l.panel, m.radius, 2 * m.border, colors::kNoticeEdge);
    p.text(say.text(Text::IdleTitle), l.title, TextStyle{m.type.heading, Weight::Bold, colors::kInk, Align::Centre});
    p.paragraph(say.text(Text::IdleBody), l.body, TextStyle{m.type.body, Weight::Regular, colors::kInk, Align::Centre});
    p.text(std::to_string(secondsLeft), l.seconds, TextStyle{l.secondsPx, Weight::Bold, colors::kPrimary});
    p.text(say.text(Text::IdleSeconds), l.secondsLabel, TextStyle{m.type.small, Weight::Regular, colors::kInkSoft});
    if (button(p, touch, l.stay, m, plain(say.text(Text::IdleStay), m.type.action, ButtonKind::Primary)))
        return flow::StayTapped{};
    return std::nullopt;
}

bool drawBackButton(Painter& p, const Catalog& say, Rect where, const Metrics& m, const Touch& touch) {
    return button(p, touch, where, m,
                  ButtonSpec{.label = say.text(Text::CommonBack),
                             .labelPx = m.type.control,
                             .kind = ButtonKind::Secondary,
                             .icon = Icon::ArrowLeft,
                             .iconAfterLabel = false,
                             .note = {},
                             .selected = false});
}

bool drawListenButton(Painter& p, const Catalog& say, const Touch& touch) {
    const Metrics m = metricsFor(p.size());
    return button(p, touch, listenButtonRect(p.size()), m, plain(say.text(Text::SpeechListenAgain), m.type.control));
}

}  // namespace kiosk::ui
