#include "tests/national_server/test_pki.h"

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <memory>
#include <vector>

namespace kiosk::test {

namespace {

template <auto Fn>
struct FreeWith {
    void operator()(auto* p) const noexcept {
        if (p) Fn(p);
    }
};
using Key = std::unique_ptr<EVP_PKEY, FreeWith<EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, FreeWith<X509_free>>;
using File = std::unique_ptr<FILE, FreeWith<::fclose>>;

constexpr long kDay = 24 * 60 * 60;

struct Validity {
    long fromSeconds;  // relative to now
    long toSeconds;
};
constexpr Validity kCurrent{-kDay, 30 * kDay};
constexpr Validity kExpired{-30 * kDay, -kDay};
constexpr const char* kServerNames = "IP:127.0.0.1,IP:::1,DNS:localhost";

Error pkiError(std::string what) { return Error{"pki.openssl", std::move(what)}; }

Key newKey() { return Key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256")); }

bool addExtension(X509* cert, X509* issuer, int nid, const char* value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    std::unique_ptr<X509_EXTENSION, FreeWith<X509_EXTENSION_free>> ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

struct Profile {
    const char* commonName;
    Validity validity;
    bool authority = false;
    const char* names = nullptr;       // subjectAltName, for servers
    const char* usage = "serverAuth";  // extendedKeyUsage of a leaf
};

// Self-signed when issuer/issuerKey are null.
Cert issue(const Profile& p, EVP_PKEY* key, X509* issuer, EVP_PKEY* issuerKey) {
    Cert cert(X509_new());
    if (!cert || X509_set_version(cert.get(), X509_VERSION_3) != 1) return nullptr;
    std::unique_ptr<BIGNUM, FreeWith<BN_free>> serial(BN_new());
    if (!serial || BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1 ||
        !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())))
        return nullptr;
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), p.validity.fromSeconds);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), p.validity.toSeconds);
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("Loket test PKI"), -1,
                               -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(p.commonName), -1, -1,
                               0);
    X509* signer = issuer ? issuer : cert.get();
    if (X509_set_issuer_name(cert.get(), X509_get_subject_name(signer)) != 1 || X509_set_pubkey(cert.get(), key) != 1)
        return nullptr;
    bool ok = addExtension(cert.get(), signer, NID_subject_key_identifier, "hash") &&
              addExtension(cert.get(), signer, NID_authority_key_identifier, "keyid:always");
    if (p.authority) {
        ok = ok && addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE") &&
             addExtension(cert.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        ok = ok && addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:FALSE") &&
             addExtension(cert.get(), signer, NID_key_usage, "critical,digitalSignature") &&
             addExtension(cert.get(), signer, NID_ext_key_usage, p.usage);
        if (p.names) ok = ok && addExtension(cert.get(), signer, NID_subject_alt_name, p.names);
    }
    if (!ok || X509_sign(cert.get(), issuerKey ? issuerKey : key, EVP_sha256()) <= 0) return nullptr;
    return cert;
}

Result<void> writeCert(const std::filesystem::path& path, X509* cert) {
    File f(std::fopen(path.c_str(), "wb"));
    if (!f || PEM_write_X509(f.get(), cert) != 1) return pkiError("cannot write " + path.string());
    return {};
}

