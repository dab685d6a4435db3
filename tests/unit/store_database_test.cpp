// The SQLite wrapper and the schema: pragmas on open, transactions, migrations.

#include <gtest/gtest.h>

#include "kiosk/store/database.h"
#include "kiosk/store/migrations.h"
#include "tests/unit/store_test_support.h"

namespace kiosk::store {
namespace {

using test::TempDir;

Database openOk(const std::filesystem::path& path, const OpenOptions& options = {}) {
    auto db = Database::open(path, options);
    if (!db) throw std::runtime_error(db.error().detail);
    return std::move(*db);
}

TEST(StoreDatabase, OpensInWalModeWithForeignKeysAndIncrementalVacuum) {
    TempDir dir;
    auto db = openOk(dir / "a.db");
    ASSERT_TRUE(migrate(db));
    EXPECT_EQ(*db.queryText("PRAGMA journal_mode"), "wal");
    EXPECT_EQ(*db.queryInteger("PRAGMA foreign_keys"), 1);
    EXPECT_EQ(*db.queryInteger("PRAGMA auto_vacuum"), 2);  // incremental
    EXPECT_EQ(*db.queryInteger("PRAGMA secure_delete"), 1);
    EXPECT_EQ(*db.queryInteger("PRAGMA synchronous"), 2);  // FULL by default
}

TEST(StoreDatabase, NormalSynchronousWhenAsked) {
    TempDir dir;
    OpenOptions options;
    options.synchronous = Synchronous::Normal;
    auto db = openOk(dir / "a.db", options);
    EXPECT_EQ(*db.queryInteger("PRAGMA synchronous"), 1);
}

TEST(StoreDatabase, TransactionRollsBackWhenDestroyedUncommitted) {
    auto db = openOk(":memory:");
    ASSERT_TRUE(db.exec("CREATE TABLE t (x INTEGER) STRICT"));
    {
        auto tx = Transaction::begin(db);
        ASSERT_TRUE(tx);
        ASSERT_TRUE(db.exec("INSERT INTO t VALUES (1)"));
    }
    EXPECT_FALSE(db.inTransaction());
    EXPECT_EQ(*db.queryInteger("SELECT count(*) FROM t"), 0);
}

TEST(StoreDatabase, CommittedTransactionStays) {
    auto db = openOk(":memory:");
    ASSERT_TRUE(db.exec("CREATE TABLE t (x INTEGER) STRICT"));
    {
        auto tx = Transaction::begin(db);
        ASSERT_TRUE(tx);
        ASSERT_TRUE(db.exec("INSERT INTO t VALUES (1)"));
        ASSERT_TRUE(tx->commit());
    }
    EXPECT_EQ(*db.queryInteger("SELECT count(*) FROM t"), 1);
}

TEST(StoreDatabase, FailedStatementInsideTransactionRollsBackEverything) {
    auto db = openOk(":memory:");
    ASSERT_TRUE(db.exec("CREATE TABLE t (x INTEGER NOT NULL) STRICT"));
    {
        auto tx = Transaction::begin(db);
        ASSERT_TRUE(tx);
        ASSERT_TRUE(db.exec("INSERT INTO t VALUES (1)"));
        const auto r = db.exec("INSERT INTO t VALUES (NULL)");
        ASSERT_FALSE(r);
        EXPECT_EQ(r.error().code, "store.constraint");
    }
    EXPECT_EQ(*db.queryInteger("SELECT count(*) FROM t"), 0);
}

TEST(StoreDatabase, ErrorsNameTheOperationNotTheValue) {
    auto db = openOk(":memory:");
    ASSERT_TRUE(db.exec("CREATE TABLE t (x TEXT UNIQUE) STRICT"));
    auto insert = db.prepare("INSERT INTO t VALUES (?1)");
    ASSERT_TRUE(insert);
    ASSERT_TRUE(insert->bind(1, "CANARYNAMA ZQXW").run());
    auto again = db.prepare("INSERT INTO t VALUES (?1)");
    const auto r = again->bind(1, "CANARYNAMA ZQXW").run();
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, "store.constraint");
    EXPECT_EQ(r.error().detail.find("CANARYNAMA"), std::string::npos) << r.error().detail;
}

TEST(StoreMigrations, FreshDatabaseReachesCodeVersion) {
    TempDir dir;
    auto db = openOk(dir / "a.db");
    const auto before = migrate(db);
    ASSERT_TRUE(before);
    EXPECT_EQ(*before, 0);
    EXPECT_EQ(*db.queryInteger("PRAGMA user_version"), codeSchemaVersion());
    EXPECT_EQ(*db.queryInteger("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'outbox'"), 1);
}

TEST(StoreMigrations, ReopeningAppliesNothingAndKeepsData) {
    TempDir dir;
    {
        auto db = openOk(dir / "a.db");
        ASSERT_TRUE(migrate(db));
        ASSERT_TRUE(db.exec("INSERT INTO counters VALUES ('under_age', 3)"));
    }
    auto db = openOk(dir / "a.db");
    const auto before = migrate(db);
    ASSERT_TRUE(before);
    EXPECT_EQ(*before, codeSchemaVersion());
    EXPECT_EQ(*db.queryInteger("SELECT value FROM counters WHERE name = 'under_age'"), 3);
}

TEST(StoreMigrations, NewerDatabaseIsRefusedWithAClearMessage) {
    TempDir dir;
    {
        auto db = openOk(dir / "a.db");
        ASSERT_TRUE(migrate(db));
        ASSERT_TRUE(db.exec("PRAGMA user_version = " + std::to_string(codeSchemaVersion() + 1)));
    }
    auto db = openOk(dir / "a.db");
    const auto r = migrate(db);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, "store.schema_newer");
    EXPECT_NE(r.error().detail.find("newer"), std::string::npos);
    EXPECT_EQ(*db.queryInteger("PRAGMA user_version"), codeSchemaVersion() + 1);  // untouched
}

