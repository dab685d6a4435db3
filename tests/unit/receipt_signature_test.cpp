// Signing a receipt with the kiosk's key and checking it offline: a round trip, any changed field
// or another kiosk's key fails, an unknown kiosk and a malformed text are told apart, and the keys
// of the cached configuration let a kiosk check its neighbours' receipts.

#include "kiosk/sync/receipt_signature.h"

#include <gtest/gtest.h>

#include "kiosk/sync/sync_settings.h"
#include "tests/unit/receipt_test_support.h"

namespace kiosk::test {
namespace {

using core::ReceiptKind;

const std::string kKiosk = "KIOSK-3578-01";
const std::string kNeighbour = "KIOSK-3578-02";

class ReceiptSigning : public ::testing::Test {
protected:
    sync::IssuedReceipt issue(const sync::DeviceKey& key, const std::string& kiosk = kKiosk, store::RecordId id = 123,
                              ReceiptKind kind = ReceiptKind::Registration) {
        auto issued = sync::issueReceipt(kind, kiosk, storedRecord(id), key);
        EXPECT_TRUE(issued) << issued.error().code << ": " << issued.error().detail;
        return *issued;
    }
    sync::ReceiptKeyring ownOnly() const {
        sync::ReceiptKeyring keys;
        keys.add(kKiosk, own_.publicKey(), sync::KeySource::Own);
        return keys;
    }
    static std::string codeOf(const Result<sync::VerifiedReceipt>& r) { return r ? "valid" : r.error().code; }

