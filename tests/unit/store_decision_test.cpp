// Staff decisions in the store: the decision record and the subject's new state commit together or
// not at all (an I/O error swept over every write and sync), a standing decision changes only with
// a supervisor, the audit chain holds, and the schema step that brought the "returned" state.

#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>

#include "kiosk/store/audit_log.h"
#include "kiosk/store/migrations.h"
#include "tests/unit/fault_vfs.h"
#include "tests/unit/store_test_support.h"

namespace kiosk::store {
namespace {

using namespace std::chrono_literals;
using test::TempDir;

const std::string kPayload = R"({"kind":"staff_decision","note":"CANARYCATATAN"})";

Receipt enqueuePending(Store& store) {
    auto s = test::makeSubmission();
    s.verification = LocalVerification::Pending;
    auto r = store.enqueue(s);
    EXPECT_TRUE(r) << (r ? "" : r.error().detail);
    return r ? *r : Receipt{};
}

NewDecision decisionOn(RecordId subject, LocalVerification outcome = LocalVerification::Verified) {
    NewDecision d;
    d.subject = subject;
    d.siteId = "LTSA-TEST-01";
    d.kioskId = "KIOSK-TEST-01";
    d.staffId = "STF-0001";
    d.payload.assign(kPayload.begin(), kPayload.end());
    d.publicFields = outcome == LocalVerification::Returned ? R"({"decision":"return_for_correction"})"
                                                            : R"({"decision":"approve"})";
    d.outcome = outcome;
    return d;
}

class StoreDecision : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Store::open(test::storeConfig(dir_), *key_, clock_);
        ASSERT_TRUE(opened) << opened.error().detail;
        store_ = std::move(*opened);
        subject_ = enqueuePending(*store_).recordId;
    }
    Receipt decide(const NewDecision& d) {
        clock_.advance(1min);
        auto r = store_->recordDecision(d);
        EXPECT_TRUE(r) << (r ? "" : r.error().code + ": " + r.error().detail);
        return r ? *r : Receipt{};
    }
    LocalVerification stateOf(RecordId id) { return store_->record(id)->verification; }
    std::int64_t count(const std::string& table) { return test::countRows(store_->database(), table); }
    std::vector<AuditEntry> audit() {
        auto entries = recentAudit(store_->database(), 100);
        EXPECT_TRUE(entries);
        return entries ? *entries : std::vector<AuditEntry>{};
    }

    TempDir dir_;
    std::unique_ptr<FileMasterKey> key_ = test::makeMasterKey(dir_);
    FakeClock clock_{test::testEpoch()};
    std::unique_ptr<Store> store_;
    RecordId subject_ = 0;
};

TEST_F(StoreDecision, ApprovalWritesTheDecisionAndVerifiesTheSubjectTogether) {
    const auto receipt = decide(decisionOn(subject_));
    const auto record = store_->record(receipt.recordId);
    ASSERT_TRUE(record);
    EXPECT_EQ(record->kind, RecordKind::StaffDecision);
    EXPECT_EQ(record->publicFields, R"({"decision":"approve"})");
    EXPECT_EQ(*store_->database().queryInteger("SELECT subject_record_id FROM records WHERE id = " +
                                               std::to_string(receipt.recordId)),
              subject_);
    EXPECT_EQ(stateOf(subject_), LocalVerification::Verified);
    const auto payload = store_->personalData(receipt.recordId);
    ASSERT_TRUE(payload);
    EXPECT_EQ(std::string(payload->begin(), payload->end()), kPayload);
    // The note is in the encrypted payload only.
    EXPECT_EQ(*store_->database().queryInteger("SELECT count(*) FROM records WHERE public_fields LIKE '%CANARY%'"), 0);

    const auto entries = audit();
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[1].action, "record.created");
    EXPECT_EQ(entries[1].actor, "STF-0001");
    EXPECT_EQ(entries[1].recordId, receipt.recordId);
    EXPECT_EQ(entries[2].action, "record.verification.verified");
    EXPECT_EQ(entries[2].actor, "STF-0001");
    EXPECT_EQ(entries[2].recordId, subject_);
}

