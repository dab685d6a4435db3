// CurlServerApi against a real HTTP server on 127.0.0.1: signed requests, statuses and headers as
// values, timeouts on a hanging handler, aborting on stop, and plain http refused off loopback.
// Runs a server thread beside the test, so it is built and run under ThreadSanitizer too.

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sodium.h>
#include <sys/socket.h>

#include <curl/curl.h>

#include "kiosk/sync/curl_server_api.h"
#include "kiosk/sync/wire_format.h"
#include "tests/unit/loopback_http_server.h"
#include "tests/unit/store_test_support.h"

namespace kiosk::sync {
namespace {

using namespace std::chrono_literals;
using test::LoopbackServer;
using Steady = std::chrono::steady_clock;

// What the server saw, handed to the test thread under a lock (the socket alone is no
// synchronisation that ThreadSanitizer can see).
struct Seen {
    std::mutex mutex;
    std::string method, path, body;
    std::multimap<std::string, std::string> headers;
    void take(const httplib::Request& r) {
        std::lock_guard lock(mutex);
        method = r.method;
        path = r.path;
        body = r.body;
        headers.clear();
        for (const auto& [k, v] : r.headers) headers.emplace(k, v);
    }
    std::string get(std::string Seen::*field) {
        std::lock_guard lock(mutex);
        return this->*field;
    }
    std::string header(const std::string& name) {
        std::lock_guard lock(mutex);
        for (const auto& [k, v] : headers)
            if (strcasecmp(k.c_str(), name.c_str()) == 0) return v;
        return {};
    }
};

class SyncTransport : public ::testing::Test {
protected:
    void SetUp() override { key_ = FileDeviceKey::openOrCreate(dir_ / "device.key").value(); }

    std::unique_ptr<CurlServerApi> api(const std::string& url, TransportOptions options = {},
                                       std::stop_token stop = {}) {
        options.baseUrl = url;
        auto made = CurlServerApi::create(options, RequestSigner(*key_, "KIOSK-TEST-01", clock_), std::move(stop));
        EXPECT_TRUE(made) << made.error().detail;
        return made ? std::move(*made) : nullptr;
    }
    bool signatureVerifies(Seen& seen, const std::string& signedPath) {
        const auto text = requestSigningString(seen.get(&Seen::method), signedPath, seen.header("Loket-Timestamp"),
                                               seen.get(&Seen::body));
        const auto sig = base64Decode(seen.header("Loket-Signature"));
        return sig && sig->size() == crypto_sign_BYTES &&
               crypto_sign_verify_detached(sig->data(), reinterpret_cast<const std::uint8_t*>(text.data()), text.size(),
                                           key_->publicKey().data()) == 0;
    }

