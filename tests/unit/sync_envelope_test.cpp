// Envelopes, request signatures, signed documents and export bundles, checked the way the server
// checks them: with libsodium, from the bytes on the wire.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "kiosk/store/record_crypto.h"
#include "kiosk/sync/envelope.h"
#include "kiosk/sync/export_bundle.h"
#include "kiosk/sync/request_signer.h"
#include "kiosk/sync/signed_document.h"
#include "tests/unit/sync_test_support.h"

namespace kiosk::sync {
namespace {

using test::TempDir;
using Json = nlohmann::json;

bool verifies(const std::string& message, const std::string& signatureBase64, const PublicKey& key) {
    const auto sig = base64Decode(signatureBase64);
    return sig && sig->size() == crypto_sign_BYTES &&
           crypto_sign_verify_detached(sig->data(), reinterpret_cast<const std::uint8_t*>(message.data()),
                                       message.size(), key.data()) == 0;
}

// The nine lines of §4, put together independently of the code under test.
std::string expectedSigningString(const Json& e) {
    const auto sealed = *base64Decode(e["sealed_payload"].get<std::string>());
    return "LOKET-ENVELOPE-1\n" + e["id"].get<std::string>() + "\n" + e["kind"].get<std::string>() + "\n" +
           std::to_string(e["schema"].get<int>()) + "\n" + e["kiosk_id"].get<std::string>() + "\n" +
           e["site_id"].get<std::string>() + "\n" + e["created_at"].get<std::string>() + "\n" +
           e["payload_sha256"].get<std::string>() + "\n" + sha256Hex(sealed);
}

class SyncEnvelope : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = store::Store::open(test::storeConfig(dir_), *masterKey_, clock_);
        ASSERT_TRUE(opened) << opened.error().detail;
        store_ = std::move(*opened);
        auto key = FileDeviceKey::openOrCreate(dir_ / "device.key");
        ASSERT_TRUE(key) << key.error().detail;
        deviceKey_ = std::move(*key);
    }
    store::Receipt enqueue(unsigned seed = 1) {
        auto r = store_->enqueue(test::makeSubmission({}, 200, seed));
        EXPECT_TRUE(r) << (r ? "" : r.error().detail);
        return r ? *r : store::Receipt{};
    }
    EnvelopeBuilder builder() const { return EnvelopeBuilder(*store_, *deviceKey_, server_.sealPublic); }

    TempDir dir_;
    std::unique_ptr<store::FileMasterKey> masterKey_ = test::makeMasterKey(dir_);
    FakeClock clock_{test::testEpoch()};
    std::unique_ptr<store::Store> store_;
    std::unique_ptr<FileDeviceKey> deviceKey_;
    test::ServerKeyPairs server_;
};

TEST_F(SyncEnvelope, CarriesEveryMemberAndVerifiesAsTheServerWould) {
    const auto receipt = enqueue();
    auto envelope = builder().build(receipt.recordId, receipt.submissionId, receipt.payloadSha256);
    ASSERT_TRUE(envelope) << envelope.error().detail;
    const auto e = Json::parse(envelope->toJson());
    EXPECT_EQ(e["id"], receipt.submissionId);
    EXPECT_TRUE(isUuidV4(e["id"].get<std::string>()));
    EXPECT_EQ(e["kind"], "registration");
    EXPECT_EQ(e["schema"], 1);
    EXPECT_EQ(e["kiosk_id"], "KIOSK-TEST-01");
    EXPECT_EQ(e["site_id"], "LTSA-TEST-01");
    EXPECT_EQ(e["created_at"], "2026-03-01T00:00:00Z");
    EXPECT_EQ(e["payload_sha256"], receipt.payloadSha256);
    EXPECT_TRUE(verifies(expectedSigningString(e), e["signature"], deviceKey_->publicKey()));

    const auto payload = server_.unseal(e["sealed_payload"]);
    ASSERT_TRUE(payload);
    EXPECT_EQ(*payload, test::makeSubmission({}, 200, 1).personalPayload);
    EXPECT_EQ(sha256Hex(*payload), receipt.payloadSha256);
}

TEST_F(SyncEnvelope, NoPersonalDataTravelsInTheClear) {
    const auto receipt = enqueue();
    const auto json = builder().build(receipt.recordId, receipt.submissionId, receipt.payloadSha256)->toJson();
    EXPECT_EQ(json.find("CANARYNAMA"), std::string::npos);
    EXPECT_EQ(json.find(test::Person{}.nik), std::string::npos);
}

