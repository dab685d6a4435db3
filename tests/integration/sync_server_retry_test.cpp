// The retry policy against the real simulator, with faults queued through its admin endpoint and a
// fake clock instead of sleeps: a permanent 4xx is marked rejected and never sent again; a
// Retry-After (seconds or an HTTP date) on a 429 or 503 is a floor on the next try, capped at one
// hour; without one the waits stay under the backoff ceiling and the kiosk never gives up; a 401
// for an unknown kiosk key pauses uploads and rejects nothing. The unit tests cover the same rules
// with a scripted server; these check that the statuses and headers come over the wire as meant.

#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>

#include "kiosk/sync/retry_policy.h"
#include "tests/integration/sync_e2e_support.h"
#include "tests/national_server/wire_format.h"

namespace kiosk::e2e {
namespace {

using namespace std::chrono_literals;
using Json = nlohmann::json;

constexpr std::string_view kUpload = "/v1/submissions";

class SyncServerRetry : public ::testing::Test {
protected:
    void SetUp() override {
        std::signal(SIGPIPE, SIG_IGN);
        startSim(kiosk_.simArgument());
    }
    void TearDown() override {
        link_.reset();
        if (sim_) {
            EXPECT_EQ(sim_->stop(), 0) << "the simulator did not stop cleanly";
        }
    }

    void startSim(const std::string& kioskArgument) {
        sim_ = SimProcess::start({"--db", (dir_.path() / "sim.db").string(), "--kiosk", kioskArgument});
        ASSERT_TRUE(sim_) << "national-server-sim did not start";
        admin_ = std::make_unique<SimClient>(sim_->httpPort());
        sync::UploadOptions upload;
        upload.batchSize = 1;
        auto link = connect(kiosk_, *sim_, quickTransport(httpUrl(*sim_)), upload, 7);
        ASSERT_TRUE(link) << link.error().detail;
        link_ = std::make_unique<SyncLink>(std::move(*link));
    }

    // Queues `fault` for the next upload request only.
    void queueUploadFault(Json fault) {
        fault["path_prefix"] = kUpload;
        fault["method"] = "POST";
        const auto answer = admin_->admin("POST", "/admin/faults", Json::array({fault}));
        ASSERT_TRUE(answer.is_object()) << "POST /admin/faults failed";
    }
    std::size_t faultsPending() { return admin_->admin("GET", "/admin/faults")["faults"].size(); }
    std::int64_t uploads() {
        const auto log = requestLog(*admin_);
        return countRequests(log, "POST", kUpload) + countRequests(log, "POST", "/v1/submissions/batch");
    }
    sync::PassReport pass() { return link_->worker->runOnce(); }
    Clock::TimePoint now() { return kiosk_.clock().now(); }

    // After the server's first answer (a fault with Retry-After), the next try is at `floor` from
    // then and not a moment before; at that time the upload goes through.
    void expectRetryAfterHonoured(Json fault, std::chrono::seconds floor) {
        const auto sent = kiosk_.enqueue(1, next_++).front();
        queueUploadFault(std::move(fault));
        const auto start = now();
        pass();
        EXPECT_EQ(faultsPending(), 0u) << "the upload did not meet the fault";
        auto row = outboxRow(kiosk_.store(), sent.submissionId);
        ASSERT_EQ(row.state, store::OutboxState::Pending);
        ASSERT_TRUE(row.dueAt);
        EXPECT_GE(*row.dueAt, start + floor) << "the next try is before Retry-After";
        // The floor is taken as it is when it is above the 2 s jitter of a first retry.
        EXPECT_EQ(*row.dueAt, start + floor);

        const auto before = uploads();
        kiosk_.clock().set(*row.dueAt - 1s);
        pass();
        EXPECT_EQ(uploads(), before) << "sent again before Retry-After ran out";
        EXPECT_EQ(outboxRow(kiosk_.store(), sent.submissionId).state, store::OutboxState::Pending);

        kiosk_.clock().set(*row.dueAt);
        const auto report = pass();
        EXPECT_EQ(uploads(), before + 1);
        EXPECT_EQ(report.acknowledged, 1);
        row = outboxRow(kiosk_.store(), sent.submissionId);
        EXPECT_EQ(row.state, store::OutboxState::Acknowledged);
        EXPECT_EQ(row.attempts, 1);
    }