    test::TempDir dir_;
    SystemClock clock_;
    std::unique_ptr<FileDeviceKey> key_;
};

TEST_F(SyncTransport, ASubmissionIsSignedAndItsAnswerComesBackAsAValue) {
    Seen seen;
    LoopbackServer server([&](httplib::Server& s, LoopbackServer&) {
        s.Post("/api/v1/submissions", [&](const httplib::Request& req, httplib::Response& res) {
            seen.take(req);
            res.status = 201;
            res.set_header("ETag", "\"abc\"");
            res.set_header("Date", "Sun, 01 Mar 2026 00:00:00 GMT");
            res.set_content(R"({"id":"x"})", "application/json");
        });
    });
    auto client = api(server.url());
    const std::string envelope = R"({"id":"3f0c9a8e-5b7d-4c21-9e1f-2a6b8c0d4e5f"})";
    const auto answer = client->postSubmission("3f0c9a8e-5b7d-4c21-9e1f-2a6b8c0d4e5f", envelope);
    ASSERT_TRUE(answer.answered()) << answer.failure->reason;
    EXPECT_EQ(answer.status, 201);
    EXPECT_EQ(answer.body, R"({"id":"x"})");
    EXPECT_EQ(answer.etag, "\"abc\"");
    EXPECT_EQ(answer.date, "Sun, 01 Mar 2026 00:00:00 GMT");
    EXPECT_FALSE(answer.retryAfter);

    EXPECT_EQ(seen.get(&Seen::method), "POST");
    EXPECT_EQ(seen.get(&Seen::body), envelope);
    EXPECT_EQ(seen.header("Idempotency-Key"), "3f0c9a8e-5b7d-4c21-9e1f-2a6b8c0d4e5f");
    EXPECT_EQ(seen.header("Content-Type"), "application/json");
    EXPECT_EQ(seen.header("Loket-Kiosk-Id"), "KIOSK-TEST-01");
    EXPECT_TRUE(parseRfc3339(seen.header("Loket-Timestamp")));
    // The signed path is relative to the base URL and starts with /v1.
    EXPECT_TRUE(signatureVerifies(seen, "/v1/submissions"));
    EXPECT_FALSE(signatureVerifies(seen, "/api/v1/submissions"));
}

TEST_F(SyncTransport, ConfigurationIsAskedWithItsETagAndMayAnswer304) {
    Seen seen;
    LoopbackServer server([&](httplib::Server& s, LoopbackServer&) {
        s.Get("/api/v1/kiosks/KIOSK-TEST-01/config", [&](const httplib::Request& req, httplib::Response& res) {
            seen.take(req);
            if (req.get_header_value("If-None-Match") == "\"v7\"") {
                res.status = 304;
                return;
            }
            res.set_header("ETag", "\"v7\"");
            res.set_content(R"({"document":"","signature":""})", "application/json");
        });
    });
    auto client = api(server.url());
    const auto fresh = client->getConfig("KIOSK-TEST-01", std::nullopt);
    EXPECT_EQ(fresh.status, 200);
    EXPECT_EQ(fresh.etag, "\"v7\"");
    EXPECT_EQ(seen.header("If-None-Match"), "");
    EXPECT_EQ(seen.get(&Seen::body), "");
    EXPECT_TRUE(signatureVerifies(seen, "/v1/kiosks/KIOSK-TEST-01/config"));
    const auto same = client->getConfig("KIOSK-TEST-01", std::string_view("\"v7\""));
    EXPECT_EQ(same.status, 304);
    EXPECT_EQ(same.body, "");
}

TEST_F(SyncTransport, ErrorStatusesAndRetryAfterAreValuesToo) {
    LoopbackServer server([](httplib::Server& s, LoopbackServer&) {
        s.Post("/api/v1/submissions/batch", [](const httplib::Request&, httplib::Response& res) {
            res.status = 503;
            res.set_header("Retry-After", "120");
        });
        s.Post("/api/v1/kiosks/KIOSK-TEST-01/heartbeat", [](const httplib::Request&, httplib::Response& res) {
            res.status = 401;
            res.set_content(R"({"error":{"code":"clock_skew","message":"m"}})", "application/json");
        });
    });
    auto client = api(server.url());
    const auto busy = client->postBatch(R"({"submissions":[]})");
    EXPECT_EQ(busy.status, 503);
    EXPECT_EQ(busy.retryAfter, "120");
    const auto refused = client->postHeartbeat("KIOSK-TEST-01", "{}");
    EXPECT_EQ(refused.status, 401);
    EXPECT_NE(refused.body.find("clock_skew"), std::string::npos);
}

TEST_F(SyncTransport, AHangingHandlerEndsInATimeoutFailure) {
    LoopbackServer server([](httplib::Server& s, LoopbackServer& self) {
        s.Get("/api/v1/catalogues/regencies", [&self](const httplib::Request&, httplib::Response&) { self.hang(); });
    });
    TransportOptions options;
    options.pullTimeout = 400ms;
    auto client = api(server.url(), options);
    const auto start = Steady::now();
    const auto answer = client->getCatalogue("regencies", std::nullopt);
    const auto took = Steady::now() - start;
    ASSERT_FALSE(answer.answered());
    EXPECT_EQ(answer.status, 0);
    EXPECT_EQ(answer.failure->curlCode, CURLE_OPERATION_TIMEDOUT);
    EXPECT_NE(answer.failure->reason.find("did not answer in time"), std::string::npos);
    EXPECT_GE(took, 350ms);
    EXPECT_LT(took, 5s);
}

TEST_F(SyncTransport, ASilentServerIsAbandonedByTheLowSpeedLimit) {
    LoopbackServer server([](httplib::Server& s, LoopbackServer& self) {
        s.Get("/api/v1/catalogues/regencies", [&self](const httplib::Request&, httplib::Response&) { self.hang(); });
    });
    TransportOptions options;
    options.pullTimeout = 20s;
    options.lowSpeedTime = 1s;
    auto client = api(server.url(), options);
    const auto start = Steady::now();
    const auto answer = client->getCatalogue("regencies", std::nullopt);
    ASSERT_FALSE(answer.answered());
    EXPECT_EQ(answer.failure->curlCode, CURLE_OPERATION_TIMEDOUT);
    EXPECT_LT(Steady::now() - start, 8s);
}

TEST_F(SyncTransport, ATimeoutAfterTheWholeBodyWentOutSaysTheRequestWasSent) {
    LoopbackServer server([](httplib::Server& s, LoopbackServer& self) {
        s.Post("/api/v1/submissions", [&self](const httplib::Request&, httplib::Response&) { self.hang(); });
    });
    TransportOptions options;
    options.uploadTimeout = 500ms;
    auto client = api(server.url(), options);
    const auto answer = client->postSubmission("id", std::string(4096, 'x'));
    ASSERT_FALSE(answer.answered());
    EXPECT_TRUE(answer.failure->requestSent);
}

TEST_F(SyncTransport, NobodyListeningIsAFailureValueNotAnException) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    auto client = api("http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/api");
    const auto answer = client->postStatusQuery(R"({"ids":[]})");
    ASSERT_FALSE(answer.answered());
    EXPECT_EQ(answer.failure->curlCode, CURLE_COULDNT_CONNECT);
    EXPECT_NE(answer.failure->reason.find("could not connect"), std::string::npos);
    EXPECT_FALSE(answer.failure->requestSent);
}

TEST_F(SyncTransport, AnAnswerOverTheLimitIsRefused) {
    LoopbackServer server([](httplib::Server& s, LoopbackServer&) {
        s.Get("/api/v1/catalogues/job_openings", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(std::string(64 * 1024, 'j'), "application/json");
        });
    });
    TransportOptions options;
    options.maxResponseBytes = 1024;
    auto client = api(server.url(), options);
    const auto answer = client->getCatalogue("job_openings", std::nullopt);
    ASSERT_FALSE(answer.answered());
    EXPECT_EQ(answer.failure->curlCode, CURLE_WRITE_ERROR);
    EXPECT_TRUE(answer.body.empty());
}

