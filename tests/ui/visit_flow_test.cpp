// The visit's state machine, with no SDL, no display and no clock: events in, the next state
// and the commands out.

#include "kiosk/core/flow/visit_flow.h"
#include "tests/ui/flow_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace kiosk::flow {
namespace {

using testing::find;
using testing::has;

using namespace std::chrono_literals;

const Instant kT0 = Instant{} + 1h;

// Drives the flow as a person would: each tap lands on the view on screen, a second after the last event.
class Visitor {
public:
    explicit Visitor(FlowSettings settings = {}) : state_(startState(settings)) {}

    Step tap(Action action, std::chrono::milliseconds after = 1s) {
        now_ += after;
        return apply(Tap{state_.view, now_, action});
    }
    Step type(std::string text) {
        now_ += 1s;
        return apply(KeysTyped{now_, std::move(text)});
    }
    Step wait(std::chrono::milliseconds by) {
        Step last{state_, {}};
        for (const auto until = now_ + by; now_ < until;) {
            now_ = std::min(now_ + 250ms, until);
            auto step = apply(Tick{now_});
            if (!step.commands.empty()) last = step;
        }
        return last;
    }
    Step apply(const Event& e) {
        auto step = onEvent(state_, e);
        state_ = step.state;
        return step;
    }
    const FlowState& state() const { return state_; }
    Instant now() const { return now_; }

private:
    FlowState state_;
    Instant now_ = kT0;
};

template <class S>
bool on(const FlowState& s) {
    return std::holds_alternative<S>(s.screen);
}

bool onStep(const FlowState& s, RegStep step) {
    const auto* r = std::get_if<RegistrationScreen>(&s.screen);
    return r && r->step == step;
}

std::string_view nikOf(const FlowState& s) { return s.visit.form.text(TextField::Nik); }

// Start, a language, "register", the consent: the first field of the journey.
void toNikEntry(Visitor& v) {
    v.tap(StartTapped{});
    v.tap(NextTapped{});
    ASSERT_TRUE(on<MenuScreen>(v.state()));
    v.tap(RegisterTapped{});
    ASSERT_TRUE(onStep(v.state(), RegStep::Consent));
    v.tap(ConsentTapped{0});
    v.tap(NextTapped{});
    ASSERT_TRUE(onStep(v.state(), RegStep::Nik));
}

TEST(VisitFlow, StartsOnTheAttractScreenInTheHomeLanguage) {
    EXPECT_TRUE(on<AttractScreen>(startState({})));
    EXPECT_EQ(startState({}).visit.language, Language::Indonesian);
    FlowSettings english;
    english.home = Language::English;
    EXPECT_EQ(startState(english).visit.language, Language::English);
}

TEST(VisitFlow, StartLeadsToTheLanguageChoiceAndReadsItsInstruction) {
    Visitor v;
    const auto step = v.tap(StartTapped{});
    EXPECT_TRUE(on<LanguageChoiceScreen>(step.state));
    EXPECT_TRUE(has<SpeakInstruction>(step));
    EXPECT_EQ(step.state.view, 1U);
}

TEST(VisitFlow, LanguageSwitchOnTheAttractScreenChangesOnlyTheLanguage) {
    Visitor v;
    const auto before = v.state();
    const auto step = v.tap(LanguageTapped{Language::English});
    EXPECT_TRUE(on<AttractScreen>(step.state));
    EXPECT_EQ(step.state.visit.language, Language::English);
    EXPECT_EQ(step.state.view, before.view);
}

TEST(VisitFlow, ChoosingALanguageKeepsTheChoiceScreenAndSpeaksInIt) {
    Visitor v;
    v.tap(StartTapped{});
    const auto step = v.tap(LanguageTapped{Language::English});
    EXPECT_TRUE(on<LanguageChoiceScreen>(step.state));
    EXPECT_EQ(step.state.visit.language, Language::English);
    EXPECT_TRUE(has<SpeakInstruction>(step));
    EXPECT_TRUE(v.tap(LanguageTapped{Language::English}).commands.empty());  // already chosen
}

TEST(VisitFlow, BackFromTheLanguageChoiceKeepsTheChosenLanguage) {
    Visitor v;
    v.tap(StartTapped{});
    v.tap(LanguageTapped{Language::English});
    const auto step = v.tap(BackTapped{});
    EXPECT_TRUE(on<AttractScreen>(step.state));
    EXPECT_EQ(step.state.visit.language, Language::English);
    EXPECT_TRUE(has<StopSpeaking>(step));
}

TEST(VisitFlow, EventsThatDoNotBelongToTheScreenChangeNoView) {
    Visitor v;
    auto step = v.tap(BackTapped{});
    EXPECT_TRUE(on<AttractScreen>(step.state));
    EXPECT_EQ(step.state.view, 0U);
    v.tap(StartTapped{});
    step = v.tap(StartTapped{});
    EXPECT_TRUE(on<LanguageChoiceScreen>(step.state));
    EXPECT_EQ(step.state.view, 1U);
    EXPECT_TRUE(step.commands.empty());
}

TEST(VisitFlow, TheKeypadTypesDigitsIntoTheNikFieldAndDeleteRemovesTheLast) {
    Visitor v;
    toNikEntry(v);
    for (const char key : std::string("3578")) v.tap(KeyTapped{key});
    EXPECT_EQ(nikOf(v.state()), "3578");
    v.tap(DeleteTapped{});
    EXPECT_EQ(nikOf(v.state()), "357");
}

TEST(VisitFlow, TypedTextGoesToTheFieldOnlyWhenItIsAllDigitsAndFits) {
    Visitor v;
    toNikEntry(v);
    v.type("3578");
    v.type("01x");  // not a number: nothing of it
    EXPECT_EQ(nikOf(v.state()), "3578");
    v.type("011506950001999");  // cut at 16 digits
    EXPECT_EQ(nikOf(v.state()), "3578011506950001");
    EXPECT_TRUE(v.type("5").commands.empty());
    EXPECT_EQ(nikOf(v.state()).size(), 16U);
}

TEST(VisitFlow, KeysOutsideAFieldChangeNothing) {
    Visitor v;
    v.tap(StartTapped{});
    const auto before = v.state();
    v.type("3578");
    v.tap(KeyTapped{'5'});
    EXPECT_EQ(v.state().visit, before.visit);
}

TEST(VisitFlow, GoingBackFromTheNikStepKeepsWhatWasTyped) {
    Visitor v;
    toNikEntry(v);
    v.type("3578");
    v.tap(BackTapped{});
    EXPECT_TRUE(onStep(v.state(), RegStep::Consent));
    v.tap(NextTapped{});
    EXPECT_EQ(nikOf(v.state()), "3578");
}

TEST(VisitFlow, PhoneNumbersAreCompleteWith08AndTenToThirteenDigits) {
    EXPECT_TRUE(isCompletePhone("0812345678"));
    EXPECT_TRUE(isCompletePhone("0812345678901"));
    EXPECT_FALSE(isCompletePhone("081234567"));
    EXPECT_FALSE(isCompletePhone("08123456789012"));
    EXPECT_FALSE(isCompletePhone("0912345678"));
    EXPECT_FALSE(isCompletePhone("08123456a8"));
    EXPECT_FALSE(isCompletePhone(""));
}

TEST(VisitFlow, ListenAgainReadsTheInstruction) {
    Visitor v;
    EXPECT_TRUE(has<SpeakInstruction>(v.tap(ListenTapped{})));
    toNikEntry(v);
    EXPECT_TRUE(has<SpeakInstruction>(v.tap(ListenTapped{})));
}

// Navigation integrity.

TEST(VisitFlowGuard, ATapAimedAtAnEarlierViewIsDropped) {
    Visitor v;
    const ViewId attract = v.state().view;
    v.tap(StartTapped{});
    const auto before = v.state();
    const auto step = v.apply(Tap{attract, v.now() + 2s, LanguageTapped{Language::English}});
    EXPECT_EQ(step.state, before);
    EXPECT_TRUE(step.commands.empty());
}

TEST(VisitFlowGuard, ATripleTapOnBackGoesBackOneStepOnly) {
    Visitor v;
    toNikEntry(v);
    v.tap(BackTapped{});
    v.tap(BackTapped{}, 150ms);
    v.tap(BackTapped{}, 150ms);
    EXPECT_TRUE(onStep(v.state(), RegStep::Consent));
}

TEST(VisitFlowGuard, ADoubleTapOnStartDoesNotAlsoHitTheNextScreen) {
    Visitor v;
    v.tap(StartTapped{});
    v.tap(NextTapped{}, 200ms);
    v.tap(LanguageTapped{Language::English}, 200ms);
    EXPECT_TRUE(on<LanguageChoiceScreen>(v.state()));
    EXPECT_EQ(v.state().visit.language, Language::Indonesian);
}

TEST(VisitFlowGuard, TapsCountAgainOnceTheViewHasSettled) {
    Visitor v;
    v.tap(StartTapped{});
    v.tap(NextTapped{}, 499ms);
    EXPECT_TRUE(on<LanguageChoiceScreen>(v.state()));
    v.tap(NextTapped{}, 1ms);
    EXPECT_TRUE(on<MenuScreen>(v.state()));
}

TEST(VisitFlowGuard, EachTransitionGetsANewViewNumber) {
    Visitor v;
    ViewId last = v.state().view;
    for (const Action a : {Action{StartTapped{}}, Action{NextTapped{}}, Action{BackTapped{}}, Action{BackTapped{}}}) {
        v.tap(a);
        EXPECT_GT(v.state().view, last);
        last = v.state().view;
    }
}

// Idle time, the countdown, the wipe.

TEST(VisitFlowIdle, AfterTheIdleTimeACountdownAsksWithASoundAndSpeech) {
    Visitor v;
    toNikEntry(v);
    v.type("3578");
    EXPECT_FALSE(v.wait(59s).state.countdown);
    const auto step = v.wait(1s);
    ASSERT_TRUE(step.state.countdown);
    EXPECT_EQ(step.state.countdown->secondsLeft, 20);
    EXPECT_TRUE(has<Beep>(step));
    EXPECT_TRUE(has<SpeakInstruction>(step));
    v.wait(5500ms);
    EXPECT_EQ(v.state().countdown->secondsLeft, 15);
}

TEST(VisitFlowIdle, StillHereContinuesWithNothingLost) {
    Visitor v;
    toNikEntry(v);
    v.type("357801150695");
    v.wait(65s);
    ASSERT_TRUE(v.state().countdown);
    const auto step = v.tap(StayTapped{});
    EXPECT_FALSE(step.state.countdown);
    EXPECT_TRUE(onStep(step.state, RegStep::Nik));
    EXPECT_EQ(nikOf(step.state), "357801150695");
    // The idle time starts again from the answer.
    EXPECT_FALSE(v.wait(59s).state.countdown);
    EXPECT_TRUE(v.wait(1s).state.countdown);
}

TEST(VisitFlowIdle, WhileTheCountdownRunsOnlyItsAnswerCounts) {
    Visitor v;
    toNikEntry(v);
    v.wait(61s);
    const auto before = v.state();
    v.tap(BackTapped{});
    v.tap(KeyTapped{'5'});
    v.type("3578");
    EXPECT_EQ(v.state(), before);
}

TEST(VisitFlowIdle, WithoutAnAnswerTheVisitIsWipedAndTheKioskWelcomesTheNextPerson) {
    FlowSettings settings;
    settings.home = Language::Indonesian;
    Visitor v(settings);
    v.tap(LanguageTapped{Language::English});
    toNikEntry(v);
    v.type("3578011506950001");
    v.wait(60s);
    ASSERT_TRUE(v.state().countdown);
    EXPECT_FALSE(has<Wipe>(v.wait(19s)));
    const auto step = v.wait(1s);
    EXPECT_TRUE(has<Wipe>(step));
    EXPECT_TRUE(has<StopSpeaking>(step));
    EXPECT_TRUE(on<AttractScreen>(step.state));
    EXPECT_EQ(step.state.visit, Visit{});
    EXPECT_FALSE(step.state.countdown);
    // Fresh in every respect but the view numbering, which goes on.
    auto expected = startState(settings);
    expected.view = step.state.view;
    expected.shownAt = step.state.shownAt;
    expected.lastActivity = step.state.lastActivity;
    EXPECT_EQ(step.state, expected);
}

TEST(VisitFlowIdle, ALanguageLeftOnTheAttractScreenGoesBackQuietly) {
    Visitor v;
    v.tap(LanguageTapped{Language::English});
    const auto step = v.wait(61s);
    EXPECT_EQ(v.state().visit.language, Language::Indonesian);
    EXPECT_FALSE(v.state().countdown);
    EXPECT_FALSE(has<Beep>(step));
}

TEST(VisitFlowIdle, AnUntouchedAttractScreenStaysAsItIs) {
    Visitor v;
    const auto before = v.state();
    v.wait(10min);
    EXPECT_EQ(v.state(), before);
}

TEST(VisitFlowIdle, AScanShowsSomeoneIsThere) {
    Visitor v;
    toNikEntry(v);
    v.wait(50s);
    v.apply(CodeScanned{v.now(), "KK-QR"});
    EXPECT_FALSE(v.wait(50s).state.countdown);
    v.apply(MrzScanned{v.now(), {"P<UTO", "L898"}});
    EXPECT_FALSE(v.wait(50s).state.countdown);
    EXPECT_TRUE(v.wait(10s).state.countdown);
}

// Staff entry.

TEST(VisitFlowStaff, TheGestureWipesTheVisitAndOpensThePinScreen) {
    Visitor v;
    toNikEntry(v);
    v.type("3578");
    const auto step = v.apply(StaffGesture{v.now()});
    EXPECT_TRUE(on<StaffPinScreen>(step.state));
    EXPECT_TRUE(has<Wipe>(step));
    EXPECT_TRUE(nikOf(step.state).empty());
}

StaffAnswer signedIn() {
    StaffAnswer a;
    a.outcome = StaffAnswer::Outcome::SignedIn;
    a.staffId = "STF-0001";
    a.displayName = "Petugas A";
    a.role = "officer";
    return a;
}

// The long press, the badge, and the kiosk's yes.
void signInAsOfficer(Visitor& v) {
    v.apply(StaffGesture{v.now()});
    v.apply(CodeScanned{v.now(), "B-10001"});
    v.apply(StaffAnswered{v.now() + 1s, signedIn()});
}

TEST(VisitFlowStaff, ABadgeAndAPinAreHandedToTheCheckAndThePinLeavesTheState) {
    Visitor v;
    v.apply(StaffGesture{v.now()});
    v.type("1234");
    auto step = v.tap(SignInTapped{});
    EXPECT_EQ(step.state.problem, "staff.badge_needed");  // no badge yet
    EXPECT_TRUE(step.commands.empty());
    EXPECT_TRUE(step.state.staffPin.empty());  // typed again after the badge
    v.apply(CodeScanned{v.now() + 1s, "  B-10001\r\n"});
    v.type("1234");
    EXPECT_EQ(v.state().staffBadge, "B-10001");
    step = v.tap(SignInTapped{});
    ASSERT_EQ(step.commands.size(), 1u);
    const auto* check = std::get_if<CheckStaff>(&step.commands[0]);
    ASSERT_NE(check, nullptr);
    EXPECT_EQ(check->badge, "B-10001");
    EXPECT_EQ(check->pin.view(), "1234");
    EXPECT_TRUE(step.state.staffPin.empty());
}

TEST(VisitFlowStaff, AShortPinIsNotChecked) {
    Visitor v;
    v.apply(StaffGesture{v.now()});
    v.apply(CodeScanned{v.now(), "B-10001"});
    v.type("123");
    const auto step = v.tap(SignInTapped{});
    EXPECT_EQ(step.state.problem, "staff.pin_short");
    EXPECT_TRUE(step.commands.empty());
}

TEST(VisitFlowStaff, EachAnswerIsShownAndOnlyASignInLeavesThePinScreen) {
    Visitor v;
    v.apply(StaffGesture{v.now()});
    v.apply(CodeScanned{v.now(), "B-10001"});
    StaffAnswer wrong;
    wrong.outcome = StaffAnswer::Outcome::WrongPin;
    wrong.triesLeft = 2;
    auto step = v.apply(StaffAnswered{v.now() + 1s, wrong});
    EXPECT_TRUE(on<StaffPinScreen>(v.state()));
    EXPECT_EQ(v.state().problem, "staff.pin_wrong");
    EXPECT_EQ(v.state().staffBadge, "B-10001");  // the badge stays for the next try
    EXPECT_TRUE(has<Beep>(step));
    StaffAnswer locked;
    locked.outcome = StaffAnswer::Outcome::Locked;
    locked.lockedMinutes = 15;
    v.apply(StaffAnswered{v.now() + 2s, locked});
    EXPECT_EQ(v.state().problem, "staff.locked");
    EXPECT_TRUE(v.state().staffBadge.empty());
    v.apply(CodeScanned{v.now() + 3s, "B-10002"});
    step = v.apply(StaffAnswered{v.now() + 4s, signedIn()});
    EXPECT_TRUE(on<StaffHomeScreen>(v.state()));
    EXPECT_EQ(v.state().staffAnswer, signedIn());
}

TEST(VisitFlowStaff, SignOutWipesAndIsRecorded) {
    Visitor v;
    signInAsOfficer(v);
    EXPECT_TRUE(v.apply(StaffGesture{v.now() + 2s}).commands.empty());  // already signed in
    const auto step = v.tap(SignOutTapped{}, 3s);
    EXPECT_TRUE(on<AttractScreen>(v.state()));
    EXPECT_TRUE(has<Wipe>(step));
    EXPECT_FALSE(v.state().staffAnswer);
    const auto out = std::find_if(step.commands.begin(), step.commands.end(),
                                  [](const Command& c) { return std::holds_alternative<StaffSignedOut>(c); });
    ASSERT_NE(out, step.commands.end());
    EXPECT_EQ(std::get<StaffSignedOut>(*out), (StaffSignedOut{"STF-0001", "staff.sign_out"}));
}

TEST(VisitFlowStaff, AnIdleSignedInStaffMemberIsWarnedThenSignedOut) {
    FlowSettings settings;
    Visitor v(settings);
    signInAsOfficer(v);
    v.wait(settings.staffSessionIdle - 5s);
    EXPECT_TRUE(on<StaffHomeScreen>(v.state()));
    EXPECT_FALSE(v.state().countdown);
    const auto warned = v.wait(10s);
    ASSERT_TRUE(v.state().countdown);  // the warning, with "I am still here"
    EXPECT_TRUE(has<Beep>(warned));
    const auto gone = v.wait(settings.countdown + 1s);
    EXPECT_TRUE(on<AttractScreen>(v.state()));
    EXPECT_TRUE(std::any_of(gone.commands.begin(), gone.commands.end(), [](const Command& c) {
        const auto* out = std::get_if<StaffSignedOut>(&c);
        return out && out->action == "staff.idle_sign_out";
    }));
}

TEST(VisitFlowStaff, AnsweringTheWarningKeepsTheStaffSignedIn) {
    FlowSettings settings;
    Visitor v(settings);
    signInAsOfficer(v);
    v.wait(settings.staffSessionIdle + 2s);
    ASSERT_TRUE(v.state().countdown);
    v.tap(StayTapped{}, 1s);
    EXPECT_TRUE(on<StaffHomeScreen>(v.state()));
    EXPECT_FALSE(v.state().countdown);
    EXPECT_EQ(v.state().staffAnswer, signedIn());
}

TEST(VisitFlowStaff, CancelAndIdleLeaveThePinScreenForTheAttractScreen) {
    Visitor v;
    v.apply(StaffGesture{v.now()});
    v.type("12");
    EXPECT_TRUE(has<Wipe>(v.tap(CancelTapped{})));
    EXPECT_TRUE(on<AttractScreen>(v.state()));
    v.apply(StaffGesture{v.now()});
    v.type("12");
    const auto step = v.wait(31s);
    EXPECT_TRUE(has<Wipe>(step));
    EXPECT_TRUE(on<AttractScreen>(v.state()));
    EXPECT_TRUE(v.state().staffPin.empty());
}

TEST(SecretText, AppendsWhatFitsAndZeroesWhatIsRemoved) {
    SecretText t;
    EXPECT_TRUE(t.append("12345"));
    EXPECT_FALSE(t.append(std::string(SecretText::kCapacity, '9')));
    EXPECT_EQ(t.view(), "12345");
    t.popBack();
    EXPECT_EQ(t.view(), "1234");
    const SecretText copy = t;
    t.clear();
    EXPECT_TRUE(t.empty());
    EXPECT_EQ(copy.view(), "1234");
    // A shorter value copied over a longer one leaves none of the longer one behind.
    SecretText longer;
    ASSERT_TRUE(longer.append("99999999"));
    longer = copy;
    EXPECT_EQ(longer, copy);
    longer.append("5");
    EXPECT_EQ(longer.view(), "12345");
}

// "Cek status": the menu leads to the scan, a scanned code is handed to the kiosk to check, and
// what it finds is shown until "done" wipes it.
void toStatusScan(Visitor& v) {
    v.tap(StartTapped{});
    v.tap(NextTapped{});
    ASSERT_TRUE(on<MenuScreen>(v.state()));
    const auto step = v.tap(StatusTapped{});
    ASSERT_TRUE(on<StatusScanScreen>(v.state()));
    EXPECT_TRUE(has<SpeakInstruction>(step));
}

ReceiptStatus inReview() {
    auto status = ReceiptStatus::because("valid");
    status.number = "REG-KIOSK-T-000001-X";
    status.issuedHere = true;
    status.progress = ReceiptProgress::InReview;
    return status;
}

TEST(StatusCheck, AScannedCodeIsCheckedAndItsStatusShownUntilDone) {
    Visitor v;
    toStatusScan(v);
    const auto scanned = v.apply(CodeScanned{v.now() + 1s, "LKR1.SOMETHING"});
    ASSERT_EQ(scanned.commands.size(), 1u);
    const auto* lookUp = std::get_if<LookUpReceipt>(&scanned.commands[0]);
    ASSERT_NE(lookUp, nullptr);
    EXPECT_EQ(lookUp->text, "LKR1.SOMETHING");
    EXPECT_TRUE(on<StatusScanScreen>(v.state()));  // until the kiosk answers

    const auto shown = v.apply(ReceiptLookedUp{v.now() + 2s, inReview()});
    EXPECT_TRUE(on<StatusScreen>(v.state()));
    EXPECT_EQ(v.state().receiptStatus, inReview());
    EXPECT_TRUE(has<SpeakInstruction>(shown));

    const auto done = v.tap(DoneTapped{}, 3s);
    EXPECT_TRUE(on<AttractScreen>(v.state()));
    EXPECT_TRUE(has<Wipe>(done));
    EXPECT_FALSE(v.state().receiptStatus);
}

TEST(StatusCheck, ACodeThatIsNoReceiptIsSaidOnTheScanScreen) {
    Visitor v;
    toStatusScan(v);
    const auto answer = v.apply(ReceiptLookedUp{v.now() + 1s, ReceiptStatus::because("receipt.malformed")});
    EXPECT_TRUE(on<StatusScanScreen>(v.state()));
    EXPECT_EQ(v.state().problem, "receipt.malformed");
    EXPECT_TRUE(has<Beep>(answer));
    // The next scan clears the problem and asks again.
    const auto again = v.apply(CodeScanned{v.now() + 2s, "LKR1.OTHER"});
    EXPECT_TRUE(v.state().problem.empty());
    EXPECT_TRUE(has<LookUpReceipt>(again));
}

TEST(StatusCheck, BackScansAnotherAndForgetsTheLastOne) {
    Visitor v;
    toStatusScan(v);
    v.apply(ReceiptLookedUp{v.now() + 1s, inReview()});
    v.tap(BackTapped{}, 2s);
    EXPECT_TRUE(on<StatusScanScreen>(v.state()));
    EXPECT_FALSE(v.state().receiptStatus);
    v.tap(BackTapped{});
    EXPECT_TRUE(on<MenuScreen>(v.state()));
}

TEST(StatusCheck, AnAnswerArrivingElsewhereChangesNothing) {
    Visitor v;
    toStatusScan(v);
    v.tap(BackTapped{});
    const FlowState before = v.state();
    const auto late = v.apply(ReceiptLookedUp{v.now() + 1s, inReview()});
    EXPECT_EQ(v.state(), before);
    EXPECT_TRUE(late.commands.empty());
    // A code scanned on the menu is only presence: nothing is looked up.
    EXPECT_FALSE(has<LookUpReceipt>(v.apply(CodeScanned{v.now() + 2s, "LKR1.X"})));
}

TEST(StatusCheck, AStatusLeftOnScreenIsWipedWhenNobodyAnswers) {
    FlowSettings settings;
    Visitor v(settings);
    toStatusScan(v);
    v.apply(ReceiptLookedUp{v.now() + 1s, inReview()});
    v.wait(settings.idleTimeout + settings.countdown + 2s);
    EXPECT_TRUE(on<AttractScreen>(v.state()));
    EXPECT_FALSE(v.state().receiptStatus);
}

}  // namespace
}  // namespace kiosk::flow