    SeedKey own_{1};
    SeedKey neighbour_{2};
    SeedKey stranger_{3};
};

TEST_F(ReceiptSigning, AnIssuedReceiptVerifiesWithItsFields) {
    const auto issued = issue(own_);
    EXPECT_EQ(issued.number, issued.claim.number.text());
    EXPECT_TRUE(issued.number.starts_with("REG-KIOSK-3578-01-000123-"));
    EXPECT_EQ(issued.claim.payloadSha256, storedRecord(123).payloadSha256);
    EXPECT_EQ(issued.claim.issuedAt.time_since_epoch().count(), 1795331040);  // whole seconds

    const auto verified = sync::verifyReceipt(issued.token, ownOnly());
    ASSERT_TRUE(verified) << verified.error().code << ": " << verified.error().detail;
    EXPECT_EQ(verified->token.claim, issued.claim);
    EXPECT_EQ(verified->signer, sync::KeySource::Own);

    const auto checkIn = issue(own_, kKiosk, 45, ReceiptKind::ReturneeCheckIn);
    EXPECT_TRUE(checkIn.number.starts_with("KPL-"));
    EXPECT_TRUE(sync::verifyReceipt(checkIn.token, ownOnly()));
}

// Each field changed to another well-formed value, under the original signature.
TEST_F(ReceiptSigning, ChangingAnyFieldBreaksTheSignature) {
    const auto issued = issue(own_);
    const auto signature = core::parseReceiptToken(issued.token)->signature;
    std::vector<std::pair<std::string, core::ReceiptClaim>> changes;
    auto c = issued.claim;
    c.number.sequence = 124;
    changes.emplace_back("record", c);
    c = issued.claim;
    c.number.kind = ReceiptKind::ReturneeCheckIn;
    changes.emplace_back("kind", c);
    c = issued.claim;
    c.payloadSha256[10] = c.payloadSha256[10] == 'a' ? 'b' : 'a';
    changes.emplace_back("hash", c);
    c = issued.claim;
    c.issuedAt += std::chrono::seconds{1};
    changes.emplace_back("time", c);
    for (const auto& [what, claim] : changes) {
        const auto verified = sync::verifyReceipt(core::encodeReceiptToken(claim, signature), ownOnly());
        EXPECT_EQ(codeOf(verified), "receipt.signature_invalid") << what;
    }
    for (const std::size_t byte : {0u, 31u, 63u}) {
        auto flipped = signature;
        flipped[byte] ^= 0x01;
        EXPECT_EQ(codeOf(sync::verifyReceipt(core::encodeReceiptToken(issued.claim, flipped), ownOnly())),
                  "receipt.signature_invalid")
            << byte;
    }
    // Another kiosk's number on this kiosk's signature: that kiosk's key does not verify it.
    auto keys = ownOnly();
    keys.add(kNeighbour, neighbour_.publicKey(), sync::KeySource::Config);
    c = issued.claim;
    c.number.kioskId = kNeighbour;
    EXPECT_EQ(codeOf(sync::verifyReceipt(core::encodeReceiptToken(c, signature), keys)), "receipt.signature_invalid");
}

TEST_F(ReceiptSigning, ASignatureByAnotherKeyFails) {
    const auto forged = issue(stranger_);  // claims to be from kKiosk
    const auto verified = sync::verifyReceipt(forged.token, ownOnly());
    EXPECT_EQ(codeOf(verified), "receipt.signature_invalid");
}

TEST_F(ReceiptSigning, AnUnknownKioskAndAMalformedTextHaveTheirOwnCodes) {
    const auto elsewhere = issue(stranger_, "KIOSK-5306-01");
    const auto unknown = sync::verifyReceipt(elsewhere.token, ownOnly());
    EXPECT_EQ(codeOf(unknown), "receipt.kiosk_unknown");
    EXPECT_NE(unknown.error().detail.find("KIOSK-5306-01"), std::string::npos);

    const auto malformed = sync::verifyReceipt("LKR1.REG-KIOSK-3578-01", ownOnly());
    EXPECT_EQ(codeOf(malformed), "receipt.malformed");
    EXPECT_TRUE(malformed.error().detail.starts_with("receipt_token.fields")) << malformed.error().detail;
    EXPECT_EQ(codeOf(sync::verifyReceipt("", ownOnly())), "receipt.malformed");
}

TEST_F(ReceiptSigning, ARequestSignatureNeverPassesForAReceipt) {
    // The same key signs requests; a signature over anything but the receipt message must fail.
    const auto issued = issue(own_);
    const auto other = own_.sign(sync::asBytes("LOKET-REQUEST-1\nGET\n/v1/x\n2026-11-22T07:04:00Z\n"));
    EXPECT_EQ(codeOf(sync::verifyReceipt(core::encodeReceiptToken(issued.claim, *other), ownOnly())),
              "receipt.signature_invalid");
}

TEST_F(ReceiptSigning, ClaimsThatCannotBeSignedAreRefused) {
    auto bad = storedRecord(123);
    bad.payloadSha256 = "not-a-hash";
    EXPECT_EQ(sync::issueReceipt(ReceiptKind::Registration, kKiosk, bad, own_).error().code, "receipt_token.claim");
    EXPECT_EQ(sync::issueReceipt(ReceiptKind::Registration, "bad kiosk", storedRecord(1), own_).error().code,
              "receipt_number.kiosk_id");
    EXPECT_EQ(sync::issueReceipt(ReceiptKind::Registration, kKiosk, storedRecord(0), own_).error().code,
              "receipt_number.sequence");
}

TEST_F(ReceiptSigning, TheConfigsKioskKeysVerifyNeighboursAndSkipBadEntries) {
    sync::ReceiptKeyring keys;
    auto config = nlohmann::json::parse(configWithKeys(kKiosk, {{kNeighbour, &neighbour_}}));
    config["kiosk_keys"].push_back({{"kiosk_id", "bad id"}, {"signing_public_key", sync::publicKeyBase64(stranger_)}});
    config["kiosk_keys"].push_back({{"kiosk_id", "KIOSK-3578-09"}, {"signing_public_key", "AAAA"}});
    config["kiosk_keys"].push_back("not an object");
    const auto added = keys.addFromConfig(config.dump());
    ASSERT_TRUE(added);
    EXPECT_EQ(added->added, 1u);
    EXPECT_EQ(added->skipped, 3u);

    const auto verified = sync::verifyReceipt(issue(neighbour_, kNeighbour).token, keys);
    ASSERT_TRUE(verified) << verified.error().code;
    EXPECT_EQ(verified->signer, sync::KeySource::Config);
    EXPECT_EQ(codeOf(sync::verifyReceipt(issue(own_).token, keys)), "receipt.kiosk_unknown");

    EXPECT_EQ(keys.addFromConfig("[1,2]").error().code, "receipt.config_invalid");
    EXPECT_EQ(keys.addFromConfig(R"({"kiosk_keys": {}})").error().code, "receipt.config_invalid");
    EXPECT_EQ(keys.addFromConfig(R"({"version": 1})")->added, 0u);  // an older config without the list
}

TEST_F(ReceiptSigning, AKioskBeingGivenANewKeyVerifiesWithEither) {
    sync::ReceiptKeyring keys;
    keys.add(kNeighbour, stranger_.publicKey(), sync::KeySource::Config);
    keys.add(kNeighbour, neighbour_.publicKey(), sync::KeySource::Config);
    EXPECT_TRUE(sync::verifyReceipt(issue(neighbour_, kNeighbour).token, keys));
    EXPECT_TRUE(sync::verifyReceipt(issue(stranger_, kNeighbour).token, keys));
    EXPECT_EQ(keys.keysOf(kNeighbour)->size(), 2u);
    keys.add(kNeighbour, neighbour_.publicKey(), sync::KeySource::Config);
    EXPECT_EQ(keys.keysOf(kNeighbour)->size(), 2u);
}

class ReceiptKeyringFromDisk : public ReceiptSigning {
protected:
    sync::SyncSettings settings() const {
        sync::SyncSettings s;
        s.kioskId = kKiosk;
        s.stateDir = dir_.path() / "state";
        s.serverSigningKey = server_.signingPublic;
        return s;
    }
    TempDir dir_;
    ServerKeyPairs server_;
};

TEST_F(ReceiptKeyringFromDisk, TheCachedConfigAndTheOwnKeyBothCount) {
    cacheConfig(settings().stateDir,
                server_.sign(configWithKeys(kKiosk, {{kKiosk, &own_}, {kNeighbour, &neighbour_}})));
    std::vector<Error> notes;
    const auto keys = sync::loadReceiptKeyring(settings(), &own_, &notes);
    ASSERT_TRUE(keys);
    EXPECT_TRUE(notes.empty()) << notes.front().code;
    EXPECT_EQ(sync::verifyReceipt(issue(own_).token, *keys)->signer, sync::KeySource::Own);
    EXPECT_EQ(sync::verifyReceipt(issue(neighbour_, kNeighbour).token, *keys)->signer, sync::KeySource::Config);
}

TEST_F(ReceiptKeyringFromDisk, AConfigTheServerDidNotSignIsNotTrusted) {
    ServerKeyPairs impostor;
    cacheConfig(settings().stateDir, impostor.sign(configWithKeys(kKiosk, {{kNeighbour, &neighbour_}})));
    std::vector<Error> notes;
    const auto keys = sync::loadReceiptKeyring(settings(), &own_, &notes);
    ASSERT_TRUE(keys);
    EXPECT_EQ(codeOf(sync::verifyReceipt(issue(neighbour_, kNeighbour).token, *keys)), "receipt.kiosk_unknown");
    EXPECT_TRUE(sync::verifyReceipt(issue(own_).token, *keys));
    ASSERT_FALSE(notes.empty());
    EXPECT_EQ(notes.back().code, "receipt.no_config");
}

TEST_F(ReceiptKeyringFromDisk, WithoutAConfigOnlyTheOwnKeyIsThereAndSettingsAreChecked) {
    std::vector<Error> notes;
    const auto keys = sync::loadReceiptKeyring(settings(), &own_, &notes);
    ASSERT_TRUE(keys);
    EXPECT_EQ(keys->kioskCount(), 1u);
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0].code, "receipt.no_config");
    auto incomplete = settings();
    incomplete.serverSigningKey.reset();
    EXPECT_EQ(sync::loadReceiptKeyring(incomplete, &own_).error().code, "sync.settings");
}

}  // namespace
}  // namespace kiosk::test
