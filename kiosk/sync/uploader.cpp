#include "kiosk/sync/uploader.h"

#include <algorithm>

namespace kiosk::sync {

namespace {

Alert alertFor(const Verdict& verdict, std::string_view subject, Clock::TimePoint at) {
    const std::string code = verdict.disposition == Disposition::KioskRefused ? "kiosk_refused" : verdict.code;
    return Alert{code, std::string(subject), verdict.detail, at};
}

}  // namespace

void noteFailure(PassReport& report, std::string step, std::string code, std::string detail) {
    for (const auto& f : report.failures)
        if (f.step == step && f.code == code) return;
    report.failures.push_back(StepFailure{std::move(step), std::move(code), std::move(detail)});
}

PassReport Uploader::runOnce() {
    PassReport report;
    if (paused(clock_.now())) return report;
    auto claimed = store_.outbox().claimDue(options_.batchSize, options_.lease);
    if (!claimed) {
        report.errors.push_back(claimed.error());
        return report;
    }
    report.claimed = static_cast<std::int64_t>(claimed->size());

    std::vector<Item> items;
    for (auto& claim : *claimed) {
        auto envelope = envelopes_.build(claim.recordId, claim.submissionId, claim.payloadSha256);
        if (!envelope) {
            // Never sent; tried again later in case the cause passes (a busy database), with an
            // alert when the data itself disagrees.
            const auto& e = envelope.error();
            report.errors.push_back(e);
            const bool corrupt = e.code == "sync.local_corruption";
            if (corrupt) report.alerts.push_back(Alert{"local_corruption", claim.submissionId, e.detail, clock_.now()});
            const auto next = clock_.now() + policy_.delay(claim.attempts + 1);
            putBack(claim, next, corrupt ? "local_corruption" : e.code, false, report);
            continue;
        }
        items.push_back(Item{std::move(claim), envelope->toJson()});
    }

    // Requests of at most batchSize envelopes and maxBatchBytes, in claim order.
    std::size_t next = 0;
    while (next < items.size()) {
        std::vector<const Item*> group{&items[next]};
        std::size_t bytes = items[next].json.size();
        for (++next; next < items.size() && bytes + items[next].json.size() + 1 <= options_.maxBatchBytes; ++next) {
            group.push_back(&items[next]);
            bytes += items[next].json.size() + 1;
        }
        if (paused(clock_.now())) {
            for (const auto* item : group) putBack(item->claim, *pausedUntil_, "kiosk_refused", false, report);
            continue;
        }
        if (group.size() == 1)
            sendSingle(*group.front(), report);
        else
            sendBatch(group, report);
    }
    return report;
}

void Uploader::sendSingle(const Item& item, PassReport& report) {
    const auto answer = server_.postSubmission(item.claim.submissionId, item.json);
    ++report.requests;
    if (answer.answered()) ++report.answered;
    const auto verdict =
        classifySubmissionAnswer(answer, {item.claim.submissionId, item.claim.payloadSha256}, clock_.now());
    std::vector<Acknowledged> acks;
    apply(item, verdict, report, acks);
    acknowledge(acks, report);
}

void Uploader::sendBatch(const std::vector<const Item*>& items, PassReport& report) {
    std::string body = R"({"submissions":[)";
    std::vector<SentSubmission> sent;
    for (const auto* item : items) {
        if (!sent.empty()) body += ',';
        body += item->json;
        sent.push_back({item->claim.submissionId, item->claim.payloadSha256});
    }
    body += "]}";
    const auto answer = server_.postBatch(body);
    ++report.requests;
    if (answer.answered()) ++report.answered;
    const auto verdict = classifyBatchAnswer(answer, sent, clock_.now());
    if (verdict.sendSingly) {
        noteFailure(report, "upload", "http_" + std::to_string(answer.status),
                    "the server could not take the batch as a whole; sending its submissions one at a time");
        for (const auto* item : items) {
            if (paused(clock_.now()))
                putBack(item->claim, *pausedUntil_, "kiosk_refused", false, report);
            else
                sendSingle(*item, report);
        }
        return;
    }
    std::vector<Acknowledged> acks;
    for (std::size_t i = 0; i < items.size(); ++i) apply(*items[i], verdict.verdicts[i], report, acks);
    acknowledge(acks, report);
}

void Uploader::apply(const Item& item, const Verdict& verdict, PassReport& report, std::vector<Acknowledged>& acks) {
    const auto& id = item.claim.submissionId;
    const auto now = clock_.now();
    if (verdict.alert) report.alerts.push_back(alertFor(verdict, id, now));
    switch (verdict.disposition) {
    case Disposition::Acknowledged:
        acks.push_back(Acknowledged{{id, item.claim.payloadSha256, verdict.reference}, verdict.duplicate});
        refusals_ = 0;
        pausedUntil_.reset();
        return;
    case Disposition::Conflict:
    case Disposition::Rejected:
        if (auto r = store_.outbox().reject(id, verdict.code); !r) {
            report.errors.push_back(r.error());
            return;
        }
        ++report.rejected;
        if (verdict.disposition == Disposition::Conflict) ++report.conflicts;
        refusals_ = 0;
        pausedUntil_.reset();
        return;
    case Disposition::KioskRefused:
        if (!paused(now)) pause();
        noteFailure(report, "upload", verdict.code, verdict.detail);
        putBack(item.claim, *pausedUntil_, "kiosk_refused/" + verdict.code, false, report);
        return;
    case Disposition::Retry: {
        noteFailure(report, "upload", verdict.code, verdict.detail);
        const auto next = now + policy_.delay(item.claim.attempts + 1, verdict.retryAfter);
        putBack(item.claim, next, verdict.code, verdict.maybeDelivered, report);
        return;
    }
    }
}

void Uploader::acknowledge(const std::vector<Acknowledged>& acks, PassReport& report) {
    if (acks.empty()) return;
    auto count = [&](const Acknowledged& a) {
        ++report.acknowledged;
        if (a.duplicate) ++report.duplicates;
    };
    std::vector<store::Acknowledgement> all;
    for (const auto& a : acks) all.push_back(a.ack);
    if (store_.outbox().acknowledgeAll(all)) {
        for (const auto& a : acks) count(a);
        return;
    }
    // One bad row must not hold back the others. A row that still fails stays in flight until its
    // lease ends, is sent again and then answered 200: nothing is lost.
    for (const auto& a : acks) {
        if (auto r = store_.outbox().acknowledge(a.ack); !r)
            report.errors.push_back(r.error());
        else
            count(a);
    }
}

void Uploader::putBack(const store::ClaimedSubmission& claim, Clock::TimePoint next, const std::string& code,
                       bool maybeDelivered, PassReport& report) {
    if (auto r = store_.outbox().retryLater(claim.submissionId, next, code); !r) {
        report.errors.push_back(r.error());
        return;
    }
    // The whole request went out and the answer was lost: the server may hold it. "sent" says so to
    // the operator; the row is still sent again at `next` until the server gives its word.
    if (maybeDelivered)
        if (auto r = store_.outbox().markSent(claim.submissionId, next); !r) report.errors.push_back(r.error());
    ++report.retried;
}

void Uploader::pause() {
    ++refusals_;
    const auto wait = std::max<std::chrono::milliseconds>(options_.minimumPause, policy_.delay(refusals_));
    pausedUntil_ = clock_.now() + wait;
}

}  // namespace kiosk::sync
