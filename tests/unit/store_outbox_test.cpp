// The transactional outbox: one transaction per submission, claims that never overlap, and an
// idempotency key that never changes.

#include <gtest/gtest.h>

#include "kiosk/store/audit_log.h"
#include "tests/unit/store_test_support.h"

namespace kiosk::store {
namespace {

using namespace std::chrono_literals;
using test::TempDir;

class StoreOutbox : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Store::open(test::storeConfig(dir_), *key_, clock_);
        ASSERT_TRUE(opened) << opened.error().detail;
        store_ = std::move(*opened);
    }
    Receipt enqueue() {
        auto r = store_->enqueue(test::makeSubmission());
        EXPECT_TRUE(r) << (r ? "" : r.error().detail);
        return r ? *r : Receipt{};
    }
    std::string stateOf(const Receipt& r) {
        auto q = store_->database().prepare("SELECT state FROM outbox WHERE submission_id = ?1");
        q->bind(1, r.submissionId);
        return *q->step() ? q->text(0) : "missing";
    }

    TempDir dir_;
    std::unique_ptr<FileMasterKey> key_ = test::makeMasterKey(dir_);
    FakeClock clock_{test::testEpoch()};
    std::unique_ptr<Store> store_;
};

TEST_F(StoreOutbox, EnqueueWritesRecordConsentOutboxAndAuditTogether) {
    const auto receipt = enqueue();
    auto& db = store_->database();
    EXPECT_EQ(test::countRows(db, "records"), 1);
    EXPECT_EQ(test::countRows(db, "record_keys"), 1);
    EXPECT_EQ(test::countRows(db, "record_payloads"), 1);
    EXPECT_EQ(test::countRows(db, "consents"), 1);
    EXPECT_EQ(test::countRows(db, "outbox"), 1);
    EXPECT_EQ(test::countRows(db, "audit"), 1);
    EXPECT_EQ(stateOf(receipt), "pending");
    EXPECT_EQ(*db.queryText("SELECT purposes FROM consents"), R"(["registration","placement_matching"])");
    EXPECT_EQ(*db.queryText("SELECT kiosk_id FROM consents"), "KIOSK-TEST-01");
    EXPECT_EQ(receipt.payloadSha256, sha256Hex(test::makeSubmission().personalPayload));
}

TEST_F(StoreOutbox, FailedEnqueueLeavesNothing) {
    auto bad = test::makeSubmission();
    bad.kind = RecordKind::StaffDecision;
    bad.subject = 999;  // no such record: the foreign key fails after the record row was inserted
    const auto r = store_->enqueue(bad);
    ASSERT_FALSE(r);
    auto& db = store_->database();
    for (const auto* table :
         {"records", "record_keys", "record_payloads", "record_index", "consents", "outbox", "audit"})
        EXPECT_EQ(test::countRows(db, table), 0) << table;
}

TEST_F(StoreOutbox, StaffDecisionWithoutPersonalDataNamesItsRecord) {
    const auto registration = enqueue();
    NewSubmission decision;
    decision.kind = RecordKind::StaffDecision;
    decision.siteId = "LTSA-TEST-01";
    decision.kioskId = "KIOSK-TEST-01";
    decision.actor = "staff-0042";
    decision.publicFields = R"({"decision":"approve"})";
    decision.subject = registration.recordId;
    const auto r = store_->enqueue(decision);
    ASSERT_TRUE(r) << r.error().detail;
    const auto payload = store_->personalData(r->recordId);
    ASSERT_TRUE(payload);
    EXPECT_TRUE(payload->empty());
    const auto summary = store_->record(r->recordId);
    EXPECT_EQ(summary->kind, RecordKind::StaffDecision);
    EXPECT_EQ(*store_->database().queryText("SELECT actor FROM audit ORDER BY seq DESC LIMIT 1"), "staff-0042");
    EXPECT_EQ(test::countRows(store_->database(), "outbox"), 2);
}

TEST_F(StoreOutbox, LifecycleClaimSentAcknowledged) {
    const auto receipt = enqueue();
    auto claimed = store_->outbox().claimDue(10, 60s);
    ASSERT_TRUE(claimed);
    ASSERT_EQ(claimed->size(), 1u);
    EXPECT_EQ((*claimed)[0].submissionId, receipt.submissionId);
    EXPECT_EQ((*claimed)[0].recordId, receipt.recordId);
    EXPECT_EQ(stateOf(receipt), "in_flight");
    ASSERT_TRUE(store_->outbox().markSent(receipt.submissionId, clock_.now() + 1h));
    EXPECT_EQ(stateOf(receipt), "sent");
    ASSERT_TRUE(store_->outbox().acknowledge({receipt.submissionId, receipt.payloadSha256, "SRV-0001"}));
    EXPECT_EQ(stateOf(receipt), "acknowledged");
    EXPECT_EQ(*store_->database().queryText("SELECT server_ref FROM outbox"), "SRV-0001");
    // Acknowledged rows are never claimed again.
    clock_.advance(24h);
    EXPECT_TRUE(store_->outbox().claimDue(10, 60s)->empty());
}

