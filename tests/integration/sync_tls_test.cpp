// The kiosk refuses a server it cannot trust before it sends anything: the simulator serves HTTPS
// with a certificate from another CA, for another host name, an expired one, or the good one while
// the kiosk pins another key. Each time a real upload through SyncWorker and CurlServerApi fails as
// a transport failure, the outbox row stays unsent with the reason, and the simulator's request
// log is empty (no request reached its HTTP layer). The good certificate with the right pin is the
// control: the same upload goes through. A server that requires client certificates takes the
// kiosk's and nothing without one.

#include <curl/curl.h>
#include <gtest/gtest.h>

#include "tests/integration/sync_e2e_support.h"
#include "tests/national_server/test_pki.h"

namespace kiosk::e2e {
namespace {

using Json = nlohmann::json;

class SyncTls : public ::testing::Test {
protected:
    void SetUp() override {
        std::signal(SIGPIPE, SIG_IGN);
        auto created = kiosk::test::TestPki::create(dir_.path() / "pki");
        ASSERT_TRUE(created) << created.error().detail;
        pki_ = std::move(*created);
        submission_ = kiosk_.enqueue(1).front();
    }

    // A simulator on a fresh database serving HTTPS with `cert` (and HTTP for the admin endpoints).
    std::unique_ptr<SimProcess> startSim(const kiosk::test::CertificateFiles& cert) {
        std::filesystem::remove_all(dir_.path() / "sim");
        std::filesystem::create_directories(dir_.path() / "sim");
        return SimProcess::start({"--db", (dir_.path() / "sim" / "sim.db").string(), "--kiosk", kiosk_.simArgument(),
                                  "--tls-cert", cert.cert.string(), "--tls-key", cert.key.string()});
    }

    sync::TransportOptions transport(const SimProcess& sim, std::string pin = {}) {
        auto t = quickTransport(httpsUrl(sim));
        t.caFile = pki_.caCert();  // the kiosk trusts the test CA only
        t.pinnedPublicKey = std::move(pin);
        return t;
    }

    std::string pinOf(const std::filesystem::path& cert) {
        auto pin = kiosk::test::TestPki::publicKeyPin(cert);
        if (!pin) ADD_FAILURE() << pin.error().detail;
        return pin ? *pin : std::string();
    }

    struct Refusal {
        const char* name;
        const kiosk::test::CertificateFiles* cert;
        bool pinAnotherKey;
        CURLcode expected;
        const char* words;  // in the operator's message
    };

    void expectRefused(const Refusal& r) {
        SCOPED_TRACE(r.name);
        auto sim = startSim(*r.cert);
        ASSERT_TRUE(sim) << "national-server-sim did not start";
        SimClient admin(sim->httpPort());
        auto link = connect(kiosk_, *sim, transport(*sim, r.pinAnotherKey ? pinOf(pki_.untrusted().cert) : ""));
        ASSERT_TRUE(link) << link.error().detail;

        const auto report = link->worker->runOnce();
        const std::string code = "curl_" + std::to_string(static_cast<int>(r.expected));
        EXPECT_EQ(report.claimed, 1);
        EXPECT_EQ(report.acknowledged, 0);
        EXPECT_GE(report.requests, 1);
        EXPECT_EQ(report.answered, 0) << "no request may get an HTTP answer";
        ASSERT_FALSE(report.failures.empty());
        EXPECT_EQ(report.failures.front().step, "upload");
        EXPECT_EQ(report.failures.front().code, code);
        EXPECT_NE(report.failures.front().detail.find(r.words), std::string::npos) << report.failures.front().detail;

        const auto row = outboxRow(kiosk_.store(), submission_.submissionId);
        EXPECT_EQ(row.state, store::OutboxState::Pending) << "the handshake failed: nothing can have been delivered";
        EXPECT_EQ(row.lastError, code);
        EXPECT_EQ(row.attempts, ++attempts_);
        EXPECT_TRUE(row.serverReference.empty());

        const auto log = requestLog(admin);
        EXPECT_EQ(log["total"], 0) << log.dump();
        EXPECT_TRUE(log["requests"].empty());
        EXPECT_TRUE(heldSubmissions(admin).empty());
        EXPECT_EQ(sim->stop(), 0);
        // The next case starts from a row that is due again.
        kiosk_.clock().advance(std::chrono::hours{2});
    }

