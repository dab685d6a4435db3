#pragma once
// A throw-away PKI for TLS tests, made with the OpenSSL 3 API in a folder the caller owns (nothing
// is ever written elsewhere, nothing shells out to the openssl tool). All keys are EC P-256, every
// certificate has its own key, and every file is PEM.
//
//   auto pki = kiosk::test::TestPki::create(tempDir);      // Result<TestPki>
//   server:  --tls-cert pki->server().cert --tls-key pki->server().key
//   client:  CURLOPT_CAINFO = pki->caCert();  CURLOPT_PINNEDPUBLICKEY = *TestPki::publicKeyPin(pki->server().cert)
//
// | certificate   | signed by | names                          | validity         | a verifying client |
// |---------------|-----------|--------------------------------|------------------|--------------------|
// | server()      | CA        | IP 127.0.0.1, IP ::1, localhost | now -1 d .. +30 d | accepts            |
// | expired()     | CA        | as server()                    | -30 d .. -1 d    | refuses: expired   |
// | otherHost()   | CA        | DNS wrong-host.example.test    | as server()      | refuses: host name |
// | untrusted()   | other CA  | as server()                    | as server()      | refuses: issuer    |
// | client()      | CA        | CN loket-test-client (clientAuth) | as server()   | (for --tls-client-ca) |

#include <filesystem>
#include <string>

#include "kiosk/base/result.h"

namespace kiosk::test {

struct CertificateFiles {
    std::filesystem::path cert;  // the certificate alone (leaf; its issuer is caCert() or otherCaCert())
    std::filesystem::path key;   // its private key, unencrypted PKCS#8
};

class TestPki {
public:
    static Result<TestPki> create(const std::filesystem::path& dir);

    const std::filesystem::path& caCert() const { return caCert_; }  // the trust anchor to give clients
    const std::filesystem::path& caKey() const { return caKey_; }    // to issue more certificates in a test
    const std::filesystem::path& otherCaCert() const { return otherCaCert_; }
    const CertificateFiles& server() const { return server_; }
    const CertificateFiles& expired() const { return expired_; }
    const CertificateFiles& otherHost() const { return otherHost_; }
    const CertificateFiles& untrusted() const { return untrusted_; }
    const CertificateFiles& client() const { return client_; }

    // "sha256//" + base64 of the SHA-256 of the certificate's DER SubjectPublicKeyInfo: the form
    // libcurl's CURLOPT_PINNEDPUBLICKEY takes (several joined with ';' pin any of them).
    static Result<std::string> publicKeyPin(const std::filesystem::path& certPem);

private:
    std::filesystem::path caCert_, caKey_, otherCaCert_;
    CertificateFiles server_, expired_, otherHost_, untrusted_, client_;
};

}  // namespace kiosk::test
