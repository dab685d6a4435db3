#include "tests/national_server/sim_database.h"

#include <sqlite3.h>

#include <cassert>
#include <cstdint>

namespace kiosk::sim {

namespace {

// SQLITE_TRANSIENT is an old-style cast inside a macro; spelled once here.
sqlite3_destructor_type transient() {
    return reinterpret_cast<sqlite3_destructor_type>(static_cast<std::intptr_t>(-1));
}

Error sqlError(sqlite3* db, std::string_view what) {
    return Error{"sim.database", std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "no connection")};
}

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS submissions (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  schema INTEGER NOT NULL,
  kiosk_id TEXT NOT NULL,
  site_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  payload_sha256 TEXT NOT NULL,
  payload BLOB NOT NULL,
  sealed_sha256 TEXT NOT NULL,
  envelope_signature TEXT NOT NULL,
  seq INTEGER NOT NULL UNIQUE,
  reference TEXT NOT NULL UNIQUE,
  received_via TEXT NOT NULL,
  first_received_at TEXT NOT NULL,
  last_received_at TEXT NOT NULL,
  received_count INTEGER NOT NULL,
  conflict_count INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL,
  reason_code TEXT NOT NULL DEFAULT '',
  state_updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS heartbeats (
  seq INTEGER PRIMARY KEY,
  kiosk_id TEXT NOT NULL,
  received_at TEXT NOT NULL,
  at TEXT NOT NULL,
  audit_entries INTEGER,
  audit_head TEXT,
  body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS kiosks (
  kiosk_id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL,
  signing_public_key TEXT NOT NULL,
  registered_via TEXT NOT NULL,
  registered_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS used_enrolment_tokens (
  token_sha256 TEXT PRIMARY KEY,
  kiosk_id TEXT NOT NULL,
  signing_public_key TEXT NOT NULL,
  used_at TEXT NOT NULL
);
)sql";

}  // namespace

void SqlStatement::Finalize::operator()(sqlite3_stmt* s) const noexcept { sqlite3_finalize(s); }

SqlStatement& SqlStatement::bind(int index, std::int64_t value) {
    [[maybe_unused]] const int rc = sqlite3_bind_int64(stmt_.get(), index, value);
    assert(rc == SQLITE_OK);
    return *this;
}

SqlStatement& SqlStatement::bind(int index, std::string_view text) {
    [[maybe_unused]] const int rc =
        sqlite3_bind_text64(stmt_.get(), index, text.data() ? text.data() : "", text.size(), transient(), SQLITE_UTF8);
    assert(rc == SQLITE_OK);
    return *this;
}

SqlStatement& SqlStatement::bindBlob(int index, std::span<const std::uint8_t> blob) {
    // A null data pointer would bind SQL NULL; an empty payload is still a blob.
    static const std::uint8_t kEmpty = 0;
    [[maybe_unused]] const int rc =
        sqlite3_bind_blob64(stmt_.get(), index, blob.empty() ? &kEmpty : blob.data(), blob.size(), transient());
    assert(rc == SQLITE_OK);
    return *this;
}

Result<bool> SqlStatement::step() {
    const int rc = sqlite3_step(stmt_.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    auto error = sqlError(db_, "step");
    sqlite3_reset(stmt_.get());
    return error;
}

Result<void> SqlStatement::run() {
    for (;;) {
        auto row = step();
        if (!row) return row.error();
        if (!*row) return {};
    }
}

void SqlStatement::reset() { sqlite3_reset(stmt_.get()); }

std::int64_t SqlStatement::integer(int column) const { return sqlite3_column_int64(stmt_.get(), column); }

std::string SqlStatement::text(int column) const {
    const auto* p = sqlite3_column_text(stmt_.get(), column);
    if (!p) return {};
    return std::string(reinterpret_cast<const char*>(p),
                       static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), column)));
}

Bytes SqlStatement::blob(int column) const {
    const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_.get(), column));
    const int n = sqlite3_column_bytes(stmt_.get(), column);
    if (!p || n <= 0) return {};
    return Bytes(p, p + n);
}

void SimDatabase::Close::operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }

Result<std::unique_ptr<SimDatabase>> SimDatabase::open(const std::filesystem::path& path) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
    std::unique_ptr<SimDatabase> db(new SimDatabase(raw));
    if (rc != SQLITE_OK) return sqlError(raw, "open " + path.string());
    sqlite3_busy_timeout(raw, 5000);
    // FULL: a 201 is only ever sent for a commit that has reached the disk.
    if (auto r = db->exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"); !r) return r.error();
    if (auto r = db->exec(kSchema); !r) return r.error();
    return db;
}

Result<SqlStatement> SimDatabase::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    SqlStatement statement(stmt, db_.get());
    if (rc != SQLITE_OK) return sqlError(db_.get(), "prepare");
    return statement;
}

Result<void> SimDatabase::exec(std::string_view sql) {
    const std::string text(sql);
    if (sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
        return sqlError(db_.get(), "exec");
    return {};
}

void SimDatabase::rollbackIfOpen() {
    if (sqlite3_get_autocommit(db_.get()) == 0) sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
}

}  // namespace kiosk::sim
