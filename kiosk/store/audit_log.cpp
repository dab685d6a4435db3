#include "kiosk/store/audit_log.h"

#include <sodium.h>

#include <cassert>

#include "kiosk/store/record_crypto.h"

namespace kiosk::store {

namespace {

constexpr std::size_t kHashSize = 32;

void putU64(Bytes& out, std::uint64_t v) {
    for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}

void putText(Bytes& out, std::string_view text) {
    putU64(out, text.size());
    out.insert(out.end(), text.begin(), text.end());
}

// Fixed-width integers and length-prefixed text: no two different entries encode alike.
Bytes chainHash(std::span<const std::uint8_t> previous, const AuditEntry& e) {
    Bytes message(previous.begin(), previous.end());
    putU64(message, static_cast<std::uint64_t>(e.seq));
    putU64(message, static_cast<std::uint64_t>(toUnixMillis(e.at)));
    putText(message, e.actor);
    putText(message, e.action);
    message.push_back(e.recordId ? 1 : 0);
    putU64(message, static_cast<std::uint64_t>(e.recordId.value_or(0)));
    Bytes hash(kHashSize);
    crypto_generichash(hash.data(), hash.size(), message.data(), message.size(), nullptr, 0);
    return hash;
}

AuditEntry entryFrom(const Statement& row) {
    AuditEntry e;
    e.seq = row.integer(0);
    e.at = fromUnixMillis(row.integer(1));
    e.actor = row.text(2);
    e.action = row.text(3);
    if (!row.isNull(4)) e.recordId = row.integer(4);
    return e;
}

}  // namespace

Result<std::int64_t> appendAudit(Database& db, Clock::TimePoint at, std::string_view actor, std::string_view action,
                                 std::optional<RecordId> recordId) {
    assert(db.inTransaction() && "audit entries are written inside the transaction they describe");
    AuditEntry entry{0, at, std::string(actor), std::string(action), recordId};
    Bytes previous(kHashSize, 0);
    {
        auto head = db.prepare("SELECT seq, hash FROM audit_head WHERE singleton = 1");
        if (!head) return head.error();
        auto row = head->step();
        if (!row) return row.error();
        entry.seq = *row ? head->integer(0) + 1 : 1;
        if (*row) previous = head->blob(1);
    }
    const auto hash = chainHash(previous, entry);
    auto insert =
        db.prepare("INSERT INTO audit (seq, at, actor, action, record_id, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert) return insert.error();
    insert->bind(1, entry.seq).bind(2, toUnixMillis(at)).bind(3, actor).bind(4, action).bind(6, hash);
    if (recordId)
        insert->bind(5, *recordId);
    else
        insert->bindNull(5);
    if (auto r = insert->run(); !r) return r.error();
    auto head = db.prepare(
        "INSERT INTO audit_head (singleton, seq, hash) VALUES (1, ?1, ?2) "
        "ON CONFLICT (singleton) DO UPDATE SET seq = excluded.seq, hash = excluded.hash");
    if (!head) return head.error();
    head->bind(1, entry.seq).bind(2, hash);
    if (auto r = head->run(); !r) return r.error();
    return entry.seq;
}

Result<AuditVerdict> verifyAudit(Database& db) {
    AuditVerdict verdict;
    auto rows = db.prepare("SELECT seq, at, actor, action, record_id, hash FROM audit ORDER BY seq");
    if (!rows) return rows.error();
    Bytes previous(kHashSize, 0);
    std::int64_t expected = 1;
    for (;;) {
        auto row = rows->step();
        if (!row) return row.error();
        if (!*row) break;
        const auto entry = entryFrom(*rows);
        const auto stored = rows->blob(5);
        ++verdict.entries;
        if (entry.seq != expected) {
            verdict.firstBadSeq = entry.seq;
            verdict.reason =
                "entry " + std::to_string(expected) + " is missing (next present is " + std::to_string(entry.seq) + ")";
            break;
        }
        if (chainHash(previous, entry) != stored) {
            verdict.firstBadSeq = entry.seq;
            verdict.reason = "entry " + std::to_string(entry.seq) + " does not match its hash (edited or moved)";
            break;
        }
        previous = stored;
        ++expected;
    }
    auto head = db.prepare("SELECT seq, hash FROM audit_head WHERE singleton = 1");
    if (!head) return head.error();
    auto row = head->step();
    if (!row) return row.error();
    if (*row) verdict.headHex = toHex(head->blob(1));
    if (verdict.firstBadSeq) return verdict;

    const auto last = expected - 1;
    if (!*row) {
        if (last > 0) {
            verdict.firstBadSeq = 1;
            verdict.reason = "the chain head is missing";
        }
        return verdict;
    }
    const auto headSeq = head->integer(0);
    if (headSeq != last || head->blob(1) != previous) {
        verdict.firstBadSeq = last + 1;
        verdict.reason = "the chain ends at entry " + std::to_string(last) + " but its head names entry " +
                         std::to_string(headSeq) + " (entries cut off the end, or the head was altered)";
    }
    return verdict;
}

Result<std::vector<AuditEntry>> recentAudit(Database& db, std::int64_t limit) {
    auto rows = db.prepare(
        "SELECT seq, at, actor, action, record_id FROM (SELECT * FROM audit ORDER BY seq DESC LIMIT ?1) ORDER BY seq");
    if (!rows) return rows.error();
    rows->bind(1, limit);
    std::vector<AuditEntry> out;
    for (;;) {
        auto row = rows->step();
        if (!row) return row.error();
        if (!*row) return out;
        out.push_back(entryFrom(*rows));
    }
}

}  // namespace kiosk::store