TEST_F(StoreDecision, TheOutboxHoldsTheDecisionOnce) {
    const auto receipt = decide(decisionOn(subject_));
    EXPECT_EQ(count("outbox"), 2);
    EXPECT_EQ(*store_->database().queryInteger("SELECT count(*) FROM outbox WHERE record_id = " +
                                               std::to_string(receipt.recordId)),
              1);
    const auto entry = store_->outbox().find(receipt.submissionId);
    ASSERT_TRUE(entry);
    ASSERT_TRUE(entry->has_value());
    EXPECT_EQ((*entry)->recordId, receipt.recordId);
    EXPECT_EQ((*entry)->state, OutboxState::Pending);
    EXPECT_EQ((*entry)->payloadSha256, receipt.payloadSha256);
    EXPECT_EQ(receipt.payloadSha256, sha256Hex(Bytes(kPayload.begin(), kPayload.end())));
    const auto claimed = store_->outbox().claimDue(10, 60s);
    ASSERT_TRUE(claimed);
    EXPECT_EQ(std::count_if(claimed->begin(), claimed->end(),
                            [&](const auto& c) { return c.submissionId == receipt.submissionId; }),
              1);
}

TEST_F(StoreDecision, ASecondDecisionOnADecidedRecordIsRefusedWithoutASupervisor) {
    decide(decisionOn(subject_));
    const auto records = count("records");
    const auto outbox = count("outbox");
    const auto entries = count("audit");
    auto second = decisionOn(subject_, LocalVerification::Returned);
    second.staffId = "STF-0004";
    const auto r = store_->recordDecision(second);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, "store.already_decided");
    EXPECT_EQ(count("records"), records);
    EXPECT_EQ(count("outbox"), outbox);
    EXPECT_EQ(count("audit"), entries);
    EXPECT_EQ(count("record_keys"), records);
    EXPECT_EQ(stateOf(subject_), LocalVerification::Verified);
}

TEST_F(StoreDecision, ASupervisorOverrideChangesAStandingDecisionAndTheSignerIsAudited) {
    decide(decisionOn(subject_));
    auto change = decisionOn(subject_, LocalVerification::Returned);
    change.supervisorOverride = true;
    change.signedOffBy = "STF-0002";
    const auto receipt = decide(change);
    EXPECT_EQ(stateOf(subject_), LocalVerification::Returned);
    const auto entries = audit();
    ASSERT_EQ(entries.size(), 6u);
    EXPECT_EQ(entries[4].action, "record.verification.returned");
    EXPECT_EQ(entries[4].actor, "STF-0001");
    EXPECT_EQ(entries[5].action, "record.decision.signed_off");
    EXPECT_EQ(entries[5].actor, "STF-0002");
    EXPECT_EQ(entries[5].recordId, receipt.recordId);
}

TEST_F(StoreDecision, AReturnedRecordTakesItsNextDecisionWithoutASupervisor) {
    decide(decisionOn(subject_, LocalVerification::Returned));
    EXPECT_EQ(stateOf(subject_), LocalVerification::Returned);
    decide(decisionOn(subject_));
    EXPECT_EQ(stateOf(subject_), LocalVerification::Verified);
}

TEST_F(StoreDecision, TheAuditChainVerifiesAfterDecisions) {
    decide(decisionOn(subject_, LocalVerification::Returned));
    decide(decisionOn(subject_));
    auto change = decisionOn(subject_);
    change.supervisorOverride = true;
    change.signedOffBy = "STF-0002";
    decide(change);
    ASSERT_FALSE(store_->recordDecision(decisionOn(subject_)));  // refused: writes no entry
    const auto verdict = verifyAudit(store_->database());
    ASSERT_TRUE(verdict);
    EXPECT_TRUE(verdict->intact()) << verdict->reason;
    EXPECT_EQ(verdict->entries, 1 + 2 + 2 + 3);
}

TEST_F(StoreDecision, DecisionsForListsTheHistoryOldestFirst) {
    const auto other = enqueuePending(*store_);
    const auto first = decide(decisionOn(subject_, LocalVerification::Returned));
    decide(decisionOn(other.recordId));
    const auto second = decide(decisionOn(subject_));
    const auto history = store_->decisionsFor(subject_);
    ASSERT_TRUE(history);
    ASSERT_EQ(history->size(), 2u);
    EXPECT_EQ((*history)[0].id, first.recordId);
    EXPECT_EQ((*history)[0].submissionId, first.submissionId);
    EXPECT_EQ((*history)[0].createdAt, first.createdAt);
    EXPECT_EQ((*history)[0].publicFields, R"({"decision":"return_for_correction"})");
    EXPECT_EQ((*history)[0].outbox, OutboxState::Pending);
    EXPECT_EQ((*history)[1].id, second.recordId);
    EXPECT_EQ((*history)[1].publicFields, R"({"decision":"approve"})");
    EXPECT_LT((*history)[0].createdAt, (*history)[1].createdAt);
    EXPECT_TRUE(store_->decisionsFor(4242)->empty());
}