TEST_F(SyncEnvelope, AChangedSignatureOrSealedPayloadNoLongerVerifies) {
    const auto receipt = enqueue();
    auto e = Json::parse(builder().build(receipt.recordId, receipt.submissionId, receipt.payloadSha256)->toJson());
    auto sealed = *base64Decode(e["sealed_payload"].get<std::string>());
    sealed[10] ^= 1;
    e["sealed_payload"] = base64Encode(sealed);
    EXPECT_FALSE(verifies(expectedSigningString(e), e["signature"], deviceKey_->publicKey()));
    EXPECT_FALSE(server_.unseal(e["sealed_payload"]));
}

TEST_F(SyncEnvelope, APayloadThatDisagreesWithItsHashIsNeverBuilt) {
    const auto receipt = enqueue();
    const std::string otherHash(64, 'e');
    // The claimed hash is not the outbox row's.
    auto claimed = builder().build(receipt.recordId, receipt.submissionId, otherHash);
    ASSERT_FALSE(claimed);
    EXPECT_EQ(claimed.error().code, "sync.local_corruption");
    // The outbox row itself no longer matches the stored payload.
    auto update = store_->database().prepare("UPDATE outbox SET payload_sha256 = ?1");
    ASSERT_TRUE(update->bind(1, otherHash).run());
    auto stored = builder().build(receipt.recordId, receipt.submissionId, otherHash);
    ASSERT_FALSE(stored);
    EXPECT_EQ(stored.error().code, "sync.local_corruption");
}

TEST_F(SyncEnvelope, ARecordOfAnotherOutboxRowIsRefused) {
    const auto first = enqueue(1);
    const auto second = enqueue(2);
    auto mixed = builder().build(first.recordId, second.submissionId, second.payloadSha256);
    ASSERT_FALSE(mixed);
    EXPECT_EQ(mixed.error().code, "sync.local_corruption");
}

