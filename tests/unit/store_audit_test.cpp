// The audit hash chain: any edit, deletion or reordering of an entry is found, at the right entry.

#include <gtest/gtest.h>

#include "kiosk/store/audit_log.h"
#include "kiosk/store/migrations.h"
#include "tests/unit/store_test_support.h"

namespace kiosk::store {
namespace {

using namespace std::chrono_literals;

// Five entries on a fresh in-memory database, as the kiosk writes them: inside transactions.
class StoreAudit : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Database::open(":memory:");
        ASSERT_TRUE(opened);
        db_ = std::make_unique<Database>(std::move(*opened));
        ASSERT_TRUE(migrate(*db_));
        const char* actions[] = {"record.created", "record.created", "record.verification.verified",
                                 "record.acknowledged", "record.purged"};
        for (int i = 0; i < 5; ++i) {
            auto tx = Transaction::begin(*db_);
            ASSERT_TRUE(appendAudit(*db_, test::testEpoch() + std::chrono::minutes{i}, i == 2 ? "staff-0042" : "kiosk",
                                    actions[i], RecordId{i % 2 + 1}));
            ASSERT_TRUE(tx->commit());
        }
    }
    AuditVerdict verify() {
        auto v = verifyAudit(*db_);
        EXPECT_TRUE(v) << (v ? "" : v.error().detail);
        return v ? *v : AuditVerdict{};
    }
    void exec(const std::string& sql) { ASSERT_TRUE(db_->exec(sql)) << sql; }

    std::unique_ptr<Database> db_;
};

TEST_F(StoreAudit, IntactChainVerifies) {
    const auto v = verify();
    EXPECT_TRUE(v.intact()) << v.reason;
    EXPECT_EQ(v.entries, 5);
    EXPECT_EQ(v.headHex.size(), 64u);
}

TEST_F(StoreAudit, EmptyChainVerifies) {
    auto fresh = Database::open(":memory:");
    ASSERT_TRUE(migrate(*fresh));
    const auto v = verifyAudit(*fresh);
    ASSERT_TRUE(v);
    EXPECT_TRUE(v->intact());
    EXPECT_EQ(v->entries, 0);
}

TEST_F(StoreAudit, EditedActionIsDetected) {
    exec("UPDATE audit SET action = 'record.created' WHERE seq = 3");
    const auto v = verify();
    ASSERT_FALSE(v.intact());
    EXPECT_EQ(*v.firstBadSeq, 3);
}

TEST_F(StoreAudit, EditedActorIsDetected) {
    exec("UPDATE audit SET actor = 'kiosk' WHERE seq = 3");
    EXPECT_EQ(verify().firstBadSeq, 3);
}

TEST_F(StoreAudit, EditedTimeIsDetected) {
    exec("UPDATE audit SET at = at + 1 WHERE seq = 2");
    EXPECT_EQ(verify().firstBadSeq, 2);
}

TEST_F(StoreAudit, EditedRecordIdIsDetected) {
    exec("UPDATE audit SET record_id = NULL WHERE seq = 4");
    EXPECT_EQ(verify().firstBadSeq, 4);
}

TEST_F(StoreAudit, DeletedMiddleEntryIsDetected) {
    exec("DELETE FROM audit WHERE seq = 2");
    const auto v = verify();
    ASSERT_FALSE(v.intact());
    EXPECT_EQ(*v.firstBadSeq, 3);  // the first entry found where entry 2 belonged
}

TEST_F(StoreAudit, DeletedAndRenumberedEntryIsDetected) {
    exec("DELETE FROM audit WHERE seq = 2");
    exec("UPDATE audit SET seq = seq - 1 WHERE seq > 2");
    EXPECT_EQ(verify().firstBadSeq, 2);
}

TEST_F(StoreAudit, DeletedLastEntryIsDetectedThroughTheHead) {
    exec("DELETE FROM audit WHERE seq = 5");
    const auto v = verify();
    ASSERT_FALSE(v.intact());
    EXPECT_EQ(*v.firstBadSeq, 5);
}

TEST_F(StoreAudit, DeletedHeadIsDetected) {
    exec("DELETE FROM audit_head");
    EXPECT_FALSE(verify().intact());
}

TEST_F(StoreAudit, ReorderedEntriesAreDetected) {
    // Swap entries 2 and 3 whole (content and stored hash), keeping the sequence numbers in order.
    exec("UPDATE audit SET seq = -2 WHERE seq = 2");
    exec("UPDATE audit SET seq = 2 WHERE seq = 3");
    exec("UPDATE audit SET seq = 3 WHERE seq = -2");
    const auto v = verify();
    ASSERT_FALSE(v.intact());
    EXPECT_EQ(*v.firstBadSeq, 2);
}

TEST_F(StoreAudit, RolledBackTransactionLeavesNoEntry) {
    {
        auto tx = Transaction::begin(*db_);
        ASSERT_TRUE(appendAudit(*db_, test::testEpoch(), "kiosk", "record.created", RecordId{9}));
    }
    const auto v = verify();
    EXPECT_TRUE(v.intact());
    EXPECT_EQ(v.entries, 5);
}

TEST_F(StoreAudit, RecentEntriesComeNewestLast) {
    const auto entries = recentAudit(*db_, 2);
    ASSERT_TRUE(entries);
    ASSERT_EQ(entries->size(), 2u);
    EXPECT_EQ((*entries)[0].seq, 4);
    EXPECT_EQ((*entries)[1].action, "record.purged");
}

}  // namespace
}  // namespace kiosk::store
