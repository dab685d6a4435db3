#include "kiosk/core/flow/visit_flow.h"

#include <algorithm>
#include <array>
#include <string>

#include "kiosk/core/mrz.h"
#include "kiosk/core/receipt_token.h"
#include "kiosk/core/staff_sign_in.h"

#include "kiosk/base/overloaded.h"

namespace kiosk::flow {
namespace {

template <class S>
bool on(const FlowState& state) {
    return std::holds_alternative<S>(state.screen);
}

bool isDigits(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A new view: taps aimed at the old one no longer count, and the new one settles first.
void show(FlowState& s, Screen screen, Instant at) {
    s.screen = screen;
    s.problem.clear();
    s.countdown.reset();
    s.view += 1;
    s.shownAt = at;
}

// Everything of the visit (and of a staff sign-in) is gone; only the view numbering goes on.
FlowState fresh(const FlowState& now, Screen screen, Instant at) {
    FlowState s = startState(now.settings);
    s.view = now.view;
    s.today = now.today;
    show(s, screen, at);
    s.lastActivity = at;
    return s;
}

Step wipeTo(const FlowState& now, Screen screen, Instant at) {
    return {fresh(now, screen, at), {StopSpeaking{}, Wipe{}}};
}

// Someone is there; on the attract screen a scan alone does not start a visit.
Step onPresence(const FlowState& now, Instant at) {
    if (now.countdown || on<AttractScreen>(now)) return {now, {}};
    Step step{now, {}};
    step.state.lastActivity = at;
    return step;
}

RegistrationScreen const* regScreen(const FlowState& s) { return std::get_if<RegistrationScreen>(&s.screen); }

// The screens of a signed-in staff member, where the staff's idle time and sign-out apply.
bool onStaffScreen(const FlowState& s) {
    return on<StaffHomeScreen>(s) || on<StaffRecordScreen>(s) || on<StaffDocumentScreen>(s) ||
           on<StaffReasonScreen>(s) || on<StaffSignOffScreen>(s) || on<StaffReportScreen>(s) ||
           on<MaintenanceScreen>(s) || on<PartTestScreen>(s);
}

bool signedIn(const FlowState& s) { return s.staffAnswer && s.staffAnswer->outcome == StaffAnswer::Outcome::SignedIn; }

// The maintenance screens are an admin's: they show the kiosk's workings, not anyone's record.
bool adminSignedIn(const FlowState& s) { return signedIn(s) && s.staffAnswer->role == "admin"; }

// The maintenance screen, with its figures asked for afresh.
void openMaintenance(Step& step, Instant at) {
    FlowState& s = step.state;
    s.partTest.reset();
    show(s, MaintenanceScreen{}, at);
    s.conditionAt = at;
    step.commands.push_back(CheckKiosk{});
}

// What a device under test read. Only its length, its kind and whether the check digits hold are
// kept: a code or an MRZ held up for a test may still be somebody's.
Step onPartTest(const FlowState& now, Instant at, const std::string* code, const std::vector<std::string>* mrzLines) {
    const auto* test = std::get_if<PartTestScreen>(&now.screen);
    Step step{now, {}};
    FlowState& s = step.state;
    if (!test || now.countdown) return step;
    s.lastActivity = at;
    PartTest result;
    result.part = test->part;
    if (code && test->part == Part::CodeScanner) {
        result.outcome = PartTest::Outcome::Passed;
        result.characters = code->size();
        result.testPage = code->starts_with(kTestPagePrefix);
    } else if (mrzLines && test->part == Part::MrzReader) {
        std::string text;
        for (const auto& line : *mrzLines) text += line + '\n';
        const auto mrz = core::parseMrz(text, s.today);
        if (mrz) result.format = std::string(core::mrzFormatName(mrz->format));
        result.outcome = mrz && mrz->valid() ? PartTest::Outcome::Passed : PartTest::Outcome::Failed;
        if (result.outcome == PartTest::Outcome::Failed) step.commands.push_back(Beep{});
    } else {
        return step;  // the camera's test is its picture; input of another kind is not this test's
    }
    s.partTest = result;
    return step;
}

// Back to the worklist: the open record and the decision on it go.
void closeRecord(Step& step, Instant at) {
    FlowState& s = step.state;
    s.record.reset();
    s.draft = DecisionDraft{};
    show(s, StaffHomeScreen{}, at);
    step.commands.push_back(Wipe{});  // the record's photo, which the app holds
}

// A decision chosen: checked by the same rules the store keeps, then recorded, or sent for a
// supervisor's sign-off, or back to the record with what is wrong.
void decide(Step& step, Instant at) {
    FlowState& s = step.state;
    if (!s.record || !signedIn(s)) return;
    const auto decision = decisionOf(*s.record, s.draft, s.staffAnswer->staffId, s.staffAnswer->role);
    const auto valid = core::validateDecision(decision, contextOf(*s.record));
    if (valid) {
        step.commands.push_back(RecordDecision{});
        return;
    }
    if (valid.error().code == "decision.supervisor_required") {
        s.draft.supervisorBadge.clear();
        s.draft.supervisorPin.clear();
        show(s, StaffSignOffScreen{}, at);
        return;
    }
    if (!on<StaffRecordScreen>(s)) show(s, StaffRecordScreen{}, at);
    s.draft.kind.reset();
    s.draft.reason.clear();
    s.problem = valid.error().code;
}

// The field the current screen types into, if any, with its limit and whether it takes letters.
struct FieldRef {
    LongSecretText* long_ = nullptr;
    SecretText* short_ = nullptr;
    std::size_t max = 0;
    bool letters = false;
};

FieldRef fieldOf(FlowState& s) {
    if (on<StaffPinScreen>(s)) return {nullptr, &s.staffPin, kPinMaxDigits, false};
    if (on<StaffSignOffScreen>(s)) return {nullptr, &s.draft.supervisorPin, kPinMaxDigits, false};
    if (const auto* r = regScreen(s)) {
        const StepSpec& spec = specOf(r->step);
        if (spec.text)
            return {&s.visit.form.texts[static_cast<std::size_t>(*spec.text)], nullptr, spec.maxLength,
                    spec.kind == StepKind::Letters};
    }
    return {};
}

bool isLetterKey(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == ' ' || c == '-' || c == '\'' || c == '.' ||
           c == ',' || c == '/' || isDigits(std::string_view(&c, 1));
}

// Appends what fits; characters the field does not take change nothing.
bool typeInto(FlowState& s, std::string_view text) {
    FieldRef f = fieldOf(s);
    if ((!f.long_ && !f.short_) || text.empty()) return false;
    std::string clean;
    for (const char c : text) {
        if (f.letters ? !isLetterKey(c) : !isDigits(std::string_view(&c, 1))) return false;
        // Names and places are written in capitals, as on the identity card.
        clean.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    }
    const std::size_t size = f.long_ ? f.long_->size() : f.short_->size();
    const std::size_t room = f.max - std::min(f.max, size);
    if (room == 0) return false;
    const std::string_view add = std::string_view(clean).substr(0, room);
    if (f.long_)
        f.long_->append(add);
    else
        f.short_->append(add);
    s.problem.clear();
    if (const auto* r = regScreen(s)) s.visit.form.skipped.reset(static_cast<std::size_t>(r->step));
    return true;
}

void deleteLast(FlowState& s) {
    FieldRef f = fieldOf(s);
    if (f.long_) f.long_->popBack();
    if (f.short_) f.short_->popBack();
    s.problem.clear();
}

// The youngest age the documents give, when it is below the minimum for what is chosen so far.
std::optional<int> underAge(const FlowState& s) {
    const auto checks = checksFor(s.visit.form, s.settings.agePolicy, s.today, s.settings.catalogue);
    if (checks.has("age.below_minimum")) return checks.minimumAge;
    return std::nullopt;
}

// The journey ends kindly; everything typed so far goes at once, only the language stays.
Step stopUnderAge(const FlowState& now, int minimumAge, Instant at) {
    FlowState s = fresh(now, UnderAgeScreen{minimumAge}, at);
    s.visit.language = now.visit.language;
    return {s, {StopSpeaking{}, Wipe{}, RecordUnderAge{minimumAge}, SpeakInstruction{}}};
}

std::optional<RegStep> stepAfter(RegStep step, const RegistrationForm& form) {
    for (auto i = static_cast<std::size_t>(step) + 1; i < kRegSteps; ++i)
        if (applies(static_cast<RegStep>(i), form)) return static_cast<RegStep>(i);
    return std::nullopt;
}

std::optional<RegStep> stepBefore(RegStep step, const RegistrationForm& form) {
    for (auto i = static_cast<std::size_t>(step); i-- > 0;)
        if (applies(static_cast<RegStep>(i), form)) return static_cast<RegStep>(i);
    return std::nullopt;
}

void goToStep(Step& step, RegStep to, Instant at) {
    show(step.state, RegistrationScreen{to}, at);
    step.commands.push_back(SpeakInstruction{});
}

// "Next" on a registration step: validate, then on to the next step that applies, back to the
// review after changing a section, or to the under-age stop.
Step nextFrom(const FlowState& now, RegStep current, Instant at) {
    Step step{now, {}};
    FlowState& s = step.state;
    RegistrationForm& form = s.visit.form;
    if (current == RegStep::Review) return step;
    if (auto problem = problemWith(current, form, s.today)) {
        s.problem = std::move(*problem);
        return step;
    }
    if (current == RegStep::Checks && checksFor(form, s.settings.agePolicy, s.today, s.settings.catalogue).blocked())
        return step;
    if (current == RegStep::Nik || current == RegStep::Passport || current == RegStep::Sector)
        if (const auto minimum = underAge(s)) return stopUnderAge(now, *minimum, at);
    if (current == RegStep::Nik) step.commands.push_back(LookUpNik{});
    if (current == RegStep::Passport && !form.passportMrz.empty())
        form.documents[static_cast<std::size_t>(core::DocumentKind::Passport)] = core::DocumentState::Have;
    // A new destination or sector makes the opening chosen before meaningless.
    const auto next = stepAfter(current, form);
    if (!next) return step;
    if (form.editingSection && specOf(*next).section != *form.editingSection) {
        form.editingSection.reset();
        goToStep(step, RegStep::Review, at);
        return step;
    }
    goToStep(step, *next, at);
    return step;
}

Step backFrom(const FlowState& now, RegStep current, Instant at) {
    Step step{now, {}};
    const auto before = stepBefore(current, now.visit.form);
    // What was typed stays for the way back and forth.
    if (!before || now.visit.form.editingSection) {
        if (now.visit.form.editingSection) {
            step.state.visit.form.editingSection.reset();
            goToStep(step, RegStep::Review, at);
        } else {
            show(step.state, MenuScreen{}, at);
            step.commands.push_back(SpeakInstruction{});
        }
        return step;
    }
    goToStep(step, *before, at);
    return step;
}

void choose(FlowState& s, RegStep current, std::size_t index) {
    RegistrationForm& form = s.visit.form;
    const StepSpec& spec = specOf(current);
    if (spec.chips) {
        if (index < chipOptions(*spec.chips).size()) form.ticked(*spec.chips).flip(index);
        return;
    }
    if (!spec.choice) return;
    const auto count = optionsFor(*spec.choice, form, s.settings.catalogue).codes.size();
    if (index >= count) return;
    const auto before = form.choice(*spec.choice);
    form.choices[static_cast<std::size_t>(*spec.choice)] = static_cast<std::uint16_t>(index);
    if ((spec.choice == ChoiceField::Destination || spec.choice == ChoiceField::Sector) && before != index)
        form.choices[static_cast<std::size_t>(ChoiceField::Opening)].reset();
    if (spec.choice == ChoiceField::Education && !applies(RegStep::SmkMajor, form))
        form.texts[static_cast<std::size_t>(TextField::SmkMajor)].clear();
    s.problem.clear();
}

void skip(FlowState& s, RegStep current) {
    RegistrationForm& form = s.visit.form;
    const StepSpec& spec = specOf(current);
    if (!canSkip(current, form)) return;
    form.skipped.set(static_cast<std::size_t>(current));
    if (spec.text) form.texts[static_cast<std::size_t>(*spec.text)].clear();
    if (current == RegStep::Passport) form.passportMrz.clear();
    if (current == RegStep::FamilyCard) form.familyCard.clear();
    if (current == RegStep::Photo) form.photoTaken = false;
    if (current == RegStep::ReturnIdentify) {
        form.passportMrz.clear();
        form.receiptCode.clear();
    }
    s.problem.clear();
}

// The first step of a section, for "change" on the review.
std::optional<RegStep> firstOf(int section, const RegistrationForm& form) {
    for (const auto& spec : allSteps())
        if (spec.section == section && spec.kind != StepKind::Review && spec.kind != StepKind::Checks &&
            applies(spec.step, form))
            return spec.step;
    return std::nullopt;
}

// A scan on the scan step it belongs to fills it; anywhere else it only shows someone is there.
// A badge on the staff sign-in screen: blanks and a scanner's CR or LF around it do not count.
Step onBadge(const FlowState& now, Instant at, std::string_view scanned) {
    const auto code = core::badgeText(scanned);
    Step step{now, {}};
    step.state.lastActivity = at;
    if (code.empty() || code.size() > kBadgeMaxLength) {
        step.state.problem = "staff.badge_unknown";
        step.commands = {Beep{}};
        return step;
    }
    step.state.staffBadge = std::string(code);
    step.state.problem.clear();
    return step;
}

// A returnee shows their passport or the receipt of their registration: either says who they are.
// Nobody who has come home is turned away for their age: a child who was sent abroad needs help.
Step identifyReturnee(Step step, const std::string* code, const std::vector<std::string>* mrzLines) {
    FlowState& s = step.state;
    RegistrationForm& form = s.visit.form;
    bool read = false;
    if (mrzLines) {
        std::string text;
        for (const auto& line : *mrzLines) text += line + '\n';
        const auto mrz = core::parseMrz(text, s.today);
        read = mrz && mrz->valid() && !mrz->documentCode.empty() && mrz->documentCode[0] == 'P' &&
               form.passportMrz.assign(mrz->text());
        if (read) form.receiptCode.clear();
    } else if (code) {
        const auto token = core::parseReceiptToken(*code);
        // Kept as the receipt itself says it, whatever case or blanks the scanner added.
        read = token && form.receiptCode.assign(core::encodeReceiptToken(token->claim, token->signature));
        if (read) form.passportMrz.clear();
    }
    if (!read) {
        s.problem = "return-identify.unreadable";
        step.commands.push_back(Beep{});
        return step;
    }
    form.skipped.reset(static_cast<std::size_t>(RegStep::ReturnIdentify));
    s.problem.clear();
    return step;
}

Step onScan(const FlowState& now, Instant at, const std::string* code, const std::vector<std::string>* mrzLines) {
    if (code && on<StaffPinScreen>(now) && !now.countdown) return onBadge(now, at, *code);
    if (code && on<StaffSignOffScreen>(now) && !now.countdown) {
        Step step = onBadge(now, at, *code);
        step.state.draft.supervisorBadge = step.state.staffBadge;
        step.state.staffBadge.clear();
        return step;
    }
    if (on<PartTestScreen>(now)) return onPartTest(now, at, code, mrzLines);
    if (code && on<StatusScanScreen>(now) && !now.countdown) {
        // The kiosk checks the code; what it finds comes back as ReceiptLookedUp.
        Step step{now, {LookUpReceipt{*code}}};
        step.state.lastActivity = at;
        step.state.problem.clear();
        return step;
    }
    const auto* r = regScreen(now);
    if (now.countdown || !r) return onPresence(now, at);
    Step step{now, {}};
    FlowState& s = step.state;
    s.lastActivity = at;
    RegistrationForm& form = s.visit.form;
    if (r->step == RegStep::ReturnIdentify) return identifyReturnee(step, code, mrzLines);
    if (r->step == RegStep::Passport && mrzLines) {
        std::string text;
        for (const auto& line : *mrzLines) text += line + '\n';
        const auto mrz = core::parseMrz(text, s.today);
        if (!mrz || !mrz->valid() || mrz->documentCode.empty() || mrz->documentCode[0] != 'P') {
            s.problem = "passport.unreadable";
            step.commands.push_back(Beep{});
            return step;
        }
        if (!form.passportMrz.assign(mrz->text())) {
            s.problem = "passport.unreadable";
            return step;
        }
        form.skipped.reset(static_cast<std::size_t>(RegStep::Passport));
        s.problem.clear();
        if (const auto minimum = underAge(s)) return stopUnderAge(now, *minimum, at);
        return step;
    }
    if (r->step == RegStep::FamilyCard && code) {
        if (!form.familyCard.assign(*code)) {
            s.problem = "family-card.too_long";
            return step;
        }
        form.skipped.reset(static_cast<std::size_t>(RegStep::FamilyCard));
        s.problem.clear();
    }
    return step;
}

Step onAction(const FlowState& now, const Tap& tap) {
    Step step{now, {}};
    FlowState& s = step.state;
    s.lastActivity = tap.at;

    if (s.countdown) {  // the dialog is modal: only its answer counts
        if (!std::holds_alternative<StayTapped>(tap.action)) return {now, {}};
        show(s, s.screen, tap.at);  // the same screen, with all that was typed, as a new view
        step.commands = {StopSpeaking{}};
        return step;
    }
    const auto* reg = regScreen(now);

    std::visit(Overloaded{
                   [&](const StartTapped&) {
                       if (!on<AttractScreen>(s)) return;
                       show(s, LanguageChoiceScreen{}, tap.at);
                       step.commands = {SpeakInstruction{}};
                   },
                   [&](const LanguageTapped& e) {
                       if (on<StaffPinScreen>(s) || onStaffScreen(s) || s.visit.language == e.language) return;
                       s.visit.language = e.language;
                       // On the language screen the visitor hears the prompt in what they chose.
                       if (on<LanguageChoiceScreen>(s)) step.commands = {SpeakInstruction{}};
                   },
                   [&](const BackTapped&) {
                       if (on<LanguageChoiceScreen>(s)) {
                           show(s, AttractScreen{}, tap.at);
                           step.commands = {StopSpeaking{}};
                       } else if (on<MenuScreen>(s)) {
                           show(s, LanguageChoiceScreen{}, tap.at);
                           step.commands = {SpeakInstruction{}};
                       } else if (on<StatusScanScreen>(s)) {
                           show(s, MenuScreen{}, tap.at);
                           step.commands = {SpeakInstruction{}};
                       } else if (on<StatusScreen>(s)) {
                           // Another receipt: nothing of the last one stays on screen.
                           s.receiptStatus.reset();
                           show(s, StatusScanScreen{}, tap.at);
                           step.commands = {SpeakInstruction{}};
                       } else if (on<DocumentScanScreen>(s)) {
                           show(s, RegistrationScreen{RegStep::Documents}, tap.at);
                       } else if (reg) {
                           step = backFrom(now, reg->step, tap.at);
                           step.state.lastActivity = tap.at;
                       } else if (on<StaffRecordScreen>(s)) {
                           closeRecord(step, tap.at);
                       } else if (on<StaffDocumentScreen>(s) || on<StaffReasonScreen>(s)) {
                           s.draft.kind.reset();
                           show(s, StaffRecordScreen{}, tap.at);
                       } else if (on<StaffReportScreen>(s)) {
                           s.dayReport.reset();
                           s.reportPage = 0;
                           s.notice.clear();
                           show(s, StaffHomeScreen{}, tap.at);
                       } else if (on<MaintenanceScreen>(s)) {
                           s.condition.reset();
                           s.exported.reset();
                           s.notice.clear();
                           show(s, StaffHomeScreen{}, tap.at);
                       } else if (on<PartTestScreen>(s)) {
                           openMaintenance(step, tap.at);
                       }
                   },
                   [&](const NextTapped&) {
                       if (const auto* scan = std::get_if<DocumentScanScreen>(&s.screen)) {
                           s.problem.clear();
                           step.commands = {CaptureDocument{scan->index}};
                           return;
                       }
                       if (on<LanguageChoiceScreen>(s)) {
                           show(s, MenuScreen{}, tap.at);
                           step.commands = {SpeakInstruction{}};
                       } else if (reg) {
                           step = nextFrom(now, reg->step, tap.at);
                           step.state.lastActivity = tap.at;
                       }
                   },
                   [&](const KeyTapped& e) { typeInto(s, std::string_view(&e.key, 1)); },
                   [&](const DeleteTapped&) { deleteLast(s); },
                   [&](const StayTapped&) {},
                   [&](const ListenTapped&) {
                       if (!on<StaffPinScreen>(s) && !onStaffScreen(s)) step.commands = {SpeakInstruction{}};
                   },
                   [&](const SignInTapped&) {
                       if (on<StaffSignOffScreen>(s)) {
                           const SecretText pin = s.draft.supervisorPin;
                           s.draft.supervisorPin.clear();
                           if (s.draft.supervisorBadge.empty())
                               s.problem = "staff.badge_needed";
                           else if (pin.size() < kPinMinDigits)
                               s.problem = "staff.pin_short";
                           else
                               step.commands = {CheckSupervisor{s.draft.supervisorBadge, pin}};
                           return;
                       }
                       if (!on<StaffPinScreen>(s)) return;
                       // Whatever happens, the PIN leaves the state now: typed again for another
                       // try, and carried only by the command to the check.
                       const SecretText pin = s.staffPin;
                       s.staffPin.clear();
                       if (s.staffBadge.empty()) {
                           s.problem = "staff.badge_needed";
                           return;
                       }
                       if (pin.size() < kPinMinDigits) {
                           s.problem = "staff.pin_short";
                           return;
                       }
                       step.commands = {CheckStaff{s.staffBadge, pin}};
                       s.problem.clear();
                   },
                   [&](const CancelTapped&) {
                       if (on<StaffPinScreen>(s)) step = wipeTo(now, AttractScreen{}, tap.at);
                       if (on<StaffSignOffScreen>(s)) {
                           s.draft.kind.reset();
                           s.draft.reason.clear();
                           s.draft.supervisorBadge.clear();
                           s.draft.supervisorPin.clear();
                           show(s, StaffRecordScreen{}, tap.at);
                       }
                   },
                   [&](const WorkTapped& e) {
                       if (!on<StaffHomeScreen>(s) || !signedIn(s) || e.index >= s.staffAnswer->worklist.size()) return;
                       s.notice.clear();
                       step.commands = {OpenRecord{s.staffAnswer->worklist[e.index].recordId}};
                   },
                   [&](const ReviewTapped& e) {
                       if (!on<StaffRecordScreen>(s) || !s.record || s.record->checkIn ||
                           e.index >= core::kAllDocuments.size())
                           return;
                       show(s, StaffDocumentScreen{e.index}, tap.at);
                   },
                   [&](const DecideTapped& e) {
                       if (!on<StaffRecordScreen>(s) || !s.record) return;
                       s.draft.kind = e.kind;
                       s.draft.reason.clear();
                       s.draft.signedOffBy.clear();
                       s.draft.signedOffRole.clear();
                       if (!reasonChoices(e.kind).empty()) {
                           show(s, StaffReasonScreen{e.kind}, tap.at);
                           return;
                       }
                       s.problem.clear();
                       decide(step, tap.at);
                   },
                   [&](const FilterTapped& e) {
                       if (!on<StaffHomeScreen>(s) || !signedIn(s)) return;
                       s.work = WorkView{e.filter, 0};
                       s.notice.clear();
                       s.problem.clear();
                   },
                   [&](const PageTapped& e) {
                       if (on<StaffReportScreen>(s) && signedIn(s)) {
                           if (e.forward)
                               ++s.reportPage;
                           else if (s.reportPage > 0)
                               --s.reportPage;
                           return;
                       }
                       if (!on<StaffHomeScreen>(s) || !signedIn(s) || e.perPage == 0) return;
                       s.work = turnPage(s.staffAnswer->worklist, s.work, e.forward, e.perPage);
                       s.notice.clear();
                       s.problem.clear();
                   },
                   [&](const ReportTapped&) {
                       if (!on<StaffHomeScreen>(s) || !signedIn(s)) return;
                       s.notice.clear();
                       s.problem.clear();
                       step.commands = {MakeDayReport{}};
                   },
                   [&](const PrintTapped&) {
                       if (!on<StaffReportScreen>(s) || !s.dayReport) return;
                       s.notice.clear();
                       s.problem.clear();
                       step.commands = {PrintDayReport{}};
                   },
                   [&](const MaintenanceTapped&) {
                       if (!on<StaffHomeScreen>(s) || !adminSignedIn(s)) return;
                       s.notice.clear();
                       s.exported.reset();
                       openMaintenance(step, tap.at);
                   },
                   [&](const PartTapped& e) {
                       if (!on<MaintenanceScreen>(s) || !adminSignedIn(s)) return;
                       s.notice.clear();
                       s.exported.reset();
                       s.problem.clear();
                       if (e.part == Part::ReceiptPrinter) {
                           step.commands = {PrintTestPage{s.staffAnswer->staffId}};
                           return;
                       }
                       // A device that is not fitted has nothing to test.
                       if (!s.condition || partOf(*s.condition, e.part).state == "not_fitted") return;
                       show(s, PartTestScreen{e.part}, tap.at);
                       s.partTest = PartTest::waitingFor(e.part);
                   },
                   [&](const SyncNowTapped&) {
                       if (!on<MaintenanceScreen>(s) || !adminSignedIn(s)) return;
                       s.notice.clear();
                       s.exported.reset();
                       s.problem.clear();
                       step.commands = {SyncNow{s.staffAnswer->staffId}};
                   },
                   [&](const ExportTapped&) {
                       if (!on<MaintenanceScreen>(s) || !adminSignedIn(s)) return;
                       s.notice.clear();
                       s.exported.reset();
                       s.problem.clear();
                       step.commands = {ExportUnsent{s.staffAnswer->staffId}};
                   },
                   [&](const SignOutTapped&) {
                       if (!on<StaffHomeScreen>(s) || !s.staffAnswer) return;
                       const std::string who = s.staffAnswer->staffId;
                       step = wipeTo(now, AttractScreen{}, tap.at);
                       step.commands.push_back(StaffSignedOut{who, "staff.sign_out"});
                   },
                   [&](const RegisterTapped&) {
                       if (!on<MenuScreen>(s)) return;
                       s.visit.form.journey = Journey::Registration;
                       goToStep(step, RegStep::Consent, tap.at);
                   },
                   [&](const ReturnTapped&) {
                       if (!on<MenuScreen>(s)) return;
                       s.visit.form.journey = Journey::Returnee;
                       goToStep(step, RegStep::Consent, tap.at);
                   },
                   [&](const StatusTapped&) {
                       if (!on<MenuScreen>(s)) return;
                       show(s, StatusScanScreen{}, tap.at);
                       step.commands = {SpeakInstruction{}};
                   },
                   [&](const ChoiceTapped& e) {
                       if (reg) choose(s, reg->step, e.index);
                       if (const auto* d = std::get_if<StaffDocumentScreen>(&s.screen)) {
                           if (e.index >= documentChoices().size()) return;
                           s.draft.documents[d->index] = documentChoices()[e.index];
                           show(s, StaffRecordScreen{}, tap.at);
                       }
                       if (const auto* r = std::get_if<StaffReasonScreen>(&s.screen)) {
                           const auto reasons = reasonChoices(r->kind);
                           if (e.index >= reasons.size()) return;
                           s.draft.reason = std::string(reasons[e.index]);
                           decide(step, tap.at);
                       }
                   },
                   [&](const ConsentTapped& e) {
                       if (!reg || reg->step != RegStep::Consent) return;
                       Consent& c = s.visit.form.consent;
                       if (e.purpose == 0) c.registration = !c.registration;
                       if (e.purpose == 1) c.updates = !c.updates;
                       if (e.purpose == 2) c.trainingReferral = !c.trainingReferral;
                       s.problem.clear();
                   },
                   [&](const DocumentTapped& e) {
                       if (!reg || reg->step != RegStep::Documents || e.index >= core::kAllDocuments.size()) return;
                       if (e.state == core::DocumentState::Scanned) {
                           // Scanned only once the picture is kept: first the camera.
                           show(s, DocumentScanScreen{e.index}, tap.at);
                           step.commands = {SpeakInstruction{}};
                           return;
                       }
                       s.visit.form.documents[e.index] = e.state;
                   },
                   [&](const SkipTapped&) {
                       if (!reg || !canSkip(reg->step, s.visit.form)) return;
                       skip(s, reg->step);
                       step = nextFrom(s, reg->step, tap.at);
                   },
                   [&](const RetakeTapped&) {
                       if (reg && reg->step == RegStep::Photo) s.visit.form.photoTaken = false;
                   },
                   [&](const EditTapped& e) {
                       if (!reg || reg->step != RegStep::Review) return;
                       const auto first = firstOf(e.section, s.visit.form);
                       if (!first) return;
                       s.visit.form.editingSection = e.section;
                       goToStep(step, *first, tap.at);
                   },
                   [&](const SubmitTapped&) {
                       if (!reg || reg->step != RegStep::Review) return;
                       // A new view at once: a second tap on "submit" is aimed at the review and dropped.
                       show(s, SavingScreen{}, tap.at);
                       step.commands = {StopSpeaking{}, SaveRegistration{}};
                   },
                   [&](const DoneTapped&) {
                       if (on<ReceiptScreen>(s) || on<UnderAgeScreen>(s) || on<StatusScreen>(s))
                           step = wipeTo(now, AttractScreen{}, tap.at);
                   },
               },
               tap.action);
    return step;
}

Step onTick(const FlowState& now, Instant at) {
    const FlowSettings& settings = now.settings;
    if (now.countdown) {
        if (at >= now.countdown->endsAt) {
            Step gone = wipeTo(now, AttractScreen{}, at);
            // Nobody answered the warning: the staff member is signed out, and the audit says why.
            if (onStaffScreen(now) && signedIn(now))
                gone.commands.push_back(StaffSignedOut{now.staffAnswer->staffId, "staff.idle_sign_out"});
            return gone;
        }
        const auto left = std::chrono::ceil<std::chrono::seconds>(now.countdown->endsAt - at);
        if (static_cast<int>(left.count()) == now.countdown->secondsLeft) return {now, {}};
        Step step{now, {}};
        step.state.countdown->secondsLeft = static_cast<int>(left.count());
        return step;
    }
    const auto idle = at - now.lastActivity;
    if (on<AttractScreen>(now)) {
        // Only the language can have changed here: it goes back quietly for the next person.
        if (idle >= settings.idleTimeout && now.visit != Visit{settings.home, {}})
            return wipeTo(now, AttractScreen{}, at);
        return {now, {}};
    }
    if (on<StaffPinScreen>(now)) {
        if (idle >= settings.staffIdleTimeout) return wipeTo(now, AttractScreen{}, at);
        return {now, {}};
    }
    // The maintenance figures stay fresh while an admin watches them: a print, a sync, a stick
    // plugged in show within seconds. Reading them is not activity: the idle warning still comes.
    if ((on<MaintenanceScreen>(now) || on<PartTestScreen>(now)) && at - now.conditionAt >= settings.conditionEvery &&
        idle < settings.staffSessionIdle) {
        Step step{now, {CheckKiosk{}}};
        step.state.conditionAt = at;
        return step;
    }
    // Signed-in staff are warned like visitors, after their own (shorter) idle time.
    if (idle < (onStaffScreen(now) ? settings.staffSessionIdle : settings.idleTimeout)) return {now, {}};
    Step step{now, {Beep{}, SpeakInstruction{}}};
    show(step.state, now.screen, at);
    step.state.countdown = Countdown{at + settings.countdown, static_cast<int>(settings.countdown.count())};
    return step;
}

}  // namespace

std::string_view regScreenName(RegStep step) {
    static const auto names = [] {
        std::array<std::string, kRegSteps> all;
        for (const auto& spec : allSteps()) all[static_cast<std::size_t>(spec.step)] = "reg-" + std::string(spec.name);
        return all;
    }();
    return names[static_cast<std::size_t>(step)];
}

std::string_view screenName(const Screen& screen) {
    return std::visit(Overloaded{
                          [](const AttractScreen&) { return std::string_view("attract"); },
                          [](const LanguageChoiceScreen&) { return std::string_view("language-choice"); },
                          [](const MenuScreen&) { return std::string_view("menu"); },
                          [](const RegistrationScreen& r) { return regScreenName(r.step); },
                          [](const SavingScreen&) { return std::string_view("saving"); },
                          [](const ReceiptScreen&) { return std::string_view("receipt"); },
                          [](const UnderAgeScreen&) { return std::string_view("under-age"); },
                          [](const StatusScanScreen&) { return std::string_view("status-scan"); },
                          [](const StatusScreen&) { return std::string_view("status"); },
                          [](const StaffPinScreen&) { return std::string_view("staff-pin"); },
                          [](const StaffHomeScreen&) { return std::string_view("staff-home"); },
                          [](const StaffReportScreen&) { return std::string_view("staff-report"); },
                          [](const DocumentScanScreen&) { return std::string_view("document-scan"); },
                          [](const StaffRecordScreen&) { return std::string_view("staff-record"); },
                          [](const StaffDocumentScreen&) { return std::string_view("staff-document"); },
                          [](const StaffReasonScreen&) { return std::string_view("staff-reason"); },
                          [](const StaffSignOffScreen&) { return std::string_view("staff-sign-off"); },
                          [](const MaintenanceScreen&) { return std::string_view("maintenance"); },
                          [](const PartTestScreen& t) {
                              static const auto names = [] {
                                  std::array<std::string, kParts.size()> all;
                                  for (const auto part : kParts)
                                      all[static_cast<std::size_t>(part)] = "test-" + std::string(partName(part));
                                  return all;
                              }();
                              return std::string_view(names[static_cast<std::size_t>(t.part)]);
                          },
                      },
                      screen);
}

FlowState startState(const FlowSettings& settings) {
    FlowState s;
    s.settings = settings;
    s.visit.language = settings.home;
    return s;
}

Step onEvent(const FlowState& now, const Event& event) {
    return std::visit(
        Overloaded{
            [&](const Tap& tap) -> Step {
                if (tap.view != now.view || tap.at < now.shownAt + now.settings.settle) return {now, {}};
                return onAction(now, tap);
            },
            [&](const Tick& tick) {
                if (!tick.today || *tick.today == now.today) return onTick(now, tick.now);
                FlowState dated = now;
                dated.today = *tick.today;
                return onTick(dated, tick.now);
            },
            [&](const KeysTyped& keys) -> Step {
                if (now.countdown) return {now, {}};
                Step step{now, {}};
                if (!typeInto(step.state, keys.text)) return {now, {}};
                step.state.lastActivity = keys.at;
                return step;
            },
            [&](const CodeScanned& scan) { return onScan(now, scan.at, &scan.text, nullptr); },
            [&](const MrzScanned& scan) { return onScan(now, scan.at, nullptr, &scan.lines); },
            [&](const StaffGesture& gesture) {
                if (on<StaffPinScreen>(now) || onStaffScreen(now)) return Step{now, {}};
                return wipeTo(now, StaffPinScreen{}, gesture.at);
            },
            [&](const PhotoTaken& e) {
                const auto* r = regScreen(now);
                if (now.countdown || !r || r->step != RegStep::Photo) return Step{now, {}};
                Step step{now, {}};
                step.state.visit.form.photoTaken = true;
                step.state.visit.form.skipped.reset(static_cast<std::size_t>(RegStep::Photo));
                step.state.problem.clear();
                step.state.lastActivity = e.at;
                return step;
            },
            [&](const NikLookedUp& e) {
                Step step{now, {}};
                step.state.visit.form.nikPendingHere = e.pendingHere;
                return step;
            },
            [&](const RegistrationSaved& e) {
                if (!on<SavingScreen>(now)) return Step{now, {}};
                // The record is on disk: nothing of the form stays on the kiosk's screen.
                FlowState s = fresh(now, ReceiptScreen{}, e.at);
                s.visit.language = now.visit.language;
                s.saved = e.saved;
                return Step{s, {Wipe{}, PrintReceipt{}, SpeakInstruction{}}};
            },
            [&](const SaveFailed& e) {
                if (!on<SavingScreen>(now)) return Step{now, {}};
                Step step{now, {SpeakInstruction{}}};
                show(step.state, RegistrationScreen{RegStep::Review}, e.at);
                step.state.problem = e.code;
                return step;
            },
            [&](const StaffAnswered& e) {
                if (!on<StaffPinScreen>(now) || now.countdown) return Step{now, {}};
                Step step{now, {}};
                FlowState& s = step.state;
                s.staffAnswer = e.answer;
                s.lastActivity = e.at;
                switch (e.answer.outcome) {
                case StaffAnswer::Outcome::SignedIn:
                    s.staffBadge.clear();
                    s.work = WorkView{};
                    show(s, StaffHomeScreen{}, e.at);
                    break;
                case StaffAnswer::Outcome::WrongPin: s.problem = "staff.pin_wrong"; break;
                case StaffAnswer::Outcome::Locked:
                    s.staffBadge.clear();
                    s.problem = "staff.locked";
                    break;
                case StaffAnswer::Outcome::UnknownBadge:
                    s.staffBadge.clear();
                    s.problem = "staff.badge_unknown";
                    break;
                case StaffAnswer::Outcome::Unavailable: s.problem = "staff.unavailable"; break;
                }
                if (e.answer.outcome != StaffAnswer::Outcome::SignedIn) step.commands = {Beep{}};
                return step;
            },
            [&](const ReceiptLookedUp& e) {
                if (!on<StatusScanScreen>(now) || now.countdown) return Step{now, {}};
                Step step{now, {}};
                if (e.status.verdict == "receipt.malformed") {
                    // Not a receipt at all: say so where the person is, and wait for another.
                    step.state.problem = e.status.verdict;
                    step.commands = {Beep{}};
                    return step;
                }
                show(step.state, StatusScreen{}, e.at);
                step.state.receiptStatus = e.status;
                step.commands = {SpeakInstruction{}};
                return step;
            },
            [&](const RecordOpened& e) {
                if (!on<StaffHomeScreen>(now) || now.countdown || !signedIn(now)) return Step{now, {}};
                Step step{now, {}};
                FlowState& s = step.state;
                s.lastActivity = e.at;
                if (!e.record) {
                    s.problem = "staff.record_unavailable";
                    step.commands = {Beep{}};
                    return step;
                }
                s.record = e.record;
                s.draft = DecisionDraft{};
                show(s, StaffRecordScreen{}, e.at);
                return step;
            },
            [&](const SupervisorAnswered& e) {
                if (!on<StaffSignOffScreen>(now) || now.countdown || !signedIn(now)) return Step{now, {}};
                Step step{now, {}};
                FlowState& s = step.state;
                s.lastActivity = e.at;
                using Outcome = StaffAnswer::Outcome;
                const auto& a = e.answer;
                std::string problem;
                if (a.outcome == Outcome::SignedIn && a.staffId == s.staffAnswer->staffId)
                    problem = "decision.supervisor_same_person";
                else if (a.outcome == Outcome::SignedIn && a.role != "supervisor" && a.role != "admin")
                    problem = "decision.supervisor_not_supervisor";
                else if (a.outcome == Outcome::WrongPin)
                    problem = "staff.pin_wrong";
                else if (a.outcome == Outcome::Locked)
                    problem = "staff.locked";
                else if (a.outcome == Outcome::UnknownBadge)
                    problem = "staff.badge_unknown";
                else if (a.outcome == Outcome::Unavailable)
                    problem = "staff.unavailable";
                if (!problem.empty()) {
                    s.draft.supervisorBadge.clear();
                    s.problem = problem;
                    step.commands = {Beep{}};
                    return step;
                }
                s.draft.signedOffBy = a.staffId;
                s.draft.signedOffRole = a.role;
                s.draft.supervisorBadge.clear();
                decide(step, e.at);
                return step;
            },
            [&](const DecisionRecorded& e) {
                if (!(on<StaffRecordScreen>(now) || on<StaffReasonScreen>(now) || on<StaffSignOffScreen>(now)) ||
                    !signedIn(now))
                    return Step{now, {}};
                Step step{now, {}};
                FlowState& s = step.state;
                s.lastActivity = e.at;
                if (!e.ok) {
                    // Nothing was written: the record stays open with the marks made.
                    s.draft.kind.reset();
                    s.draft.reason.clear();
                    s.draft.signedOffBy.clear();
                    s.draft.signedOffRole.clear();
                    show(s, StaffRecordScreen{}, e.at);
                    s.problem = e.code;
                    step.commands = {Beep{}};
                    return step;
                }
                s.staffAnswer->queue = e.queue;
                s.staffAnswer->worklist = e.worklist;
                closeRecord(step, e.at);
                s.notice = "staff.decision_saved";
                return step;
            },
            [&](const DocumentCaptured& e) {
                const auto* scan = std::get_if<DocumentScanScreen>(&now.screen);
                if (!scan || scan->index != e.index || now.countdown) return Step{now, {}};
                Step step{now, {}};
                FlowState& s = step.state;
                s.lastActivity = e.at;
                if (!e.ok) {
                    s.problem = e.code;
                    step.commands = {Beep{}};
                    return step;
                }
                s.visit.form.documents[e.index] = core::DocumentState::Scanned;
                show(s, RegistrationScreen{RegStep::Documents}, e.at);
                return step;
            },
            [&](const DayReportMade& e) {
                if (!on<StaffHomeScreen>(now) || now.countdown || !signedIn(now)) return Step{now, {}};
                Step step{now, {}};
                FlowState& s = step.state;
                s.lastActivity = e.at;
                if (!e.report) {
                    s.problem = "staff.report_unavailable";
                    step.commands = {Beep{}};
                    return step;
                }
                s.dayReport = e.report;
                s.reportPage = 0;
                show(s, StaffReportScreen{}, e.at);
                return step;
            },
            [&](const DayReportPrinted& e) {
                if (!on<StaffReportScreen>(now) || !signedIn(now)) return Step{now, {}};
                Step step{now, {}};
                FlowState& s = step.state;
                s.lastActivity = e.at;
                if (e.ok)
                    s.notice = "staff.report_printed";
                else {
                    s.problem = "staff.report_not_printed";
                    step.commands = {Beep{}};
                }
                return step;
            },
            [&](const KioskChecked& e) {
                if (!(on<MaintenanceScreen>(now) || on<PartTestScreen>(now)) || !adminSignedIn(now))
                    return Step{now, {}};
                Step step{now, {}};
                step.state.condition = e.condition;
                return step;
            },
            [&](const TestPagePrinted& e) {
                if (!on<MaintenanceScreen>(now) || !adminSignedIn(now)) return Step{now, {}};
                Step step{now, {CheckKiosk{}}};
                FlowState& s = step.state;
                s.lastActivity = e.at;
                s.conditionAt = e.at;
                if (e.ok)
                    s.notice = "maintenance.printed";
                else {
                    s.problem = e.code.empty() ? "print.failed" : e.code;
                    step.commands.push_back(Beep{});
                }
                return step;
            },
            [&](const SyncRequested& e) {
                if (!on<MaintenanceScreen>(now) || !adminSignedIn(now)) return Step{now, {}};
                Step step{now, {}};
                FlowState& s = step.state;
                s.lastActivity = e.at;
                if (e.ok)
                    s.notice = "maintenance.sync_started";
                else {
                    s.problem = e.code;
                    step.commands.push_back(Beep{});
                }
                return step;
            },
            [&](const UnsentExported& e) {
                if (!on<MaintenanceScreen>(now) || !adminSignedIn(now)) return Step{now, {}};
                Step step{now, {CheckKiosk{}}};
                FlowState& s = step.state;
                s.lastActivity = e.at;
                s.conditionAt = e.at;
                if (e.ok) {
                    s.notice = "maintenance.exported";
                    s.exported = e.done;
                } else {
                    s.problem = e.code;
                    step.commands.push_back(Beep{});
                }
                return step;
            },
            [&](const ReceiptPrinted& e) {
                if (!on<ReceiptScreen>(now) || !now.saved) return Step{now, {}};
                Step step{now, {}};
                step.state.saved->printed = e.ok;
                if (!e.ok) step.state.problem = "receipt.not_printed";
                return step;
            },
        },
        event);
}

}  // namespace kiosk::flow