TEST_F(SyncTransport, StopAbortsARequestInFlight) {
    LoopbackServer server([](httplib::Server& s, LoopbackServer& self) {
        s.Post("/api/v1/submissions/batch", [&self](const httplib::Request&, httplib::Response&) { self.hang(); });
    });
    std::stop_source stop;
    TransportOptions options;
    options.uploadTimeout = 30s;
    auto client = api(server.url(), options, stop.get_token());
    std::optional<ServerAnswer> answer;
    std::thread caller([&] { answer = client->postBatch("{}"); });
    ASSERT_TRUE(server.waitForHanging(1));
    const auto start = Steady::now();
    stop.request_stop();
    caller.join();
    EXPECT_LT(Steady::now() - start, 3s);
    ASSERT_TRUE(answer);
    ASSERT_FALSE(answer->answered());
    EXPECT_EQ(answer->failure->curlCode, CURLE_ABORTED_BY_CALLBACK);
}

TEST(SyncTransportUrl, PlainHttpOnlyOnLoopback) {
    EXPECT_EQ(checkServerUrl("http://pmi.example.go.id/api").error().code, "sync.insecure_url");
    EXPECT_EQ(checkServerUrl("http://10.0.0.5:8080/api").error().code, "sync.insecure_url");
    EXPECT_EQ(checkServerUrl("http://127.0.0.1.example.com/api").error().code, "sync.insecure_url");
    EXPECT_EQ(checkServerUrl("ftp://127.0.0.1/api").error().code, "sync.bad_url");
    EXPECT_EQ(checkServerUrl("pmi.example.go.id").error().code, "sync.bad_url");
    EXPECT_EQ(checkServerUrl("https://pmi.example.go.id/api?x=1").error().code, "sync.bad_url");
    EXPECT_TRUE(checkServerUrl("https://pmi.example.go.id/api"));
    EXPECT_TRUE(checkServerUrl("http://127.0.0.1:8080/api"));
    EXPECT_TRUE(checkServerUrl("http://[::1]:8080/api"));
    EXPECT_TRUE(checkServerUrl("http://localhost/api"));

    test::TempDir dir;
    auto key = FileDeviceKey::openOrCreate(dir / "device.key");
    SystemClock clock;
    TransportOptions options;
    options.baseUrl = "http://pmi.example.go.id/api";
    auto refused = CurlServerApi::create(options, RequestSigner(**key, "KIOSK-TEST-01", clock));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, "sync.insecure_url");
    EXPECT_NE(refused.error().detail.find("use https://"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::sync
