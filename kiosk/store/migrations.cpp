#include "kiosk/store/migrations.h"

#include <array>
#include <cassert>
#include <memory>
#include <string>
#include <string_view>

namespace kiosk::store {

namespace {

// Append only: a released step is never edited. Times are integer Unix milliseconds.
// SQLite cannot change a CHECK constraint in place: a step that must rebuilds the table (create the
// new one, copy, drop the old, rename the new; https://sqlite.org/lang_altertable.html, "other
// kinds of table schema changes"), which migrate() allows by running steps with foreign keys off.
constexpr std::array<std::string_view, 3> kSteps{
    R"sql(
CREATE TABLE records (
  id                 INTEGER PRIMARY KEY,
  kind               TEXT    NOT NULL CHECK (kind IN ('registration', 'returnee_checkin', 'staff_decision')),
  site_id            TEXT    NOT NULL,
  kiosk_id           TEXT    NOT NULL,
  created_at         INTEGER NOT NULL,
  public_fields      TEXT    NOT NULL,
  subject_record_id  INTEGER REFERENCES records(id),
  local_verification TEXT    NOT NULL CHECK (local_verification IN ('not_required', 'pending', 'verified')),
  purged_at          INTEGER
) STRICT;

-- The record key, wrapped by the master key. Deleting this row erases the record (crypto-erase).
CREATE TABLE record_keys (
  record_id   INTEGER PRIMARY KEY REFERENCES records(id),
  wrapped_key BLOB    NOT NULL
) STRICT;

-- The personal payload, encrypted with the record key.
CREATE TABLE record_payloads (
  record_id  INTEGER PRIMARY KEY REFERENCES records(id),
  ciphertext BLOB    NOT NULL
) STRICT;

-- Keyed hashes of NIK and passport number for lookups; never the plain values.
CREATE TABLE record_index (
  kind      TEXT    NOT NULL CHECK (kind IN ('nik', 'passport')),
  hash      BLOB    NOT NULL,
  record_id INTEGER NOT NULL REFERENCES records(id),
  PRIMARY KEY (kind, hash, record_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX record_index_by_record ON record_index(record_id);

CREATE TABLE consents (
  id          INTEGER PRIMARY KEY,
  record_id   INTEGER NOT NULL REFERENCES records(id),
  version     TEXT    NOT NULL,
  text_sha256 TEXT    NOT NULL,
  purposes    TEXT    NOT NULL,
  given_at    INTEGER NOT NULL,
  kiosk_id    TEXT    NOT NULL
) STRICT;
CREATE INDEX consents_by_record ON consents(record_id);

CREATE TABLE device_events (
  id     INTEGER PRIMARY KEY,
  at     INTEGER NOT NULL,
  device TEXT    NOT NULL,
  event  TEXT    NOT NULL,
  detail TEXT    NOT NULL
) STRICT;

-- due_at: when the row may next be claimed (pending: the next try; in_flight: the lease's end);
-- NULL once final (acknowledged, rejected) or handed over (sent).
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  record_id       INTEGER NOT NULL UNIQUE REFERENCES records(id),
  submission_id   TEXT    NOT NULL UNIQUE,
  payload_sha256  TEXT    NOT NULL,
  state           TEXT    NOT NULL CHECK (state IN ('pending', 'in_flight', 'sent', 'acknowledged', 'rejected')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  created_at      INTEGER NOT NULL,
  due_at          INTEGER,
  last_error      TEXT,
  server_ref      TEXT,
  reject_code     TEXT,
  acknowledged_at INTEGER
) STRICT;
CREATE INDEX outbox_due ON outbox(due_at, id) WHERE due_at IS NOT NULL;
CREATE INDEX outbox_by_state ON outbox(state, created_at);

CREATE TABLE audit (
  seq       INTEGER PRIMARY KEY,
  at        INTEGER NOT NULL,
  actor     TEXT    NOT NULL,
  action    TEXT    NOT NULL,
  record_id INTEGER,
  hash      BLOB    NOT NULL
) STRICT;

-- The chain's head, kept apart so that cutting entries off the end is detected too.
CREATE TABLE audit_head (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  seq       INTEGER NOT NULL,
  hash      BLOB    NOT NULL
) STRICT;

-- Numbers only, never who: e.g. the count of people under 18 turned away.
CREATE TABLE counters (
  name  TEXT    PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT;
)sql",
    // 2: local verification "returned" (sent back to the applicant for correction), and the
    // decisions on a record found by their subject.
    R"sql(
CREATE TABLE records_next (
  id                 INTEGER PRIMARY KEY,
  kind               TEXT    NOT NULL CHECK (kind IN ('registration', 'returnee_checkin', 'staff_decision')),
  site_id            TEXT    NOT NULL,
  kiosk_id           TEXT    NOT NULL,
  created_at         INTEGER NOT NULL,
  public_fields      TEXT    NOT NULL,
  subject_record_id  INTEGER REFERENCES records(id),
  local_verification TEXT    NOT NULL
                     CHECK (local_verification IN ('not_required', 'pending', 'verified', 'returned')),
  purged_at          INTEGER
) STRICT;
INSERT INTO records_next (id, kind, site_id, kiosk_id, created_at, public_fields, subject_record_id,
                          local_verification, purged_at)
  SELECT id, kind, site_id, kiosk_id, created_at, public_fields, subject_record_id, local_verification, purged_at
  FROM records;
DROP TABLE records;
ALTER TABLE records_next RENAME TO records;
CREATE INDEX records_by_subject ON records(subject_record_id) WHERE subject_record_id IS NOT NULL;
)sql",
    // 3: who holds an in-flight row's lease (store/lease_owner.h), so that a kiosk restarted after
    // a kill or a power cut takes back the leases of its dead self at once.
    R"sql(
ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
)sql",
};

// Foreign keys stay off while steps run (a table rebuild would trip them half way) and each step
// proves before its commit that it left none broken. Turning them off and on is a no-op inside a
// transaction, hence outside the steps' transactions.
class ForeignKeysOff {
public:
    static Result<ForeignKeysOff> begin(Database& db) {
        if (auto r = db.exec("PRAGMA foreign_keys = OFF"); !r) return r.error();
        return ForeignKeysOff(db);
    }
    Result<void> check() {
        auto broken = db_->prepare("PRAGMA foreign_key_check");
        if (!broken) return broken.error();
        auto row = broken->step();
        if (!row) return row.error();
        if (*row)
            return Error{"store.migration_failed", "a migration step left a broken reference in " + broken->text(0)};
        return {};
    }

private:
    struct On {
        void operator()(Database* db) const noexcept { (void)db->exec("PRAGMA foreign_keys = ON"); }
    };
    explicit ForeignKeysOff(Database& db) : db_(&db) {}
    std::unique_ptr<Database, On> db_;
};

}  // namespace

std::int64_t codeSchemaVersion() { return static_cast<std::int64_t>(kSteps.size()); }

Result<std::int64_t> migrate(Database& db) { return migrateTo(db, codeSchemaVersion()); }

Result<std::int64_t> migrateTo(Database& db, std::int64_t target) {
    assert(target <= codeSchemaVersion());
    auto found = db.queryInteger("PRAGMA user_version");
    if (!found) return found.error();
    if (*found > codeSchemaVersion())
        return Error{"store.schema_newer",
                     "the database has schema version " + std::to_string(*found) + " but this build knows up to " +
                         std::to_string(codeSchemaVersion()) +
                         "; it was written by a newer Loket build: install that build (or newer), do not downgrade"};
    if (*found >= target) return *found;
    auto foreignKeysOff = ForeignKeysOff::begin(db);
    if (!foreignKeysOff) return foreignKeysOff.error();
    for (auto version = *found; version < target; ++version) {
        auto tx = Transaction::begin(db);
        if (!tx) return tx.error();
        if (auto r = db.exec(kSteps[static_cast<std::size_t>(version)]); !r) return r.error();
        if (auto r = foreignKeysOff->check(); !r) return r.error();
        if (auto r = db.exec("PRAGMA user_version = " + std::to_string(version + 1)); !r) return r.error();
        if (auto r = tx->commit(); !r) return r.error();
    }
    return *found;
}

Result<void> requireCurrentSchema(Database& db) {
    auto found = db.queryInteger("PRAGMA user_version");
    if (!found) return found.error();
    if (*found > codeSchemaVersion())
        return Error{"store.schema_newer", "the database has schema version " + std::to_string(*found) +
                                               ", newer than this build's " + std::to_string(codeSchemaVersion())};
    if (*found < codeSchemaVersion())
        return Error{"store.schema_older", "the database has schema version " + std::to_string(*found) +
                                               "; start the kiosk once to migrate it to " +
                                               std::to_string(codeSchemaVersion())};
    return {};
}

Result<Database> openForReading(const std::filesystem::path& path) {
    OpenOptions options;
    options.readOnly = true;
    auto db = Database::open(path, options);
    if (!db) return db.error();
    if (auto r = requireCurrentSchema(*db); !r) return r.error();
    return db;
}

}  // namespace kiosk::store
