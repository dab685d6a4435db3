#include "kiosk/ui/registration_screens.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>

#include "kiosk/base/overloaded.h"
#include "kiosk/core/receipt_content.h"
#include "kiosk/ui/camera_preview.h"
#include "kiosk/ui/flow_screens.h"
#include "kiosk/ui/journey_frame.h"
#include "kiosk/ui/journey_texts.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/qr_code.h"
#include "kiosk/ui/qr_encoder.h"
#include "kiosk/ui/registration_layouts.h"
#include "kiosk/ui/step_indicator.h"
#include "kiosk/ui/text_field.h"
#include "kiosk/ui/text_format.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {
namespace {

using flow::RegStep;
using flow::StepKind;


std::optional<flow::Action> keyAction(const Key& key) {
    switch (key.role) {
    case KeyRole::Character: {
        const char c = key.character;
        return flow::KeyTapped{c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c};
    }
    case KeyRole::Space: return flow::KeyTapped{' '};
    case KeyRole::Backspace: return flow::DeleteTapped{};
    case KeyRole::Done: return flow::NextTapped{};
    case KeyRole::Shift: return std::nullopt;  // names are typed in capitals
    }
    return std::nullopt;
}

void field(Painter& p, Rect box, const Metrics& m, std::string_view shown, bool problem) {
    p.fillRoundedRect(box, m.radius, problem ? colors::kErrorTint : colors::kSurface);
    p.strokeRoundedRect(box, m.radius, 2 * m.border, problem ? colors::kError : colors::kOutline);
    if (!shown.empty())
        p.text(shown, box.inset(m.px(3), 0), TextStyle{m.type.action, Weight::Bold, colors::kInk, Align::Left});
}

constexpr std::size_t kComplaintShown = 24;

std::string shownValue(RegStep step, std::string_view value) {
    if (step == RegStep::Nik || step == RegStep::Phone || step == RegStep::KinPhone || step == RegStep::Bpjs)
        return inGroups(value);
    if ((step == RegStep::ReturnContractStart || step == RegStep::ReturnContractEnd) && value.size() > 2)
        return std::string(value.substr(0, 2)) + " / " + std::string(value.substr(2));
    if (step == RegStep::ReturnArrival && value.size() > 2)
        return std::string(value.substr(0, 2)) + " / " + std::string(value.substr(2, 2)) +
               (value.size() > 4 ? " / " + std::string(value.substr(4)) : std::string());
    if (step == RegStep::ReturnNik || step == RegStep::ReturnPhone) return inGroups(value);
    // A complaint is longer than the field: its end shows, where the typing goes on.
    if (step == RegStep::ReturnComplaintText && value.size() > kComplaintShown)
        return "\xe2\x80\xa6" + std::string(value.substr(value.size() - kComplaintShown));
    if (step == RegStep::RtRw && value.size() > 3) return std::string(value.substr(0, 3)) + " / " + std::string(value.substr(3));
    if (step == RegStep::PromisedSalary || step == RegStep::FeeAsked) {
        std::string out;
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (i > 0 && (value.size() - i) % 3 == 0) out += '.';
            out += value[i];
        }
        return out;
    }
    return std::string(value);
}

std::optional<flow::Action> drawTextStep(Painter& p, const StepParts& parts, const Catalog& say,
                                         const flow::FlowState& state, const flow::StepSpec& step,
                                         const Touch& touch) {
    const auto& m = parts.layout.metrics;
    std::optional<flow::Action> action;
    const auto value = state.visit.form.text(*step.text);
    const std::string problem = problemText(state, say);
    field(p, parts.field, m, shownValue(step.step, value), !problem.empty());
    if (!problem.empty()) {
        problemLine(p, parts.message, m, problem);
    } else if (step.kind == StepKind::Letters) {
        p.text(say.lookup(stepPromptKey(step.step)), parts.message,
               TextStyle{m.type.body, Weight::Regular, colors::kInkSoft, Align::Left});
    } else if (step.kind == StepKind::Digits && step.minLength == step.maxLength) {
        p.text(formatText(say.text(Text::FieldDigitCount),
                          {{"count", std::to_string(value.size())}, {"max", std::to_string(step.maxLength)}}),
               parts.message, TextStyle{m.type.body, Weight::Regular, colors::kInkSoft, Align::Left});
    }
    const auto kind = step.kind == StepKind::Letters ? KeyboardKind::Letters : KeyboardKind::Keypad;
    if (const auto key = drawKeyboard(p, touch, kind, parts.keyboard, m, say, kind == KeyboardKind::Letters))
        action = keyAction(*key);
    return action;
}

std::vector<std::string> optionLabels(const flow::FlowState& state, flow::ChoiceField f, const Catalog& say) {
    auto list = flow::optionsFor(f, state.visit.form, state.settings.catalogue);
    std::vector<std::string> labels;
    for (std::size_t i = 0; i < list.codes.size(); ++i) {
        if (!list.labels[i].empty()) labels.push_back(list.labels[i]);
        else labels.emplace_back(say.lookup(optionKey(list.codes[i])));
    }
    return labels;
}