TEST_F(StoreDecision, RecordsThatAreNotForDecisionAreRefused) {
    EXPECT_EQ(store_->recordDecision(decisionOn(4242)).error().code, "store.not_found");
    const auto decision = decide(decisionOn(subject_));
    auto onDecision = decisionOn(decision.recordId);
    onDecision.supervisorOverride = true;
    EXPECT_EQ(store_->recordDecision(onDecision).error().code, "store.not_decidable");
    auto plain = store_->enqueue(test::makeSubmission());  // needs no verification
    ASSERT_TRUE(plain);
    auto onPlain = decisionOn(plain->recordId);
    onPlain.supervisorOverride = true;
    EXPECT_EQ(store_->recordDecision(onPlain).error().code, "store.not_decidable");
}

TEST_F(StoreDecision, ReturnedRecordsKeepTheirDataUntilDecided) {
    const auto subject = store_->record(subject_);
    ASSERT_TRUE(store_->outbox().claimDue(10, 60s));
    ASSERT_TRUE(store_->outbox().acknowledge({subject->submissionId, subject->payloadSha256, "SRV-1"}));
    decide(decisionOn(subject_, LocalVerification::Returned));
    clock_.advance(24h * 31);
    ASSERT_TRUE(store_->purge({}));
    EXPECT_TRUE(store_->personalData(subject_)) << "purged while the applicant is still to come back";
    decide(decisionOn(subject_));
    ASSERT_TRUE(store_->purge({}));
    EXPECT_EQ(store_->personalData(subject_).error().code, "store.purged");
    // A purged record has nothing left to decide on, even for a supervisor.
    auto change = decisionOn(subject_);
    change.supervisorOverride = true;
    EXPECT_EQ(store_->recordDecision(change).error().code, "store.not_decidable");
}

// What a restart finds after a decision that may have failed part way: all of it or none of it.
struct AfterRestart {
    bool whole = false;
    bool decided = false;
    std::string problem;
};

AfterRestart inspect(const TempDir& dir, const MasterKey& key, const Clock& clock, RecordId subject) {
    auto opened = Store::open(test::storeConfig(dir), key, clock);
    if (!opened) return {false, false, "reopen: " + opened.error().detail};
    auto& store = **opened;
    auto& db = store.database();
    if (*db.queryText("PRAGMA integrity_check") != "ok") return {false, false, "integrity_check failed"};
    const auto verdict = verifyAudit(db);
    if (!verdict || !verdict->intact()) return {false, false, "audit chain broken"};
    const auto history = store.decisionsFor(subject);
    const auto state = store.record(subject)->verification;
    const auto records = test::countRows(db, "records");
    const bool decided = records == 2;
    const std::int64_t expect = decided ? 2 : 1;
    if (test::countRows(db, "outbox") != expect || test::countRows(db, "record_keys") != expect ||
        test::countRows(db, "record_payloads") != expect || test::countRows(db, "audit") != (decided ? 3 : 1))
        return {false, decided, "rows of a half-written decision"};
    if (!history || history->size() != (decided ? 1u : 0u)) return {false, decided, "decision history"};
    if (state != (decided ? LocalVerification::Verified : LocalVerification::Pending))
        return {false, decided, "subject state does not match the decision"};
    if (decided && !store.personalData(history->front().id)) return {false, decided, "decision does not decrypt"};
    return {true, decided, ""};
}

// N = 1, 2, ...: the Nth write or sync of the decision fails (and, sticky, every one after it),
// until a decision gets through without meeting the fault.
void sweep(bool sticky) {
    test::registerFaultVfs();
    int landedDespiteError = 0;
    for (int n = 1;; ++n) {
        ASSERT_LT(n, 1000) << "the decision path never stopped meeting faults";
        TempDir dir;
        const auto key = test::makeMasterKey(dir);
        FakeClock clock(test::testEpoch());
        RecordId subject = 0;
        {
            auto store = Store::open(test::storeConfig(dir), *key, clock);
            ASSERT_TRUE(store);
            subject = enqueuePending(**store).recordId;
        }
        auto config = test::storeConfig(dir);
        config.open.vfs = test::kFaultVfsName;
        std::optional<Result<Receipt>> result;
        {
            auto store = Store::open(config, *key, clock);
            ASSERT_TRUE(store) << store.error().detail;
            test::faultPlan = test::FaultPlan{true, sticky, n, 0, false};
            result.emplace((*store)->recordDecision(decisionOn(subject)));
            test::faultPlan.armed = false;
        }
        const auto after = inspect(dir, *key, clock, subject);
        ASSERT_TRUE(after.whole) << "N=" << n << ": " << after.problem;
        if (!test::faultPlan.fired) {
            ASSERT_TRUE(*result) << "N=" << n << ": " << result->error().detail;
            EXPECT_TRUE(after.decided);
            EXPECT_GT(n, 1) << "the decision wrote nothing at all";
            std::cout << "[ fault    ] " << (sticky ? "sticky" : "single") << " faults: the decision path has " << n - 1
                      << " writes and syncs; " << landedDespiteError
                      << " failed decisions had nonetheless reached the disk whole\n";
            return;
        }
        ASSERT_FALSE(*result) << "N=" << n << ": an I/O error was injected but a receipt was handed out";
        // A sync failing after the commit frame was written may leave the decision whole on disk;
        // never half of it, and never a receipt.
        if (after.decided) ++landedDespiteError;
    }
}