Result<void> writeKey(const std::filesystem::path& path, EVP_PKEY* key) {
    File f(std::fopen(path.c_str(), "wb"));
    if (!f || PEM_write_PrivateKey(f.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return pkiError("cannot write " + path.string());
    return {};
}

// A leaf certificate with a key of its own, written as NAME.pem and NAME-key.pem.
Result<CertificateFiles> leaf(const std::filesystem::path& dir, const char* fileName, const Profile& profile,
                              X509* issuer, EVP_PKEY* issuerKey) {
    auto key = newKey();
    if (!key) return pkiError("EC key generation failed");
    auto cert = issue(profile, key.get(), issuer, issuerKey);
    if (!cert) return pkiError(std::string("cannot issue ") + fileName);
    CertificateFiles files{dir / (std::string(fileName) + ".pem"), dir / (std::string(fileName) + "-key.pem")};
    if (auto r = writeCert(files.cert, cert.get()); !r) return r.error();
    if (auto r = writeKey(files.key, key.get()); !r) return r.error();
    return files;
}

}  // namespace

Result<TestPki> TestPki::create(const std::filesystem::path& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return pkiError("cannot create " + dir.string());
    auto caKey = newKey();
    auto otherCaKey = newKey();
    if (!caKey || !otherCaKey) return pkiError("EC key generation failed");
    auto ca = issue({"Loket Test Root CA", {-kDay, 365 * kDay}, true}, caKey.get(), nullptr, nullptr);
    auto otherCa = issue({"Loket Other Test CA", {-kDay, 365 * kDay}, true}, otherCaKey.get(), nullptr, nullptr);
    if (!ca || !otherCa) return pkiError("cannot issue the test CAs");

    TestPki pki;
    pki.caCert_ = dir / "ca.pem";
    pki.caKey_ = dir / "ca-key.pem";
    pki.otherCaCert_ = dir / "other-ca.pem";
    if (auto r = writeCert(pki.caCert_, ca.get()); !r) return r.error();
    if (auto r = writeKey(pki.caKey_, caKey.get()); !r) return r.error();
    if (auto r = writeCert(pki.otherCaCert_, otherCa.get()); !r) return r.error();

    const struct {
        CertificateFiles* into;
        const char* file;
        Profile profile;
        bool byOtherCa;
    } leaves[] = {
        {&pki.server_, "server", {"127.0.0.1", kCurrent, false, kServerNames}, false},
        {&pki.expired_, "expired", {"127.0.0.1", kExpired, false, kServerNames}, false},
        {&pki.otherHost_,
         "other-host",
         {"wrong-host.example.test", kCurrent, false, "DNS:wrong-host.example.test"},
         false},
        {&pki.untrusted_, "untrusted", {"127.0.0.1", kCurrent, false, kServerNames}, true},
        {&pki.client_, "client", {"loket-test-client", kCurrent, false, nullptr, "clientAuth"}, false},
    };
    for (const auto& l : leaves) {
        auto files = l.byOtherCa ? leaf(dir, l.file, l.profile, otherCa.get(), otherCaKey.get())
                                 : leaf(dir, l.file, l.profile, ca.get(), caKey.get());
        if (!files) return files.error();
        *l.into = std::move(*files);
    }
    return pki;
}

Result<std::string> TestPki::publicKeyPin(const std::filesystem::path& certPem) {
    File f(std::fopen(certPem.c_str(), "rb"));
    if (!f) return pkiError("cannot open " + certPem.string());
    Cert cert(PEM_read_X509(f.get(), nullptr, nullptr, nullptr));
    if (!cert) return pkiError(certPem.string() + " is not a PEM certificate");
    unsigned char* der = nullptr;
    const int length = i2d_PUBKEY(X509_get0_pubkey(cert.get()), &der);
    if (length <= 0) return pkiError("cannot encode the public key");
    unsigned char digest[32];
    unsigned int digestLength = 0;
    const bool hashed =
        EVP_Digest(der, static_cast<std::size_t>(length), digest, &digestLength, EVP_sha256(), nullptr) == 1;
    OPENSSL_free(der);
    if (!hashed) return pkiError("SHA-256 failed");
    std::vector<unsigned char> base64(4 * ((digestLength + 2) / 3) + 1);
    const int written = EVP_EncodeBlock(base64.data(), digest, static_cast<int>(digestLength));
    return "sha256//" + std::string(reinterpret_cast<const char*>(base64.data()), static_cast<std::size_t>(written));
}

}  // namespace kiosk::test
