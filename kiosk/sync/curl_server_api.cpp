#include "kiosk/sync/curl_server_api.h"

#include <arpa/inet.h>
#include <curl/curl.h>

#include <cctype>
#include <mutex>

namespace kiosk::sync {

namespace {

template <auto Fn>
struct FreeWith {
    void operator()(auto* p) const noexcept {
        if (p) Fn(p);
    }
};
using Curl = std::unique_ptr<CURL, FreeWith<curl_easy_cleanup>>;
using CurlUrl = std::unique_ptr<CURLU, FreeWith<curl_url_cleanup>>;
using CurlText = std::unique_ptr<char, FreeWith<curl_free>>;
using HeaderList = std::unique_ptr<curl_slist, FreeWith<curl_slist_free_all>>;

bool isLoopbackHost(std::string_view host) {
    if (host == "localhost" || host == "[::1]") return true;
    in_addr v4{};
    const std::string text(host);
    return ::inet_pton(AF_INET, text.c_str(), &v4) == 1 && (ntohl(v4.s_addr) >> 24) == 127;
}

std::optional<std::string> urlPart(CURLU* url, CURLUPart part) {
    char* raw = nullptr;
    if (curl_url_get(url, part, &raw, 0) != CURLUE_OK || !raw) return std::nullopt;
    CurlText text(raw);
    return std::string(text.get());
}

// Plain words first, curl's own message after them for the technician.
std::string reasonFor(CURLcode code, const char* detail) {
    std::string words;
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST: words = "the server's name could not be resolved (no network or no DNS)"; break;
    case CURLE_COULDNT_CONNECT: words = "could not connect to the server"; break;
    case CURLE_OPERATION_TIMEDOUT: words = "the server did not answer in time"; break;
    case CURLE_PEER_FAILED_VERIFICATION: words = "the server's certificate could not be verified"; break;
    case CURLE_SSL_CONNECT_ERROR: words = "the secure connection to the server failed"; break;
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH: words = "the server's public key is not the pinned one"; break;
    case CURLE_GOT_NOTHING: words = "the server closed the connection without answering"; break;
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR: words = "the connection broke"; break;
    case CURLE_ABORTED_BY_CALLBACK: words = "stopped because the kiosk is shutting down"; break;
    case CURLE_WRITE_ERROR: words = "the server's answer was larger than the limit"; break;
    default: words = "the request failed"; break;
    }
    const std::string curlText = (detail && *detail) ? detail : curl_easy_strerror(code);
    return words + " (curl " + std::to_string(static_cast<int>(code)) + ": " + curlText + ")";
}

std::string trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return std::string(text);
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

struct Transfer {
    ServerAnswer* answer = nullptr;
    std::size_t limit = 0;
    const std::stop_token* stop = nullptr;
};

std::size_t onBody(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    if (t->answer->body.size() + n > t->limit) return 0;  // curl ends the transfer with CURLE_WRITE_ERROR
    t->answer->body.append(data, n);
    return n;
}

std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    const std::string_view line(data, n);
    if (line.starts_with("HTTP/")) {  // a new response (after a 100 Continue, say): start over
        t->answer->etag.reset();
        t->answer->retryAfter.reset();
        t->answer->date.reset();
        return n;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) return n;
    const auto name = line.substr(0, colon);
    const auto value = trim(line.substr(colon + 1));
    if (equalsIgnoringCase(name, "ETag"))
        t->answer->etag = value;
    else if (equalsIgnoringCase(name, "Retry-After"))
        t->answer->retryAfter = value;
    else if (equalsIgnoringCase(name, "Date"))
        t->answer->date = value;
    return n;
}

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    const auto* t = static_cast<Transfer*>(user);
    return t->stop->stop_requested() ? 1 : 0;
}

}  // namespace

struct CurlServerApi::Handle {
    Curl easy;
    bool plainHttp = false;
    char errorText[CURL_ERROR_SIZE] = {};
};

