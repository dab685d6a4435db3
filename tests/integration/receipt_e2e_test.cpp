// Any kiosk checks another kiosk's receipt offline: the national-server-sim lists the site's kiosk
// keys in the signed config, the kiosk pulls it once, the server goes away, and a receipt printed
// by the neighbour kiosk verifies from the cached config alone. A kiosk of another site stays
// unknown.

#include <gtest/gtest.h>
#include <sodium.h>

#include <algorithm>
#include <csignal>

#include "kiosk/sync/receipt_signature.h"
#include "kiosk/sync/sync_settings.h"
#include "kiosk/sync/wire_format.h"
#include "tests/integration/sync_e2e_support.h"

namespace kiosk::e2e {
namespace {

// Signs with a simulator test kiosk's secret key, as that kiosk's device key would.
class TestKioskKey final : public sync::DeviceKey {
public:
    explicit TestKioskKey(const sim::test::TestKiosk& kiosk) : kiosk_(kiosk) {
        std::copy(kiosk.publicKey.begin(), kiosk.publicKey.end(), public_.begin());
    }
    Result<sync::Signature> sign(std::span<const std::uint8_t> message) const override {
        sync::Signature s{};
        crypto_sign_detached(s.data(), nullptr, message.data(), message.size(), kiosk_.secretKey.data());
        return s;
    }
    const sync::PublicKey& publicKey() const override { return public_; }

private:
    const sim::test::TestKiosk& kiosk_;
    sync::PublicKey public_{};
};

TEST(ReceiptAcrossKiosks, ANeighboursReceiptVerifiesOfflineAfterOneConfigPull) {
    std::signal(SIGPIPE, SIG_IGN);
    TempDir dir;
    Kiosk here(dir.path() / "here");
    const auto neighbour = sim::test::TestKiosk::make("KIOSK-E2E-02", std::string(kSiteId));
    const auto elsewhere = sim::test::TestKiosk::make("KIOSK-E2E-99", "LTSA-OTHER-01");
    auto sim = SimProcess::start({"--db", (dir.path() / "sim.db").string(), "--kiosk", here.simArgument(), "--kiosk",
                                  neighbour.argument(), "--kiosk", elsewhere.argument()});
    ASSERT_TRUE(sim) << "national-server-sim did not start";

    store::Receipt stored;
    stored.recordId = 7;
    stored.payloadSha256 = sync::sha256Hex(generatedPayload(7));
    stored.createdAt = here.clock().now();
    const TestKioskKey neighbourKey(neighbour);
    const TestKioskKey elsewhereKey(elsewhere);
    const auto issued = sync::issueReceipt(core::ReceiptKind::Registration, neighbour.id, stored, neighbourKey);
    const auto foreign = sync::issueReceipt(core::ReceiptKind::Registration, elsewhere.id, stored, elsewhereKey);
    ASSERT_TRUE(issued && foreign);

    sync::SyncSettings settings;
    settings.kioskId = std::string(kKioskId);
    settings.stateDir = here.dir() / "sync-state";  // where connect() keeps the worker's state
    auto serverKey = sync::publicKeyFromBase64(sim->signingPublicKey(), "server signing key");
    ASSERT_TRUE(serverKey);
    settings.serverSigningKey = *serverKey;

    const auto before = sync::loadReceiptKeyring(settings, &here.deviceKey());
    ASSERT_TRUE(before);
    EXPECT_EQ(sync::verifyReceipt(issued->token, *before).error().code, "receipt.kiosk_unknown");

    {
        auto link = connect(here, *sim, quickTransport(httpUrl(*sim)));
        ASSERT_TRUE(link) << link.error().detail;
        const auto pass = link->worker->runOnce();
        EXPECT_TRUE(pass.errors.empty());
        link->close();
    }
    EXPECT_EQ(sim->stop(), 0) << "the simulator did not stop cleanly";

    std::vector<Error> notes;
    const auto after = sync::loadReceiptKeyring(settings, &here.deviceKey(), &notes);
    ASSERT_TRUE(after);
    EXPECT_TRUE(notes.empty()) << notes.front().code << ": " << notes.front().detail;
    const auto verified = sync::verifyReceipt(issued->token, *after);
    ASSERT_TRUE(verified) << verified.error().code << ": " << verified.error().detail;
    EXPECT_EQ(verified->signer, sync::KeySource::Config);
    EXPECT_EQ(verified->token.claim, issued->claim);
    EXPECT_EQ(sync::verifyReceipt(foreign->token, *after).error().code, "receipt.kiosk_unknown");
}

}  // namespace
}  // namespace kiosk::e2e