std::optional<flow::Action> drawOptions(Painter& p, const StepParts& parts, const std::vector<std::string>& labels,
                                        const std::vector<bool>& chosen, const Touch& touch, bool small) {
    const auto& m = parts.layout.metrics;
    std::optional<flow::Action> action;
    // Narrow cells (many options side by side) take the smaller letters. A chosen option is tinted
    // and drawn with a thick outline, and a wide one also carries a check mark: colour is never
    // the only sign.
    const bool narrow = small || (!parts.options.empty() && parts.options[0].w < m.px(60));
    for (std::size_t i = 0; i < parts.options.size() && i < labels.size(); ++i) {
        const bool on = i < chosen.size() && chosen[i];
        ButtonSpec look = spec(labels[i], narrow ? m.type.small : m.type.control, ButtonKind::Secondary, on);
        if (narrow) look.icon.reset();  // the thick outline marks it: the label needs the room
        if (button(p, touch, parts.options[i], m, look)) action = flow::ChoiceTapped{i};
    }
    return action;
}

std::string passportSummary(const flow::FlowState& state, const Catalog& say) {
    const auto lines = state.visit.form.passportMrz.view();
    if (lines.empty()) return {};
    // The number is on the second line of a TD3 MRZ, its first nine characters.
    const auto second = lines.find('\n');
    std::string number(second == std::string_view::npos ? std::string_view() : lines.substr(second + 1, 9));
    std::erase(number, '<');
    return formatText(say.lookup("reg.scan.passport_read"), {{"number", number}});
}

std::optional<flow::Action> drawScanStep(Painter& p, const StepParts& parts, const Catalog& say,
                                         const flow::FlowState& state, const flow::StepSpec& step,
                                         const JourneyView& view, const Touch& touch) {
    const auto& m = parts.layout.metrics;
    std::optional<flow::Action> action;
    const auto& form = state.visit.form;
    std::string status;
    if (step.step == RegStep::Passport || (step.step == RegStep::ReturnIdentify && !form.passportMrz.empty()))
        status = passportSummary(state, say);
    else if (step.step == RegStep::ReturnIdentify && !form.receiptCode.empty())
        status = std::string(say.lookup("return.identify.receipt_read"));
    else if (step.step == RegStep::FamilyCard && !form.familyCard.empty())
        status = std::string(say.lookup("reg.scan.family_card_read"));
    const bool read = !status.empty();
    if (!read) status = std::string(say.lookup("reg.scan.waiting"));
    cameraPreview(p, parts.picture, m,
                  CameraPreviewSpec{view.camera, CameraGuide::Document, false, say.text(Text::CameraDocumentHint),
                                    say.text(Text::CameraNotReady)});
    if (read) p.icon(Icon::Check, Rect{parts.status.x, parts.status.y, m.type.body, m.type.body}, colors::kPrimary);
    p.paragraph(status, Rect{parts.status.x + (read ? m.type.body + m.px(1.5) : 0), parts.status.y,
                             parts.status.w - (read ? m.type.body + m.px(1.5) : 0), parts.status.h},
                TextStyle{m.type.body, Weight::Bold, read ? colors::kPrimary : colors::kInkSoft, Align::Left});
    problemLine(p, parts.message, m, problemText(state, say));
    // A returnee who gave no NIK must show one of the two: "back" leads to the NIK again.
    if (flow::canSkip(step.step, form) &&
        button(p, touch, parts.skip, m, spec(say.lookup(skipKey(step.step)), m.type.control)))
        action = flow::SkipTapped{};
    return action;
}

std::optional<flow::Action> drawPhotoStep(Painter& p, const StepParts& parts, const Catalog& say,
                                          const flow::FlowState& state, const JourneyView& view, const Touch& touch) {
    const auto& m = parts.layout.metrics;
    std::optional<flow::Action> action;
    const bool taken = state.visit.form.photoTaken;
    cameraPreview(p, parts.picture, m,
                  CameraPreviewSpec{view.camera, CameraGuide::Face, true, say.text(Text::CameraFaceHint),
                                    say.text(Text::CameraNotReady)});
    p.paragraph(taken ? say.lookup("reg.photo.taken") : say.lookup("reg.photo.waiting"), parts.status,
                TextStyle{m.type.body, Weight::Bold, taken ? colors::kPrimary : colors::kInkSoft, Align::Left});
    problemLine(p, parts.message, m, problemText(state, say));
    if (taken && button(p, touch, parts.secondary, m, spec(say.lookup("reg.retake"), m.type.control)))
        action = flow::RetakeTapped{};
    if (button(p, touch, parts.skip, m, spec(say.lookup("reg.photo.skip"), m.type.control))) action = flow::SkipTapped{};
    return action;
}

