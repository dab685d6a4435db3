// The staff's review as a state machine: a record opened from the worklist, the eight documents
// marked, and the four decisions with their rules: approval only after every document was
// looked at, a return only with something to correct, no rejection or referral without its
// reason, an override only with another person's supervisor sign-off; the record's data gone
// when the staff member leaves it, signs out or walks away.

#include <gtest/gtest.h>

#include <algorithm>

#include "kiosk/core/flow/visit_flow.h"
#include "tests/ui/flow_test_support.h"

namespace kiosk::flow {
namespace {

using testing::find;
using testing::has;

using namespace std::chrono_literals;
using core::DecisionKind;
using core::DocumentVerdict;

StaffAnswer signedIn(std::string id, std::string role) {
    StaffAnswer a;
    a.outcome = StaffAnswer::Outcome::SignedIn;
    a.staffId = std::move(id);
    a.displayName = "Petugas Contoh";
    a.role = std::move(role);
    WorkRow complaint;
    complaint.recordId = 9;
    complaint.checkIn = true;
    complaint.complaint = true;
    complaint.number = "RET-KIOSK-T-000009-1";
    WorkRow registration;
    registration.recordId = 4;
    registration.number = "REG-KIOSK-T-000004-5";
    a.worklist = {complaint, registration};
    return a;
}

RecordView registration(std::vector<std::string> checks = {}) {
    RecordView r;
    r.recordId = 4;
    r.number = "REG-KIOSK-T-000004-5";
    r.submissionId = "2b0c5d1e-8a4f-4c3b-9d2e-1f0a6b7c8d9e";
    static_cast<void>(r.name.assign("SITI CONTOH"));
    r.checks = std::move(checks);
    return r;
}

class Staff {
public:
    explicit Staff(std::string id = "STF-0001", std::string role = "officer") : state_(startState(FlowSettings{})) {
        apply(Tick{now_});
        apply(StaffGesture{now_});
        apply(CodeScanned{now_, "B-10001"});
        apply(StaffAnswered{now_, signedIn(std::move(id), std::move(role))});
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
    // Opens the worklist's second row (the registration) and answers with `record`.
    Step open(RecordView record) {
        const auto asked = tap(WorkTapped{1});
        EXPECT_EQ(find<OpenRecord>(asked) ? find<OpenRecord>(asked)->recordId : -1, 4);
        return apply(RecordOpened{now_, std::move(record)});
    }
    void mark(std::size_t document, std::size_t choice) {
        tap(ReviewTapped{document});
        EXPECT_TRUE(std::holds_alternative<StaffDocumentScreen>(state_.screen));
        tap(ChoiceTapped{choice});
    }
    void markAllValid() {
        for (std::size_t i = 0; i < core::kAllDocuments.size(); ++i) mark(i, 0);
    }
    const FlowState& state() const { return state_; }
    Instant now() const { return now_; }
    template <class S>
    bool on() const {
        return std::holds_alternative<S>(state_.screen);
    }

private:
    FlowState state_;
    Instant now_ = Instant{} + 1h;
};

TEST(StaffReviewFlow, AWorklistRowOpensItsRecordAndBackWipesIt) {
    Staff s;
    s.open(registration());
    ASSERT_TRUE(s.on<StaffRecordScreen>());
    ASSERT_TRUE(s.state().record);
    EXPECT_EQ(s.state().record->name.view(), "SITI CONTOH");
    const auto back = s.tap(BackTapped{});
    EXPECT_TRUE(s.on<StaffHomeScreen>());
    EXPECT_FALSE(s.state().record);
    EXPECT_TRUE(has<Wipe>(back));
}

TEST(StaffReviewFlow, ARecordThatCannotBeReadIsSaidOnTheWorklist) {
    Staff s;
    s.tap(WorkTapped{1});
    s.apply(RecordOpened{s.now(), std::nullopt});
    EXPECT_TRUE(s.on<StaffHomeScreen>());
    EXPECT_EQ(s.state().problem, "staff.record_unavailable");
}

TEST(StaffReviewFlow, ApprovalNeedsEveryDocumentLookedAt) {
    Staff s;
    s.open(registration());
    s.mark(0, 0);
    auto step = s.tap(DecideTapped{DecisionKind::Approve});
    EXPECT_FALSE(has<RecordDecision>(step));
    EXPECT_EQ(s.state().problem, "decision.documents_incomplete");
    EXPECT_EQ(s.state().draft.documents[0].verdict, DocumentVerdict::Valid);
    for (std::size_t i = 1; i < core::kAllDocuments.size(); ++i) s.mark(i, 0);
    step = s.tap(DecideTapped{DecisionKind::Approve});
    EXPECT_TRUE(has<RecordDecision>(step));
    const auto decision = decisionOf(*s.state().record, s.state().draft, "STF-0001", "officer");
    EXPECT_EQ(decision.kind, DecisionKind::Approve);
    EXPECT_TRUE(decision.documents[3].originalSeen);
    EXPECT_FALSE(decision.signedOffBy);
}

TEST(StaffReviewFlow, AReturnNeedsSomethingToCorrect) {
    Staff s;
    s.open(registration());
    s.markAllValid();
    EXPECT_FALSE(has<RecordDecision>(s.tap(DecideTapped{DecisionKind::ReturnForCorrection})));
    EXPECT_EQ(s.state().problem, "decision.nothing_to_correct");
    s.mark(5, 1);  // the work visa: expired
    EXPECT_EQ(s.state().draft.documents[5], (DocumentMark{DocumentVerdict::Invalid, "doc.expired"}));
    s.mark(2, 9);  // the competence certificate: not brought
    EXPECT_TRUE(has<RecordDecision>(s.tap(DecideTapped{DecisionKind::ReturnForCorrection})));
    const auto decision = decisionOf(*s.state().record, s.state().draft, "STF-0001", "officer");
    ASSERT_EQ(core::correctionsOf(decision).size(), 2u);
    EXPECT_FALSE(decision.documents[2].originalSeen);
}

TEST(StaffReviewFlow, NoRejectionOrReferralWithoutItsReason) {
    Staff s;
    s.open(registration());
    auto step = s.tap(DecideTapped{DecisionKind::Reject});
    EXPECT_FALSE(has<RecordDecision>(step));
    ASSERT_TRUE(s.on<StaffReasonScreen>());
    // Going back chooses nothing, and nothing is decided.
    EXPECT_FALSE(has<RecordDecision>(s.tap(BackTapped{})));
    EXPECT_TRUE(s.on<StaffRecordScreen>());
    EXPECT_FALSE(s.state().draft.kind);
    s.tap(DecideTapped{DecisionKind::Reject});
    EXPECT_FALSE(has<RecordDecision>(s.tap(ChoiceTapped{99})));  // no such reason
    step = s.tap(ChoiceTapped{2});
    EXPECT_TRUE(has<RecordDecision>(step));
    EXPECT_EQ(s.state().draft.reason, "reject.duplicate");
    s.apply(DecisionRecorded{s.now(), false, "store.disk_full", {}, {}});
    EXPECT_TRUE(s.on<StaffRecordScreen>());
    EXPECT_EQ(s.state().problem, "store.disk_full");
    s.tap(DecideTapped{DecisionKind::Refer});
    ASSERT_TRUE(s.on<StaffReasonScreen>());
    EXPECT_TRUE(has<RecordDecision>(s.tap(ChoiceTapped{1})));
    EXPECT_EQ(s.state().draft.reason, "refer.suspected_trafficking");
}

TEST(StaffReviewFlow, AnOfficersOverrideWaitsForAnotherPersonWhoIsASupervisor) {
    Staff s;
    s.open(registration({"offer.fee_asked"}));
    s.markAllValid();
    auto step = s.tap(DecideTapped{DecisionKind::Approve});
    EXPECT_FALSE(has<RecordDecision>(step));
    ASSERT_TRUE(s.on<StaffSignOffScreen>());
    s.apply(CodeScanned{s.now(), "B-10003"});
    EXPECT_EQ(s.state().draft.supervisorBadge, "B-10003");
    s.apply(KeysTyped{s.now(), "2468"});
    step = s.tap(SignInTapped{});
    const auto* check = find<CheckSupervisor>(step);
    ASSERT_NE(check, nullptr);
    EXPECT_EQ(check->pin.view(), "2468");
    EXPECT_TRUE(s.state().draft.supervisorPin.empty());
    // The officer's own badge, another officer's: refused; the supervisor's: recorded.
    auto same = signedIn("STF-0001", "officer");
    step = s.apply(SupervisorAnswered{s.now(), same});
    EXPECT_EQ(s.state().problem, "decision.supervisor_same_person");
    EXPECT_FALSE(has<RecordDecision>(step));
    step = s.apply(SupervisorAnswered{s.now(), signedIn("STF-0002", "officer")});
    EXPECT_EQ(s.state().problem, "decision.supervisor_not_supervisor");
    EXPECT_FALSE(has<RecordDecision>(step));
    StaffAnswer wrong;
    wrong.outcome = StaffAnswer::Outcome::WrongPin;
    s.apply(SupervisorAnswered{s.now(), wrong});
    EXPECT_EQ(s.state().problem, "staff.pin_wrong");
    step = s.apply(SupervisorAnswered{s.now(), signedIn("STF-0003", "supervisor")});
    EXPECT_TRUE(has<RecordDecision>(step));
    const auto decision = decisionOf(*s.state().record, s.state().draft, "STF-0001", "officer");
    ASSERT_TRUE(decision.signedOffBy);
    EXPECT_EQ(decision.signedOffBy->staffId, "STF-0003");
    EXPECT_TRUE(core::validateDecision(decision, contextOf(*s.state().record)));
}

TEST(StaffReviewFlow, ASupervisorOverridesWithoutASecondPerson) {
    Staff s("STF-0003", "supervisor");
    s.open(registration({"offer.fee_asked"}));
    s.markAllValid();
    EXPECT_TRUE(has<RecordDecision>(s.tap(DecideTapped{DecisionKind::Approve})));
}

TEST(StaffReviewFlow, CancellingTheSignOffDecidesNothing) {
    Staff s;
    s.open(registration({"offer.not_listed"}));
    s.markAllValid();
    s.tap(DecideTapped{DecisionKind::Approve});
    ASSERT_TRUE(s.on<StaffSignOffScreen>());
    EXPECT_FALSE(has<RecordDecision>(s.tap(CancelTapped{})));
    EXPECT_TRUE(s.on<StaffRecordScreen>());
    EXPECT_FALSE(s.state().draft.kind);
}

TEST(StaffReviewFlow, ARecordedDecisionClosesTheRecordAndRefreshesTheWorklist) {
    Staff s;
    s.open(registration());
    s.tap(DecideTapped{DecisionKind::Reject});
    s.tap(ChoiceTapped{0});
    QueueFigures queue;
    queue.unsent = 3;
    const auto step = s.apply(DecisionRecorded{s.now(), true, {}, queue, {}});
    EXPECT_TRUE(s.on<StaffHomeScreen>());
    EXPECT_FALSE(s.state().record);
    EXPECT_EQ(s.state().draft, DecisionDraft{});
    EXPECT_EQ(s.state().notice, "staff.decision_saved");
    EXPECT_EQ(s.state().staffAnswer->queue.unsent, 3);
    EXPECT_TRUE(s.state().staffAnswer->worklist.empty());
    EXPECT_TRUE(has<Wipe>(step));
}

TEST(StaffReviewFlow, WalkingAwayFromAnOpenRecordSignsOutAndWipesIt) {
    Staff s;
    s.open(registration());
    const auto settings = s.state().settings;
    s.apply(Tick{s.now() + settings.staffSessionIdle + 1s});
    ASSERT_TRUE(s.state().countdown);
    const auto gone = s.apply(Tick{s.now() + settings.staffSessionIdle + settings.countdown + 2s});
    EXPECT_TRUE(std::holds_alternative<AttractScreen>(s.state().screen));
    EXPECT_FALSE(s.state().record);
    EXPECT_FALSE(s.state().staffAnswer);
    const auto* out = find<StaffSignedOut>(gone);
    ASSERT_NE(out, nullptr);
    EXPECT_EQ(out->action, "staff.idle_sign_out");
    EXPECT_TRUE(has<Wipe>(gone));
}

TEST(StaffReviewFlow, ACheckInIsHandledWithoutDocuments) {
    Staff s;
    s.tap(WorkTapped{0});
    RecordView checkIn;
    checkIn.recordId = 9;
    checkIn.checkIn = true;
    checkIn.submissionId = "5d2c1b0a-7e6f-4a3b-8c9d-0e1f2a3b4c5d";
    checkIn.complaint = "unpaid_wages";
    s.apply(RecordOpened{s.now(), checkIn});
    s.tap(ReviewTapped{0});
    EXPECT_TRUE(s.on<StaffRecordScreen>());  // a check-in has no documents to mark
    EXPECT_FALSE(has<RecordDecision>(s.tap(DecideTapped{DecisionKind::Refer})));
    ASSERT_TRUE(s.on<StaffReasonScreen>());
    EXPECT_TRUE(has<RecordDecision>(s.tap(ChoiceTapped{2})));
    EXPECT_EQ(s.state().draft.reason, "refer.complaint_escalation");
}

TEST(Worklist, PagesHoldTheFilteredRowsInOrderAndAShrunkListFallsBackToItsLastPage) {
    std::vector<WorkRow> rows(7);
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i].sync = i % 2 ? "acknowledged" : "pending";
    rows[2].returned = true;
    rows[2].sync = "sent";
    rows[5].complaint = true;
    EXPECT_EQ(countOf(rows, WorkFilter::All), 7u);
    EXPECT_EQ(countOf(rows, WorkFilter::Unsent), 4u);  // 0, 2 (sent, unacknowledged), 4, 6
    EXPECT_EQ(countOf(rows, WorkFilter::Returned), 1u);
    EXPECT_EQ(countOf(rows, WorkFilter::Complaints), 1u);

