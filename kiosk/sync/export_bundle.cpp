#include "kiosk/sync/export_bundle.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>

#include "kiosk/sync/atomic_file.h"
#include "kiosk/sync/signed_document.h"
#include "kiosk/sync/wire_format.h"

namespace kiosk::sync {

std::string bundleFileName(std::string_view kioskId, Clock::TimePoint at, int copy) {
    return "loket-" + std::string(kioskId) + "-" + formatCompactUtc(at) + (copy > 1 ? "-" + std::to_string(copy) : "") +
           ".lkb";
}

std::string bundleDocument(std::string_view kioskId, std::string_view siteId, Clock::TimePoint createdAt,
                           std::span<const Envelope> envelopes) {
    auto submissions = nlohmann::json::array();
    for (const auto& e : envelopes) submissions.push_back(nlohmann::json::parse(e.toJson()));
    return nlohmann::json{{"format", "loket-export"},
                          {"version", 1},
                          {"kiosk_id", kioskId},
                          {"site_id", siteId},
                          {"created_at", formatRfc3339(createdAt)},
                          {"submissions", std::move(submissions)}}
        .dump();
}

Result<ExportSummary> exportUnsent(store::Store& store, const EnvelopeBuilder& envelopes, const DeviceKey& deviceKey,
                                   std::string_view kioskId, std::string_view siteId, Clock::TimePoint now,
                                   const std::filesystem::path& folder) {
    std::vector<store::OutboxEntry> unsent;
    for (const auto state : {store::OutboxState::Pending, store::OutboxState::InFlight, store::OutboxState::Sent}) {
        auto rows = store.outbox().list(std::numeric_limits<std::int64_t>::max(), state);
        if (!rows) return rows.error();
        unsent.insert(unsent.end(), rows->begin(), rows->end());
    }
    std::sort(unsent.begin(), unsent.end(), [](const auto& a, const auto& b) { return a.outboxId < b.outboxId; });

    ExportSummary summary;
    std::vector<Envelope> built;
    for (const auto& row : unsent) {
        auto envelope = envelopes.build(row.recordId, row.submissionId, row.payloadSha256);
        if (!envelope) {
            if (envelope.error().code != "sync.local_corruption") return envelope.error();
            summary.skipped.push_back(envelope.error());
            continue;
        }
        built.push_back(std::move(*envelope));
    }
    auto body = signDocument(bundleDocument(kioskId, siteId, now, built), deviceKey);
    if (!body) return body.error();
    // Two exports in one second (a second tap, a second stick's worth) each keep their own file.
    constexpr int kCopies = 9;
    for (int copy = 1;; ++copy) {
        summary.file = folder / bundleFileName(kioskId, now, copy);
        const auto written = writeFileAtomically(summary.file, *body, Replace::Refused);
        if (written) break;
        if (written.error().code != "sync.file_exists" || copy == kCopies) return written.error();
    }
    summary.count = static_cast<std::int64_t>(built.size());
    return summary;
}

}  // namespace kiosk::sync
