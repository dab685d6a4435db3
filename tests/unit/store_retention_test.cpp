// Retention and the disk guard: purge only what the server acknowledged long enough ago and staff
// no longer need; never unsent data; refuse new submissions before the disk is full.

#include <gtest/gtest.h>

#include <limits>

#include "kiosk/store/audit_log.h"
#include "kiosk/store/disk_guard.h"
#include "tests/unit/store_test_support.h"

namespace kiosk::store {
namespace {

using namespace std::chrono_literals;
using test::TempDir;

class StoreRetention : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Store::open(test::storeConfig(dir_), *key_, clock_);
        ASSERT_TRUE(opened) << opened.error().detail;
        store_ = std::move(*opened);
    }
    Receipt enqueue(LocalVerification verification = LocalVerification::NotRequired) {
        auto s = test::makeSubmission();
        s.verification = verification;
        auto r = store_->enqueue(s);
        EXPECT_TRUE(r);
        return *r;
    }
    void acknowledge(const Receipt& r) {
        ASSERT_TRUE(store_->outbox().claimDue(1000, 60s));
        ASSERT_TRUE(store_->outbox().acknowledge({r.submissionId, r.payloadSha256, "SRV"}));
    }
    bool purged(const Receipt& r) {
        const auto data = store_->personalData(r.recordId);
        return !data && data.error().code == "store.purged";
    }

    RetentionPolicy policy_{std::chrono::hours{24 * 7}};
    TempDir dir_;
    std::unique_ptr<FileMasterKey> key_ = test::makeMasterKey(dir_);
    FakeClock clock_{test::testEpoch()};
    std::unique_ptr<Store> store_;
};

TEST_F(StoreRetention, PurgesAcknowledgedRecordsOlderThanThePolicy) {
    const auto r = enqueue();
    acknowledge(r);
    clock_.advance(policy_.afterAcknowledgement);
    const auto report = store_->purge(policy_);
    ASSERT_TRUE(report) << report.error().detail;
    EXPECT_EQ(report->purged, 1);
    EXPECT_TRUE(purged(r));
    auto& db = store_->database();
    EXPECT_EQ(test::countRows(db, "record_keys"), 0);
    EXPECT_EQ(test::countRows(db, "record_payloads"), 0);
    EXPECT_EQ(test::countRows(db, "record_index"), 0);
    // The non-personal row stays for reports, and the purge is in the audit chain.
    const auto summary = store_->record(r.recordId);
    ASSERT_TRUE(summary);
    EXPECT_TRUE(summary->purged);
    EXPECT_EQ(summary->submissionId, r.submissionId);
    EXPECT_EQ(*db.queryInteger("SELECT count(*) FROM audit WHERE action = 'record.purged'"), 1);
    EXPECT_TRUE(verifyAudit(db)->intact());
    EXPECT_TRUE(store_->findByNik(test::Person{}.nik)->empty());
}

TEST_F(StoreRetention, KeepsAcknowledgedRecordsYoungerThanThePolicy) {
    const auto r = enqueue();
    acknowledge(r);
    clock_.advance(policy_.afterAcknowledgement - 1s);
    EXPECT_EQ(store_->purge(policy_)->purged, 0);
    EXPECT_FALSE(purged(r));
}

TEST_F(StoreRetention, NeverPurgesUnsentRecords) {
    const auto pending = enqueue();
    const auto inFlight = enqueue();
    const auto rejected = enqueue();
    auto claimed = store_->outbox().claimDue(1000, 3650 * 24h);
    ASSERT_TRUE(store_->outbox().reject(rejected.submissionId, "bad"));
    ASSERT_TRUE(store_->outbox().retryLater(pending.submissionId, clock_.now() + 3650 * 24h, "http.503"));
    clock_.advance(policy_.afterAcknowledgement * 10);
    const auto report = store_->purge(policy_);
    ASSERT_TRUE(report);
    EXPECT_EQ(report->purged, 0);
    EXPECT_EQ(report->unsent, 2);
    ASSERT_TRUE(report->oldestUnsentAge);
    EXPECT_EQ(*report->oldestUnsentAge,
              std::chrono::duration_cast<std::chrono::seconds>(policy_.afterAcknowledgement * 10));
    for (const auto& r : {pending, inFlight, rejected}) EXPECT_FALSE(purged(r));
}

