// The end-of-day figures on a real database file: the day is [start, end) and nothing either side
// of it counts, the outbox states and conflicts of the day's records, the oldest unsent record of
// the whole queue, staff decisions by code, under-age stops and the devices' last events.

#include "kiosk/store/day_report.h"

#include <gtest/gtest.h>

#include "kiosk/store/migrations.h"
#include "tests/unit/store_test_support.h"

namespace kiosk::store {
namespace {

using namespace std::chrono_literals;
using test::TempDir;

// The local day 2026-03-02 in WIB (UTC+7): 2026-03-01T17:00Z to 2026-03-02T17:00Z.
const core::DayWindow kDay =
    core::dayWindow(Date{std::chrono::year{2026}, std::chrono::March, std::chrono::day{2}}, std::chrono::hours{7});

// The figures as the report prints them.
std::string jsonOf(DayFigures figures) {
    core::DayReport report;
    report.figures = std::move(figures);
    return core::dayReportJson(report);
}

class StoreDayReport : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Store::open(test::storeConfig(dir_), *key_, clock_);
        ASSERT_TRUE(opened) << opened.error().detail;
        store_ = std::move(*opened);
    }
    Receipt at(Clock::TimePoint when, NewSubmission s) {
        clock_.set(when);
        auto r = store_->enqueue(s);
        EXPECT_TRUE(r) << (r ? "" : r.error().detail);
        return r ? *r : Receipt{};
    }
    Receipt registrationAt(Clock::TimePoint when, LocalVerification verification = LocalVerification::NotRequired) {
        auto s = test::makeSubmission();
        s.verification = verification;
        return at(when, s);
    }
    Receipt checkInAt(Clock::TimePoint when) {
        auto s = test::makeSubmission();
        s.kind = RecordKind::ReturneeCheckIn;
        return at(when, s);
    }
    Receipt decisionAt(Clock::TimePoint when, std::string publicFields) {
        NewSubmission s;
        s.kind = RecordKind::StaffDecision;
        s.siteId = "LTSA-TEST-01";
        s.kioskId = "KIOSK-TEST-01";
        s.actor = "STF-0007";
        s.publicFields = std::move(publicFields);
        return at(when, s);
    }
    void deviceEventAt(Clock::TimePoint when, std::string_view device, std::string_view event,
                       std::string_view detail) {
        clock_.set(when);
        ASSERT_TRUE(store_->recordDeviceEvent(device, event, detail));
    }
    void underAgeStopAt(Clock::TimePoint when) {
        clock_.set(when);
        ASSERT_TRUE(store_->incrementCounter(kUnderAgeStopCounter));
    }
    DayFigures figures() {
        auto f = dayFigures(*store_, kDay.start, kDay.end);
        EXPECT_TRUE(f) << (f ? "" : f.error().detail);
        return f ? *f : DayFigures{};
    }

    // A busy day with something on either side of it; the clock ends an hour after the day.
    void playBusyDay() {
        underAgeStopAt(kDay.start - 1h);
        deviceEventAt(kDay.start - 1h, "camera", "failed", "no_frames");
        const auto a = registrationAt(kDay.start - 1ms);
        ASSERT_TRUE(store_->outbox().markSent(a.submissionId, kDay.start + 24h * 7));

        registrationAt(kDay.start, LocalVerification::Pending);
        clock_.set(kDay.start + 1min);
        ASSERT_EQ(store_->outbox().claimDue(10, 1h)->size(), 1u);  // only this one is due: in flight

        const auto c = registrationAt(kDay.start + 1h);
        ASSERT_TRUE(store_->outbox().acknowledge({c.submissionId, c.payloadSha256, "SRV-1"}));
        const auto d = checkInAt(kDay.start + 2h);
        ASSERT_TRUE(store_->outbox().reject(d.submissionId, "id_conflict"));
        const auto e = registrationAt(kDay.start + 3h, LocalVerification::Pending);
        ASSERT_TRUE(store_->setLocalVerification(e.recordId, LocalVerification::Verified, "STF-0007"));
        ASSERT_TRUE(store_->outbox().reject(e.submissionId, "schema_invalid"));
        const auto r = registrationAt(kDay.start + 3h, LocalVerification::Pending);
        ASSERT_TRUE(store_->setLocalVerification(r.recordId, LocalVerification::Returned, "STF-0007"));

        const auto s1 = decisionAt(kDay.start + 4h, R"({"decision":"approve","reason":"dokumen lengkap"})");
        ASSERT_TRUE(store_->outbox().markSent(s1.submissionId, kDay.start + 24h * 7));
        decisionAt(kDay.start + 4h, R"({"decision":"approve"})");
        decisionAt(kDay.start + 4h, R"({"decision":"reject","reason":"CANARYNAMA ZQXW menolak"})");
        decisionAt(kDay.start + 4h, R"({"reason":"tanpa keputusan"})");
        decisionAt(kDay.start + 4h, R"({"decision":"CANARYNAMA ZQXW"})");  // free text is no code
        decisionAt(kDay.start + 4h, R"({"decision":7})");
        decisionAt(kDay.start + 4h, "not json at all");

        underAgeStopAt(kDay.start + 5h);
        underAgeStopAt(kDay.start + 5h + 30min);
        deviceEventAt(kDay.start + 5h, "receipt_printer", "paper_out", "status=0x12");
        deviceEventAt(kDay.start + 6h, "receipt_printer", "ready", "");
        deviceEventAt(kDay.start + 6h, "code_scanner", "disconnected", "errno=19");

        registrationAt(kDay.end);
        underAgeStopAt(kDay.end);
        deviceEventAt(kDay.end, "camera", "ready", "");
        checkInAt(kDay.end + 1h);
    }