std::optional<flow::Action> drawConsentStep(Painter& p, const StepParts& parts, const Catalog& say,
                                            const flow::FlowState& state, const Touch& touch) {
    const auto& m = parts.layout.metrics;
    std::optional<flow::Action> action;
    const auto journey = state.visit.form.journey;
    p.paragraph(say.lookup(consentTextKey(journey)), parts.status,
                TextStyle{m.type.body, Weight::Regular, colors::kInk, Align::Left});
    const auto& c = state.visit.form.consent;
    const std::array<bool, 3> on{c.registration, c.updates, c.trainingReferral};
    const std::array<std::string_view, 3> labels{say.lookup(consentPurposeKey(journey)),
                                                 say.lookup("reg.consent.updates"), say.lookup("reg.consent.training")};
    for (std::size_t i = 0; i < parts.options.size(); ++i)
        if (button(p, touch, parts.options[i], m, spec(labels[i], m.type.small, ButtonKind::Secondary, on[i])))
            action = flow::ConsentTapped{i};
    problemLine(p, parts.message, m, problemText(state, say));
    return action;
}

void drawChecksStep(Painter& p, const StepParts& parts, const Catalog& say, const flow::FlowState& state) {
    const auto& m = parts.layout.metrics;
    const auto& form = state.visit.form;
    const auto checks = flow::checksFor(form, state.settings.agePolicy, state.today, state.settings.catalogue);
    std::vector<std::pair<bool, std::string>> lines;
    lines.emplace_back(true, std::string(say.lookup("reg.checks.nik_ok")));
    if (form.passportMrz.empty()) lines.emplace_back(true, std::string(say.lookup("reg.checks.no_passport")));
    else lines.emplace_back(true, std::string(say.lookup("reg.checks.passport_ok")));
    if (checks.age && !checks.stopped())
        lines.emplace_back(true, formatText(say.lookup("reg.checks.age_ok"), {{"age", std::to_string(*checks.age)}}));
    for (const auto& f : checks.findings) lines.emplace_back(false, std::string(say.lookup(checkKey(f.code))));
    if (checks.findings.empty()) lines.emplace_back(true, std::string(say.lookup("reg.checks.all_clear")));
    // One line a check (two when its words need them), the mark beside the first line.
    const int line = lineHeight(m.type.body);
    const int textX = parts.status.x + m.type.body + m.px(2);
    const int textWidth = parts.status.right() - textX;
    int y = parts.status.y;
    for (const auto& [ok, text] : lines) {
        const Weight weight = ok ? Weight::Regular : Weight::Bold;
        const int rows = std::max<int>(1, static_cast<int>(p.wrap(text, m.type.body, weight, textWidth).size()));
        const int height = std::min(rows, 2) * line;
        if (y + height > parts.status.bottom()) break;
        p.icon(ok ? Icon::Check : Icon::Warning, Rect{parts.status.x, y + (line - m.type.body) / 2, m.type.body, m.type.body},
               ok ? colors::kPrimary : colors::kNoticeEdge);
        p.paragraph(text, Rect{textX, y, textWidth, height}, TextStyle{m.type.body, weight, colors::kInk, Align::Left});
        y += height + m.px(1.5);
    }
}

std::optional<flow::Action> drawDocumentsStep(Painter& p, const StepParts& parts, const Catalog& say,
                                              const flow::FlowState& state, const Touch& touch) {
    const auto& m = parts.layout.metrics;
    std::optional<flow::Action> action;
    for (std::size_t i = 0; i < parts.documents.size(); ++i) {
        const auto& row = parts.documents[i];
        const auto kind = core::kAllDocuments[i];
        const auto st = state.visit.form.documents[i];
        p.paragraph(std::to_string(i + 1) + ". " + std::string(say.lookup(documentKey(kind))), row.label,
                    TextStyle{m.type.small, Weight::Bold, colors::kInk, Align::Left});
        // Small buttons: the chosen one is tinted with a thick outline, no room for a mark; a
        // document photographed here has its "photo" button chosen.
        ButtonSpec yes = spec(say.lookup("reg.have"), m.type.small, ButtonKind::Secondary, st == core::DocumentState::Have);
        ButtonSpec no = spec(say.lookup("reg.not_yet"), m.type.small, ButtonKind::Secondary, st == core::DocumentState::NotYet);
        ButtonSpec scan = spec(say.lookup("reg.scan"), m.type.small, ButtonKind::Secondary,
                               st == core::DocumentState::Scanned);
        yes.icon.reset();
        no.icon.reset();
        scan.icon.reset();
        if (button(p, touch, row.have, m, yes)) action = flow::DocumentTapped{i, core::DocumentState::Have};
        if (button(p, touch, row.notYet, m, no)) action = flow::DocumentTapped{i, core::DocumentState::NotYet};
        if (button(p, touch, row.scan, m, scan)) action = flow::DocumentTapped{i, core::DocumentState::Scanned};
    }
    return action;
}

