// The maintenance screen as a state machine: admins alone reach it; it asks for the kiosk's
// condition on arrival and every few seconds while it is open; each device's test, "sync now" and
// the export become commands and their answers news; a device test keeps nothing of what it read;
// and leaving, signing out or walking away drops it all.

#include <gtest/gtest.h>

#include "kiosk/core/flow/visit_flow.h"
#include "tests/ui/flow_test_support.h"

namespace kiosk::flow {
namespace {

using testing::find;
using testing::has;
using namespace std::chrono_literals;

StaffAnswer signedIn(std::string role) {
    StaffAnswer a;
    a.outcome = StaffAnswer::Outcome::SignedIn;
    a.staffId = "STF-0009";
    a.displayName = "Teknisi Contoh";
    a.role = std::move(role);
    return a;
}

KioskCondition condition(bool withScanner) {
    KioskCondition c;
    c.version = "1.2.3";
    c.kioskId = "KIOSK-T";
    c.parts = {PartCondition{Part::Camera, "ready", true, {}},
               PartCondition{Part::CodeScanner, withScanner ? "ready" : "not_fitted", false, {}},
               PartCondition{Part::MrzReader, "failed", false, "no answer on /dev/ttyUSB1"},
               PartCondition{Part::ReceiptPrinter, "ready", true, {}}};
    c.queue.unsent = 3;
    return c;
}

class Admin {
public:
    explicit Admin(std::string role = "admin") : state_(startState(FlowSettings{})) {
        apply(Tick{now_});
        apply(StaffGesture{now_});
        apply(CodeScanned{now_, "B-20001"});
        apply(StaffAnswered{now_, signedIn(std::move(role))});
    }
    Step tap(Action a) {
        now_ += 1s;
        return apply(Tap{state_.view, now_, a});
    }
    Step apply(const Event& e) {
        auto step = onEvent(state_, e);
        state_ = step.state;
        return step;
    }
    Step tick(std::chrono::milliseconds by) {
        now_ += by;
        return apply(Tick{now_});
    }
    // Opens the maintenance screen and answers its first question.
    void open(bool withScanner = true) {
        const auto opened = tap(MaintenanceTapped{});
        ASSERT_TRUE(has<CheckKiosk>(opened));
        apply(KioskChecked{now_, condition(withScanner)});
    }
    const FlowState& state() const { return state_; }
    Instant now() const { return now_; }

private:
    FlowState state_;
    Instant now_{};
};

TEST(MaintenanceFlow, OnlyAnAdminReachesTheMaintenanceScreen) {
    for (const auto* role : {"officer", "supervisor"}) {
        Admin someone(role);
        const auto step = someone.tap(MaintenanceTapped{});
        EXPECT_TRUE(std::holds_alternative<StaffHomeScreen>(someone.state().screen)) << role;
        EXPECT_FALSE(has<CheckKiosk>(step)) << role;
    }
    Admin admin;
    admin.open();
    EXPECT_TRUE(std::holds_alternative<MaintenanceScreen>(admin.state().screen));
    EXPECT_EQ(screenName(admin.state().screen), "maintenance");
    ASSERT_TRUE(admin.state().condition);
    EXPECT_EQ(admin.state().condition->queue.unsent, 3);
}

TEST(MaintenanceFlow, TheConditionIsReadAgainEveryFewSecondsWhileTheScreenIsOpen) {
    Admin admin;
    admin.open();
    EXPECT_FALSE(has<CheckKiosk>(admin.tick(1s)));
    EXPECT_TRUE(has<CheckKiosk>(admin.tick(1s)));
    EXPECT_FALSE(has<CheckKiosk>(admin.tick(1s)));
    EXPECT_TRUE(has<CheckKiosk>(admin.tick(1s)));
    // An answer that arrives after the screen was left changes nothing.
    admin.tap(BackTapped{});
    EXPECT_TRUE(std::holds_alternative<StaffHomeScreen>(admin.state().screen));
    EXPECT_FALSE(admin.state().condition);
    const auto before = admin.state();
    admin.apply(KioskChecked{admin.now(), condition(true)});
    EXPECT_EQ(admin.state(), before);
    EXPECT_FALSE(has<CheckKiosk>(admin.tick(5s)));
}

TEST(MaintenanceFlow, WalkingAwaySignsOutAndDropsTheCondition) {
    Admin admin;
    admin.open();
    // Reading the figures is not activity: the warning comes after the staff's idle time.
    for (int i = 0; i < 180; ++i) admin.tick(1s);
    ASSERT_TRUE(admin.state().countdown);
    const auto gone = admin.tick(25s);
    EXPECT_TRUE(std::holds_alternative<AttractScreen>(gone.state.screen));
    EXPECT_FALSE(gone.state.condition);
    EXPECT_FALSE(gone.state.staffAnswer);
    const auto* out = find<StaffSignedOut>(gone);
    ASSERT_NE(out, nullptr);
    EXPECT_EQ(out->action, "staff.idle_sign_out");
}

TEST(MaintenanceFlow, ThePrintersTestPrintsAPageAndSaysHowItWent) {
    Admin admin;
    admin.open();
    const auto asked = admin.tap(PartTapped{Part::ReceiptPrinter});
    const auto* print = find<PrintTestPage>(asked);
    ASSERT_NE(print, nullptr);
    EXPECT_EQ(print->staffId, "STF-0009");
    EXPECT_TRUE(std::holds_alternative<MaintenanceScreen>(admin.state().screen));
    auto answered = admin.apply(TestPagePrinted{admin.now(), true, {}});
    EXPECT_EQ(admin.state().notice, "maintenance.printed");
    EXPECT_TRUE(has<CheckKiosk>(answered));  // the printer's line shows what printing did to it
    admin.tap(PartTapped{Part::ReceiptPrinter});
    answered = admin.apply(TestPagePrinted{admin.now(), false, "print.failed"});
    EXPECT_EQ(admin.state().problem, "print.failed");
    EXPECT_TRUE(admin.state().notice.empty());
    EXPECT_TRUE(has<Beep>(answered));
}

TEST(MaintenanceFlow, TheScannersTestKeepsTheLengthOfWhatWasReadAndNotTheText) {
    Admin admin;
    admin.open();
    admin.tap(PartTapped{Part::CodeScanner});
    ASSERT_TRUE(std::holds_alternative<PartTestScreen>(admin.state().screen));
    EXPECT_EQ(screenName(admin.state().screen), "test-scanner");
    ASSERT_TRUE(admin.state().partTest);
    EXPECT_EQ(admin.state().partTest->outcome, PartTest::Outcome::Waiting);

    const std::string code = "3201234567890123";
    admin.apply(CodeScanned{admin.now(), code});
    ASSERT_TRUE(admin.state().partTest);
    EXPECT_EQ(admin.state().partTest->outcome, PartTest::Outcome::Passed);
    EXPECT_EQ(admin.state().partTest->characters, code.size());
    EXPECT_FALSE(admin.state().partTest->testPage);
    // Nothing of the code itself stays in the state.
    EXPECT_TRUE(admin.state().staffBadge.empty());
    EXPECT_TRUE(admin.state().visit.form.text(TextField::Nik).empty());

    admin.apply(CodeScanned{admin.now(), std::string(kTestPagePrefix) + "KIOSK-T 20261208T101500"});
    EXPECT_TRUE(admin.state().partTest->testPage);

    // Back goes to the maintenance screen, which reads the condition again.
    const auto back = admin.tap(BackTapped{});
    EXPECT_TRUE(std::holds_alternative<MaintenanceScreen>(admin.state().screen));
    EXPECT_FALSE(admin.state().partTest);
    EXPECT_TRUE(has<CheckKiosk>(back));
}

TEST(MaintenanceFlow, TheMrzReadersTestChecksTheCheckDigits) {
    Admin admin;
    admin.open();
    admin.tap(PartTapped{Part::MrzReader});
    ASSERT_TRUE(std::holds_alternative<PartTestScreen>(admin.state().screen));
    auto lines = testing::passport("CONTOH<<UJI", "X1234567", "900101", 'F', "300101");
    admin.apply(MrzScanned{admin.now(), lines});
    ASSERT_TRUE(admin.state().partTest);
    EXPECT_EQ(admin.state().partTest->outcome, PartTest::Outcome::Passed);
    EXPECT_EQ(admin.state().partTest->format, "TD3");

    lines[1][3] = lines[1][3] == '9' ? '8' : '9';  // a misread digit of the number
    const auto bad = admin.apply(MrzScanned{admin.now(), lines});
    EXPECT_EQ(admin.state().partTest->outcome, PartTest::Outcome::Failed);
    EXPECT_TRUE(has<Beep>(bad));
    // A code is not this test's input.
    admin.apply(CodeScanned{admin.now(), "ABC"});
    EXPECT_EQ(admin.state().partTest->outcome, PartTest::Outcome::Failed);
}

TEST(MaintenanceFlow, ADeviceThatIsNotFittedHasNoTest) {
    Admin admin;
    admin.open(false);
    admin.tap(PartTapped{Part::CodeScanner});
    EXPECT_TRUE(std::holds_alternative<MaintenanceScreen>(admin.state().screen));
    admin.tap(PartTapped{Part::Camera});
    EXPECT_TRUE(std::holds_alternative<PartTestScreen>(admin.state().screen));
    EXPECT_EQ(screenName(admin.state().screen), "test-camera");
}

TEST(MaintenanceFlow, SyncNowAndTheExportBecomeCommandsAndTheirAnswersNews) {
    Admin admin;
    admin.open();
    const auto sync = admin.tap(SyncNowTapped{});
    ASSERT_NE(find<SyncNow>(sync), nullptr);
    EXPECT_EQ(find<SyncNow>(sync)->staffId, "STF-0009");
    admin.apply(SyncRequested{admin.now(), true, {}});
    EXPECT_EQ(admin.state().notice, "maintenance.sync_started");
    admin.apply(SyncRequested{admin.now(), false, "maintenance.sync_not_configured"});
    EXPECT_EQ(admin.state().problem, "maintenance.sync_not_configured");

    const auto exported = admin.tap(ExportTapped{});
    ASSERT_NE(find<ExportUnsent>(exported), nullptr);
    EXPECT_TRUE(admin.state().problem.empty());
    admin.apply(UnsentExported{admin.now(), true, {}, ExportDone{3, "loket-KIOSK-T-20261208T031500Z.lkb"}});
    EXPECT_EQ(admin.state().notice, "maintenance.exported");
    ASSERT_TRUE(admin.state().exported);
    EXPECT_EQ(admin.state().exported->count, 3);

    admin.tap(ExportTapped{});
    EXPECT_FALSE(admin.state().exported);
    const auto refused = admin.apply(UnsentExported{admin.now(), false, "export.no_media", {}});
    EXPECT_EQ(admin.state().problem, "export.no_media");
    EXPECT_TRUE(has<Beep>(refused));

    // The answers of a screen left behind are dropped.
    admin.tap(BackTapped{});
    const auto home = admin.state();
    admin.apply(UnsentExported{admin.now(), true, {}, ExportDone{1, "x.lkb"}});
    admin.apply(TestPagePrinted{admin.now(), true, {}});
    EXPECT_EQ(admin.state(), home);
}

TEST(MaintenanceFlow, SigningOutFromTheHomeDropsEverything) {
    Admin admin;
    admin.open();
    admin.tap(BackTapped{});
    const auto out = admin.tap(SignOutTapped{});
    EXPECT_TRUE(std::holds_alternative<AttractScreen>(out.state.screen));
    EXPECT_FALSE(out.state.condition);
    EXPECT_FALSE(out.state.partTest);
    EXPECT_TRUE(has<Wipe>(out));
}

}  // namespace
}  // namespace kiosk::flow
