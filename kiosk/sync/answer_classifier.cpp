#include "kiosk/sync/answer_classifier.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <limits>
#include <map>

#include "kiosk/sync/wire_format.h"

namespace kiosk::sync {

namespace {

using Json = nlohmann::json;

const Json* member(const Json& object, std::string_view name) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(name);
    return it == object.end() ? nullptr : &*it;
}

std::optional<std::string> stringMember(const Json& object, std::string_view name) {
    const auto* m = member(object, name);
    if (!m || !m->is_string()) return std::nullopt;
    return m->get<std::string>();
}

// The server's error code when it has the documented shape, else nullopt.
std::optional<std::string> errorCode(const Json& holder) {
    const auto* error = member(holder, "error");
    if (!error) return std::nullopt;
    auto code = stringMember(*error, "code");
    if (!code || !isSnakeCode(*code)) return std::nullopt;
    return code;
}

std::string httpCode(int status) { return "http_" + std::to_string(status); }

Verdict retry(std::string code, std::string detail) {
    Verdict v;
    v.disposition = Disposition::Retry;
    v.code = std::move(code);
    v.detail = std::move(detail);
    return v;
}

bool listedPermanent(int status) {
    return status == 400 || status == 404 || status == 410 || status == 413 || status == 415 || status == 422;
}

// One submission's verdict from its status and the object that holds its members: the whole body
// for §5.1, one entry of "results" for §5.2.
Verdict judge(int status, const Json& fields, const SentSubmission& sent) {
    switch (classifyStatus(status)) {
    case StatusClass::Created:
    case StatusClass::Duplicate: {
        const auto id = stringMember(fields, "id");
        const auto hash = stringMember(fields, "payload_sha256");
        if (!id || !hash) return retry("ack_malformed", "the acknowledgement does not name an id and a payload hash");
        if (*id != sent.id || *hash != sent.payloadSha256) {
            auto v = retry("ack_mismatch", "the server acknowledged " + *id +
                                               " with another id or payload hash "
                                               "than was sent for " +
                                               sent.id + "; not marked as sent");
            v.alert = true;
            return v;
        }
        Verdict v;
        v.disposition = Disposition::Acknowledged;
        v.duplicate = status == 200;
        v.code = httpCode(status);
        if (const auto ref = stringMember(fields, "reference"); ref && isReference(*ref)) v.reference = *ref;
        return v;
    }
    case StatusClass::Conflict: {
        Verdict v;
        v.disposition = Disposition::Conflict;
        v.code = "id_conflict";
        v.detail = "the server holds submission " + sent.id +
                   " with another payload hash; it is no longer sent, its data is kept (a bug somewhere)";
        v.alert = true;
        return v;
    }
    case StatusClass::Permanent: {
        Verdict v;
        v.disposition = Disposition::Rejected;
        const auto code = listedPermanent(status) ? errorCode(fields) : std::nullopt;
        v.code = code.value_or(httpCode(status));
        v.detail = "the server rejected submission " + sent.id + " (" + httpCode(status) + ", " + v.code + ")";
        return v;
    }
    case StatusClass::KioskRefused: {
        Verdict v;
        v.disposition = Disposition::KioskRefused;
        v.code = errorCode(fields).value_or(httpCode(status));
        v.detail = "the server refused this kiosk (" + httpCode(status) + ", " + v.code +
                   "); uploads are paused and retried later";
        v.alert = true;
        return v;
    }
    case StatusClass::Transient: break;
    }
    return retry(httpCode(status), "the server answered " + std::to_string(status) + "; trying again later");
}

Verdict transportVerdict(const TransportFailure& failure) {
    auto v = retry("curl_" + std::to_string(failure.curlCode), failure.reason);
    v.maybeDelivered = failure.requestSent;
    return v;
}

}  // namespace