// One line per section of the review: what was given, in short.
std::string sectionSummary(int section, const flow::FlowState& state, const Catalog& say) {
    using flow::ChoiceField;
    using flow::TextField;
    const auto& form = state.visit.form;
    const auto& cat = state.settings.catalogue;
    const auto option = [&](ChoiceField f) -> std::string {
        const auto code = flow::chosenCode(f, form, cat);
        if (code.empty()) return {};
        if (f == ChoiceField::HomeRegion || f == ChoiceField::Opening) {
            const auto list = flow::optionsFor(f, form, cat);
            for (std::size_t i = 0; i < list.codes.size(); ++i)
                if (list.codes[i] == code)
                    return list.labels[i].empty() ? std::string(say.lookup(optionKey(code))) : list.labels[i];
        }
        return std::string(say.lookup(optionKey(code)));
    };
    std::vector<std::string> parts;
    const auto add = [&](std::string_view s) {
        if (!s.empty()) parts.emplace_back(s);
    };
    if (form.journey == flow::Journey::Returnee) {
        switch (section) {
        case 1: add(say.text(Text::CommonYes)); break;
        case 2:
            add(form.text(TextField::Name));
            break;
        case 3: add(option(ChoiceField::HomeRegion)); break;
        case 4: add(option(ChoiceField::WorkCountry)); break;
        case 5: add(shownValue(RegStep::ReturnArrival, form.text(TextField::ArrivalDate))); break;
        case 6: add(option(ChoiceField::Complaint)); break;
        case 7:
            add(formatText(say.lookup("return.review.chosen"),
                           {{"count", std::to_string(form.ticked(flow::ChipField::Needs).count() +
                                                     form.ticked(flow::ChipField::Interests).count())}}));
            break;
        default: break;
        }
        section = 0;  // nothing more to add below
    }
    switch (section) {
    case 1:
        add(say.text(Text::CommonYes));
        break;
    case 2:
        add(inGroups(form.text(TextField::Nik)));
        break;
    case 3:
        add(form.photoTaken ? say.text(Text::CommonYes) : say.lookup("reg.photo.skip"));
        break;
    case 5:
        add(form.text(TextField::Name));
        break;
    case 6:
        add(option(ChoiceField::Education));
        break;
    case 7:
        add(option(ChoiceField::Destination));
        break;
    case 8: {
        int have = 0;
        for (const auto d : form.documents) have += d != core::DocumentState::NotYet ? 1 : 0;
        add(std::to_string(have) + " / 8");
        break;
    }
    default: break;
    }
    std::string out;
    for (const auto& part : parts) out += (out.empty() ? "" : " \xc2\xb7 ") + part;
    return out.empty() ? std::string(say.lookup("reg.review.empty")) : out;
}

std::optional<flow::Action> drawReviewStep(Painter& p, const StepParts& parts, const Catalog& say,
                                           const flow::FlowState& state, const Touch& touch) {
    const auto& m = parts.layout.metrics;
    std::optional<flow::Action> action;
    for (const auto& row : parts.review) {
        p.fillRoundedRect(row.panel, m.radius, colors::kSurface);
        p.text(say.lookup(sectionKey(row.section, state.visit.form.journey)), row.label,
               TextStyle{m.type.small, Weight::Bold, colors::kInkSoft, Align::Left});
        p.text(sectionSummary(row.section, state, say), row.value,
               TextStyle{m.type.small, Weight::Regular, colors::kInk, Align::Left});
        if (button(p, touch, row.change, m, spec(say.lookup("reg.change"), m.type.small)))
            action = flow::EditTapped{row.section};
    }
    problemLine(p, parts.message, m, problemText(state, say));
    return action;
}

}  // namespace

std::optional<flow::Action> drawMenu(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                     const Touch& touch) {
    const Catalog& say = texts.in(state.visit.language);
    const auto parts = menuParts(p.size());
    const auto& m = parts.layout.metrics;
    frame(p, parts.layout, say, say.lookup("menu.title"), say.lookup("menu.prompt"));
    std::optional<flow::Action> action;
    if (button(p, touch, parts.options[0], m,
               ButtonSpec{.label = say.lookup("menu.register"),
                          .labelPx = m.type.action,
                          .kind = ButtonKind::Primary,
                          .icon = std::nullopt,
                          .iconAfterLabel = false,
                          .note = say.lookup("menu.register_note"),
                          .selected = false}))
        action = flow::RegisterTapped{};
    if (button(p, touch, parts.options[1], m,
               ButtonSpec{.label = say.lookup("menu.return"),
                          .labelPx = m.type.action,
                          .kind = ButtonKind::Primary,
                          .icon = std::nullopt,
                          .iconAfterLabel = false,
                          .note = say.lookup("menu.return_note"),
                          .selected = false}))
        action = flow::ReturnTapped{};
    if (button(p, touch, parts.options[2], m,
               ButtonSpec{.label = say.lookup("menu.status"),
                          .labelPx = m.type.action,
                          .kind = ButtonKind::Secondary,
                          .icon = std::nullopt,
                          .iconAfterLabel = false,
                          .note = say.lookup("menu.status_note"),
                          .selected = false}))
        action = flow::StatusTapped{};
    if (drawBackButton(p, say, parts.layout.back, m, touch)) action = flow::BackTapped{};
    if (drawListenButton(p, say, touch)) action = flow::ListenTapped{};
    return action;
}