    TempDir dir_;
    Kiosk kiosk_{dir_.path() / "kiosk"};
    kiosk::test::TestPki pki_;
    Enqueued submission_;
    std::int64_t attempts_ = 0;  // failed tries of submission_ so far
};

TEST_F(SyncTls, EachUntrustworthyServerIsRefusedBeforeAnyRequestIsSent) {
    const Refusal cases[] = {
        {"certificate from another CA", &pki_.untrusted(), false, CURLE_PEER_FAILED_VERIFICATION,
         "certificate could not be verified"},
        {"certificate for another host name", &pki_.otherHost(), false, CURLE_PEER_FAILED_VERIFICATION,
         "certificate could not be verified"},
        {"expired certificate", &pki_.expired(), false, CURLE_PEER_FAILED_VERIFICATION,
         "certificate could not be verified"},
        {"good certificate, another key pinned", &pki_.server(), true, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
         "not the pinned one"},
    };
    for (const auto& r : cases) expectRefused(r);
    const auto row = outboxRow(kiosk_.store(), submission_.submissionId);
    EXPECT_EQ(row.state, store::OutboxState::Pending);
    EXPECT_EQ(row.attempts, 4);
}

TEST_F(SyncTls, TheGoodCertificateWithTheRightPinUploads) {
    auto sim = startSim(pki_.server());
    ASSERT_TRUE(sim) << "national-server-sim did not start";
    SimClient admin(sim->httpPort());
    auto link = connect(kiosk_, *sim, transport(*sim, pinOf(pki_.server().cert)));
    ASSERT_TRUE(link) << link.error().detail;

    const auto report = link->worker->runOnce();
    EXPECT_EQ(report.acknowledged, 1);
    EXPECT_TRUE(report.failures.empty()) << report.failures.front().code << ": " << report.failures.front().detail;
    const auto held = heldSubmissions(admin);
    ASSERT_EQ(held.size(), 1u);
    EXPECT_EQ(held[0]["id"], submission_.submissionId);
    const auto row = outboxRow(kiosk_.store(), submission_.submissionId);
    EXPECT_EQ(row.state, store::OutboxState::Acknowledged);
    EXPECT_EQ(row.serverReference, held[0]["reference"].get<std::string>());

    // Every request of the pass came over TLS, the upload first.
    const auto log = requestLog(admin);
    ASSERT_FALSE(log["requests"].empty());
    EXPECT_EQ(log["requests"][0]["path"], "/v1/submissions");
    EXPECT_EQ(log["requests"][0]["status"], 201);
    for (const auto& r : log["requests"]) EXPECT_TRUE(r["tls"].get<bool>()) << r.dump();
    link->close();
    EXPECT_EQ(sim->stop(), 0);
}

TEST_F(SyncTls, AServerThatRequiresClientCertificatesTakesTheKiosksAndNothingWithout) {
    std::filesystem::create_directories(dir_.path() / "sim");
    auto sim = SimProcess::start({"--db", (dir_.path() / "sim" / "sim.db").string(), "--kiosk", kiosk_.simArgument(),
                                  "--tls-cert", pki_.server().cert.string(), "--tls-key", pki_.server().key.string(),
                                  "--tls-client-ca", pki_.caCert().string()});
    ASSERT_TRUE(sim) << "national-server-sim did not start";
    SimClient admin(sim->httpPort());
    {
        auto anonymous = connect(kiosk_, *sim, transport(*sim));
        ASSERT_TRUE(anonymous) << anonymous.error().detail;
        const auto report = anonymous->worker->runOnce();
        EXPECT_EQ(report.answered, 0);
        EXPECT_EQ(report.acknowledged, 0);
        ASSERT_FALSE(report.failures.empty());
        EXPECT_TRUE(report.failures.front().code.starts_with("curl_")) << report.failures.front().code;
        // Under TLS 1.3 the client's side of the handshake is over before the server refuses it, so
        // curl has written the request when the alert arrives: the row may be "sent" (answer unknown)
        // rather than pending. Either way it stays unsent and goes again later.
        const auto row = outboxRow(kiosk_.store(), submission_.submissionId);
        EXPECT_TRUE(row.state == store::OutboxState::Pending || row.state == store::OutboxState::Sent)
            << store::toString(row.state);
        EXPECT_TRUE(row.lastError.starts_with("curl_")) << row.lastError;
        EXPECT_EQ(requestLog(admin)["total"], 0);
    }
    kiosk_.clock().advance(std::chrono::hours{2});
    auto t = transport(*sim);
    t.clientCert = pki_.client().cert;
    t.clientKey = pki_.client().key;
    auto link = connect(kiosk_, *sim, t);
    ASSERT_TRUE(link) << link.error().detail;
    EXPECT_EQ(link->worker->runOnce().acknowledged, 1);
    EXPECT_EQ(outboxRow(kiosk_.store(), submission_.submissionId).state, store::OutboxState::Acknowledged);
    ASSERT_EQ(heldSubmissions(admin).size(), 1u);
    link->close();
    EXPECT_EQ(sim->stop(), 0);
}

}  // namespace
}  // namespace kiosk::e2e
