#pragma once
// The simulator's own SQLite file (--db): one connection in WAL mode with synchronous=FULL, shared by
// every HTTP worker thread behind one mutex. A server this small gains nothing from more connections,
// and one writer at a time makes "commit, then answer 201" trivially true.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>

#include "kiosk/base/result.h"
#include "tests/national_server/wire_format.h"

struct sqlite3;
struct sqlite3_stmt;

namespace kiosk::sim {

class SqlStatement {
public:
    SqlStatement& bind(int index, std::int64_t value);
    SqlStatement& bind(int index, std::string_view text);
    SqlStatement& bindBlob(int index, std::span<const std::uint8_t> blob);

    Result<bool> step();  // true: a row is ready
    Result<void> run();
    void reset();  // before binding the next round of values

    std::int64_t integer(int column) const;
    std::string text(int column) const;
    Bytes blob(int column) const;

private:
    friend class SimDatabase;
    struct Finalize {
        void operator()(sqlite3_stmt* s) const noexcept;
    };
    SqlStatement(sqlite3_stmt* stmt, sqlite3* db) : stmt_(stmt), db_(db) {}
    std::unique_ptr<sqlite3_stmt, Finalize> stmt_;
    sqlite3* db_;
};

class SimDatabase {
public:
    static Result<std::unique_ptr<SimDatabase>> open(const std::filesystem::path& path);

    // Every use of the connection holds this lock for its whole transaction.
    std::unique_lock<std::mutex> lock() { return std::unique_lock(mutex_); }

    Result<SqlStatement> prepare(std::string_view sql);
    Result<void> exec(std::string_view sql);
    Result<void> begin() { return exec("BEGIN IMMEDIATE"); }
    Result<void> commit() { return exec("COMMIT"); }
    void rollbackIfOpen();

private:
    struct Close {
        void operator()(sqlite3* db) const noexcept;
    };
    explicit SimDatabase(sqlite3* db) : db_(db) {}
    std::unique_ptr<sqlite3, Close> db_;
    std::mutex mutex_;
};

// Rolls back on scope exit unless committed; lives under SimDatabase::lock().
class SqlTransaction {
public:
    explicit SqlTransaction(SimDatabase& db) : db_(db) {}
    ~SqlTransaction() {
        if (!done_) db_.rollbackIfOpen();
    }
    SqlTransaction(const SqlTransaction&) = delete;
    SqlTransaction& operator=(const SqlTransaction&) = delete;
    Result<void> begin() { return db_.begin(); }
    Result<void> commit() {
        auto r = db_.commit();
        done_ = r.ok();
        return r;
    }

private:
    SimDatabase& db_;
    bool done_ = false;
};

}  // namespace kiosk::sim