TEST_F(SyncEnvelope, RequestSignatureCoversMethodPathTimeAndBody) {
    const RequestSigner signer(*deviceKey_, "KIOSK-TEST-01", clock_);
    const std::string body = R"({"ids":[]})";
    auto headers = signer.sign("post", "/v1/submissions/status", body);
    ASSERT_TRUE(headers);
    EXPECT_EQ(headers->kioskId, "KIOSK-TEST-01");
    EXPECT_EQ(headers->timestamp, "2026-03-01T00:00:00Z");
    const std::string expected =
        "LOKET-REQUEST-1\nPOST\n/v1/submissions/status\n2026-03-01T00:00:00Z\n" + store::sha256Hex(asBytes(body));
    EXPECT_EQ(requestSigningString("post", "/v1/submissions/status", headers->timestamp, body), expected);
    EXPECT_TRUE(verifies(expected, headers->signature, deviceKey_->publicKey()));
    EXPECT_FALSE(verifies(requestSigningString("POST", "/v1/submissions", headers->timestamp, body), headers->signature,
                          deviceKey_->publicKey()));
    // No body: the hash of the empty string.
    EXPECT_TRUE(requestSigningString("GET", "/v1/catalogues/regencies", "t", "")
                    .ends_with("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
}

TEST_F(SyncEnvelope, ServerDocumentsVerifyOnlyWithTheServerKey) {
    const std::string document = R"({"version":3,"name":"regencies","items":[]})";
    auto good = verifySignedDocument(server_.sign(document), server_.signingPublic);
    ASSERT_TRUE(good) << good.error().detail;
    EXPECT_EQ(*good, document);

    test::ServerKeyPairs impostor;
    EXPECT_EQ(
        verifySignedDocument(server_.sign(document, impostor.signingSecret.data()), server_.signingPublic).error().code,
        "sync.signature_invalid");
    auto tampered = Json::parse(server_.sign(document));
    tampered["document"] = base64Encode(std::string(R"({"version":4,"name":"regencies","items":[]})"));
    EXPECT_EQ(verifySignedDocument(tampered.dump(), server_.signingPublic).error().code, "sync.signature_invalid");
    for (const std::string bad : {"", "[]", R"({"document":"%%%","signature":"AA=="})", R"({"document":1})"})
        EXPECT_EQ(verifySignedDocument(bad, server_.signingPublic).error().code, "sync.document_malformed") << bad;
}

TEST_F(SyncEnvelope, ExportBundleHoldsEveryUnsentEnvelopeSignedByTheKioskAndChangesNothing) {
    const auto first = enqueue(1);
    const auto second = enqueue(2);
    const auto acknowledged = enqueue(3);
    ASSERT_TRUE(store_->outbox().acknowledge({acknowledged.submissionId, acknowledged.payloadSha256, "PMI-1"}));
    // The first is in flight, the second pending, the third acknowledged (not exported).
    ASSERT_EQ(store_->outbox().claimDue(1, std::chrono::seconds{300})->size(), 1u);
    const auto before = *store_->outbox().list(100);
    const auto usb = dir_ / "usb";
    std::filesystem::create_directory(usb);

    auto summary = exportUnsent(*store_, builder(), *deviceKey_, "KIOSK-TEST-01", "LTSA-TEST-01", clock_.now(), usb);
    ASSERT_TRUE(summary) << summary.error().detail;
    EXPECT_EQ(summary->count, 2);
    EXPECT_EQ(summary->file.filename(), "loket-KIOSK-TEST-01-20260301T000000Z.lkb");
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(usb), {}), 1);  // no temporary file left

    std::ifstream in(summary->file, std::ios::binary);
    const std::string body((std::istreambuf_iterator<char>(in)), {});
    auto document = verifySignedDocument(body, deviceKey_->publicKey());
    ASSERT_TRUE(document) << document.error().detail;
    const auto bundle = Json::parse(*document);
    EXPECT_EQ(bundle["format"], "loket-export");
    EXPECT_EQ(bundle["version"], 1);
    EXPECT_EQ(bundle["kiosk_id"], "KIOSK-TEST-01");
    EXPECT_EQ(bundle["site_id"], "LTSA-TEST-01");
    EXPECT_EQ(bundle["created_at"], "2026-03-01T00:00:00Z");
    ASSERT_EQ(bundle["submissions"].size(), 2u);
    EXPECT_EQ(bundle["submissions"][0]["id"], first.submissionId);
    EXPECT_EQ(bundle["submissions"][1]["id"], second.submissionId);
    for (const auto& e : bundle["submissions"]) {
        EXPECT_TRUE(verifies(expectedSigningString(e), e["signature"], deviceKey_->publicKey()));
        const auto payload = server_.unseal(e["sealed_payload"]);
        ASSERT_TRUE(payload);
        EXPECT_EQ(sha256Hex(*payload), e["payload_sha256"]);
    }
    EXPECT_EQ(body.find("CANARYNAMA"), std::string::npos);

    const auto after = *store_->outbox().list(100);
    ASSERT_EQ(after.size(), before.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        EXPECT_EQ(after[i].state, before[i].state);
        EXPECT_EQ(after[i].attempts, before[i].attempts);
        EXPECT_EQ(after[i].dueAt, before[i].dueAt);
    }
    // A second export in the same second never overwrites the first: it takes the next copy's name,
    // up to the ninth.
    const auto firstBody = body;
    auto again = exportUnsent(*store_, builder(), *deviceKey_, "KIOSK-TEST-01", "LTSA-TEST-01", clock_.now(), usb);
    ASSERT_TRUE(again) << again.error().detail;
    EXPECT_EQ(again->file.filename(), "loket-KIOSK-TEST-01-20260301T000000Z-2.lkb");
    std::ifstream kept(summary->file, std::ios::binary);
    EXPECT_EQ(std::string((std::istreambuf_iterator<char>(kept)), {}), firstBody);
    for (int copy = 3; copy <= 9; ++copy)
        ASSERT_TRUE(exportUnsent(*store_, builder(), *deviceKey_, "KIOSK-TEST-01", "LTSA-TEST-01", clock_.now(), usb));
    auto tenth = exportUnsent(*store_, builder(), *deviceKey_, "KIOSK-TEST-01", "LTSA-TEST-01", clock_.now(), usb);
    ASSERT_FALSE(tenth);
    EXPECT_EQ(tenth.error().code, "sync.file_exists");
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(usb), {}), 9);
}