TEST(StoreDecisionFaults, EveryFailedWriteOrSyncLeavesTheWholeDecisionOrNone) { sweep(false); }

TEST(StoreDecisionFaults, DiskGoneFromTheNthWriteLeavesTheWholeDecisionOrNone) { sweep(true); }

TEST(StoreMigrations, TheReturnedStateArrivesWithEveryRowAndReferenceKept) {
    TempDir dir;
    auto opened = Database::open(dir / "old.db");
    ASSERT_TRUE(opened);
    auto& db = *opened;
    ASSERT_TRUE(migrateTo(db, 1));
    ASSERT_TRUE(
        db.exec("INSERT INTO records (id, kind, site_id, kiosk_id, created_at, public_fields, local_verification) "
                "VALUES (1, 'registration', 'LTSA-TEST-01', 'KIOSK-TEST-01', 10, '{}', 'pending');"
                "INSERT INTO records (id, kind, site_id, kiosk_id, created_at, public_fields, subject_record_id, "
                "local_verification) VALUES (2, 'staff_decision', 'LTSA-TEST-01', 'KIOSK-TEST-01', 20, "
                "'{\"decision\":\"approve\"}', 1, 'not_required');"
                "INSERT INTO record_keys VALUES (1, x'01'), (2, x'02');"
                "INSERT INTO record_payloads VALUES (1, x'03'), (2, x'04');"
                "INSERT INTO outbox (record_id, submission_id, payload_sha256, state, created_at, due_at) "
                "VALUES (1, 'sub-1', 'hash-1', 'pending', 10, 10), (2, 'sub-2', 'hash-2', 'pending', 20, 20);"));
    EXPECT_FALSE(db.exec("UPDATE records SET local_verification = 'returned' WHERE id = 1"));

    const auto before = migrate(db);
    ASSERT_TRUE(before) << before.error().detail;
    EXPECT_EQ(*before, 1);
    EXPECT_EQ(*db.queryInteger("PRAGMA user_version"), codeSchemaVersion());
    EXPECT_EQ(test::countRows(db, "records"), 2);
    EXPECT_EQ(*db.queryInteger("SELECT subject_record_id FROM records WHERE id = 2"), 1);
    EXPECT_EQ(*db.queryText("SELECT public_fields FROM records WHERE id = 2"), R"({"decision":"approve"})");
    EXPECT_EQ(
        *db.queryText("SELECT group_concat(submission_id) FROM (SELECT submission_id FROM outbox ORDER BY record_id)"),
        "sub-1,sub-2");
    auto broken = db.prepare("PRAGMA foreign_key_check");
    ASSERT_TRUE(broken);
    EXPECT_FALSE(*broken->step());
    EXPECT_EQ(*db.queryInteger("PRAGMA foreign_keys"), 1);
    EXPECT_FALSE(
        db.exec("INSERT INTO outbox (record_id, submission_id, payload_sha256, state, created_at) "
                "VALUES (99, 'sub-9', 'hash-9', 'pending', 30)"))
        << "references to records are enforced again";
    EXPECT_TRUE(db.exec("UPDATE records SET local_verification = 'returned' WHERE id = 1"));
    EXPECT_EQ(*db.queryInteger("SELECT count(*) FROM sqlite_schema WHERE name = 'records_by_subject'"), 1);
}

TEST(StoreMigrations, LocalVerificationNamesMatchTheSchema) {
    for (const auto state : {LocalVerification::NotRequired, LocalVerification::Pending, LocalVerification::Verified,
                             LocalVerification::Returned})
        EXPECT_EQ(localVerificationFrom(toString(state)), state) << toString(state);
    EXPECT_EQ(toString(LocalVerification::Returned), "returned");
}

}  // namespace
}  // namespace kiosk::store
