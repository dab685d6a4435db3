#pragma once
// The national server as the sync worker sees it: one call per endpoint of docs/api.md, each
// answering with a value. A network failure is data (a TransportFailure), never an exception, so
// that the retry policy can classify every outcome in one place. Implementations live on the sync
// thread; CurlServerApi is the real one, tests script a fake.

#include <optional>
#include <string>
#include <string_view>

namespace kiosk::sync {

struct TransportFailure {
    int curlCode = 0;    // CURLcode, or 0 when the failure happened before anything was sent
    std::string reason;  // plain words for the operator; never a response body
    // The whole request went out before the failure: the server may have acted on it (a commit
    // followed by a reset), so the answer is unknown rather than "not delivered".
    bool requestSent = false;
};

struct ServerAnswer {
    int status = 0;  // HTTP status; 0 when no response came
    std::string body;
    std::optional<std::string> etag;
    std::optional<std::string> retryAfter;  // as sent: seconds or an HTTP date
    std::optional<std::string> date;        // the server's clock, as an HTTP date
    std::optional<TransportFailure> failure;

    bool answered() const { return !failure; }
};

class ServerApi {
public:
    virtual ~ServerApi() = default;

    // §5.1 POST /v1/submissions, with Idempotency-Key: submissionId.
    virtual ServerAnswer postSubmission(std::string_view submissionId, std::string_view envelopeJson) = 0;
    // §5.2 POST /v1/submissions/batch with {"submissions": [...]}.
    virtual ServerAnswer postBatch(std::string_view batchJson) = 0;
    // §6 GET /v1/kiosks/{kioskId}/config, with If-None-Match when an ETag is given.
    virtual ServerAnswer getConfig(std::string_view kioskId, std::optional<std::string_view> etag) = 0;
    // §6 GET /v1/catalogues/{name}, with If-None-Match when an ETag is given.
    virtual ServerAnswer getCatalogue(std::string_view name, std::optional<std::string_view> etag) = 0;
    // §7 POST /v1/kiosks/{kioskId}/heartbeat.
    virtual ServerAnswer postHeartbeat(std::string_view kioskId, std::string_view heartbeatJson) = 0;
    // §8 POST /v1/submissions/status with {"ids": [...]}.
    virtual ServerAnswer postStatusQuery(std::string_view queryJson) = 0;
};

}  // namespace kiosk::sync
