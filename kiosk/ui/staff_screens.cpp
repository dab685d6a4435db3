#include "kiosk/ui/staff_screens.h"

#include <vector>

#include "kiosk/ui/video_image.h"
#include "kiosk/ui/flow_screens.h"
#include "kiosk/ui/journey_frame.h"
#include "kiosk/ui/journey_texts.h"
#include "kiosk/ui/staff_layouts.h"
#include "kiosk/ui/text_format.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {
namespace {

constexpr std::string_view kDot = " \xc2\xb7 ";

// What the officer found of a document, in a word or two: "Sah", "kedaluwarsa", "Periksa".
std::string verdictWord(const flow::FlowState& state, std::size_t i, const Catalog& say) {
    const auto& mark = state.draft.documents[i];
    if (mark.verdict == core::DocumentVerdict::NotReviewed) return std::string(say.lookup("staff.document_check"));
    if (mark.verdict == core::DocumentVerdict::Invalid) return std::string(say.lookup(reasonKey(mark.reason)));
    return std::string(say.lookup(verdictKey(mark.verdict)));
}

// Who it is, then where they are going (or came back from): the record's first two lines.
std::string whoLine(const flow::RecordView& r, const Catalog& say) {
    std::string line(r.name.view());
    if (!r.nik.empty())
        line += std::string(kDot) + formatText(say.lookup("staff.record_nik"), {{"nik", std::string(r.nik.view())}});
    return line;
}

std::string detailLine(const flow::RecordView& r, const Catalog& say) {
    std::vector<std::string> parts;
    if (!r.passportNumber.empty())
        parts.push_back(formatText(say.lookup("staff.record_passport"), {{"number", std::string(r.passportNumber.view())}}));
    if (!r.birthDate.empty()) parts.push_back(formatText(say.lookup("staff.record_birth"), {{"date", r.birthDate}}));
    if (!r.plan.empty()) parts.push_back(r.plan);
    std::string line;
    for (const auto& part : parts) line += (line.empty() ? "" : std::string(kDot)) + part;
    return line;
}

// The automatic checks' findings of a registration, or the decision that stands.
std::string checksLine(const flow::RecordView& r, const Catalog& say) {
    if (r.standing)
        return formatText(say.lookup("staff.record_standing"),
                          {{"decision", std::string(say.lookup(decisionKey(*r.standing)))}});
    if (r.checkIn) return {};
    std::string checks;
    for (const auto& code : r.checks) checks += (checks.empty() ? "" : ", ") + std::string(say.lookup(checkKey(code)));
    return checks.empty() ? std::string(say.lookup("staff.record_checks_none"))
                          : formatText(say.lookup("staff.record_checks"), {{"checks", checks}});
}

}  // namespace

std::string decisionKey(core::DecisionKind kind) { return "decision." + std::string(core::decisionKindCode(kind)); }
std::string reasonKey(std::string_view code) { return "reason." + std::string(code); }
std::string verdictKey(core::DocumentVerdict verdict) {
    return "staff.verdict." + std::string(core::documentVerdictCode(verdict));
}