    TempDir dir_;
    std::unique_ptr<FileMasterKey> key_ = test::makeMasterKey(dir_);
    FakeClock clock_{test::testEpoch()};
    std::unique_ptr<Store> store_;
};

TEST_F(StoreDayReport, TheDayIncludesItsFirstInstantAndExcludesItsEnd) {
    registrationAt(kDay.start - 1ms);
    registrationAt(kDay.start);
    registrationAt(kDay.end - 1ms);
    registrationAt(kDay.end);
    EXPECT_EQ(figures().records.registrations, 2);
}

TEST_F(StoreDayReport, RecordsAreCountedByKindAndRegistrationsByTheirCheck) {
    playBusyDay();
    const auto f = figures();
    EXPECT_EQ(f.records.registrations, 4);
    EXPECT_EQ(f.records.returneeCheckIns, 1);
    EXPECT_EQ(f.records.staffDecisions, 7);
    EXPECT_EQ(f.registrations.pending, 1);
    EXPECT_EQ(f.registrations.verified, 1);
    EXPECT_EQ(f.registrations.returned, 1);
    EXPECT_EQ(f.registrations.notRequired, 1);
}

TEST_F(StoreDayReport, TheDaysRecordsAreCountedByOutboxStateWithConflictsApart) {
    playBusyDay();
    const auto o = figures().outbox;
    EXPECT_EQ(o.pending, 7);
    EXPECT_EQ(o.inFlight, 1);
    EXPECT_EQ(o.sent, 1);
    EXPECT_EQ(o.acknowledged, 1);
    EXPECT_EQ(o.rejected, 2);
    EXPECT_EQ(o.conflicts, 1);
}

TEST_F(StoreDayReport, TheOldestUnsentIsFoundOverTheWholeQueue) {
    playBusyDay();
    const auto q = figures().queue;
    // Before the day: A (sent); the day: B (in flight), R (returned), S1 (sent), six decisions;
    // after: two records.
    EXPECT_EQ(q.unsent, 12);
    ASSERT_TRUE(q.oldestCreatedAt);
    EXPECT_EQ(*q.oldestCreatedAt, kDay.start - 1ms);
    ASSERT_TRUE(q.oldestAge);
    EXPECT_EQ(*q.oldestAge, std::chrono::seconds{25 * 3600});  // the clock stands at end + 1 h
}

TEST_F(StoreDayReport, AnEmptyQueueHasNoOldest) {
    const auto c = registrationAt(kDay.start + 1h);
    ASSERT_TRUE(store_->outbox().acknowledge({c.submissionId, c.payloadSha256, "SRV-1"}));
    const auto q = figures().queue;
    EXPECT_EQ(q.unsent, 0);
    EXPECT_FALSE(q.oldestCreatedAt);
    EXPECT_FALSE(q.oldestAge);
}

TEST_F(StoreDayReport, StaffDecisionsAreCountedByTheirCodeAndFreeTextIsNeverACode) {
    playBusyDay();
    const auto f = figures();
    EXPECT_EQ(f.decisions, (std::vector<core::DecisionCount>{{"approve", 2}, {"reject", 1}}));
    EXPECT_EQ(f.decisionsWithoutCode, 4);
}

TEST_F(StoreDayReport, UnderAgeStopsOfTheDayComeFromTheAuditAndTheTotalFromTheCounter) {
    playBusyDay();
    const auto u = figures().underAgeStops;
    EXPECT_EQ(u.day, 2);
    EXPECT_EQ(u.total, 4);
}

TEST_F(StoreDayReport, EachDeviceShowsItsLastEventOfTheDay) {
    playBusyDay();
    EXPECT_EQ(figures().devices,
              (std::vector<core::DeviceHealthLine>{{"code_scanner", "disconnected", "errno=19", kDay.start + 6h, 1},
                                                   {"receipt_printer", "ready", "", kDay.start + 6h, 2}}));
}

TEST_F(StoreDayReport, TwoEventsAtTheSameInstantShowTheOneRecordedLast) {
    deviceEventAt(kDay.start + 1h, "receipt_printer", "paper_low", "status=0x0c");
    deviceEventAt(kDay.start + 1h, "receipt_printer", "paper_out", "status=0x12");
    const auto devices = figures().devices;
    ASSERT_EQ(devices.size(), 1u);
    EXPECT_EQ(devices[0].state, "paper_out");
    EXPECT_EQ(devices[0].events, 2);
}

TEST_F(StoreDayReport, AReadOnlyConnectionGivesTheSameFigures) {
    playBusyDay();
    auto db = openForReading(dir_ / "kiosk.db");
    ASSERT_TRUE(db) << db.error().detail;
    const auto fromStore = figures();
    const auto read = dayFigures(*db, clock_, kDay.start, kDay.end);
    ASSERT_TRUE(read) << read.error().detail;
    EXPECT_EQ(jsonOf(*read), jsonOf(fromStore));
}

TEST_F(StoreDayReport, NoPersonalDataReachesTheReport) {
    playBusyDay();
    const test::Person person;
    const auto json = jsonOf(figures());
    for (const auto& secret : {person.name, person.nik, person.passport, std::string("CANARYNAMA"),
                               std::string("dokumen lengkap"), std::string("tanpa keputusan")})
        EXPECT_EQ(json.find(secret), std::string::npos) << secret;
    EXPECT_NE(json.find("\"approve\":2"), std::string::npos) << json;
}

}  // namespace
}  // namespace kiosk::store