TEST_F(StoreOutbox, ALeaseNamesTheProcessThatTookIt) {
    enqueue();
    ASSERT_EQ(store_->outbox().claimDue(10, 5min)->size(), 1u);
    EXPECT_EQ(*store_->database().queryText("SELECT lease_owner FROM outbox"), thisProcessLeaseOwner());
    EXPECT_TRUE(leaseOwnerAlive(thisProcessLeaseOwner()));
}

TEST_F(StoreOutbox, TheLeasesOfADeadHolderAreTakenBackAtOnceALivingOnesAreNot) {
    const auto first = enqueue();
    const auto second = enqueue();
    // A kiosk killed mid-upload held the first; kioskctl, still running, holds the second.
    Outbox dead(store_->database(), clock_, "boot-before-the-power-cut/4242/1000");
    Outbox living(store_->database(), clock_, "kioskctl-still-running/4343/2000");
    ASSERT_EQ(dead.claimDue(1, 5min)->size(), 1u);
    ASSERT_EQ(living.claimDue(1, 5min)->size(), 1u);
    EXPECT_TRUE(store_->outbox().claimDue(10, 5min)->empty()) << "both leases run";

    const auto alive = [](std::string_view owner) {
        return owner.starts_with("kioskctl-still-running") || leaseOwnerAlive(owner);
    };
    ASSERT_EQ(*store_->outbox().releaseDeadLeases(alive), 1);
    EXPECT_EQ(stateOf(first), "in_flight");  // still unanswered: it goes again under the same id
    const auto again = store_->outbox().claimDue(10, 5min);
    ASSERT_EQ(again->size(), 1u);
    EXPECT_EQ((*again)[0].submissionId, first.submissionId);
    EXPECT_EQ(*store_->outbox().releaseDeadLeases(alive), 0) << "this process's own lease is alive";
    (void)second;
}

TEST_F(StoreOutbox, ALeaseWithoutAHolderFromAnOlderBuildIsReleased) {
    const auto receipt = enqueue();
    ASSERT_EQ(store_->outbox().claimDue(1, 5min)->size(), 1u);
    ASSERT_TRUE(store_->database().exec("UPDATE outbox SET lease_owner = NULL"));
    EXPECT_EQ(*store_->outbox().releaseDeadLeases(), 1);
    EXPECT_EQ(store_->outbox().claimDue(1, 5min)->front().submissionId, receipt.submissionId);
}

TEST(LeaseOwner, ADeadOrMalformedHolderIsNotAlive) {
    const std::string self = thisProcessLeaseOwner();
    const auto slash = self.find('/');
    ASSERT_NE(slash, std::string::npos);
    const std::string boot = self.substr(0, slash);
    const auto rest = self.substr(slash + 1);
    const auto pid = rest.substr(0, rest.find('/'));
    const auto start = rest.substr(rest.find('/') + 1);
    EXPECT_FALSE(leaseOwnerAlive("another-boot/" + rest)) << "a reboot ends every lease";
    EXPECT_FALSE(leaseOwnerAlive(boot + "/" + pid + "/" + start + "1")) << "the pid reused by another process";
    EXPECT_FALSE(leaseOwnerAlive(boot + "/999999999/" + start));
    for (const auto* bad : {"", "/", "//", "a/b/c", "boot/12", "boot/-1/5", "boot/1/x"})
        EXPECT_FALSE(leaseOwnerAlive(bad)) << bad;
}

TEST_F(StoreOutbox, AcknowledgementWithAnotherHashIsRefused) {
    const auto receipt = enqueue();
    ASSERT_TRUE(store_->outbox().claimDue(10, 60s));
    const auto r = store_->outbox().acknowledge({receipt.submissionId, std::string(64, '0'), "SRV-0001"});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, "store.ack_mismatch");
    EXPECT_EQ(stateOf(receipt), "in_flight");
}

TEST_F(StoreOutbox, AcknowledgingTwiceIsHarmless) {
    const auto receipt = enqueue();
    ASSERT_TRUE(store_->outbox().claimDue(10, 60s));
    const Acknowledgement ack{receipt.submissionId, receipt.payloadSha256, "SRV-0001"};
    ASSERT_TRUE(store_->outbox().acknowledge(ack));
    EXPECT_TRUE(store_->outbox().acknowledge(ack));
    EXPECT_EQ(*store_->database().queryInteger("SELECT count(*) FROM audit WHERE action = 'record.acknowledged'"), 1);
}

TEST_F(StoreOutbox, UnknownSubmissionIsAnError) {
    EXPECT_EQ(store_->outbox().acknowledge({"no-such-id", "x", "y"}).error().code, "store.unknown_submission");
}

