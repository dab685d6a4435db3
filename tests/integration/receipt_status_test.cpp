// "Cek status" against the real simulator: a receipt signed by this kiosk follows its record from
// the kiosk's disk to the server's verdict (saved here, received, in review, returned with its
// reason), and a changed, foreign or orphaned receipt says so instead of showing a state.

#include <gtest/gtest.h>

#include <csignal>

#include "kiosk/app/receipt_lookup.h"
#include "kiosk/sync/receipt_signature.h"
#include "kiosk/sync/wire_format.h"
#include "tests/integration/sync_e2e_support.h"

namespace kiosk::e2e {
namespace {

using flow::ReceiptProgress;

class ReceiptStatusE2e : public ::testing::Test {
protected:
    void SetUp() override {
        std::signal(SIGPIPE, SIG_IGN);
        sim_ = SimProcess::start({"--db", (dir_.path() / "sim.db").string(), "--kiosk", kiosk_.simArgument()});
        ASSERT_TRUE(sim_) << "national-server-sim did not start";
        keys_.add(kKioskId, kiosk_.deviceKey().publicKey(), sync::KeySource::Own);
    }
    void TearDown() override {
        if (link_) link_->close();
        if (sim_) {
            EXPECT_EQ(sim_->stop(), 0);
        }
    }

    std::string receiptFor(const Enqueued& e) {
        store::Receipt stored;
        stored.recordId = e.recordId;
        stored.submissionId = e.submissionId;
        stored.payloadSha256 = e.payloadSha256;
        stored.createdAt = kiosk_.clock().now();
        auto issued = sync::issueReceipt(core::ReceiptKind::Registration, kKioskId, stored, kiosk_.deviceKey());
        EXPECT_TRUE(issued);
        return issued ? issued->token : std::string();
    }
    flow::ReceiptStatus look(std::string_view token) {
        return app::lookUpReceipt(token, app::ReceiptRecords{keys_, kKioskId, kiosk_.store(),
                                                             kiosk_.dir() / "sync-state" / "statuses.json"});
    }
    void syncOnce() {
        if (!link_) {
            auto link = connect(kiosk_, *sim_, quickTransport(httpUrl(*sim_)));
            ASSERT_TRUE(link) << link.error().detail;
            link_ = std::move(*link);
        }
        const auto pass = link_->worker->runOnce();
        EXPECT_TRUE(pass.errors.empty());
    }
    void serverSays(const std::string& id, const std::string& state, const std::string& reason = "") {
        SimClient admin(sim_->httpPort());
        nlohmann::json body{{"id", id}, {"state", state}};
        if (!reason.empty()) body["reason_code"] = reason;
        admin.admin("POST", "/admin/statuses", body);
        // The worker asks again once its status interval has passed.
        kiosk_.clock().advance(std::chrono::hours{1});
    }

    TempDir dir_;
    Kiosk kiosk_{dir_.path() / "kiosk"};
    std::unique_ptr<SimProcess> sim_;
    std::optional<SyncLink> link_;
    sync::ReceiptKeyring keys_;
};

TEST_F(ReceiptStatusE2e, AReceiptFollowsItsRecordToTheServersVerdict) {
    const auto enqueued = kiosk_.enqueue(1);
    const auto token = receiptFor(enqueued[0]);

    auto status = look(token);
    EXPECT_EQ(status.verdict, "valid");
    EXPECT_TRUE(status.issuedHere);
    EXPECT_EQ(status.kioskId, kKioskId);
    EXPECT_EQ(status.progress, ReceiptProgress::SavedHere);  // no network yet

    syncOnce();
    ASSERT_EQ(outboxRow(kiosk_.store(), enqueued[0].submissionId).state, store::OutboxState::Acknowledged);
    EXPECT_EQ(look(token).progress, ReceiptProgress::Received);

    serverSays(enqueued[0].submissionId, "in_review");
    syncOnce();
    EXPECT_EQ(look(token).progress, ReceiptProgress::InReview);

    serverSays(enqueued[0].submissionId, "returned", "photo_unclear");
    syncOnce();
    status = look(token);
    EXPECT_EQ(status.progress, ReceiptProgress::Returned);
    EXPECT_EQ(status.reasonCode, "photo_unclear");

    serverSays(enqueued[0].submissionId, "verified");
    syncOnce();
    EXPECT_EQ(look(token).progress, ReceiptProgress::Verified);

    // Staff at this office checked the documents too.
    ASSERT_TRUE(kiosk_.store().setLocalVerification(enqueued[0].recordId, store::LocalVerification::Verified, "STF-0001"));
    EXPECT_TRUE(look(token).checkedAtDesk);
}

TEST_F(ReceiptStatusE2e, AChangedForeignOrOrphanedReceiptShowsNoState) {
    const auto enqueued = kiosk_.enqueue(2);
    const auto token = receiptFor(enqueued[0]);

    // One character of the payload hash changed: the signature no longer matches.
    std::string changed = token;
    const auto hashAt = changed.find('.', changed.find('.') + 1) + 1;
    changed[hashAt] = changed[hashAt] == 'a' ? 'b' : 'a';
    auto status = look(changed);
    EXPECT_EQ(status.verdict, "receipt.signature_invalid");
    EXPECT_FALSE(status.progress);
    EXPECT_EQ(status.number, look(token).number);  // what it claims is still shown, for the staff

    EXPECT_EQ(look("HTTPS://EXAMPLE.INVALID/PAY-HERE").verdict, "receipt.malformed");

    // Another kiosk's receipt: unknown until the configuration lists its key, then genuine but
    // followed at the desk, not here.
    auto otherKey = sync::FileDeviceKey::openOrCreate(dir_.path() / "other-kiosk.key");
    ASSERT_TRUE(otherKey);
    store::Receipt stored;
    stored.recordId = 5;
    stored.payloadSha256 = enqueued[1].payloadSha256;
    stored.createdAt = kiosk_.clock().now();
    const auto foreign = sync::issueReceipt(core::ReceiptKind::Registration, "KIOSK-E2E-77", stored, **otherKey);
    ASSERT_TRUE(foreign);
    EXPECT_EQ(look(foreign->token).verdict, "receipt.kiosk_unknown");
    keys_.add("KIOSK-E2E-77", (*otherKey)->publicKey(), sync::KeySource::Config);
    status = look(foreign->token);
    EXPECT_EQ(status.verdict, "valid");
    EXPECT_FALSE(status.issuedHere);
    EXPECT_FALSE(status.progress);
    EXPECT_EQ(status.kioskId, "KIOSK-E2E-77");

    // Signed here, but for a record this kiosk does not have, or with another payload.
    Enqueued missing = enqueued[0];
    missing.recordId = 999;
    EXPECT_EQ(look(receiptFor(missing)).verdict, "receipt.not_found");
    Enqueued other = enqueued[0];
    other.payloadSha256 = enqueued[1].payloadSha256;
    EXPECT_EQ(look(receiptFor(other)).verdict, "receipt.mismatch");
}

}  // namespace
}  // namespace kiosk::e2e