std::optional<flow::Action> drawRegistrationStep(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                                 const JourneyView& view, const Touch& touch) {
    const Catalog& say = texts.in(state.visit.language);
    const auto& reg = std::get<flow::RegistrationScreen>(state.screen);
    const flow::StepSpec& step = flow::specOf(reg.step);
    const auto parts = stepParts(state, p.size());
    const auto& l = parts.layout;
    const auto& m = l.metrics;
    std::string prompt(say.lookup(stepPromptKey(reg.step)));
    if (reg.step == RegStep::PromisedSalary)
        if (const auto* opening = flow::chosenOpening(state.visit.form, state.settings.catalogue))
            prompt += " " + formatText(say.lookup("reg.opening.salary"),
                                       {{"amount", shownValue(RegStep::PromisedSalary, std::to_string(opening->salary.amount))},
                                        {"currency", opening->salary.currency}});
    // A letter step's field takes the prompt's place: the prompt shows under the field instead.
    frame(p, l, say, say.lookup(stepTitleKey(reg.step)), step.kind == StepKind::Letters ? std::string() : prompt);
    stepIndicator(p, l.progress, m, say, step.section, flow::kSections);

    std::optional<flow::Action> action;
    switch (step.kind) {
    case StepKind::Digits:
    case StepKind::Letters: action = drawTextStep(p, parts, say, state, step, touch); break;
    case StepKind::Choice: {
        const auto labels = optionLabels(state, *step.choice, say);
        std::vector<bool> chosen(labels.size(), false);
        if (const auto c = state.visit.form.choice(*step.choice); c && *c < chosen.size()) chosen[*c] = true;
        // Many options make narrow cells: the smaller letters keep each label whole.
        action = drawOptions(p, parts, labels, chosen, touch, reg.step == RegStep::Opening || labels.size() > 6);
        problemLine(p, parts.message, m, problemText(state, say));
        if (reg.step == RegStep::Opening && state.problem.empty()) {
            const auto missing = flow::missingSkills(state.visit.form, state.settings.catalogue, state.today);
            if (!missing.empty()) {
                std::string names;
                std::string training;
                for (const auto& suggestion : missing) {
                    names += (names.empty() ? "" : ", ") + std::string(say.lookup(optionKey(suggestion.item.key)));
                    if (training.empty() && !suggestion.options.empty())
                        training = suggestion.options.front().programme.title + " (" +
                                   suggestion.options.front().programme.provider + ")";
                }
                if (training.empty()) training = say.lookup("reg.skills.ask_desk");
                p.paragraph(formatText(say.lookup("reg.skills.missing"), {{"skills", names}, {"training", training}}),
                            parts.message, TextStyle{m.type.small, Weight::Bold, colors::kNoticeInk, Align::Left});
            }
        }
        break;
    }
    case StepKind::Chips: {
        std::vector<std::string> labels;
        std::vector<bool> chosen;
        const auto options = flow::chipOptions(*step.chips);
        for (std::size_t i = 0; i < options.size(); ++i) {
            labels.emplace_back(say.lookup(optionKey(options[i])));
            chosen.push_back(state.visit.form.ticked(*step.chips).test(i));
        }
        action = drawOptions(p, parts, labels, chosen, touch, true);
        break;
    }
    case StepKind::Scan: action = drawScanStep(p, parts, say, state, step, view, touch); break;
    case StepKind::Camera: action = drawPhotoStep(p, parts, say, state, view, touch); break;
    case StepKind::Consent: action = drawConsentStep(p, parts, say, state, touch); break;
    case StepKind::Checks: drawChecksStep(p, parts, say, state); break;
    case StepKind::Documents: action = drawDocumentsStep(p, parts, say, state, touch); break;
    case StepKind::Review: action = drawReviewStep(p, parts, say, state, touch); break;
    }
    if (flow::canSkip(step.step, state.visit.form) && (step.kind == StepKind::Digits || step.kind == StepKind::Letters) &&
        button(p, touch, parts.skip, m, spec(say.lookup(skipKey(step.step)), m.type.control)))
        action = flow::SkipTapped{};

    if (drawBackButton(p, say, l.back, m, touch)) action = flow::BackTapped{};
    if (reg.step == RegStep::Review) {
        if (nextButton(p, touch, l.next, m, say.lookup("reg.submit"))) action = flow::SubmitTapped{};
    } else if (nextButton(p, touch, l.next, m, say.text(Text::CommonNext))) {
        action = flow::NextTapped{};
    }
    if (drawListenButton(p, say, touch)) action = flow::ListenTapped{};
    return action;
}