Result<void> checkServerUrl(std::string_view url) {
    CurlUrl parsed(curl_url());
    if (!parsed) return Error{"sync.bad_url", "out of memory parsing the server URL"};
    const std::string text(url);
    if (curl_url_set(parsed.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK)
        return Error{"sync.bad_url", "server_url \"" + text + "\" is not a URL such as https://pmi.example.go.id/api"};
    const auto scheme = urlPart(parsed.get(), CURLUPART_SCHEME);
    const auto host = urlPart(parsed.get(), CURLUPART_HOST);
    if (!scheme || !host || host->empty())
        return Error{"sync.bad_url", "server_url \"" + text + "\" needs a scheme and a host"};
    if (urlPart(parsed.get(), CURLUPART_QUERY) || urlPart(parsed.get(), CURLUPART_FRAGMENT))
        return Error{"sync.bad_url", "server_url \"" + text + "\" must not have a query or a fragment"};
    if (*scheme == "https") return {};
    if (*scheme == "http") {
        if (isLoopbackHost(*host)) return {};
        return Error{"sync.insecure_url", "server_url \"" + text +
                                              "\" uses plain http, which is allowed only for a loopback host "
                                              "(127.0.0.1, ::1, localhost) in tests; use https://"};
    }
    return Error{"sync.bad_url", "server_url \"" + text + "\" must start with https://"};
}

Result<std::unique_ptr<CurlServerApi>> CurlServerApi::create(TransportOptions options, RequestSigner signer,
                                                             std::stop_token stop) {
    if (auto r = checkServerUrl(options.baseUrl); !r) return r.error();
    static std::once_flag once;
    static CURLcode initialised = CURLE_OK;
    std::call_once(once, [] { initialised = curl_global_init(CURL_GLOBAL_DEFAULT); });
    if (initialised != CURLE_OK) return Error{"sync.curl_init", "libcurl failed to initialise"};
    auto handle = std::make_unique<Handle>();
    handle->easy.reset(curl_easy_init());
    if (!handle->easy) return Error{"sync.curl_init", "libcurl could not make a handle"};
    handle->plainHttp = options.baseUrl.starts_with("http://");
    while (options.baseUrl.ends_with('/')) options.baseUrl.pop_back();
    return std::unique_ptr<CurlServerApi>(
        new CurlServerApi(std::move(options), std::move(signer), std::move(stop), std::move(handle)));
}

CurlServerApi::CurlServerApi(TransportOptions options, RequestSigner signer, std::stop_token stop,
                             std::unique_ptr<Handle> handle)
    : options_(std::move(options)), signer_(std::move(signer)), stop_(std::move(stop)), handle_(std::move(handle)) {}

CurlServerApi::~CurlServerApi() = default;

ServerAnswer CurlServerApi::postSubmission(std::string_view submissionId, std::string_view envelopeJson) {
    return perform({"POST",
                    "/v1/submissions",
                    envelopeJson,
                    {"Idempotency-Key: " + std::string(submissionId)},
                    options_.uploadTimeout});
}

ServerAnswer CurlServerApi::postBatch(std::string_view batchJson) {
    return perform({"POST", "/v1/submissions/batch", batchJson, {}, options_.uploadTimeout});
}

ServerAnswer CurlServerApi::getConfig(std::string_view kioskId, std::optional<std::string_view> etag) {
    std::vector<std::string> headers;
    if (etag) headers.push_back("If-None-Match: " + std::string(*etag));
    return perform({"GET", "/v1/kiosks/" + std::string(kioskId) + "/config", {}, headers, options_.pullTimeout});
}

ServerAnswer CurlServerApi::getCatalogue(std::string_view name, std::optional<std::string_view> etag) {
    std::vector<std::string> headers;
    if (etag) headers.push_back("If-None-Match: " + std::string(*etag));
    return perform({"GET", "/v1/catalogues/" + std::string(name), {}, headers, options_.pullTimeout});
}

ServerAnswer CurlServerApi::postHeartbeat(std::string_view kioskId, std::string_view heartbeatJson) {
    return perform(
        {"POST", "/v1/kiosks/" + std::string(kioskId) + "/heartbeat", heartbeatJson, {}, options_.pullTimeout});
}

ServerAnswer CurlServerApi::postStatusQuery(std::string_view queryJson) {
    return perform({"POST", "/v1/submissions/status", queryJson, {}, options_.pullTimeout});
}

ServerAnswer CurlServerApi::postEnrolment(std::string_view enrolmentJson) {
    return perform({"POST", "/v1/enrolments", enrolmentJson, {}, options_.pullTimeout});
}

ServerAnswer CurlServerApi::perform(const Request& request) {
    ServerAnswer answer;
    auto signedHeaders = signer_.sign(request.method, request.path, request.body);
    if (!signedHeaders) {
        answer.failure = TransportFailure{0, "the request could not be signed: " + signedHeaders.error().detail, false};
        return answer;
    }
    HeaderList headers;
    auto add = [&headers](const std::string& line) {
        if (auto* grown = curl_slist_append(headers.get(), line.c_str())) {
            (void)headers.release();
            headers.reset(grown);
        }
    };
    for (const auto& line : signedHeaders->lines()) add(line);
    for (const auto& line : request.headers) add(line);
    add("Accept: application/json");
    add("Expect:");  // no 100-continue round trip before a body
    if (request.method == "POST") add("Content-Type: application/json");

    CURL* h = handle_->easy.get();
    // Reset keeps the connection cache, so the TLS session survives from one request to the next.
    curl_easy_reset(h);
    Transfer transfer{&answer, options_.maxResponseBytes, &stop_};
    const std::string url = options_.baseUrl + request.path;
    handle_->errorText[0] = '\0';
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, handle_->plainHttp ? "http" : "https");
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(h, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
    if (options_.caFile) curl_easy_setopt(h, CURLOPT_CAINFO, options_.caFile->c_str());
    if (!options_.pinnedPublicKey.empty())
        curl_easy_setopt(h, CURLOPT_PINNEDPUBLICKEY, options_.pinnedPublicKey.c_str());
    if (options_.clientCert) curl_easy_setopt(h, CURLOPT_SSLCERT, options_.clientCert->c_str());
    if (options_.clientKey) curl_easy_setopt(h, CURLOPT_SSLKEY, options_.clientKey->c_str());
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connectTimeout.count()));
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, static_cast<long>(options_.lowSpeedTime.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, handle_->errorText);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "loket-kiosk/" LOKET_VERSION);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, &transfer);
    if (request.method == "POST") {
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    } else {
        curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    }

    const CURLcode result = curl_easy_perform(h);
    // The handle must not keep pointers into this frame.
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, nullptr);
    if (result != CURLE_OK) {
        curl_off_t uploaded = 0;
        curl_easy_getinfo(h, CURLINFO_SIZE_UPLOAD_T, &uploaded);
        const bool sent = !request.body.empty() && uploaded >= static_cast<curl_off_t>(request.body.size());
        answer.status = 0;
        answer.body.clear();
        answer.failure = TransportFailure{static_cast<int>(result), reasonFor(result, handle_->errorText), sent};
        return answer;
    }
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    answer.status = static_cast<int>(status);
    return answer;
}

}  // namespace kiosk::sync
