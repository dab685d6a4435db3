// I/O error injection: a wrapping sqlite3_vfs fails the Nth xWrite or xSync. For every N in the
// enqueue path, the enqueue must report an Error and hand out no receipt, and the database must stay
// consistent: integrity_check ok, no record without its outbox row, key and payload, or the reverse.

#include <gtest/gtest.h>

#include "kiosk/store/audit_log.h"
#include "tests/unit/fault_vfs.h"
#include "tests/unit/store_test_support.h"

namespace kiosk::store {
namespace {

using test::FaultPlan;
using test::kFaultVfsName;
using test::registerFaultVfs;
auto& plan = test::faultPlan;

struct Consistency {
    std::int64_t records = -1;
    bool ok = false;
    std::string problem;
};

// Opens the database as the kiosk would after a restart and checks it whole.
Consistency check(const test::TempDir& dir, const MasterKey& key, const Clock& clock) {
    Consistency c;
    auto opened = Store::open(test::storeConfig(dir), key, clock);
    if (!opened) return {-1, false, "reopen: " + opened.error().detail};
    auto& db = (*opened)->database();
    if (*db.queryText("PRAGMA integrity_check") != "ok") return {-1, false, "integrity_check failed"};
    c.records = test::countRows(db, "records");
    const char* orphans[] = {
        "SELECT count(*) FROM records r WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.record_id = r.id)",
        "SELECT count(*) FROM outbox o WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.id = o.record_id)",
        "SELECT count(*) FROM records r WHERE NOT EXISTS (SELECT 1 FROM record_keys k WHERE k.record_id = r.id)",
        "SELECT count(*) FROM records r WHERE NOT EXISTS (SELECT 1 FROM record_payloads p WHERE p.record_id = r.id)",
        "SELECT count(*) FROM records r WHERE NOT EXISTS (SELECT 1 FROM consents c WHERE c.record_id = r.id)",
        "SELECT count(*) FROM records r WHERE NOT EXISTS "
        "(SELECT 1 FROM audit a WHERE a.record_id = r.id AND a.action = 'record.created')",
        "SELECT (SELECT count(*) FROM audit) - (SELECT count(*) FROM records)",
    };
    for (const auto* sql : orphans) {
        auto n = db.queryInteger(sql);
        if (!n || *n != 0) return {c.records, false, std::string("orphan rows: ") + sql};
    }
    const auto audit = verifyAudit(db);
    if (!audit || !audit->intact()) return {c.records, false, "audit chain broken"};
    auto ids = db.prepare("SELECT id FROM records");
    while (*ids->step())
        if (!(*opened)->personalData(ids->integer(0))) return {c.records, false, "a record does not decrypt"};
    c.ok = true;
    return c;
}

// Runs the sweep: N = 1, 2, ... until the enqueue gets through without meeting the fault.
void sweep(bool sticky) {
    registerFaultVfs();
    int landedDespiteError = 0;
    for (int n = 1;; ++n) {
        ASSERT_LT(n, 1000) << "the enqueue path never stopped meeting faults";
        test::TempDir dir;
        const auto key = test::makeMasterKey(dir);
        FakeClock clock(test::testEpoch());
        {  // one record already there, written without faults
            auto store = Store::open(test::storeConfig(dir), *key, clock);
            ASSERT_TRUE(store);
            ASSERT_TRUE((*store)->enqueue(test::makeSubmission(test::Person{}, 4096, 1)));
        }
        auto config = test::storeConfig(dir);
        config.open.vfs = kFaultVfsName;
        std::optional<Result<Receipt>> result;
        {
            auto store = Store::open(config, *key, clock);
            ASSERT_TRUE(store) << store.error().detail;
            plan = FaultPlan{true, sticky, n, 0, false};
            result.emplace((*store)->enqueue(test::makeSubmission(test::Person{}, 4096, 2)));
            plan.armed = false;
        }
        const auto after = check(dir, *key, clock);
        ASSERT_TRUE(after.ok) << "N=" << n << ": " << after.problem;
        if (!plan.fired) {
            ASSERT_TRUE(*result) << "N=" << n << ": " << result->error().detail;
            EXPECT_EQ(after.records, 2);
            std::cout << "[ fault    ] " << (sticky ? "sticky" : "single") << " faults: the enqueue path has " << n - 1
                      << " writes and syncs; " << landedDespiteError
                      << " failed enqueues had nonetheless reached the disk whole\n";
            return;
        }
        ASSERT_FALSE(*result) << "N=" << n << ": an I/O error was injected but a receipt was handed out";
        EXPECT_TRUE(result->error().code == "store.io" || result->error().code == "store.disk_full")
            << result->error().code;
        // A failed enqueue leaves the record absent, or (a sync failing after the commit frame was
        // written) present and whole; never half there. No receipt either way.
        EXPECT_TRUE(after.records == 1 || after.records == 2) << "N=" << n << ": " << after.records;
        if (after.records == 2) ++landedDespiteError;
    }
}

TEST(StoreFaults, EveryFailedWriteOrSyncInEnqueueLeavesNoOrphanAndNoReceipt) { sweep(false); }

TEST(StoreFaults, DiskGoneFromTheNthWriteLeavesNoOrphanAndNoReceipt) { sweep(true); }

}  // namespace
}  // namespace kiosk::store
