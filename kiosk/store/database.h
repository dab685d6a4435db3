#pragma once
// RAII over the SQLite C API in the style of SQLiteCpp: the connection and its statements own
// themselves, and a Transaction rolls back in its destructor unless it was committed.
// Failures come back as Error values; a detail names the operation and SQLite's message, never a
// bound value, so no personal data can reach a log through it.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace kiosk::store {

using Bytes = std::vector<std::uint8_t>;

enum class Synchronous { Normal, Full };

struct OpenOptions {
    bool readOnly = false;
    // Full: every commit reaches the disk before it returns (commits that precede a receipt).
    Synchronous synchronous = Synchronous::Full;
    std::chrono::milliseconds busyTimeout{5000};
    std::string vfs;  // empty: SQLite's default; tests name a fault-injecting one
};

// A prepared statement; lives on its Database's thread. Binding a wrong index is a bug (asserts).
class Statement {
public:
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::span<const std::uint8_t> blob);
    Statement& bindNull(int index);

    Result<bool> step();  // true: a row is ready to read
    Result<void> run();   // steps to the end; for statements that return no rows

    bool isNull(int column) const;
    std::int64_t integer(int column) const;
    std::string text(int column) const;
    Bytes blob(int column) const;

private:
    friend class Database;
    struct Finalize {
        void operator()(sqlite3_stmt* s) const noexcept;
    };
    Statement(sqlite3_stmt* stmt, sqlite3* db) : stmt_(stmt), db_(db) {}
    std::unique_ptr<sqlite3_stmt, Finalize> stmt_;
    sqlite3* db_;
};

// One connection, opened in WAL mode with foreign keys, secure_delete and incremental auto-vacuum.
// Lives on the thread that opened it (in the kiosk: connection A on the UI thread, B on sync).
class Database {
public:
    static Result<Database> open(const std::filesystem::path& path, const OpenOptions& options = {});

    Result<Statement> prepare(std::string_view sql);
    Result<void> exec(std::string_view sql);                  // one or more statements that return no rows
    Result<std::int64_t> queryInteger(std::string_view sql);  // first column of the first row
    Result<std::string> queryText(std::string_view sql);

    std::int64_t lastInsertId() const;
    std::int64_t changes() const;
    bool inTransaction() const;

    // An Error for the connection's last failure: `what` names the operation.
    Error lastError(std::string_view what) const;

    sqlite3* handle() const { return db_.get(); }

private:
    struct Close {
        void operator()(sqlite3* db) const noexcept;
    };
    explicit Database(sqlite3* db) : db_(db) {}
    std::unique_ptr<sqlite3, Close> db_;
};

// BEGIN ... COMMIT on its Database's thread; rolls back when destroyed uncommitted. Writers use
// Immediate so that a write transaction takes the lock up front (with the busy timeout) instead of
// failing to upgrade later.
class Transaction {
public:
    enum class Mode { Deferred, Immediate };
    static Result<Transaction> begin(Database& db, Mode mode = Mode::Immediate);
    Result<void> commit();

private:
    struct RollbackUnlessCommitted {
        void operator()(Database* db) const noexcept;
    };
    explicit Transaction(Database* db) : db_(db) {}
    std::unique_ptr<Database, RollbackUnlessCommitted> db_;
};

}  // namespace kiosk::store
