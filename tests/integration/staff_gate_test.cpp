// Staff sign-in against a real store: a badge and its PIN (argon2id hashes as the server sends
// them), the lockout after repeated wrong PINs that a restart does not undo, and an audit log that
// records every attempt by staff id and never the PIN.

#include "kiosk/app/staff_gate.h"
#include "kiosk/core/receipt_number.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <fstream>
#include <iterator>

#include "tests/integration/sync_e2e_support.h"

namespace kiosk::e2e {
namespace {

using Outcome = flow::StaffAnswer::Outcome;
using namespace std::chrono_literals;

// Made-up staff; the hashes are computed here with the cheapest argon2id limits (the check
// reads the limits from the hash, as it does for the server's).
core::StaffMember member(std::string id, std::string badge, core::StaffRole role, const char* pin) {
    core::StaffMember m{std::move(id), std::move(badge), "Petugas Uji", role, {}};
    char hash[crypto_pwhash_STRBYTES];
    EXPECT_EQ(crypto_pwhash_str(hash, pin, std::strlen(pin), crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN), 0);
    m.pinHash = hash;
    return m;
}

class StaffGateTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_GE(sodium_init(), 0);
        staff_ = {member("STF-0001", "B-10001", core::StaffRole::Officer, "482913"),
                  member("STF-0003", "B-10003", core::StaffRole::Supervisor, "770155")};
    }
    app::StaffGate gate() {
        return app::StaffGate(kiosk_->store(), std::string(kKioskId), staff_, core::SignInRules{}, kiosk_->clock());
    }

    TempDir dir_;
    std::unique_ptr<Kiosk> kiosk_ = std::make_unique<Kiosk>(dir_.path() / "kiosk");
    std::vector<core::StaffMember> staff_;
};

TEST_F(StaffGateTest, TheRightPinSignsInAndIsAudited) {
    auto g = gate();
    const auto answer = g.signIn("B-10003\r\n", "770155");
    ASSERT_EQ(answer.outcome, Outcome::SignedIn);
    EXPECT_EQ(answer.staffId, "STF-0003");
    EXPECT_EQ(answer.role, "supervisor");
    EXPECT_EQ(auditCount(kiosk_->store(), "staff.sign_in"), 1);
    g.signedOut("STF-0003", "staff.idle_sign_out");
    EXPECT_EQ(auditCount(kiosk_->store(), "staff.idle_sign_out"), 1);
}

TEST_F(StaffGateTest, ASignOffIsAuditedApartAndWrongPinsCountTowardsTheLockout) {
    auto g = gate();
    const auto signedOff = g.signOff("B-10003", "770155");
    ASSERT_EQ(signedOff.outcome, Outcome::SignedIn);
    EXPECT_EQ(signedOff.role, "supervisor");
    EXPECT_EQ(auditCount(kiosk_->store(), "staff.sign_off"), 1);
    EXPECT_EQ(auditCount(kiosk_->store(), "staff.sign_in"), 0);  // nobody else's session begins
    // A sign-off answers who, never the queue: the officer's screen keeps its own.
    EXPECT_TRUE(signedOff.worklist.empty());
    for (int i = 0; i < 4; ++i) EXPECT_EQ(g.signOff("B-10003", "000000").outcome, Outcome::WrongPin);
    EXPECT_EQ(g.signOff("B-10003", "000000").outcome, Outcome::Locked);
    EXPECT_EQ(g.signIn("B-10003", "770155").outcome, Outcome::Locked);  // the same badge, the same lock
}

TEST_F(StaffGateTest, FiveWrongPinsLockTheBadgeEvenAcrossARestart) {
    {
        auto g = gate();
        for (int left = 4; left >= 1; --left) {
            const auto wrong = g.signIn("B-10001", "000000");
            ASSERT_EQ(wrong.outcome, Outcome::WrongPin);
            EXPECT_EQ(wrong.triesLeft, left);
            kiosk_->clock().advance(10s);
        }
        const auto fifth = g.signIn("B-10001", "111111");
        ASSERT_EQ(fifth.outcome, Outcome::Locked);
        EXPECT_EQ(fifth.lockedMinutes, 15);
        // The right PIN does not open a locked badge; another badge is not affected.
        EXPECT_EQ(g.signIn("B-10001", "482913").outcome, Outcome::Locked);
        EXPECT_EQ(g.signIn("B-10003", "770155").outcome, Outcome::SignedIn);
    }
    // The kiosk restarts (a new connection on the same file): still locked.
    kiosk_->clock().advance(5min);
    kiosk_ = std::make_unique<Kiosk>(dir_.path() / "kiosk");
    kiosk_->clock().set(kiosk_->clock().now() + 5min);
    auto g = gate();
    const auto still = g.signIn("B-10001", "482913");
    EXPECT_EQ(still.outcome, Outcome::Locked);
    // Once the lock has run out, the right PIN signs in and the count starts again.
    kiosk_->clock().advance(16min);
    EXPECT_EQ(g.signIn("B-10001", "482913").outcome, Outcome::SignedIn);
    const auto fresh = g.signIn("B-10001", "000000");
    EXPECT_EQ(fresh.triesLeft, 4);
}