    auto page = pageOf(rows, WorkView{WorkFilter::Unsent, 0}, 3);
    EXPECT_EQ(page.rows, (std::vector<std::size_t>{0, 2, 4}));
    EXPECT_TRUE(page.hasNext);
    EXPECT_FALSE(page.hasPrevious);
    const auto second = turnPage(rows, WorkView{WorkFilter::Unsent, 0}, true, 3);
    EXPECT_EQ(second.first, 3u);
    page = pageOf(rows, second, 3);
    EXPECT_EQ(page.rows, (std::vector<std::size_t>{6}));
    EXPECT_EQ(page.total, 4u);
    EXPECT_TRUE(page.hasPrevious);
    EXPECT_FALSE(page.hasNext);
    EXPECT_EQ(turnPage(rows, second, true, 3), second);  // no page after the last

    // The screen fits fewer rows now, or decisions took rows away: never an empty page past the end.
    page = pageOf(rows, WorkView{WorkFilter::All, 6}, 4);
    EXPECT_EQ(page.first, 4u);
    EXPECT_EQ(page.rows, (std::vector<std::size_t>{4, 5, 6}));
    page = pageOf(rows, WorkView{WorkFilter::All, 40}, 5);
    EXPECT_EQ(page.first, 5u);
    page = pageOf({}, WorkView{WorkFilter::All, 3}, 5);
    EXPECT_TRUE(page.rows.empty());
    EXPECT_EQ(page.total, 0u);
    EXPECT_TRUE(pageOf(rows, WorkView{}, 0).rows.empty());
}

TEST(StaffReviewFlow, FiltersAndPagesNarrowTheWorklistAndRowsOpenByTheirPlaceInIt) {
    Staff s;
    // Only the complaint: its row is the worklist's first.
    s.tap(FilterTapped{WorkFilter::Complaints});
    EXPECT_EQ(s.state().work, (WorkView{WorkFilter::Complaints, 0}));
    auto page = pageOf(s.state().staffAnswer->worklist, s.state().work, 5);
    ASSERT_EQ(page.rows, std::vector<std::size_t>{0});
    // One row a page: the second page of everything is the registration, which opens.
    s.tap(FilterTapped{WorkFilter::All});
    s.tap(PageTapped{true, 1});
    EXPECT_EQ(s.state().work.first, 1u);
    page = pageOf(s.state().staffAnswer->worklist, s.state().work, 1);
    ASSERT_EQ(page.rows, std::vector<std::size_t>{1});
    EXPECT_FALSE(page.hasNext);
    s.tap(PageTapped{true, 1});  // no third page
    EXPECT_EQ(s.state().work.first, 1u);
    const auto asked = s.tap(WorkTapped{page.rows[0]});
    ASSERT_TRUE(find<OpenRecord>(asked));
    EXPECT_EQ(find<OpenRecord>(asked)->recordId, 4);
    // Back on the worklist the page stays; a new sign-in starts on the first.
    s.apply(RecordOpened{s.now(), registration()});
    s.tap(BackTapped{});
    EXPECT_EQ(s.state().work.first, 1u);
    s.tap(PageTapped{false, 1});
    EXPECT_EQ(s.state().work.first, 0u);
}

TEST(StaffReviewFlow, TheDayReportIsShownPrintedAndLeftBehind) {
    Staff s("STF-0003", "supervisor");
    auto step = s.tap(ReportTapped{});
    EXPECT_TRUE(has<MakeDayReport>(step));
    EXPECT_TRUE(s.on<StaffHomeScreen>());
    // The store could not be read: said on the worklist, nothing shown.
    s.apply(DayReportMade{s.now(), std::nullopt});
    EXPECT_TRUE(s.on<StaffHomeScreen>());
    EXPECT_EQ(s.state().problem, "staff.report_unavailable");

    s.tap(ReportTapped{});
    core::DayReport report;
    report.kioskId = "KIOSK-T";
    report.figures.records.registrations = 2;
    s.apply(DayReportMade{s.now(), report});
    ASSERT_TRUE(s.on<StaffReportScreen>());
    EXPECT_EQ(s.state().dayReport, report);
    s.tap(PageTapped{true, 1});
    EXPECT_EQ(s.state().reportPage, 1u);

    step = s.tap(PrintTapped{});
    EXPECT_TRUE(has<PrintDayReport>(step));
    s.apply(DayReportPrinted{s.now(), false});
    EXPECT_EQ(s.state().problem, "staff.report_not_printed");
    s.tap(PrintTapped{});
    s.apply(DayReportPrinted{s.now(), true});
    EXPECT_TRUE(s.state().problem.empty());
    EXPECT_EQ(s.state().notice, "staff.report_printed");

    s.tap(BackTapped{});
    EXPECT_TRUE(s.on<StaffHomeScreen>());
    EXPECT_FALSE(s.state().dayReport);
    EXPECT_EQ(s.state().reportPage, 0u);
    EXPECT_TRUE(s.state().notice.empty());
    // A print answer that comes after the screen was left changes nothing.
    const auto before = s.state();
    s.apply(DayReportPrinted{s.now(), true});
    EXPECT_EQ(s.state(), before);
}

TEST(StaffReviewFlow, TheReportScreenSignsOutWhenLeftIdle) {
    Staff s;
    s.tap(ReportTapped{});
    s.apply(DayReportMade{s.now(), core::DayReport{}});
    ASSERT_TRUE(s.on<StaffReportScreen>());
    const auto idle = s.now() + FlowSettings{}.staffSessionIdle + FlowSettings{}.countdown + 2s;
    s.apply(Tick{s.now() + FlowSettings{}.staffSessionIdle + 1s});
    EXPECT_TRUE(s.state().countdown);
    const auto out = s.apply(Tick{idle});
    EXPECT_TRUE(s.on<AttractScreen>());
    EXPECT_FALSE(s.state().dayReport);
    EXPECT_FALSE(s.state().staffAnswer);
    const auto* signedOut = find<StaffSignedOut>(out);
    ASSERT_TRUE(signedOut);
    EXPECT_EQ(signedOut->action, "staff.idle_sign_out");
}

}  // namespace
}  // namespace kiosk::flow
