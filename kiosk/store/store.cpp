#include "kiosk/store/store.h"

#include <fcntl.h>
#include <unistd.h>

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

Result<Receipt> Store::enqueue(const NewSubmission& s) {
    if (auto r = checkDiskSpace(); !r) return r.error();
    // Everything slow or fallible that writes nothing happens before the transaction opens.
    auto sealed = sealRecord(masterKey_, s.personalPayload);
    if (!sealed) return sealed.error();
    Receipt receipt;
    receipt.submissionId = newUuidV4();
    receipt.payloadSha256 = sha256Hex(s.personalPayload);
    receipt.createdAt = clock_.now();
    const auto at = toUnixMillis(receipt.createdAt);
    std::vector<std::pair<IndexKind, Bytes>> hashes;
    if (s.index.nik) hashes.emplace_back(IndexKind::Nik, hasher_.hash(IndexKind::Nik, *s.index.nik));
    if (s.index.passportNumber)
        hashes.emplace_back(IndexKind::Passport, hasher_.hash(IndexKind::Passport, *s.index.passportNumber));

    auto tx = Transaction::begin(db_);
    if (!tx) return tx.error();
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
                               sealed->wrappedKey);
        !r)
        return r.error();
    if (auto r = insertBlobRow(db_, "INSERT INTO record_payloads (record_id, ciphertext) VALUES (?1, ?2)", id,
                               sealed->ciphertext);
        !r)
        return r.error();
    for (const auto& [kind, hash] : hashes) {
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
        insert->bind(1, id).bind(2, receipt.submissionId).bind(3, receipt.payloadSha256).bind(4, at);
        if (auto r = insert->run(); !r) return r.error();
    }
    if (auto r = appendAudit(db_, receipt.createdAt, s.actor, "record.created", id); !r) return r.error();
    if (auto r = tx->commit(); !r) return r.error();
    receipt.recordId = id;
    return receipt;
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
        "SELECT r.id, r.kind, r.created_at, r.public_fields, o.state FROM records r "
        "JOIN outbox o ON o.record_id = r.id WHERE r.local_verification = 'pending' AND r.purged_at IS NULL "
        "ORDER BY r.created_at, r.id LIMIT ?1");
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

Result<void> Store::recordDeviceEvent(std::string_view device, std::string_view event, std::string_view detail) {
    auto insert = db_.prepare("INSERT INTO device_events (at, device, event, detail) VALUES (?1, ?2, ?3, ?4)");
    if (!insert) return insert.error();
    return insert->bind(1, toUnixMillis(clock_.now())).bind(2, device).bind(3, event).bind(4, detail).run();
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
        "AND at >= ?2 AND seq > coalesce((SELECT max(seq) FROM audit WHERE actor = ?1 AND action = 'staff.sign_in'), 0) "
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