std::optional<flow::Action> drawSaving(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                       const Touch&) {
    const Catalog& say = texts.in(state.visit.language);
    const auto l = layoutStep(p.size());
    frame(p, l, say, say.lookup("saving.title"), say.lookup("saving.body"));
    return std::nullopt;
}

std::optional<flow::Action> drawReceipt(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                        const Touch& touch) {
    const Catalog& say = texts.in(state.visit.language);
    const auto parts = receiptParts(p.size());
    const auto& l = parts.layout;
    const auto& m = l.metrics;
    // A printing problem takes the prompt's place: it is what the person must know now.
    const std::string problem = problemText(state, say);
    const bool checkIn = state.saved && state.saved->journey == flow::Journey::Returnee;
    frame(p, l, say, checkIn ? say.lookup("return.receipt.title") : say.lookup("receipt_screen.title"),
          !problem.empty()                    ? std::string_view(problem)
          : state.saved && state.saved->printed ? say.lookup("receipt_screen.printed")
                                                : say.lookup("receipt_screen.printing"));
    std::optional<flow::Action> action;
    if (state.saved) {
        p.text(checkIn ? say.lookup("return.receipt.number") : say.lookup("receipt_screen.number"), parts.numberLabel,
               TextStyle{m.type.small, Weight::Regular, colors::kInkSoft, Align::Left});
        p.text(state.saved->number, parts.number, TextStyle{m.type.heading, Weight::Bold, colors::kInk, Align::Left});
        if (const auto modules = encodeQr(state.saved->token)) qrCode(p, parts.qr, *modules);
        // On screen, how many are missing and which desks help; the paper lists each document.
        std::string missing;
        if (checkIn) {
            std::string joined;
            for (const auto desk : state.saved->desks)
                joined += (joined.empty() ? "" : ", ") + std::string(say.lookup(deskKey(desk)));
            missing = formatText(say.lookup("return.receipt.desks"), {{"desks", joined}});
            if (state.saved->complaint) missing += " " + std::string(say.lookup("return.receipt.complaint"));
        } else if (state.saved->missing.empty()) {
            missing = say.lookup("receipt_screen.complete");
        } else {
            // The family permission has no desk: it comes from the village head or lurah.
            std::string joined;
            for (const auto desk : core::desksFor(state.saved->missing))
                joined += (joined.empty() ? "" : ", ") + std::string(say.lookup(deskKey(desk)));
            const bool permission = std::find(state.saved->missing.begin(), state.saved->missing.end(),
                                              core::DocumentKind::FamilyPermission) != state.saved->missing.end();
            if (permission) joined += (joined.empty() ? "" : ", ") + std::string(say.lookup("desk.village_head"));
            missing = formatText(say.lookup("receipt_screen.missing"),
                                 {{"count", std::to_string(state.saved->missing.size())}, {"desks", joined}});
        }
        p.paragraph(missing, parts.missing, TextStyle{m.type.small, Weight::Regular, colors::kInk, Align::Left});
    }
    p.fillRoundedRect(parts.warning, m.radius, colors::kNotice);
    p.strokeRoundedRect(parts.warning, m.radius, m.border, colors::kNoticeEdge);
    p.paragraph(std::string(say.lookup("receipt_screen.broker_warning")) + " " + std::string(say.lookup("receipt_screen.hotline")),
                parts.warning.inset(m.px(2)), TextStyle{m.type.small, Weight::Bold, colors::kNoticeInk, Align::Left});
    if (nextButton(p, touch, l.next, m, say.lookup("receipt_screen.done"))) action = flow::DoneTapped{};
    if (drawListenButton(p, say, touch)) action = flow::ListenTapped{};
    return action;
}

std::optional<flow::Action> drawUnderAge(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                         const Touch& touch) {
    const Catalog& say = texts.in(state.visit.language);
    const auto l = layoutStep(p.size());
    const auto& m = l.metrics;
    const auto& stop = std::get<flow::UnderAgeScreen>(state.screen);
    frame(p, l, say, say.lookup("under_age.title"),
          formatText(say.lookup("under_age.body"), {{"age", std::to_string(stop.minimumAge)}}));
    p.paragraph(say.lookup("under_age.slip"), Rect{l.body.x, l.body.y, l.body.w, 3 * lineHeight(m.type.body)},
                TextStyle{m.type.body, Weight::Regular, colors::kInk, Align::Left});
    std::optional<flow::Action> action;
    if (nextButton(p, touch, l.next, m, say.lookup("under_age.done"))) action = flow::DoneTapped{};
    if (drawListenButton(p, say, touch)) action = flow::ListenTapped{};
    return action;
}