std::optional<flow::Action> drawStaffRecord(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                            const VideoImage* photo, const Touch& touch) {
    const Catalog& say = texts.in(state.visit.language);
    const bool checkIn = state.record && state.record->checkIn;
    const auto parts = recordParts(p.size(), checkIn);
    const auto& l = parts.layout;
    const auto& m = l.metrics;
    std::optional<flow::Action> action;
    if (!state.record) {
        frame(p, l, say, say.lookup("staff.record_unavailable"), {});
        if (drawBackButton(p, say, l.back, m, touch)) action = flow::BackTapped{};
        return action;
    }
    const auto& r = *state.record;
    // The receipt number says the kind: REG for a registration, RET for a check-in.
    frame(p, l, say, r.number, {});
    const int line = lineHeight(m.type.body);
    p.text(whoLine(r, say), Rect{parts.facts.x, parts.facts.y, parts.facts.w, line},
           TextStyle{m.type.body, Weight::Bold, colors::kInk, Align::Left});
    p.text(detailLine(r, say), Rect{parts.facts.x, parts.facts.y + line, parts.facts.w, parts.facts.h - line},
           TextStyle{m.type.small, Weight::Regular, colors::kInk, Align::Left});
    if (!state.problem.empty()) {
        problemLine(p, parts.message, m, problemText(state, say));
    } else {
        const bool warn = !r.checks.empty() || r.standing;
        p.paragraph(checksLine(r, say), parts.message,
                    TextStyle{m.type.small, warn ? Weight::Bold : Weight::Regular,
                              warn ? colors::kNoticeInk : colors::kInkSoft, Align::Left});
    }
    // The photo the person had taken at the kiosk, as large as the screen allows, for a look at
    // the one standing at the desk.
    if (r.photo && photo && photo->size.w > 0) {
        p.video(*photo, coverSource(photo->size, Size{parts.photo.w, parts.photo.h}), parts.photo, false);
    } else {
        p.fillRoundedRect(parts.photo, m.radius, colors::kSurface);
        p.strokeRoundedRect(parts.photo, m.radius, m.border, colors::kOutline);
        p.paragraph(say.lookup("staff.record_no_photo"), parts.photo.inset(m.px(1.5)),
                    TextStyle{m.type.small, Weight::Regular, colors::kInkSoft, Align::Centre});
    }

    if (checkIn) {
        // A complaint is said in words and marked, never by colour alone.
        const Rect panel = parts.complaint;
        p.fillRoundedRect(panel, m.radius, r.complaint.empty() ? colors::kSurface : colors::kNotice);
        const Rect inner = panel.inset(m.px(2));
        if (r.complaint.empty()) {
            p.paragraph(say.lookup("staff.record_no_complaint"), inner,
                        TextStyle{m.type.body, Weight::Regular, colors::kInk, Align::Left});
        } else {
            p.icon(Icon::Warning, Rect{inner.x, inner.y, m.type.body, m.type.body}, colors::kError);
            p.text(formatText(say.lookup("staff.record_complaint"),
                              {{"category", std::string(say.lookup(optionKey("complaint." + r.complaint)))}}),
                   Rect{inner.x + m.type.body + m.px(1.5), inner.y, inner.w - m.type.body - m.px(1.5),
                        lineHeight(m.type.body)},
                   TextStyle{m.landscape ? m.type.body : m.type.small, Weight::Bold, colors::kNoticeInk, Align::Left});
            p.paragraph(r.complaintText.view(),
                        Rect{inner.x, inner.y + lineHeight(m.type.body) + m.px(1), inner.w,
                             inner.h - lineHeight(m.type.body) - m.px(1)},
                        TextStyle{m.type.body, Weight::Regular, colors::kInk, Align::Left});
        }
    } else {
        const int small = lineHeight(m.type.small);
        for (std::size_t i = 0; i < parts.documents.size(); ++i) {
            const Rect label = parts.documentLabels[i];
            p.text(say.lookup(documentKey(core::kAllDocuments[i])),
                   Rect{label.x, label.y + std::max(0, (label.h - small) / 2), label.w, small},
                   TextStyle{m.type.small, Weight::Bold, colors::kInk, Align::Left});
            // A marked document's button is tinted and outlined and says the verdict in words.
            const bool marked = state.draft.documents[i].verdict != core::DocumentVerdict::NotReviewed;
            const std::string verdict = verdictWord(state, i, say);  // the spec only views it
            ButtonSpec look = spec(verdict, m.type.small, ButtonKind::Secondary, marked);
            look.icon.reset();
            if (button(p, touch, parts.documents[i], m, look)) action = flow::ReviewTapped{i};
        }
    }

    using K = core::DecisionKind;
    const std::vector<K> kinds = checkIn ? std::vector<K>{K::Approve, K::Refer}
                                         : std::vector<K>{K::Approve, K::ReturnForCorrection, K::Reject, K::Refer};
    for (std::size_t i = 0; i < kinds.size() && i < parts.decisions.size(); ++i) {
        const auto label = checkIn && kinds[i] == K::Approve ? std::string(say.lookup("decision.handled"))
                                                             : std::string(say.lookup(decisionKey(kinds[i])));
        if (button(p, touch, parts.decisions[i], m,
                   spec(label, m.landscape ? m.type.body : m.type.small,
                        i == 0 ? ButtonKind::Primary : ButtonKind::Secondary)))
            action = flow::DecideTapped{kinds[i]};
    }
    if (drawBackButton(p, say, l.back, m, touch)) action = flow::BackTapped{};
    return action;
}

std::optional<flow::Action> drawStaffDocument(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                              const Touch& touch) {
    const Catalog& say = texts.in(state.visit.language);
    const auto& screen = std::get<flow::StaffDocumentScreen>(state.screen);
    const auto choices = flow::documentChoices();
    const auto parts = choiceListParts(p.size(), choices.size());
    const auto& m = parts.layout.metrics;
    frame(p, parts.layout, say, say.lookup(documentKey(core::kAllDocuments[screen.index])),
          say.lookup("staff.document_prompt"));
    std::optional<flow::Action> action;
    const auto& current = state.draft.documents[screen.index];
    for (std::size_t i = 0; i < choices.size() && i < parts.options.size(); ++i) {
        const auto& choice = choices[i];
        // "Sah", each reason it is not, "Tidak dibawa": the prompt says what they mean.
        const std::string label(choice.verdict == core::DocumentVerdict::Invalid ? say.lookup(reasonKey(choice.reason))
                                                                                 : say.lookup(verdictKey(choice.verdict)));
        ButtonSpec look = spec(label, m.type.small, ButtonKind::Secondary, current == choice);
        look.icon.reset();  // the tint and the outline mark the one chosen
        if (button(p, touch, parts.options[i], m, look)) action = flow::ChoiceTapped{i};
    }
    if (drawBackButton(p, say, parts.layout.back, m, touch)) action = flow::BackTapped{};
    return action;
}

std::optional<flow::Action> drawStaffReason(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                            const Touch& touch) {
    const Catalog& say = texts.in(state.visit.language);
    const auto& screen = std::get<flow::StaffReasonScreen>(state.screen);
    const auto reasons = flow::reasonChoices(screen.kind);
    const auto parts = choiceListParts(p.size(), reasons.size());
    const auto& m = parts.layout.metrics;
    const std::string kind(core::decisionKindCode(screen.kind));
    const std::string title = "staff.reason_title." + kind;
    const std::string prompt = "staff.reason_prompt." + kind;
    frame(p, parts.layout, say, say.lookup(title), say.lookup(prompt));
    std::optional<flow::Action> action;
    for (std::size_t i = 0; i < reasons.size() && i < parts.options.size(); ++i)
        if (button(p, touch, parts.options[i], m, spec(say.lookup(reasonKey(reasons[i])), m.type.control)))
            action = flow::ChoiceTapped{i};
    if (drawBackButton(p, say, parts.layout.back, m, touch)) action = flow::BackTapped{};
    return action;
}

}  // namespace kiosk::ui