TEST_F(StaffGateTest, UnknownBadgesAndAKioskWithoutAStaffListSignNobodyIn) {
    auto g = gate();
    EXPECT_EQ(g.signIn("B-99999", "482913").outcome, Outcome::UnknownBadge);
    EXPECT_EQ(g.signIn("", "482913").outcome, Outcome::UnknownBadge);
    app::StaffGate none(kiosk_->store(), std::string(kKioskId), {}, core::SignInRules{}, kiosk_->clock());
    EXPECT_EQ(none.signIn("B-10001", "482913").outcome, Outcome::Unavailable);
}

TEST_F(StaffGateTest, TheWorklistHoldsWhatWaitsForACheckOldestFirst) {
    store::NewSubmission waiting;
    waiting.siteId = std::string(kSiteId);
    waiting.kioskId = std::string(kKioskId);
    waiting.personalPayload = {'{', '}'};
    waiting.publicFields = R"({"marital_status":"have","family_permission":"not_yet","passport":"scanned"})";
    waiting.verification = store::LocalVerification::Pending;
    const auto first = kiosk_->store().enqueue(waiting);
    ASSERT_TRUE(first);
    kiosk_->clock().advance(1min);
    auto done = waiting;
    done.verification = store::LocalVerification::NotRequired;
    ASSERT_TRUE(kiosk_->store().enqueue(done));
    kiosk_->clock().advance(1min);
    const auto second = kiosk_->store().enqueue(waiting);
    ASSERT_TRUE(second);

    auto g = gate();
    auto rows = g.worklist();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].number, core::makeReceiptNumber(core::ReceiptKind::Registration, kKioskId, first->recordId)->text());
    EXPECT_EQ(rows[0].documentsHave, 2);
    EXPECT_EQ(rows[0].sync, "pending");
    EXPECT_LT(rows[0].createdAt, rows[1].createdAt);
    // A signed-in answer carries it; a checked record leaves it.
    ASSERT_TRUE(kiosk_->store().setLocalVerification(first->recordId, store::LocalVerification::Verified, "STF-0001"));
    const auto in = g.signIn("B-10001", "482913");
    ASSERT_EQ(in.worklist.size(), 1u);
    EXPECT_EQ(in.worklist[0].number,
              core::makeReceiptNumber(core::ReceiptKind::Registration, kKioskId, second->recordId)->text());
}

TEST_F(StaffGateTest, ComplaintsComeFirstAndReturnedRecordsStayInTheWorklist) {
    store::NewSubmission registration;
    registration.kind = store::RecordKind::Registration;
    registration.siteId = "LTSA-TEST";
    registration.kioskId = std::string(kKioskId);
    registration.personalPayload = {'{', '}'};
    registration.publicFields = R"({"passport":"have"})";
    registration.verification = store::LocalVerification::Pending;
    const auto oldest = kiosk_->store().enqueue(registration);
    ASSERT_TRUE(oldest);
    kiosk_->clock().advance(1min);
    const auto returned = kiosk_->store().enqueue(registration);
    ASSERT_TRUE(returned);
    ASSERT_TRUE(kiosk_->store().setLocalVerification(returned->recordId, store::LocalVerification::Returned, "STF-0001"));
    kiosk_->clock().advance(1min);
    auto checkIn = registration;
    checkIn.kind = store::RecordKind::ReturneeCheckIn;
    checkIn.publicFields = R"({"complaint":false})";
    ASSERT_TRUE(kiosk_->store().enqueue(checkIn));
    kiosk_->clock().advance(1min);
    checkIn.publicFields = R"({"complaint":true})";
    const auto complaint = kiosk_->store().enqueue(checkIn);
    ASSERT_TRUE(complaint);

    const auto rows = gate().worklist();
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0].recordId, complaint->recordId);  // the newest, but a complaint
    EXPECT_TRUE(rows[0].complaint);
    EXPECT_TRUE(rows[0].checkIn);
    EXPECT_EQ(rows[1].recordId, oldest->recordId);
    EXPECT_EQ(rows[2].recordId, returned->recordId);
    EXPECT_TRUE(rows[2].returned);
    EXPECT_FALSE(rows[3].complaint);
    EXPECT_EQ(rows[3].number,
              core::makeReceiptNumber(core::ReceiptKind::ReturneeCheckIn, kKioskId, rows[3].recordId)->text());
}

TEST_F(StaffGateTest, NoPinEverReachesTheDisk) {
    auto g = gate();
    g.signIn("B-10001", "482913");
    g.signIn("B-10001", "391827");
    kiosk_.reset();  // closes the database
    for (const char* name : {"kiosk.db", "kiosk.db-wal"}) {
        std::ifstream in(dir_.path() / "kiosk" / name, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        EXPECT_EQ(bytes.find("482913"), std::string::npos) << name;
        EXPECT_EQ(bytes.find("391827"), std::string::npos) << name;
    }
}

}  // namespace
}  // namespace kiosk::e2e