TEST_F(StoreOutbox, RejectedKeepsItsCode) {
    const auto receipt = enqueue();
    ASSERT_TRUE(store_->outbox().claimDue(10, 60s));
    ASSERT_TRUE(store_->outbox().reject(receipt.submissionId, "schema.unknown_field"));
    EXPECT_EQ(stateOf(receipt), "rejected");
    EXPECT_EQ(*store_->database().queryText("SELECT reject_code FROM outbox"), "schema.unknown_field");
    EXPECT_EQ(store_->outbox().acknowledge({receipt.submissionId, receipt.payloadSha256, "S"}).error().code,
              "store.bad_transition");
}

TEST_F(StoreOutbox, RetryCountsAttemptsAndWaitsUntilDue) {
    const auto receipt = enqueue();
    ASSERT_TRUE(store_->outbox().claimDue(10, 60s));
    ASSERT_TRUE(store_->outbox().retryLater(receipt.submissionId, clock_.now() + 5min, "http.503"));
    EXPECT_EQ(stateOf(receipt), "pending");
    EXPECT_TRUE(store_->outbox().claimDue(10, 60s)->empty());  // not due yet
    clock_.advance(5min);
    const auto again = store_->outbox().claimDue(10, 60s);
    ASSERT_EQ(again->size(), 1u);
    EXPECT_EQ((*again)[0].attempts, 1);
    const auto entries = store_->outbox().list(10);
    EXPECT_EQ((*entries)[0].lastError, "http.503");
}

TEST_F(StoreOutbox, IdempotencyKeyNeverChanges) {
    const auto receipt = enqueue();
    for (int i = 0; i < 3; ++i) {
        const auto claimed = store_->outbox().claimDue(10, 60s);
        ASSERT_EQ(claimed->size(), 1u);
        EXPECT_EQ((*claimed)[0].submissionId, receipt.submissionId);
        ASSERT_TRUE(store_->outbox().retryLater(receipt.submissionId, clock_.now(), "net.reset"));
    }
    store_.reset();  // and across a restart
    auto reopened = Store::open(test::storeConfig(dir_), *key_, clock_);
    const auto claimed = (*reopened)->outbox().claimDue(10, 60s);
    ASSERT_EQ(claimed->size(), 1u);
    EXPECT_EQ((*claimed)[0].submissionId, receipt.submissionId);
    EXPECT_EQ((*claimed)[0].attempts, 3);
}

TEST_F(StoreOutbox, ExpiredLeaseIsClaimedAgain) {
    const auto receipt = enqueue();
    ASSERT_EQ(store_->outbox().claimDue(10, 60s)->size(), 1u);
    clock_.advance(59s);
    EXPECT_TRUE(store_->outbox().claimDue(10, 60s)->empty());
    clock_.advance(1s);
    const auto again = store_->outbox().claimDue(10, 60s);
    ASSERT_EQ(again->size(), 1u);
    EXPECT_EQ((*again)[0].submissionId, receipt.submissionId);
}

TEST_F(StoreOutbox, ClaimTakesAtMostTheBatchOldestFirst) {
    std::vector<Receipt> receipts;
    for (int i = 0; i < 5; ++i) {
        receipts.push_back(enqueue());
        clock_.advance(1s);
    }
    const auto claimed = store_->outbox().claimDue(3, 60s);
    ASSERT_EQ(claimed->size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ((*claimed)[i].submissionId, receipts[i].submissionId);
}

TEST_F(StoreOutbox, StatusCountsByStateAndOldestUnsentAge) {
    const auto a = enqueue();
    clock_.advance(10min);
    const auto b = enqueue();
    enqueue();
    clock_.advance(5min);
    ASSERT_EQ(store_->outbox().claimDue(2, 60s)->size(), 2u);
    ASSERT_TRUE(store_->outbox().acknowledge({a.submissionId, a.payloadSha256, "S1"}));
    const auto status = store_->outbox().status();
    ASSERT_TRUE(status);
    EXPECT_EQ(status->pending, 1);
    EXPECT_EQ(status->inFlight, 1);
    EXPECT_EQ(status->acknowledged, 1);
    EXPECT_EQ(status->rejected, 0);
    ASSERT_TRUE(status->oldestUnsentAge);
    EXPECT_EQ(*status->oldestUnsentAge, 5min);  // b is the oldest not acknowledged
    (void)b;
}

TEST_F(StoreOutbox, EmptyQueueHasNoOldestAge) {
    const auto status = store_->outbox().status();
    ASSERT_TRUE(status);
    EXPECT_EQ(status->unsent(), 0);
    EXPECT_FALSE(status->oldestUnsentAge);
}

TEST_F(StoreOutbox, ListShowsNoPersonalData) {
    enqueue();
    const auto entries = store_->outbox().list(10);
    ASSERT_TRUE(entries);
    ASSERT_EQ(entries->size(), 1u);
    const auto& e = (*entries)[0];
    EXPECT_EQ(e.state, OutboxState::Pending);
    for (const auto& field : {e.submissionId, e.payloadSha256, e.lastError, e.serverReference, e.rejectCode})
        EXPECT_EQ(field.find("CANARYNAMA"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::store