TEST_F(SyncEnvelope, DeviceKeyIsPrivateStableAndRefusedWhenExposed) {
    struct stat st {};
    ASSERT_EQ(::stat((dir_ / "device.key").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_EQ(st.st_size, 32);
    auto again = FileDeviceKey::openExisting(dir_ / "device.key");
    ASSERT_TRUE(again);
    EXPECT_EQ((*again)->publicKey(), deviceKey_->publicKey());
    EXPECT_EQ(publicKeyBase64(**again).size(), 44u);
    const auto print = fingerprint(deviceKey_->publicKey());
    EXPECT_EQ(print.size(), 19u);
    EXPECT_EQ(print[4], '-');

    EXPECT_EQ(FileDeviceKey::openExisting(dir_ / "none.key").error().code, "sync.device_key_missing");
    ASSERT_EQ(::chmod((dir_ / "device.key").c_str(), 0640), 0);
    EXPECT_EQ(FileDeviceKey::openOrCreate(dir_ / "device.key").error().code, "sync.device_key_permissions");
    ASSERT_EQ(::chmod((dir_ / "device.key").c_str(), 0600), 0);
    std::filesystem::create_symlink(dir_ / "device.key", dir_ / "link.key");
    EXPECT_EQ(FileDeviceKey::openOrCreate(dir_ / "link.key").error().code, "sync.device_key_symlink");
    std::ofstream(dir_ / "short.key") << "abc";
    ::chmod((dir_ / "short.key").c_str(), 0600);
    EXPECT_EQ(FileDeviceKey::openOrCreate(dir_ / "short.key").error().code, "sync.device_key_corrupt");
}

TEST(SyncWireFormat, Base64IsStandardWithPaddingAndStrict) {
    const std::string text = "any carnal pleas";
    EXPECT_EQ(base64Encode(text), "YW55IGNhcm5hbCBwbGVhcw==");
    EXPECT_EQ(base64Decode("YW55IGNhcm5hbCBwbGVhcw=="), store::Bytes(text.begin(), text.end()));
    EXPECT_FALSE(base64Decode("YW55IGNhcm5hbCBwbGVhcw"));    // no padding
    EXPECT_FALSE(base64Decode("YW55-GNhcm5hbCBwbGVhcw=="));  // URL alphabet
    EXPECT_FALSE(base64Decode("YW55 GNhcm5hbCBwbGVhcw=="));
    EXPECT_EQ(base64Decode(""), store::Bytes{});
}

TEST(SyncWireFormat, TimesAreRfc3339WithWholeSecondsAndHttpDates) {
    const auto t = test::testEpoch() + std::chrono::hours{5} + std::chrono::minutes{4} + std::chrono::milliseconds{900};
    EXPECT_EQ(formatRfc3339(t), "2026-03-01T05:04:00Z");
    EXPECT_EQ(formatCompactUtc(t), "20260301T050400Z");
    EXPECT_EQ(parseRfc3339("2026-03-01T05:04:00Z"), test::testEpoch() + std::chrono::minutes{304});
    for (const auto bad : {"2026-03-01T05:04:00", "2026-03-01 05:04:00Z", "2026-02-30T00:00:00Z",
                           "2026-03-01T05:04:00.5Z", "2026-03-01T05:04:00+07:00"})
        EXPECT_FALSE(parseRfc3339(bad)) << bad;
    EXPECT_EQ(parseHttpDate("Sun, 01 Mar 2026 00:00:10 GMT"), test::testEpoch() + std::chrono::seconds{10});
    EXPECT_FALSE(parseHttpDate("Sunday, 01-Mar-26 00:00:10 GMT"));
    EXPECT_FALSE(parseHttpDate("Sun, 01 Foo 2026 00:00:10 GMT"));
}

TEST(SyncWireFormat, IdentifierShapes) {
    for (int i = 0; i < 50; ++i) EXPECT_TRUE(isUuidV4(store::newUuidV4()));
    EXPECT_FALSE(isUuidV4("3F0C9A8E-5B7D-4C21-9E1F-2A6B8C0D4E5F"));
    EXPECT_FALSE(isUuidV4("3f0c9a8e-5b7d-1c21-9e1f-2a6b8c0d4e5f"));
    EXPECT_TRUE(isKioskOrSiteId("KIOSK-3578-01"));
    EXPECT_FALSE(isKioskOrSiteId("kiosk-1"));
    EXPECT_FALSE(isKioskOrSiteId("AB"));
    EXPECT_TRUE(isSnakeCode("payload_hash_mismatch"));
    EXPECT_FALSE(isSnakeCode("Payload"));
    EXPECT_TRUE(isReference("PMI-2026-000123"));
    EXPECT_FALSE(isReference("PMI 2026"));
}

}  // namespace
}  // namespace kiosk::sync
