#include "tests/national_server/submission_store.h"

#include <cstdio>

namespace kiosk::sim {

namespace {

std::string referenceFor(std::int64_t seq, TimePoint now) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "PMI-%.4s-%06lld", formatTime(now).c_str(), static_cast<long long>(seq));
    return buffer;
}

}  // namespace

bool SubmissionStore::isState(std::string_view state) {
    return state == "received" || state == "in_review" || state == "verified" || state == "returned";
}

Result<StoreAnswer> SubmissionStore::store(const VerifiedSubmission& s, std::string_view via, TimePoint now) {
    const auto lock = db_.lock();
    SqlTransaction tx(db_);
    if (auto r = tx.begin(); !r) return r.error();
    const auto nowText = formatTime(now);

    auto existing = db_.prepare("SELECT payload_sha256, reference, kiosk_id, state FROM submissions WHERE id = ?1");
    if (!existing) return existing.error();
    existing->bind(1, s.id);
    auto row = existing->step();
    if (!row) return row.error();
    if (*row) {
        StoreAnswer answer;
        answer.payloadSha256 = existing->text(0);
        const bool same = answer.payloadSha256 == s.payloadSha256 && existing->text(2) == s.kioskId;
        answer.outcome = same ? StoreOutcome::Duplicate : StoreOutcome::Conflict;
        if (same) answer.reference = existing->text(1);
        answer.state = existing->text(3);
        auto count = db_.prepare(same ? "UPDATE submissions SET received_count = received_count + 1, "
                                        "last_received_at = ?2 WHERE id = ?1"
                                      : "UPDATE submissions SET conflict_count = conflict_count + 1 WHERE id = ?1");
        if (!count) return count.error();
        count->bind(1, s.id);
        if (same) count->bind(2, nowText);
        if (auto r = count->run(); !r) return r.error();
        if (auto r = tx.commit(); !r) return r.error();
        return answer;
    }

    auto next = db_.prepare("SELECT COALESCE(MAX(seq), 0) + 1 FROM submissions");
    if (!next) return next.error();
    if (auto r = next->step(); !r) return r.error();
    const std::int64_t seq = next->integer(0);
    const auto reference = referenceFor(seq, now);

    auto insert = db_.prepare(
        "INSERT INTO submissions (id, kind, schema, kiosk_id, site_id, created_at, payload_sha256, payload, "
        "sealed_sha256, envelope_signature, seq, reference, received_via, first_received_at, last_received_at, "
        "received_count, state, state_updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, 1, 'received', ?14)");
    if (!insert) return insert.error();
    insert->bind(1, s.id).bind(2, s.kind).bind(3, s.schema).bind(4, s.kioskId).bind(5, s.siteId);
    insert->bind(6, s.createdAt).bind(7, s.payloadSha256).bindBlob(8, s.payload).bind(9, s.sealedSha256);
    insert->bind(10, s.signature).bind(11, seq).bind(12, reference).bind(13, via).bind(14, nowText);
    if (auto r = insert->run(); !r) return r.error();
    if (auto r = tx.commit(); !r) return r.error();
    return StoreAnswer{StoreOutcome::Created, reference, s.payloadSha256, "received"};
}

Result<std::vector<SubmissionStatus>> SubmissionStore::statuses(std::span<const std::string> ids,
                                                                std::string_view kioskId) {
    const auto lock = db_.lock();
    auto query = db_.prepare(
        "SELECT state, reference, state_updated_at, reason_code FROM submissions WHERE id = ?1 AND kiosk_id = ?2");
    if (!query) return query.error();
    std::vector<SubmissionStatus> out;
    for (const auto& id : ids) {
        query->reset();
        query->bind(1, id).bind(2, kioskId);
        auto row = query->step();
        if (!row) return row.error();
        if (*row)
            out.push_back({id, query->text(0), query->text(1), query->text(2), query->text(3)});
        else
            out.push_back({id, "unknown", "", "", ""});
    }
    return out;
}

Result<bool> SubmissionStore::setStatus(std::string_view id, std::string_view state, std::string_view reasonCode,
                                        TimePoint now) {
    const auto lock = db_.lock();
    auto update = db_.prepare(
        "UPDATE submissions SET state = ?2, reason_code = ?3, state_updated_at = ?4 WHERE id = ?1 RETURNING id");
    if (!update) return update.error();
    update->bind(1, id).bind(2, state).bind(3, reasonCode).bind(4, formatTime(now));
    auto row = update->step();
    if (!row) return row.error();
    const bool found = *row;
    if (found)
        if (auto r = update->run(); !r) return r.error();
    return found;
}

Result<nlohmann::json> SubmissionStore::listAll() {
    const auto lock = db_.lock();
    auto query = db_.prepare(
        "SELECT id, kind, schema, kiosk_id, site_id, created_at, payload_sha256, payload, reference, received_via, "
        "first_received_at, last_received_at, received_count, conflict_count, state, reason_code, state_updated_at, "
        "sealed_sha256, envelope_signature FROM submissions ORDER BY seq");
    if (!query) return query.error();
    auto list = nlohmann::json::array();
    for (;;) {
        auto row = query->step();
        if (!row) return row.error();
        if (!*row) break;
        list.push_back({{"id", query->text(0)},
                        {"kind", query->text(1)},
                        {"schema", query->integer(2)},
                        {"kiosk_id", query->text(3)},
                        {"site_id", query->text(4)},
                        {"created_at", query->text(5)},
                        {"payload_sha256", query->text(6)},
                        {"payload", toBase64(query->blob(7))},
                        {"reference", query->text(8)},
                        {"received_via", query->text(9)},
                        {"first_received_at", query->text(10)},
                        {"last_received_at", query->text(11)},
                        {"received_count", query->integer(12)},
                        {"conflict_count", query->integer(13)},
                        {"state", query->text(14)},
                        {"reason_code", query->text(15)},
                        {"updated_at", query->text(16)},
                        {"sealed_sha256", query->text(17)},
                        {"envelope_signature", query->text(18)}});
    }
    return nlohmann::json{{"submissions", std::move(list)}};
}

}  // namespace kiosk::sim