namespace {

// The stages a record passes through, in order; a return or a refusal ends the list early.
constexpr std::array kStages{flow::ReceiptProgress::SavedHere, flow::ReceiptProgress::Sent,
                             flow::ReceiptProgress::Received, flow::ReceiptProgress::InReview,
                             flow::ReceiptProgress::Verified};

// What the person must know first: is the receipt genuine, and where is its record.
std::string verdictText(const flow::ReceiptStatus& status, const Catalog& say) {
    if (!status.valid()) return std::string(say.lookup(statusVerdictKey(status.verdict)));
    if (!status.issuedHere) return std::string(say.lookup("status.elsewhere"));
    return std::string(say.lookup("status.genuine"));
}

// The sentence read aloud and shown under the title: the stage the record has reached.
std::string statusSummary(const flow::ReceiptStatus& status, const Catalog& say) {
    if (!status.valid() || !status.progress) return verdictText(status, say);
    std::string out(say.lookup(stageKey(*status.progress)));
    if (*status.progress == flow::ReceiptProgress::SavedHere) out += " " + std::string(say.lookup("status.waiting_network"));
    return out;
}

// The camera with the document frame over it, what to do beside it, and the problem line.
void documentCamera(Painter& p, const StepParts& parts, const Catalog& say, const JourneyView& view,
                    std::string_view hint, std::string_view status, const flow::FlowState& state) {
    const auto& m = parts.layout.metrics;
    cameraPreview(p, parts.picture, m,
                  CameraPreviewSpec{view.camera, CameraGuide::Document, false, hint, say.text(Text::CameraNotReady)});
    p.paragraph(status, parts.status, TextStyle{m.type.body, Weight::Bold, colors::kInkSoft, Align::Left});
    problemLine(p, parts.message, m, problemText(state, say));
}

}  // namespace

std::optional<flow::Action> drawStatusScan(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                           const JourneyView& view, const Touch& touch) {
    const Catalog& say = texts.in(state.visit.language);
    const auto parts = statusScanParts(p.size());
    const auto& m = parts.layout.metrics;
    frame(p, parts.layout, say, say.lookup("status_scan.title"), say.lookup("status_scan.prompt"));
    documentCamera(p, parts, say, view, say.text(Text::CameraDocumentHint), say.lookup("status_scan.waiting"), state);
    std::optional<flow::Action> action;
    if (drawBackButton(p, say, parts.layout.back, m, touch)) action = flow::BackTapped{};
    if (drawListenButton(p, say, touch)) action = flow::ListenTapped{};
    return action;
}

std::optional<flow::Action> drawDocumentScan(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                             const JourneyView& view, const Touch& touch) {
    const Catalog& say = texts.in(state.visit.language);
    const auto& screen = std::get<flow::DocumentScanScreen>(state.screen);
    const auto parts = documentScanParts(p.size());
    const auto& m = parts.layout.metrics;
    const auto kind = core::kAllDocuments[std::min(screen.index, core::kAllDocuments.size() - 1)];
    frame(p, parts.layout, say, say.lookup(documentKey(kind)), say.lookup("document_scan.prompt"));
    documentCamera(p, parts, say, view, say.lookup("document_scan.hint"), say.lookup("document_scan.status"), state);
    std::optional<flow::Action> action;
    if (drawBackButton(p, say, parts.layout.back, m, touch)) action = flow::BackTapped{};
    if (nextButton(p, touch, parts.layout.next, m, say.lookup("document_scan.take"))) action = flow::NextTapped{};
    if (drawListenButton(p, say, touch)) action = flow::ListenTapped{};
    return action;
}