TEST_F(StoreRetention, WaitsForPendingLocalVerification) {
    const auto r = enqueue(LocalVerification::Pending);
    acknowledge(r);
    clock_.advance(policy_.afterAcknowledgement * 2);
    EXPECT_EQ(store_->purge(policy_)->purged, 0);
    EXPECT_FALSE(purged(r));
    ASSERT_TRUE(store_->setLocalVerification(r.recordId, LocalVerification::Verified, "staff-0042"));
    EXPECT_EQ(store_->purge(policy_)->purged, 1);
    EXPECT_TRUE(purged(r));
}

TEST_F(StoreRetention, PurgesOnlyTheEligibleAmongMany) {
    const auto old = enqueue();
    const auto unsent = enqueue();
    acknowledge(old);
    ASSERT_TRUE(store_->outbox().retryLater(unsent.submissionId, clock_.now(), "http.503"));
    clock_.advance(policy_.afterAcknowledgement);
    const auto young = enqueue();
    acknowledge(young);
    EXPECT_EQ(store_->purge(policy_)->purged, 1);
    EXPECT_TRUE(purged(old));
    EXPECT_FALSE(purged(unsent));
    EXPECT_FALSE(purged(young));
    EXPECT_EQ(store_->purge(policy_)->purged, 0);  // a second run finds nothing more
}

TEST_F(StoreRetention, VerificationChangesAreAudited) {
    const auto r = enqueue(LocalVerification::Pending);
    ASSERT_TRUE(store_->setLocalVerification(r.recordId, LocalVerification::Verified, "staff-0042"));
    EXPECT_EQ(*store_->database().queryText("SELECT actor FROM audit ORDER BY seq DESC LIMIT 1"), "staff-0042");
    EXPECT_EQ(store_->setLocalVerification(4242, LocalVerification::Verified, "staff-0042").error().code,
              "store.not_found");
}

TEST(StoreDiskGuard, RefusesUnderTheFloorWithAClearReason) {
    TempDir dir;
    const auto free = freeBytes(dir.path());
    ASSERT_TRUE(free);
    EXPECT_GT(*free, 0u);
    EXPECT_TRUE(checkFreeSpace(dir.path(), 0));
    const auto refused = checkFreeSpace(dir.path(), std::numeric_limits<std::uint64_t>::max());
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, "store.disk_full");
    EXPECT_NE(refused.error().detail.find("refused"), std::string::npos);
}

TEST(StoreDiskGuard, EnqueueIsRefusedBeforeAnythingIsWritten) {
    TempDir dir;
    const auto key = test::makeMasterKey(dir);
    FakeClock clock(test::testEpoch());
    auto config = test::storeConfig(dir);
    config.minFreeBytes = std::numeric_limits<std::uint64_t>::max();
    auto store = Store::open(config, *key, clock);
    ASSERT_TRUE(store);
    const auto r = (*store)->enqueue(test::makeSubmission());
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, "store.disk_full");
    EXPECT_EQ(test::countRows((*store)->database(), "records"), 0);
}

TEST(StoreCounters, UnderAgeCounterHoldsANumberOnly) {
    TempDir dir;
    const auto key = test::makeMasterKey(dir);
    FakeClock clock(test::testEpoch());
    auto store = Store::open(test::storeConfig(dir), *key, clock);
    EXPECT_EQ(*(*store)->counter("under_age"), 0);
    EXPECT_EQ(*(*store)->incrementCounter("under_age"), 1);
    EXPECT_EQ(*(*store)->incrementCounter("under_age"), 2);
    EXPECT_EQ(*(*store)->counter("under_age"), 2);
    EXPECT_EQ(test::countRows((*store)->database(), "records"), 0);
}

TEST(StoreDeviceEvents, AreRecorded) {
    TempDir dir;
    const auto key = test::makeMasterKey(dir);
    FakeClock clock(test::testEpoch());
    auto store = Store::open(test::storeConfig(dir), *key, clock);
    ASSERT_TRUE((*store)->recordDeviceEvent("printer", "paper_out", "status=0x12"));
    EXPECT_EQ(*(*store)->database().queryText("SELECT event FROM device_events"), "paper_out");
}

}  // namespace
}  // namespace kiosk::store
