#include "kiosk/store/database.h"

#include <sqlite3.h>

#include <cassert>
#include <cstdint>
#include <limits>

namespace kiosk::store {

namespace {

// SQLITE_TRANSIENT is an old-style cast in a macro; this is the one place that spells it.
sqlite3_destructor_type transient() {
    return reinterpret_cast<sqlite3_destructor_type>(static_cast<std::intptr_t>(-1));
}

std::string codeFor(int rc) {
    switch (rc & 0xff) {
    case SQLITE_FULL: return "store.disk_full";
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return "store.busy";
    case SQLITE_IOERR: return "store.io";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return "store.corrupt";
    case SQLITE_CONSTRAINT: return "store.constraint";
    case SQLITE_READONLY: return "store.read_only";
    case SQLITE_CANTOPEN: return "store.cant_open";
    default: return "store.sqlite";
    }
}

Error errorFor(sqlite3* db, int rc, std::string_view what) {
    std::string detail(what);
    detail += ": ";
    detail += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    detail += " (code " + std::to_string(rc) + ")";
    return Error{codeFor(rc), std::move(detail)};
}

}  // namespace

void Statement::Finalize::operator()(sqlite3_stmt* s) const noexcept { sqlite3_finalize(s); }

Statement& Statement::bind(int index, std::int64_t value) {
    [[maybe_unused]] const int rc = sqlite3_bind_int64(stmt_.get(), index, value);
    assert(rc == SQLITE_OK);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    assert(text.size() <= static_cast<std::size_t>(std::numeric_limits<int>::max()));
    [[maybe_unused]] const int rc = sqlite3_bind_text(stmt_.get(), index, text.data() ? text.data() : "",
                                                      static_cast<int>(text.size()), transient());
    assert(rc == SQLITE_OK);
    return *this;
}

Statement& Statement::bind(int index, std::span<const std::uint8_t> blob) {
    assert(blob.size() <= static_cast<std::size_t>(std::numeric_limits<int>::max()));
    // A null pointer would bind SQL NULL; an empty blob is a zero-length blob.
    [[maybe_unused]] const int rc =
        blob.empty() ? sqlite3_bind_zeroblob(stmt_.get(), index, 0)
                     : sqlite3_bind_blob(stmt_.get(), index, blob.data(), static_cast<int>(blob.size()), transient());
    assert(rc == SQLITE_OK);
    return *this;
}

Statement& Statement::bindNull(int index) {
    [[maybe_unused]] const int rc = sqlite3_bind_null(stmt_.get(), index);
    assert(rc == SQLITE_OK);
    return *this;
}

Result<bool> Statement::step() {
    const int rc = sqlite3_step(stmt_.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    auto error = errorFor(db_, rc, "step");
    sqlite3_reset(stmt_.get());
    return error;
}

Result<void> Statement::run() {
    for (;;) {
        auto row = step();
        if (!row) return row.error();
        if (!*row) return {};
    }
}

bool Statement::isNull(int column) const { return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL; }

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_.get(), column); }

std::string Statement::text(int column) const {
    const auto* p = sqlite3_column_text(stmt_.get(), column);
    const int n = sqlite3_column_bytes(stmt_.get(), column);
    if (!p) return {};
    return std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
}

Bytes Statement::blob(int column) const {
    const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_.get(), column));
    const int n = sqlite3_column_bytes(stmt_.get(), column);
    if (!p || n <= 0) return {};
    return Bytes(p, p + n);
}

void Database::Close::operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }

Result<Database> Database::open(const std::filesystem::path& path, const OpenOptions& options) {
    sqlite3* raw = nullptr;
    const int flags = (options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                      SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, options.vfs.empty() ? nullptr : options.vfs.c_str());
    Database db(raw);
    if (rc != SQLITE_OK) return errorFor(raw, rc, "open database");
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, static_cast<int>(options.busyTimeout.count()));

    if (!options.readOnly) {
        // auto_vacuum only takes effect before the first table is created; incremental mode lets a
        // purge give pages back to the file system.
        if (auto r = db.exec("PRAGMA auto_vacuum = INCREMENTAL"); !r) return r.error();
        auto mode = db.queryText("PRAGMA journal_mode = WAL");
        if (!mode) return mode.error();
        if (*mode != "wal" && *mode != "memory")
            return Error{"store.wal", "the database refused WAL mode (journal_mode is " + *mode + ")"};
    }
    // secure_delete zeroes freed content; temp_store keeps sort and temp tables out of temp files.
    const std::string pragmas =
        std::string(
            "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; "
            "PRAGMA temp_store = MEMORY; PRAGMA trusted_schema = OFF; ") +
        (options.synchronous == Synchronous::Full ? "PRAGMA synchronous = FULL;" : "PRAGMA synchronous = NORMAL;");
    if (auto r = db.exec(pragmas); !r) return r.error();
    return db;
}

Result<Statement> Database::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    Statement statement(stmt, db_.get());
    if (rc != SQLITE_OK) return errorFor(db_.get(), rc, "prepare");
    return statement;
}

Result<void> Database::exec(std::string_view sql) {
    const std::string text(sql);
    const int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return errorFor(db_.get(), rc, "exec");
    return {};
}

Result<std::int64_t> Database::queryInteger(std::string_view sql) {
    auto stmt = prepare(sql);
    if (!stmt) return stmt.error();
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return Error{"store.sqlite", "query returned no row"};
    return stmt->integer(0);
}

Result<std::string> Database::queryText(std::string_view sql) {
    auto stmt = prepare(sql);
    if (!stmt) return stmt.error();
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return Error{"store.sqlite", "query returned no row"};
    return stmt->text(0);
}

std::int64_t Database::lastInsertId() const { return sqlite3_last_insert_rowid(db_.get()); }
std::int64_t Database::changes() const { return sqlite3_changes64(db_.get()); }
bool Database::inTransaction() const { return sqlite3_get_autocommit(db_.get()) == 0; }

Error Database::lastError(std::string_view what) const {
    return errorFor(db_.get(), sqlite3_extended_errcode(db_.get()), what);
}

void Transaction::RollbackUnlessCommitted::operator()(Database* db) const noexcept {
    // After a failed COMMIT, SQLite may already have rolled back; then there is nothing to undo.
    if (db->inTransaction()) sqlite3_exec(db->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

Result<Transaction> Transaction::begin(Database& db, Mode mode) {
    if (auto r = db.exec(mode == Mode::Immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED"); !r) return r.error();
    return Transaction(&db);
}

Result<void> Transaction::commit() {
    assert(db_ && "commit on a finished transaction");
    if (auto r = db_->exec("COMMIT"); !r) return r.error();  // the destructor rolls back what is left
    db_.release();
    return {};
}

}  // namespace kiosk::store