StatusClass classifyStatus(int status) {
    if (status == 201) return StatusClass::Created;
    if (status == 200) return StatusClass::Duplicate;
    if (status == 409) return StatusClass::Conflict;
    if (status == 401 || status == 403) return StatusClass::KioskRefused;
    if (status == 408 || status == 425 || status == 429) return StatusClass::Transient;
    if (status >= 400 && status < 500) return StatusClass::Permanent;
    return StatusClass::Transient;
}

std::optional<std::chrono::seconds> parseRetryAfter(std::string_view value, Clock::TimePoint now) {
    if (value.empty()) return std::nullopt;
    if (value.find_first_not_of("0123456789") == std::string_view::npos) {
        std::int64_t seconds = 0;
        const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
        // Too many digits for an int64 is "a very long time"; the caller caps it.
        if (error == std::errc::result_out_of_range)
            return std::chrono::seconds{std::numeric_limits<std::int64_t>::max()};
        if (error != std::errc{} || end != value.data() + value.size()) return std::nullopt;
        return std::chrono::seconds{seconds};
    }
    const auto at = parseHttpDate(value);
    if (!at) return std::nullopt;
    if (*at <= now) return std::chrono::seconds{0};
    return std::chrono::ceil<std::chrono::seconds>(*at - now);
}

Verdict classifySubmissionAnswer(const ServerAnswer& answer, const SentSubmission& sent, Clock::TimePoint now) {
    if (answer.failure) return transportVerdict(*answer.failure);
    const auto body = Json::parse(answer.body, nullptr, false);
    auto v = judge(answer.status, body.is_discarded() ? Json::object() : body, sent);
    if (v.disposition == Disposition::Retry && answer.retryAfter)
        v.retryAfter = parseRetryAfter(*answer.retryAfter, now);
    return v;
}

BatchVerdict classifyBatchAnswer(const ServerAnswer& answer, std::span<const SentSubmission> sent,
                                 Clock::TimePoint now) {
    BatchVerdict out;
    auto everyone = [&](const Verdict& v) {
        out.verdicts.assign(sent.size(), v);
        return out;
    };
    if (answer.failure) return everyone(transportVerdict(*answer.failure));
    if (answer.status != 200) {
        const auto body = Json::parse(answer.body, nullptr, false);
        const auto& fields = body.is_discarded() ? Json::object() : body;
        switch (classifyStatus(answer.status)) {
        case StatusClass::KioskRefused: return everyone(judge(answer.status, fields, SentSubmission{}));
        case StatusClass::Permanent:
        case StatusClass::Conflict:
            // An answer about the batch request, not about any one envelope in it (§5.2).
            out.sendSingly = true;
            return out;
        default: {
            auto v = judge(answer.status, fields, SentSubmission{});
            if (answer.retryAfter) v.retryAfter = parseRetryAfter(*answer.retryAfter, now);
            return everyone(v);
        }
        }
    }
    const auto body = Json::parse(answer.body, nullptr, false);
    const auto* results = body.is_discarded() ? nullptr : member(body, "results");
    if (!results || !results->is_array())
        return everyone(retry("batch_malformed", "the batch answer has no results array; trying again later"));
    std::map<std::string, std::vector<const Json*>> byId;
    for (const auto& result : *results)
        if (const auto id = stringMember(result, "id")) byId[*id].push_back(&result);
    for (const auto& s : sent) {
        const auto found = byId.find(s.id);
        if (found == byId.end()) {
            out.verdicts.push_back(retry("batch_result_missing", "the batch answer has no result for " + s.id));
            continue;
        }
        if (found->second.size() > 1) {
            out.verdicts.push_back(retry("batch_result_ambiguous", "the batch answer has several results for " + s.id));
            continue;
        }
        const auto& result = *found->second.front();
        const auto* status = member(result, "status");
        if (!status || !status->is_number_integer()) {
            out.verdicts.push_back(retry("batch_result_malformed", "the result for " + s.id + " has no status"));
            continue;
        }
        out.verdicts.push_back(judge(status->get<int>(), result, s));
    }
    return out;
}

}  // namespace kiosk::sync
