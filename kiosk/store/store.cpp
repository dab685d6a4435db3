#include "kiosk/store/store.h"

#include <fcntl.h>
#include <unistd.h>

#include <cassert>
#include <cerrno>
#include <cstring>

#include "kiosk/store/audit_log.h"
#include "kiosk/store/disk_guard.h"
#include "kiosk/store/migrations.h"

namespace kiosk::store {

namespace {

bool isMemory(const std::filesystem::path& path) { return path.empty() || path == ":memory:"; }

// SQLite would create the file 0644; the -wal and -shm files copy the main file's mode.
Result<void> createPrivateFile(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::close(fd);
        return {};
    }
    if (errno == EEXIST) return {};
    return Error{"store.cant_open", "cannot create " + path.string() + ": " + std::strerror(errno)};
}

std::string jsonArray(const std::vector<std::string>& items) {
    std::string out = "[";
    for (const auto& item : items) {
        if (out.size() > 1) out += ',';
        out += '"';
        for (const char c : item) {
            if (c == '"' || c == '\\') out += '\\';
            if (static_cast<unsigned char>(c) >= 0x20) out += c;
        }
        out += '"';
    }
    return out + "]";
}

Result<void> insertBlobRow(Database& db, std::string_view sql, RecordId id, std::span<const std::uint8_t> blob) {
    auto insert = db.prepare(sql);
    if (!insert) return insert.error();
    return insert->bind(1, id).bind(2, blob).run();
}

}  // namespace

Store::Store(Database db, const MasterKey& masterKey, IndexHasher hasher, const Clock& clock, StoreConfig config)
    : db_(std::move(db)),
      masterKey_(masterKey),
      hasher_(std::move(hasher)),
      clock_(clock),
      config_(std::move(config)),
      outbox_(db_, clock_) {}

Result<std::unique_ptr<Store>> Store::open(const StoreConfig& config, const MasterKey& masterKey, const Clock& clock) {
    if (auto r = initSodium(); !r) return r.error();
    if (!isMemory(config.database) && !config.open.readOnly)
        if (auto r = createPrivateFile(config.database); !r) return r.error();
    auto db = Database::open(config.database, config.open);
    if (!db) return db.error();
    if (auto r = migrate(*db); !r) return r.error();
    auto hasher = IndexHasher::create(masterKey);
    if (!hasher) return hasher.error();
    return std::unique_ptr<Store>(new Store(std::move(*db), masterKey, std::move(*hasher), clock, config));
}

Result<void> Store::checkDiskSpace() const {
    if (isMemory(config_.database)) return {};
    const auto folder = config_.database.has_parent_path() ? config_.database.parent_path() : ".";
    return checkFreeSpace(folder, config_.minFreeBytes);
}

struct Store::PreparedRecord {
    SealedRecord sealed;
    Receipt receipt;  // without its record id until the row is in
    std::vector<std::pair<IndexKind, Bytes>> hashes;
};

Result<Store::PreparedRecord> Store::prepareRecord(std::span<const std::uint8_t> payload, const IndexValues& index) {
    if (auto r = checkDiskSpace(); !r) return r.error();
    auto sealed = sealRecord(masterKey_, payload);
    if (!sealed) return sealed.error();
    PreparedRecord out{std::move(*sealed), {}, {}};
    out.receipt.submissionId = newUuidV4();
    out.receipt.payloadSha256 = sha256Hex(payload);
    out.receipt.createdAt = clock_.now();
    if (index.nik) out.hashes.emplace_back(IndexKind::Nik, hasher_.hash(IndexKind::Nik, *index.nik));
    if (index.passportNumber)
        out.hashes.emplace_back(IndexKind::Passport, hasher_.hash(IndexKind::Passport, *index.passportNumber));
    return out;
}

