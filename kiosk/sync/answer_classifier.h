#pragma once
// What a server answer means for each submission sent, per docs/api.md §5.1 and §5.2. Pure
// functions: the Uploader applies the verdicts to the outbox, the RetryPolicy turns them into waits.
// Nothing from a response body is kept except codes, hashes and references of a checked shape.

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/clock.h"
#include "kiosk/sync/server_api.h"

namespace kiosk::sync {

// The rows of the §5.1 table, by HTTP status alone.
enum class StatusClass {
    Created,       // 201: new, stored durably
    Duplicate,     // 200: the same id and hash were already stored
    Conflict,      // 409: the same id with another hash
    Permanent,     // 400, 404, 410, 413, 415, 422 and any other 4xx: never accepted as sent
    KioskRefused,  // 401, 403: the kiosk itself is not accepted
    Transient,     // 408, 425, 429, 5xx and anything else: try again later
};
StatusClass classifyStatus(int status);

enum class Disposition { Acknowledged, Conflict, Rejected, KioskRefused, Retry };

struct SentSubmission {
    std::string id;
    std::string payloadSha256;
};

struct Verdict {
    Disposition disposition = Disposition::Retry;
    bool duplicate = false;  // acknowledged with 200: the server held it already
    // For the outbox: the reject code ("payload_hash_mismatch", "id_conflict", "http_418") or what
    // went wrong ("http_503", "curl_28", "ack_mismatch"). Never text from the body.
    std::string code;
    std::string detail;                              // plain words for reports and alerts; no body text
    std::string reference;                           // the server's reference on an acknowledgement, when well formed
    std::optional<std::chrono::seconds> retryAfter;  // the server's floor, not yet capped
    bool alert = false;                              // staff must hear of it
    bool maybeDelivered = false;                     // the request went out whole; the answer was lost
};

struct BatchVerdict {
    // The batch request itself could not be handled (400, 413 or another permanent 4xx on the
    // whole batch): send its envelopes one at a time instead. `verdicts` is then empty.
    bool sendSingly = false;
    std::vector<Verdict> verdicts;  // one per sent submission, in the order sent
};

// Retry-After as seconds or an HTTP date (relative to `now`; a date in the past is 0 s).
std::optional<std::chrono::seconds> parseRetryAfter(std::string_view value, Clock::TimePoint now);

Verdict classifySubmissionAnswer(const ServerAnswer& answer, const SentSubmission& sent, Clock::TimePoint now);
BatchVerdict classifyBatchAnswer(const ServerAnswer& answer, std::span<const SentSubmission> sent,
                                 Clock::TimePoint now);

}  // namespace kiosk::sync