TEST(StoreMigrations, StoreOpenRefusesNewerDatabase) {
    TempDir dir;
    const auto key = test::makeMasterKey(dir);
    FakeClock clock(test::testEpoch());
    {
        auto db = openOk(dir / "kiosk.db");
        ASSERT_TRUE(db.exec("PRAGMA user_version = 999"));
    }
    const auto store = Store::open(test::storeConfig(dir), *key, clock);
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().code, "store.schema_newer");
}

TEST(StoreMigrations, ReaderRequiresCurrentSchema) {
    auto db = openOk(":memory:");
    EXPECT_EQ(requireCurrentSchema(db).error().code, "store.schema_older");
    ASSERT_TRUE(migrate(db));
    EXPECT_TRUE(requireCurrentSchema(db));
}

TEST(StoreSchema, TablesAreStrict) {
    auto db = openOk(":memory:");
    ASSERT_TRUE(migrate(db));
    const auto r = db.exec("INSERT INTO counters VALUES ('x', 'not a number')");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, "store.constraint");
}

TEST(StoreSchema, ForeignKeysAreEnforced) {
    auto db = openOk(":memory:");
    ASSERT_TRUE(migrate(db));
    const auto r = db.exec("INSERT INTO record_keys VALUES (42, x'00')");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, "store.constraint");
}

TEST(StoreSchema, DatabaseFileIsPrivate) {
    TempDir dir;
    const auto key = test::makeMasterKey(dir);
    FakeClock clock(test::testEpoch());
    auto store = Store::open(test::storeConfig(dir), *key, clock);
    ASSERT_TRUE(store) << store.error().detail;
    ASSERT_TRUE((*store)->enqueue(test::makeSubmission()));
    for (const auto* name : {"kiosk.db", "kiosk.db-wal", "kiosk.db-shm"}) {
        const auto perms = std::filesystem::status(dir / name).permissions();
        EXPECT_EQ(perms & (std::filesystem::perms::group_all | std::filesystem::perms::others_all),
                  std::filesystem::perms::none)
            << name;
    }
}

}  // namespace
}  // namespace kiosk::store
