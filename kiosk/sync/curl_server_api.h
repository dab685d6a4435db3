#pragma once
// The national server over HTTPS with libcurl: one easy handle, owned by the sync thread, reused
// for every request so that the TLS connection is kept between them. Certificate and host name
// verification are always on; plain http:// is accepted only for a loopback host (the simulator in
// tests). Every request is signed (docs/api.md §3) and bounded: connect timeout, a low-speed abort
// and a total timeout, and a stop token checked while it runs.

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/result.h"
#include "kiosk/sync/request_signer.h"
#include "kiosk/sync/server_api.h"

namespace kiosk::sync {

struct TransportOptions {
    std::string baseUrl;                          // e.g. "https://pmi.example.go.id/api"; paths /v1/... are appended
    std::optional<std::filesystem::path> caFile;  // CA bundle to verify the server with; system CAs otherwise
    std::string pinnedPublicKey;                  // "sha256//<base64>" (several joined by ';'); empty: no pin
    std::optional<std::filesystem::path> clientCert;
    std::optional<std::filesystem::path> clientKey;
    std::chrono::milliseconds connectTimeout{std::chrono::seconds{10}};
    // Abort when fewer than 1 byte/s arrive for this long (curl counts whole seconds).
    std::chrono::seconds lowSpeedTime{30};
    // Total time for one submission or batch (§5.3).
    std::chrono::milliseconds uploadTimeout{std::chrono::seconds{120}};
    // Total time for a configuration, catalogue, heartbeat or status request. Shorter than uploads:
    // the worker runs pulls between uploads, so this bounds how long a hanging pull holds them up.
    std::chrono::milliseconds pullTimeout{std::chrono::seconds{30}};
    std::size_t maxResponseBytes = 64u * 1024 * 1024;
};

// "sync.insecure_url" for http:// to a host that is not loopback, "sync.bad_url" for anything that
// is not an http(s) URL with a host. Exposed for the settings check.
Result<void> checkServerUrl(std::string_view url);

class CurlServerApi final : public ServerApi {
public:
    // `stop` aborts a request in flight (within about a second) when stop is requested.
    static Result<std::unique_ptr<CurlServerApi>> create(TransportOptions options, RequestSigner signer,
                                                         std::stop_token stop = {});
    ~CurlServerApi() override;

    ServerAnswer postSubmission(std::string_view submissionId, std::string_view envelopeJson) override;
    ServerAnswer postBatch(std::string_view batchJson) override;
    ServerAnswer getConfig(std::string_view kioskId, std::optional<std::string_view> etag) override;
    ServerAnswer getCatalogue(std::string_view name, std::optional<std::string_view> etag) override;
    ServerAnswer postHeartbeat(std::string_view kioskId, std::string_view heartbeatJson) override;
    ServerAnswer postStatusQuery(std::string_view queryJson) override;
    // §10 POST /v1/enrolments: once, by the technician (kioskctl enrol), before the server knows
    // the kiosk's key; the server does not check the signature it carries.
    ServerAnswer postEnrolment(std::string_view enrolmentJson);

    CurlServerApi(const CurlServerApi&) = delete;
    CurlServerApi& operator=(const CurlServerApi&) = delete;

private:
    struct Handle;
    struct Request {
        std::string_view method;
        std::string path;  // starts with /v1
        std::string_view body;
        std::vector<std::string> headers;
        std::chrono::milliseconds timeout;
    };
    CurlServerApi(TransportOptions options, RequestSigner signer, std::stop_token stop, std::unique_ptr<Handle> handle);
    ServerAnswer perform(const Request& request);

    TransportOptions options_;
    RequestSigner signer_;
    std::stop_token stop_;
    std::unique_ptr<Handle> handle_;
};

}  // namespace kiosk::sync