    TempDir dir_;
    Kiosk kiosk_{dir_.path() / "kiosk"};
    std::unique_ptr<SimProcess> sim_;
    std::unique_ptr<SimClient> admin_;
    std::unique_ptr<SyncLink> link_;
    std::int64_t next_ = 1;
};

TEST_F(SyncServerRetry, APermanent4xxIsRejectedWithItsCodeAndNeverSentAgain) {
    const auto sent = kiosk_.enqueue(2);
    queueUploadFault({{"mode", "status"}, {"status", 422}, {"code", "payload_invalid"}});
    queueUploadFault({{"mode", "status"}, {"status", 418}, {"code", "teapot"}});  // not in the table: http_418
    auto report = pass();
    EXPECT_EQ(report.rejected, 1);
    report = pass();
    EXPECT_EQ(report.rejected, 1);
    EXPECT_EQ(faultsPending(), 0u);

    // Two hours of passes later, neither was tried again.
    for (int i = 0; i < 100 && now() < outboxRow(kiosk_.store(), sent[0].submissionId).createdAt + 2h; ++i) {
        kiosk_.clock().set(link_->worker->nextWake());
        report = pass();
        EXPECT_EQ(report.claimed, 0);
    }
    EXPECT_GE(now(), outboxRow(kiosk_.store(), sent[0].submissionId).createdAt + 2h);
    EXPECT_EQ(uploads(), 2);

    const auto first = outboxRow(kiosk_.store(), sent[0].submissionId);
    EXPECT_EQ(first.state, store::OutboxState::Rejected);
    EXPECT_EQ(first.rejectCode, "payload_invalid");
    const auto second = outboxRow(kiosk_.store(), sent[1].submissionId);
    EXPECT_EQ(second.state, store::OutboxState::Rejected);
    EXPECT_EQ(second.rejectCode, "http_418");
    EXPECT_EQ(auditCount(kiosk_.store(), "record.rejected"), 2);
    EXPECT_TRUE(heldSubmissions(*admin_).empty());
    // Rejected is final for the queue, but the data stays with the kiosk.
    EXPECT_TRUE(kiosk_.store().personalData(first.recordId));
}

TEST_F(SyncServerRetry, RetryAfterInSecondsOnA503IsTheFloorOfTheNextTry) {
    expectRetryAfterHonoured({{"mode", "status_503"}, {"retry_after", 120}}, 120s);
}

TEST_F(SyncServerRetry, RetryAfterAsAnHttpDateOnA429IsTheFloorOfTheNextTry) {
    const auto at = now() + 10min;
    expectRetryAfterHonoured({{"mode", "status_429"}, {"retry_after", sim::formatHttpDate(at)}}, 10min);
}

TEST_F(SyncServerRetry, ARetryAfterOfADayIsCappedAtOneHour) {
    expectRetryAfterHonoured({{"mode", "status_503"}, {"retry_after", 86400}}, 1h);
}

TEST_F(SyncServerRetry, WithoutRetryAfterEachWaitStaysUnderTheBackoffCeilingAndTheKioskNeverGivesUp) {
    const auto sent = kiosk_.enqueue(1).front();
    constexpr int kFailures = 12;
    queueUploadFault({{"mode", "status_500"}, {"count", kFailures}});
    const sync::RetryPolicy bounds(0);  // only its ceilings: min(10 min, 2 s * 2^(n-1))
    std::chrono::milliseconds longest{0};
    for (int attempt = 1; attempt <= kFailures; ++attempt) {
        SCOPED_TRACE("attempt " + std::to_string(attempt));
        const auto before = uploads();
        const auto start = now();
        pass();
        EXPECT_EQ(uploads(), before + 1);
        const auto row = outboxRow(kiosk_.store(), sent.submissionId);
        ASSERT_EQ(row.state, store::OutboxState::Pending);
        EXPECT_EQ(row.attempts, attempt);
        EXPECT_EQ(row.lastError, "http_500");
        ASSERT_TRUE(row.dueAt);
        const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(*row.dueAt - start);
        EXPECT_GE(wait.count(), 0);
        EXPECT_LE(wait, bounds.ceiling(attempt));
        EXPECT_LE(wait, std::chrono::milliseconds{10min});
        longest = std::max(longest, wait);
        if (wait >= 1ms) {
            kiosk_.clock().set(*row.dueAt - 1ms);
            pass();
            EXPECT_EQ(uploads(), before + 1) << "sent again before its backoff ran out";
        }
        kiosk_.clock().set(*row.dueAt);
    }
    std::cout << "backoff: the longest of " << kFailures << " waits was " << longest.count() << " ms" << std::endl;
    const auto report = pass();
    EXPECT_EQ(report.acknowledged, 1);
    EXPECT_EQ(uploads(), kFailures + 1);
    EXPECT_EQ(outboxRow(kiosk_.store(), sent.submissionId).state, store::OutboxState::Acknowledged);
    EXPECT_EQ(faultsPending(), 0u);
}

TEST_F(SyncServerRetry, AnUnknownKioskKeyPausesUploadsAndRejectsNothing) {
    link_.reset();
    ASSERT_EQ(sim_->stop(), 0);
    std::filesystem::remove(dir_.path() / "sim.db");
    // The simulator knows this kiosk id with another key.
    const auto other = sim::test::TestKiosk::make(std::string(kKioskId), std::string(kSiteId));
    startSim(other.argument());
    const auto sent = kiosk_.enqueue(1).front();

    const auto start = now();
    auto report = pass();
    EXPECT_EQ(report.rejected, 0);
    EXPECT_EQ(report.acknowledged, 0);
    auto row = outboxRow(kiosk_.store(), sent.submissionId);
    EXPECT_EQ(row.state, store::OutboxState::Pending);
    EXPECT_EQ(row.lastError, "kiosk_refused/signature_invalid");
    ASSERT_TRUE(row.dueAt);
    EXPECT_GE(*row.dueAt, start + 1min) << "uploads pause for at least a minute";
    bool alerted = false;
    for (const auto& a : link_->worker->status().alerts) alerted = alerted || a.code == "kiosk_refused";
    EXPECT_TRUE(alerted);

    // Enrolled again with the right key, the kiosk's next try after the pause goes through.
    const auto added = admin_->admin("POST", "/admin/kiosks",
                                     {{"kiosk_id", kKioskId},
                                      {"site_id", kSiteId},
                                      {"signing_public_key", sync::publicKeyBase64(kiosk_.deviceKey())}});
    ASSERT_TRUE(added.is_object() && !added.contains("error")) << added.dump();
    kiosk_.clock().set(link_->worker->nextWake());
    for (int i = 0; i < 10 && outboxRow(kiosk_.store(), sent.submissionId).state != store::OutboxState::Acknowledged;
         ++i) {
        kiosk_.clock().set(link_->worker->nextWake());
        pass();
    }
    row = outboxRow(kiosk_.store(), sent.submissionId);
    EXPECT_EQ(row.state, store::OutboxState::Acknowledged);
    EXPECT_EQ(auditCount(kiosk_.store(), "record.rejected"), 0);
}

}  // namespace
}  // namespace kiosk::e2e