std::optional<flow::Action> drawStatus(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                       const Touch& touch) {
    const Catalog& say = texts.in(state.visit.language);
    const auto parts = statusParts(p.size());
    const auto& l = parts.layout;
    const auto& m = l.metrics;
    const flow::ReceiptStatus status = state.receiptStatus.value_or(flow::ReceiptStatus::because("receipt.unavailable"));
    frame(p, l, say, say.lookup("status.title"), {});

    if (!status.number.empty()) {
        p.text(say.lookup("status.number"), parts.numberLabel,
               TextStyle{m.type.small, Weight::Regular, colors::kInkSoft, Align::Left});
        p.text(status.number, parts.number, TextStyle{m.type.heading, Weight::Bold, colors::kInk, Align::Left});
        p.paragraph(formatText(say.lookup("status.issued"),
                               {{"date", core::formatReceiptTime(status.issuedAt, core::ReceiptSettings{})},
                                {"kiosk", status.kioskId}}),
                    parts.issued, TextStyle{m.type.small, Weight::Regular, colors::kInk, Align::Left});
    }
    // A receipt that is not what it claims gets the warning colours: it may be a broker's forgery.
    const bool good = status.valid();
    p.fillRoundedRect(parts.verdict, m.radius, good ? colors::kSurface : colors::kErrorTint);
    p.strokeRoundedRect(parts.verdict, m.radius, 2 * m.border, good ? colors::kPrimary : colors::kError);
    // The words centred in the panel, the mark beside their first line.
    const Rect inside = parts.verdict.inset(m.px(2));
    const std::string verdict = verdictText(status, say);
    const int textX = inside.x + m.type.body + m.px(1.5);
    const int line = lineHeight(m.type.body);
    const int rows = std::max<int>(1, static_cast<int>(p.wrap(verdict, m.type.body, Weight::Bold, inside.right() - textX).size()));
    const int textH = std::min(inside.h, rows * line);
    const int top = inside.y + (inside.h - textH) / 2;
    p.icon(good ? Icon::Check : Icon::Warning, Rect{inside.x, top + (line - m.type.body) / 2, m.type.body, m.type.body},
           good ? colors::kPrimary : colors::kError);
    p.paragraph(verdict, Rect{textX, top, inside.right() - textX, textH},
                TextStyle{m.type.body, Weight::Bold, good ? colors::kInk : colors::kError, Align::Left});

    if (good && status.progress) {
        // Every stage up to where the record is, ticked; the current one in bold; the rest grey.
        const auto reached = *status.progress;
        const bool stopped = reached == flow::ReceiptProgress::Returned || reached == flow::ReceiptProgress::Refused;
        std::vector<std::pair<std::string_view, int>> lines;  // text, 0 done / 1 current / 2 to come / 3 warning / 4 a note
        for (const auto stage : kStages) {
            if (stopped && stage == flow::ReceiptProgress::InReview) break;
            const int rank = static_cast<int>(stage) < static_cast<int>(reached)   ? 0
                             : stage == reached                                  ? 1
                                                                                 : 2;
            lines.emplace_back(say.lookup(stageKey(stage)), stopped && rank != 0 ? 0 : rank);
        }
        if (stopped) lines.emplace_back(say.lookup(stageKey(reached)), 3);
        if (reached == flow::ReceiptProgress::SavedHere) lines.emplace_back(say.lookup("status.waiting_network"), 4);
        if (status.checkedAtDesk) lines.emplace_back(say.lookup("status.checked_at_desk"), 0);
        int y = parts.stages.y;
        for (const auto& [text, rank] : lines) {
            const int wrapped = std::max<int>(1, static_cast<int>(p.wrap(text, m.type.body, Weight::Bold,
                                                                           parts.stages.w - m.type.body - m.px(2))
                                                                        .size()));
            const int height = std::min(wrapped, 2) * line;
            if (y + height > parts.stages.bottom()) break;
            const Rect mark{parts.stages.x, y + (line - m.type.body) / 2, m.type.body, m.type.body};
            if (rank == 0 || rank == 1) p.icon(Icon::Check, mark, colors::kPrimary);
            if (rank == 3) p.icon(Icon::Warning, mark, colors::kError);
            p.paragraph(text,
                        Rect{mark.right() + m.px(2), y, parts.stages.right() - mark.right() - m.px(2), height},
                        TextStyle{m.type.body, rank == 2 || rank == 4 ? Weight::Regular : Weight::Bold,
                                  rank == 2 ? colors::kInkSoft : rank == 3 ? colors::kError : colors::kInk, Align::Left});
            y += height + m.px(1.5);
        }
    }
    std::optional<flow::Action> action;
    if (drawBackButton(p, say, l.back, m, touch)) action = flow::BackTapped{};
    if (nextButton(p, touch, l.next, m, say.lookup("status.done"))) action = flow::DoneTapped{};
    if (drawListenButton(p, say, touch)) action = flow::ListenTapped{};
    return action;
}

std::string journeyInstruction(const flow::FlowState& state, const Catalog& say) {
    const auto join = [](std::string_view a, std::string_view b) { return std::string(a) + " " + std::string(b); };
    return std::visit(Overloaded{
                          [&](const flow::MenuScreen&) { return join(say.lookup("menu.title"), say.lookup("menu.prompt")); },
                          [&](const flow::RegistrationScreen& r) {
                              return join(say.lookup(stepTitleKey(r.step)), say.lookup(stepPromptKey(r.step)));
                          },
                          [&](const flow::SavingScreen&) { return join(say.lookup("saving.title"), say.lookup("saving.body")); },
                          [&](const flow::ReceiptScreen&) {
                              return join(say.lookup("receipt_screen.title"), say.lookup("receipt_screen.broker_warning"));
                          },
                          [&](const flow::StatusScanScreen&) {
                              return join(say.lookup("status_scan.title"), say.lookup("status_scan.prompt"));
                          },
                          [&](const flow::DocumentScanScreen& d) {
                              const auto kind = core::kAllDocuments[std::min(d.index, core::kAllDocuments.size() - 1)];
                              return join(say.lookup(documentKey(kind)), say.lookup("document_scan.prompt"));
                          },
                          [&](const flow::StatusScreen&) {
                              return join(say.lookup("status.title"),
                                          statusSummary(state.receiptStatus.value_or(
                                                            flow::ReceiptStatus::because("receipt.unavailable")),
                                                        say));
                          },
                          [&](const flow::UnderAgeScreen& u) {
                              return join(say.lookup("under_age.title"),
                                          formatText(say.lookup("under_age.body"), {{"age", std::to_string(u.minimumAge)}}));
                          },
                          [](const auto&) { return std::string(); },
                      },
                      state.screen);
}

}  // namespace kiosk::ui