Result<RecordId> Store::insertRecord(const NewSubmission& s, const PreparedRecord& prepared) {
    const auto at = toUnixMillis(prepared.receipt.createdAt);
    {
        auto insert = db_.prepare(
            "INSERT INTO records (kind, site_id, kiosk_id, created_at, public_fields, subject_record_id, "
            "local_verification) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        if (!insert) return insert.error();
        insert->bind(1, toString(s.kind)).bind(2, s.siteId).bind(3, s.kioskId).bind(4, at).bind(5, s.publicFields);
        if (s.subject)
            insert->bind(6, *s.subject);
        else
            insert->bindNull(6);
        insert->bind(7, toString(s.verification));
        if (auto r = insert->run(); !r) return r.error();
    }
    const RecordId id = db_.lastInsertId();
    if (auto r = insertBlobRow(db_, "INSERT INTO record_keys (record_id, wrapped_key) VALUES (?1, ?2)", id,
                               prepared.sealed.wrappedKey);
        !r)
        return r.error();
    if (auto r = insertBlobRow(db_, "INSERT INTO record_payloads (record_id, ciphertext) VALUES (?1, ?2)", id,
                               prepared.sealed.ciphertext);
        !r)
        return r.error();
    for (const auto& [kind, hash] : prepared.hashes) {
        auto insert = db_.prepare("INSERT OR IGNORE INTO record_index (kind, hash, record_id) VALUES (?1, ?2, ?3)");
        if (!insert) return insert.error();
        if (auto r = insert->bind(1, toString(kind)).bind(2, hash).bind(3, id).run(); !r) return r.error();
    }
    if (s.consent) {
        auto insert = db_.prepare(
            "INSERT INTO consents (record_id, version, text_sha256, purposes, given_at, kiosk_id) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        if (!insert) return insert.error();
        insert->bind(1, id).bind(2, s.consent->version).bind(3, s.consent->textSha256);
        insert->bind(4, jsonArray(s.consent->purposes)).bind(5, at).bind(6, s.kioskId);
        if (auto r = insert->run(); !r) return r.error();
    }
    {
        auto insert = db_.prepare(
            "INSERT INTO outbox (record_id, submission_id, payload_sha256, state, created_at, due_at) "
            "VALUES (?1, ?2, ?3, 'pending', ?4, ?4)");
        if (!insert) return insert.error();
        insert->bind(1, id).bind(2, prepared.receipt.submissionId).bind(3, prepared.receipt.payloadSha256).bind(4, at);
        if (auto r = insert->run(); !r) return r.error();
    }
    if (auto r = appendAudit(db_, prepared.receipt.createdAt, s.actor, "record.created", id); !r) return r.error();
    return id;
}

Result<Receipt> Store::enqueue(const NewSubmission& s) {
    // Everything slow or fallible that writes nothing happens before the transaction opens.
    auto prepared = prepareRecord(s.personalPayload, s.index);
    if (!prepared) return prepared.error();
    auto tx = Transaction::begin(db_);
    if (!tx) return tx.error();
    auto id = insertRecord(s, *prepared);
    if (!id) return id.error();
    if (auto r = tx->commit(); !r) return r.error();
    prepared->receipt.recordId = *id;
    return prepared->receipt;
}

Result<Receipt> Store::recordDecision(const NewDecision& d) {
    assert(d.outcome == LocalVerification::Verified || d.outcome == LocalVerification::Returned);
    NewSubmission s;
    s.kind = RecordKind::StaffDecision;
    s.siteId = d.siteId;
    s.kioskId = d.kioskId;
    s.actor = d.staffId;
    s.publicFields = d.publicFields;
    s.subject = d.subject;
    // The payload goes straight to sealing: no second plain copy of the notes is made.
    auto prepared = prepareRecord(d.payload, {});
    if (!prepared) return prepared.error();

    auto tx = Transaction::begin(db_);
    if (!tx) return tx.error();
    // Read inside the write transaction: another connection cannot decide in between.
    {
        auto subject = db_.prepare("SELECT kind, local_verification, purged_at IS NOT NULL FROM records WHERE id = ?1");
        if (!subject) return subject.error();
        subject->bind(1, d.subject);
        auto row = subject->step();
        if (!row) return row.error();
        const auto name = "record " + std::to_string(d.subject);
        if (!*row) return Error{"store.not_found", "no " + name};
        const auto kind = recordKindFrom(subject->text(0));
        const auto state = localVerificationFrom(subject->text(1));
        if (kind == RecordKind::StaffDecision) return Error{"store.not_decidable", name + " is itself a decision"};
        if (state == LocalVerification::NotRequired)
            return Error{"store.not_decidable", name + " needs no verification"};
        if (subject->integer(2) != 0) return Error{"store.not_decidable", name + " was purged"};
        if (state == LocalVerification::Verified && !d.supervisorOverride)
            return Error{"store.already_decided", name + " has a decision standing; changing it needs a supervisor"};
    }
    auto id = insertRecord(s, *prepared);
    if (!id) return id.error();
    {
        auto update = db_.prepare("UPDATE records SET local_verification = ?2 WHERE id = ?1");
        if (!update) return update.error();
        if (auto r = update->bind(1, d.subject).bind(2, toString(d.outcome)).run(); !r) return r.error();
    }
    const auto at = prepared->receipt.createdAt;
    const std::string action = "record.verification." + std::string(toString(d.outcome));
    if (auto r = appendAudit(db_, at, d.staffId, action, d.subject); !r) return r.error();
    if (d.signedOffBy)
        if (auto r = appendAudit(db_, at, *d.signedOffBy, "record.decision.signed_off", *id); !r) return r.error();
    if (auto r = tx->commit(); !r) return r.error();
    prepared->receipt.recordId = *id;
    return prepared->receipt;
}

Result<std::vector<DecisionEntry>> Store::decisionsFor(RecordId subject) {
    auto query = db_.prepare(
        "SELECT r.id, o.submission_id, r.created_at, r.public_fields, o.state FROM records r "
        "JOIN outbox o ON o.record_id = r.id WHERE r.subject_record_id = ?1 AND r.kind = 'staff_decision' "
        "ORDER BY r.created_at, r.id");
    if (!query) return query.error();
    query->bind(1, subject);
    std::vector<DecisionEntry> out;
    for (;;) {
        auto row = query->step();
        if (!row) return row.error();
        if (!*row) return out;
        DecisionEntry entry;
        entry.id = query->integer(0);
        entry.submissionId = query->text(1);
        entry.createdAt = fromUnixMillis(query->integer(2));
        entry.publicFields = query->text(3);
        entry.outbox = outboxStateFrom(query->text(4)).value_or(OutboxState::Pending);
        out.push_back(std::move(entry));
    }
}

Result<Bytes> Store::personalData(RecordId id) {
    auto query = db_.prepare(
        "SELECT k.wrapped_key, p.ciphertext FROM records r LEFT JOIN record_keys k ON k.record_id = r.id "
        "LEFT JOIN record_payloads p ON p.record_id = r.id WHERE r.id = ?1");
    if (!query) return query.error();
    query->bind(1, id);
    auto row = query->step();
    if (!row) return row.error();
    if (!*row) return Error{"store.not_found", "no record " + std::to_string(id)};
    if (query->isNull(0) || query->isNull(1))
        return Error{"store.purged", "record " + std::to_string(id) + " no longer holds personal data"};
    return openRecord(masterKey_, query->blob(0), query->blob(1));
}

Result<RecordSummary> Store::record(RecordId id) {
    auto query = db_.prepare(
        "SELECT r.kind, r.site_id, r.kiosk_id, r.created_at, r.public_fields, r.local_verification, "
        "r.purged_at IS NOT NULL, o.submission_id, o.payload_sha256 FROM records r "
        "JOIN outbox o ON o.record_id = r.id WHERE r.id = ?1");
    if (!query) return query.error();
    query->bind(1, id);
    auto row = query->step();
    if (!row) return row.error();
    if (!*row) return Error{"store.not_found", "no record " + std::to_string(id)};
    RecordSummary out;
    out.id = id;
    out.kind = recordKindFrom(query->text(0)).value_or(RecordKind::Registration);
    out.siteId = query->text(1);
    out.kioskId = query->text(2);
    out.createdAt = fromUnixMillis(query->integer(3));
    out.publicFields = query->text(4);
    out.verification = localVerificationFrom(query->text(5)).value_or(LocalVerification::NotRequired);
    out.purged = query->integer(6) != 0;
    out.submissionId = query->text(7);
    out.payloadSha256 = query->text(8);
    return out;
}

Result<std::vector<WorkItem>> Store::pendingVerification(std::int64_t limit) {
    auto query = db_.prepare(
        "SELECT r.id, r.kind, r.created_at, r.public_fields, o.state, r.local_verification FROM records r "
        "JOIN outbox o ON o.record_id = r.id WHERE r.local_verification IN ('pending', 'returned') "
        "AND r.purged_at IS NULL "
        // A returnee's complaint comes before everything else, then the oldest first.
        "ORDER BY (r.kind = 'returnee_checkin' AND json_extract(r.public_fields, '$.complaint') = 1) DESC, "
        "r.created_at, r.id LIMIT ?1");
    if (!query) return query.error();
    query->bind(1, limit);
    std::vector<WorkItem> out;
    for (;;) {
        auto row = query->step();
        if (!row) return row.error();
        if (!*row) return out;
        WorkItem item;
        item.id = query->integer(0);
        item.kind = recordKindFrom(query->text(1)).value_or(RecordKind::Registration);
        item.createdAt = fromUnixMillis(query->integer(2));
        item.publicFields = query->text(3);
        item.outbox = outboxStateFrom(query->text(4)).value_or(OutboxState::Pending);
        item.verification = localVerificationFrom(query->text(5)).value_or(LocalVerification::Pending);
        out.push_back(std::move(item));
    }
}

Result<std::vector<RecordId>> Store::findBy(IndexKind kind, std::string_view value) {
    auto query = db_.prepare("SELECT record_id FROM record_index WHERE kind = ?1 AND hash = ?2 ORDER BY record_id");
    if (!query) return query.error();
    query->bind(1, toString(kind)).bind(2, hasher_.hash(kind, value));
    std::vector<RecordId> out;
    for (;;) {
        auto row = query->step();
        if (!row) return row.error();
        if (!*row) return out;
        out.push_back(query->integer(0));
    }
}

Result<std::vector<RecordId>> Store::findByNik(std::string_view nik) { return findBy(IndexKind::Nik, nik); }

Result<std::vector<RecordId>> Store::findByPassport(std::string_view passportNumber) {
    return findBy(IndexKind::Passport, passportNumber);
}

Result<void> Store::setLocalVerification(RecordId id, LocalVerification state, std::string_view actor) {
    auto tx = Transaction::begin(db_);
    if (!tx) return tx.error();
    auto update = db_.prepare("UPDATE records SET local_verification = ?2 WHERE id = ?1");
    if (!update) return update.error();
    if (auto r = update->bind(1, id).bind(2, toString(state)).run(); !r) return r.error();
    if (db_.changes() == 0) return Error{"store.not_found", "no record " + std::to_string(id)};
    const std::string action = "record.verification." + std::string(toString(state));
    if (auto r = appendAudit(db_, clock_.now(), actor, action, id); !r) return r.error();
    return tx->commit();
}

Result<void> Store::recordDeviceEvent(std::string_view device, std::string_view event, std::string_view detail,
                                      std::optional<Clock::TimePoint> at) {
    auto insert = db_.prepare("INSERT INTO device_events (at, device, event, detail) VALUES (?1, ?2, ?3, ?4)");
    if (!insert) return insert.error();
    return insert->bind(1, toUnixMillis(at.value_or(clock_.now()))).bind(2, device).bind(3, event).bind(4, detail).run();
}

Result<std::int64_t> Store::incrementCounter(std::string_view name) {
    auto tx = Transaction::begin(db_);
    if (!tx) return tx.error();
    auto upsert = db_.prepare(
        "INSERT INTO counters (name, value) VALUES (?1, 1) "
        "ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value");
    if (!upsert) return upsert.error();
    upsert->bind(1, name);
    auto row = upsert->step();
    if (!row) return row.error();
    const auto value = upsert->integer(0);
    if (auto r = upsert->run(); !r) return r.error();
    if (auto r = appendAudit(db_, clock_.now(), "kiosk", "counter." + std::string(name), std::nullopt); !r)
        return r.error();
    if (auto r = tx->commit(); !r) return r.error();
    return value;
}

Result<void> Store::recordStaffEvent(std::string_view staffId, std::string_view action) {
    auto tx = Transaction::begin(db_);
    if (!tx) return tx.error();
    if (auto r = appendAudit(db_, clock_.now(), staffId, action, std::nullopt); !r) return r.error();
    return tx->commit();
}

Result<StaffSignIns> Store::staffSignIns(std::string_view staffId, Clock::TimePoint since) {
    auto query = db_.prepare(
        "SELECT at FROM (SELECT seq, at FROM audit WHERE actor = ?1 AND action = 'staff.sign_in_failed' "
        "AND at >= ?2 AND seq > coalesce((SELECT max(seq) FROM audit WHERE actor = ?1 AND action = 'staff.sign_in'), "
        "0) "
        "ORDER BY seq DESC LIMIT 100) ORDER BY seq");
    if (!query) return query.error();
    query->bind(1, staffId).bind(2, toUnixMillis(since));
    StaffSignIns out;
    for (;;) {
        auto row = query->step();
        if (!row) return row.error();
        if (!*row) return out;
        out.failures.push_back(fromUnixMillis(query->integer(0)));
    }
}

Result<std::int64_t> Store::counter(std::string_view name) {
    auto query = db_.prepare("SELECT value FROM counters WHERE name = ?1");
    if (!query) return query.error();
    query->bind(1, name);
    auto row = query->step();
    if (!row) return row.error();
    return *row ? query->integer(0) : 0;
}

Result<PurgeReport> Store::purge(const RetentionPolicy& policy) { return purgeExpired(db_, clock_, policy); }

}  // namespace kiosk::store
