// I/O error injection: a wrapping sqlite3_vfs fails the Nth xWrite or xSync. For every N in the
// enqueue path, the enqueue must report an Error and hand out no receipt, and the database must stay
// consistent: integrity_check ok, no record without its outbox row, key and payload, or the reverse.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "kiosk/store/audit_log.h"
#include "tests/unit/store_test_support.h"

namespace kiosk::store {
namespace {

// The fault plan; only the test thread touches it.
struct FaultPlan {
    bool armed = false;
    bool sticky = false;  // fail every write and sync from the Nth on (the disk went away)
    int failAt = 0;
    int calls = 0;
    bool fired = false;
};
FaultPlan plan;

bool injectFault() {
    if (!plan.armed) return false;
    ++plan.calls;
    if (plan.calls == plan.failAt || (plan.sticky && plan.calls > plan.failAt)) {
        plan.fired = true;
        return true;
    }
    return false;
}

// A file of the fault VFS: our methods in front, the real file right behind it in the same block.
struct FaultFile {
    sqlite3_file base;
    sqlite3_file* real;
};

sqlite3_file* real(sqlite3_file* f) { return reinterpret_cast<FaultFile*>(f)->real; }

int faultClose(sqlite3_file* f) { return real(f)->pMethods->xClose(real(f)); }
int faultRead(sqlite3_file* f, void* p, int n, sqlite3_int64 at) { return real(f)->pMethods->xRead(real(f), p, n, at); }
int faultWrite(sqlite3_file* f, const void* p, int n, sqlite3_int64 at) {
    if (injectFault()) return SQLITE_IOERR_WRITE;
    return real(f)->pMethods->xWrite(real(f), p, n, at);
}
int faultTruncate(sqlite3_file* f, sqlite3_int64 size) { return real(f)->pMethods->xTruncate(real(f), size); }
int faultSync(sqlite3_file* f, int flags) {
    if (injectFault()) return SQLITE_IOERR_FSYNC;
    return real(f)->pMethods->xSync(real(f), flags);
}
int faultFileSize(sqlite3_file* f, sqlite3_int64* size) { return real(f)->pMethods->xFileSize(real(f), size); }
int faultLock(sqlite3_file* f, int level) { return real(f)->pMethods->xLock(real(f), level); }
int faultUnlock(sqlite3_file* f, int level) { return real(f)->pMethods->xUnlock(real(f), level); }
int faultCheckReservedLock(sqlite3_file* f, int* out) { return real(f)->pMethods->xCheckReservedLock(real(f), out); }
int faultFileControl(sqlite3_file* f, int op, void* arg) { return real(f)->pMethods->xFileControl(real(f), op, arg); }
int faultSectorSize(sqlite3_file* f) { return real(f)->pMethods->xSectorSize(real(f)); }
int faultDeviceCharacteristics(sqlite3_file* f) { return real(f)->pMethods->xDeviceCharacteristics(real(f)); }
int faultShmMap(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
    return real(f)->pMethods->xShmMap(real(f), region, size, extend, out);
}
int faultShmLock(sqlite3_file* f, int offset, int n, int flags) {
    return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
}
void faultShmBarrier(sqlite3_file* f) { real(f)->pMethods->xShmBarrier(real(f)); }
int faultShmUnmap(sqlite3_file* f, int deleteFlag) { return real(f)->pMethods->xShmUnmap(real(f), deleteFlag); }
int faultFetch(sqlite3_file* f, sqlite3_int64 at, int n, void** out) {
    return real(f)->pMethods->xFetch(real(f), at, n, out);
}
int faultUnfetch(sqlite3_file* f, sqlite3_int64 at, void* p) { return real(f)->pMethods->xUnfetch(real(f), at, p); }

const sqlite3_io_methods kFaultMethods = {
    3,
    faultClose,
    faultRead,
    faultWrite,
    faultTruncate,
    faultSync,
    faultFileSize,
    faultLock,
    faultUnlock,
    faultCheckReservedLock,
    faultFileControl,
    faultSectorSize,
    faultDeviceCharacteristics,
    faultShmMap,
    faultShmLock,
    faultShmBarrier,
    faultShmUnmap,
    faultFetch,
    faultUnfetch,
};

sqlite3_vfs* realVfs = nullptr;
sqlite3_vfs faultVfs;

int faultOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags) {
    auto* f = reinterpret_cast<FaultFile*>(file);
    f->real = reinterpret_cast<sqlite3_file*>(f + 1);
    f->real->pMethods = nullptr;
    const int rc = realVfs->xOpen(realVfs, name, f->real, flags, outFlags);
    // SQLite calls xClose whenever pMethods is set, even after a failed open: mirror the real file.
    file->pMethods = f->real->pMethods ? &kFaultMethods : nullptr;
    return rc;
}

constexpr const char* kFaultVfsName = "loket-fault";

void registerFaultVfs() {
    if (realVfs) return;
    realVfs = sqlite3_vfs_find(nullptr);
    ASSERT_NE(realVfs, nullptr);
    ASSERT_GE(realVfs->iVersion, 2);
    faultVfs = *realVfs;
    faultVfs.pNext = nullptr;
    faultVfs.zName = kFaultVfsName;
    faultVfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + realVfs->szOsFile;
    faultVfs.xOpen = faultOpen;
    ASSERT_EQ(sqlite3_vfs_register(&faultVfs, 0), SQLITE_OK);
}

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
