// HTTPS with the test PKI: the good certificate serves signed requests and its public-key pin is the
// one the server presents; each bad certificate fails the handshake of a verifying client, and the
// request log shows that no request reached the HTTP layer; a client CA makes client certificates
// compulsory.

#include <gtest/gtest.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "tests/national_server/sim_test_support.h"
#include "tests/national_server/test_pki.h"
#include "tests/national_server/wire_format.h"

namespace kiosk::sim::test {
namespace {

class Tls : public SimFixture {
protected:
    void SetUp() override {
        SimFixture::SetUp();
        auto created = kiosk::test::TestPki::create(dir / "pki");
        ASSERT_TRUE(created) << created.error().detail;
        pki = std::move(*created);
    }
    void startTls(const kiosk::test::CertificateFiles& cert, std::vector<std::string> extra = {}) {
        extra.insert(extra.end(), {"--tls-cert", cert.cert.string(), "--tls-key", cert.key.string()});
        startSim(extra);
    }
    std::unique_ptr<httplib::SSLClient> verifyingClient() {
        auto c = std::make_unique<httplib::SSLClient>("127.0.0.1", sim->httpsPort());
        c->set_ca_cert_path(pki.caCert().c_str());
        c->enable_server_certificate_verification(true);
        c->set_connection_timeout(std::chrono::seconds(5));
        c->set_read_timeout(std::chrono::seconds(5));
        return c;
    }
    std::size_t tlsRequestsLogged() {
        std::size_t n = 0;
        const auto log = client->admin("GET", "/admin/requests");
        for (const auto& r : log["requests"]) n += r["tls"].get<bool>() ? 1u : 0u;
        return n;
    }

    kiosk::test::TestPki pki;
};

// The pin of the certificate the server actually presents, computed here with OpenSSL alone.
std::string presentedPin(int port) {
    std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)> ctx(SSL_CTX_new(TLS_client_method()), SSL_CTX_free);
    std::unique_ptr<BIO, decltype(&BIO_free_all)> bio(BIO_new_ssl_connect(ctx.get()), BIO_free_all);
    const auto target = "127.0.0.1:" + std::to_string(port);
    BIO_set_conn_hostname(bio.get(), target.c_str());
    if (BIO_do_connect(bio.get()) != 1) return "";
    SSL* ssl = nullptr;
    BIO_get_ssl(bio.get(), &ssl);
    std::unique_ptr<X509, decltype(&X509_free)> cert(SSL_get1_peer_certificate(ssl), X509_free);
    if (!cert) return "";
    unsigned char* der = nullptr;
    const int length = i2d_PUBKEY(X509_get0_pubkey(cert.get()), &der);
    if (length <= 0) return "";
    Bytes digest(crypto_hash_sha256_BYTES);
    crypto_hash_sha256(digest.data(), der, static_cast<unsigned long long>(length));
    OPENSSL_free(der);
    return "sha256//" + toBase64(digest);
}

TEST_F(Tls, TheTestPkiServerCertificateServesSignedRequests) {
    startTls(pki.server());
    ASSERT_GT(sim->httpsPort(), 0);
    auto https = verifyingClient();
    const auto e = envelope();
    const auto body = e.dump();
    auto headers = client->signatureHeaders("POST", "/v1/submissions", body, nowText());
    headers.emplace("Idempotency-Key", e["id"]);
    const auto reply = https->Post("/v1/submissions", headers, body, "application/json");
    ASSERT_TRUE(reply) << httplib::to_string(reply.error());
    EXPECT_EQ(reply->status, 201);
    EXPECT_EQ(tlsRequestsLogged(), 1u);

    // A reset over TLS: the connection found through the request's SSL object.
    client->admin("POST", "/admin/faults", {{{"mode", "reset_after_commit"}}});
    const auto other = envelope();
    auto otherHeaders = client->signatureHeaders("POST", "/v1/submissions", other.dump(), nowText());
    otherHeaders.emplace("Idempotency-Key", other["id"]);
    EXPECT_FALSE(https->Post("/v1/submissions", otherHeaders, other.dump(), "application/json"));
    EXPECT_EQ(held().size(), 2u);
}

TEST_F(Tls, ThePinIsThePublicKeyTheServerPresents) {
    startTls(pki.server());
    const auto pin = kiosk::test::TestPki::publicKeyPin(pki.server().cert);
    ASSERT_TRUE(pin);
    EXPECT_TRUE(pin->starts_with("sha256//"));
    EXPECT_EQ(pin->size(), 8u + 44u);
    EXPECT_EQ(*pin, presentedPin(sim->httpsPort()));
    EXPECT_NE(*pin, *kiosk::test::TestPki::publicKeyPin(pki.untrusted().cert));
}

TEST_F(Tls, EachBadCertificateFailsTheHandshakeAndLogsNoRequest) {
    const std::pair<const char*, const kiosk::test::CertificateFiles*> bad[] = {
        {"expired", &pki.expired()}, {"other host", &pki.otherHost()}, {"other CA", &pki.untrusted()}};
    for (const auto& [name, cert] : bad) {
        SCOPED_TRACE(name);
        startTls(*cert);
        auto https = verifyingClient();
        const auto reply = https->Get("/v1/catalogues/regencies");
        EXPECT_FALSE(reply);
        EXPECT_EQ(reply.error(), httplib::Error::SSLServerVerification);
        EXPECT_EQ(tlsRequestsLogged(), 0u);
        ASSERT_EQ(sim->stop(), 0);
        sim.reset();
        for (const char* file : {"sim.db", "sim.db-wal", "sim.db-shm"}) std::filesystem::remove(dir / file);
    }
}

TEST_F(Tls, AClientCaMakesClientCertificatesCompulsory) {
    startTls(pki.server(), {"--tls-client-ca", pki.caCert().string()});
    auto anonymous = verifyingClient();
    EXPECT_FALSE(anonymous->Get("/v1/catalogues/regencies"));
    httplib::SSLClient withCert("127.0.0.1", sim->httpsPort(), pki.client().cert.string(), pki.client().key.string());
    withCert.set_ca_cert_path(pki.caCert().c_str());
    withCert.enable_server_certificate_verification(true);
    auto signedHeaders = client->signatureHeaders("GET", "/v1/catalogues/regencies", "", nowText());
    const auto reply = withCert.Get("/v1/catalogues/regencies", signedHeaders);
    ASSERT_TRUE(reply) << httplib::to_string(reply.error());
    EXPECT_EQ(reply->status, 200);
}

}  // namespace
}  // namespace kiosk::sim::test
