// The upload step against a scripted server: each answer of docs/api.md §5 ends in the right outbox
// state, nothing from a response body is stored, and refusals pause uploads without rejecting.

#include <gtest/gtest.h>

#include "kiosk/sync/uploader.h"
#include "tests/unit/sync_test_support.h"

namespace kiosk::sync {
namespace {

using namespace std::chrono_literals;
using test::ackBody;
using test::answer;
using test::errorBody;
using test::TempDir;
using Json = nlohmann::json;

class SyncUploader : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = store::Store::open(test::storeConfig(dir_), *masterKey_, clock_);
        ASSERT_TRUE(opened) << opened.error().detail;
        store_ = std::move(*opened);
        deviceKey_ = FileDeviceKey::openOrCreate(dir_ / "device.key").value();
        envelopes_ = std::make_unique<EnvelopeBuilder>(*store_, *deviceKey_, keys_.sealPublic);
        makeUploader();
    }
    void makeUploader() {
        uploader_ = std::make_unique<Uploader>(*store_, server_, *envelopes_, clock_, policy_, options_);
    }
    store::Receipt enqueue(unsigned seed = 1) {
        auto r = store_->enqueue(test::makeSubmission({}, 64, seed));
        EXPECT_TRUE(r);
        return *r;
    }
    store::OutboxEntry entry(const store::Receipt& r) {
        const auto rows = store_->outbox().list(1000).value();
        for (const auto& e : rows)
            if (e.submissionId == r.submissionId) return e;
        ADD_FAILURE() << "no outbox row " << r.submissionId;
        return {};
    }
    static bool hasAlert(const PassReport& report, const std::string& code, const std::string& subject) {
        for (const auto& a : report.alerts)
            if (a.code == code && a.subject == subject) return true;
        return false;
    }

    TempDir dir_;
    std::unique_ptr<store::FileMasterKey> masterKey_ = test::makeMasterKey(dir_);
    FakeClock clock_{test::testEpoch()};
    std::unique_ptr<store::Store> store_;
    std::unique_ptr<FileDeviceKey> deviceKey_;
    test::ServerKeyPairs keys_;
    std::unique_ptr<EnvelopeBuilder> envelopes_;
    test::FakeServerApi server_;
    RetryPolicy policy_{42};
    UploadOptions options_{.batchSize = 10};
    std::unique_ptr<Uploader> uploader_;
};

TEST_F(SyncUploader, OneSubmissionGoesAloneAndIsAcknowledged) {
    const auto r = enqueue();
    const auto report = uploader_->runOnce();
    ASSERT_EQ(server_.calls.size(), 1u);
    const auto& call = server_.calls[0];
    EXPECT_EQ(call.endpoint, "submission");
    EXPECT_EQ(call.idempotencyKey, r.submissionId);
    const auto sent = Json::parse(call.body);
    EXPECT_EQ(sent["id"], r.submissionId);
    EXPECT_EQ(sha256Hex(*keys_.unseal(sent["sealed_payload"])), r.payloadSha256);
    EXPECT_EQ(report.claimed, 1);
    EXPECT_EQ(report.acknowledged, 1);
    EXPECT_EQ(report.duplicates, 0);
    EXPECT_EQ(entry(r).state, store::OutboxState::Acknowledged);
    EXPECT_EQ(entry(r).serverReference, "PMI-2026-000123");
}

TEST_F(SyncUploader, DuplicateAnswerIsSuccess) {
    const auto r = enqueue();
    server_.queued["submission"].push_back(answer(200, ackBody(r.submissionId, r.payloadSha256, "PMI-2026-000101")));
    const auto report = uploader_->runOnce();
    EXPECT_EQ(report.acknowledged, 1);
    EXPECT_EQ(report.duplicates, 1);
    EXPECT_EQ(entry(r).state, store::OutboxState::Acknowledged);
    EXPECT_EQ(entry(r).serverReference, "PMI-2026-000101");
}

TEST_F(SyncUploader, ConflictStopsSendingRaisesAnAlertAndKeepsTheData) {
    const auto r = enqueue();
    server_.queued["submission"].push_back(answer(409, errorBody("id_conflict")));
    const auto report = uploader_->runOnce();
    EXPECT_EQ(report.conflicts, 1);
    EXPECT_TRUE(hasAlert(report, "id_conflict", r.submissionId));
    EXPECT_EQ(entry(r).state, store::OutboxState::Rejected);
    EXPECT_EQ(entry(r).rejectCode, "id_conflict");
    clock_.advance(std::chrono::hours{48});
    EXPECT_EQ(uploader_->runOnce().claimed, 0);
    EXPECT_EQ(server_.calls.size(), 1u);
    EXPECT_TRUE(store_->personalData(r.recordId));
}

TEST_F(SyncUploader, PermanentRejectionIsMarkedWithTheCodeAndNeverRetried) {
    const auto r = enqueue();
    server_.queued["submission"].push_back(answer(422, errorBody("payload_invalid")));
    EXPECT_EQ(uploader_->runOnce().rejected, 1);
    EXPECT_EQ(entry(r).state, store::OutboxState::Rejected);
    EXPECT_EQ(entry(r).rejectCode, "payload_invalid");
    clock_.advance(std::chrono::hours{48});
    uploader_->runOnce();
    EXPECT_EQ(server_.calls.size(), 1u);
    EXPECT_TRUE(store_->personalData(r.recordId));
}

TEST_F(SyncUploader, TransientFailureIsRetriedAfterABackoffAndNoBodyIsStored) {
    const auto r = enqueue();
    server_.queued["submission"].push_back(answer(503, R"({"error":{"code":"busy","message":"CANARYNAMA ZQXW"}})"));
    const auto report = uploader_->runOnce();
    EXPECT_EQ(report.retried, 1);
    const auto e = entry(r);
    EXPECT_EQ(e.state, store::OutboxState::Pending);
    EXPECT_EQ(e.attempts, 1);
    EXPECT_EQ(e.lastError, "http_503");
    ASSERT_TRUE(e.dueAt);
    EXPECT_GE(*e.dueAt, clock_.now());
    EXPECT_LE(*e.dueAt, clock_.now() + 2s);
    clock_.advance(2s);
    EXPECT_EQ(uploader_->runOnce().acknowledged, 1);
    EXPECT_EQ(entry(r).state, store::OutboxState::Acknowledged);
}

TEST_F(SyncUploader, RetryAfterPutsTheNextTryNoSooner) {
    const auto r = enqueue();
    auto busy = answer(429);
    busy.retryAfter = "120";
    server_.queued["submission"].push_back(busy);
    uploader_->runOnce();
    EXPECT_EQ(entry(r).dueAt, clock_.now() + 120s);
    clock_.advance(119s);
    EXPECT_EQ(uploader_->runOnce().claimed, 0);
    clock_.advance(1s);
    EXPECT_EQ(uploader_->runOnce().acknowledged, 1);
}

TEST_F(SyncUploader, RefusedKioskPausesAllUploadsAndRejectsNothing) {
    const auto a = enqueue(1), b = enqueue(2), c = enqueue(3);
    server_.queued["batch"].push_back(answer(401, errorBody("signature_invalid")));
    const auto report = uploader_->runOnce();
    EXPECT_TRUE(hasAlert(report, "kiosk_refused", a.submissionId));
    ASSERT_TRUE(uploader_->pausedUntil());
    EXPECT_GE(*uploader_->pausedUntil(), clock_.now() + 60s);
    for (const auto& r : {a, b, c}) {
        EXPECT_EQ(entry(r).state, store::OutboxState::Pending);
        EXPECT_EQ(entry(r).lastError, "kiosk_refused/signature_invalid");
    }
    // A new submission waits too: the kiosk as a whole is paused.
    const auto d = enqueue(4);
    clock_.advance(30s);
    EXPECT_EQ(uploader_->runOnce().claimed, 0);
    EXPECT_EQ(server_.calls.size(), 1u);
    clock_.set(*uploader_->pausedUntil());
    const auto resumed = uploader_->runOnce();
    EXPECT_EQ(resumed.acknowledged, 4);
    EXPECT_FALSE(uploader_->paused(clock_.now()));
    for (const auto& r : {a, b, c, d}) EXPECT_EQ(entry(r).state, store::OutboxState::Acknowledged);
}

TEST_F(SyncUploader, ForbiddenOnASingleSubmissionPausesToo) {
    const auto r = enqueue();
    server_.queued["submission"].push_back(answer(403, errorBody("kiosk_revoked")));
    uploader_->runOnce();
    EXPECT_TRUE(uploader_->paused(clock_.now()));
    EXPECT_EQ(entry(r).state, store::OutboxState::Pending);
    EXPECT_EQ(entry(r).rejectCode, "");
}

TEST_F(SyncUploader, AckForAnotherHashIsAFailedAttemptWithAnAlert) {
    const auto r = enqueue();
    server_.queued["submission"].push_back(answer(201, ackBody(r.submissionId, std::string(64, '0'))));
    const auto report = uploader_->runOnce();
    EXPECT_EQ(report.acknowledged, 0);
    EXPECT_TRUE(hasAlert(report, "ack_mismatch", r.submissionId));
    EXPECT_EQ(entry(r).state, store::OutboxState::Pending);
    EXPECT_EQ(entry(r).lastError, "ack_mismatch");
}

TEST_F(SyncUploader, BatchWithMixedResultsMarksEachOnItsOwn) {
    const auto a = enqueue(1), b = enqueue(2), c = enqueue(3), d = enqueue(4), e = enqueue(5);
    server_.responders["batch"] = [](const test::FakeServerApi::Call& call) {
        const auto s = Json::parse(call.body)["submissions"];
        const Json results = {
            {{"id", s[0]["id"]}, {"status", 201}, {"payload_sha256", s[0]["payload_sha256"]}, {"reference", "PMI-9"}},
            {{"id", s[1]["id"]}, {"status", 200}, {"payload_sha256", s[1]["payload_sha256"]}, {"reference", "PMI-8"}},
            {{"id", s[2]["id"]},
             {"status", 409},
             {"payload_sha256", std::string(64, 'c')},
             {"error", {{"code", "id_conflict"}, {"message", "m"}}}},
            {{"id", s[3]["id"]}, {"status", 422}, {"error", {{"code", "payload_hash_mismatch"}, {"message", "m"}}}},
            {{"id", s[4]["id"]}, {"status", 503}}};
        return answer(200, Json{{"results", results}}.dump());
    };
    const auto report = uploader_->runOnce();
    EXPECT_EQ(server_.count("batch"), 1u);
    EXPECT_EQ(server_.count("submission"), 0u);
    EXPECT_EQ(report.claimed, 5);
    EXPECT_EQ(report.acknowledged, 2);
    EXPECT_EQ(report.duplicates, 1);
    EXPECT_EQ(report.rejected, 2);
    EXPECT_EQ(report.conflicts, 1);
    EXPECT_EQ(report.retried, 1);
    EXPECT_EQ(entry(a).state, store::OutboxState::Acknowledged);
    EXPECT_EQ(entry(a).serverReference, "PMI-9");
    EXPECT_EQ(entry(b).state, store::OutboxState::Acknowledged);
    EXPECT_EQ(entry(c).rejectCode, "id_conflict");
    EXPECT_EQ(entry(d).rejectCode, "payload_hash_mismatch");
    EXPECT_EQ(entry(e).state, store::OutboxState::Pending);
    EXPECT_EQ(entry(e).lastError, "http_503");
}

TEST_F(SyncUploader, BatchTheServerCannotTakeIsSentOneAtATime) {
    enqueue(1);
    enqueue(2);
    enqueue(3);
    server_.queued["batch"].push_back(answer(413, errorBody("payload_too_large")));
    const auto report = uploader_->runOnce();
    EXPECT_EQ(server_.count("batch"), 1u);
    EXPECT_EQ(server_.count("submission"), 3u);
    EXPECT_EQ(report.acknowledged, 3);
}

TEST_F(SyncUploader, LostAnswerAfterTheWholeRequestWentOutIsMarkedSentAndSentAgain) {
    const auto r = enqueue();
    server_.queued["submission"].push_back(test::unreachable(true));
    uploader_->runOnce();
    EXPECT_EQ(entry(r).state, store::OutboxState::Sent);
    EXPECT_EQ(entry(r).attempts, 1);
    EXPECT_EQ(entry(r).lastError, "curl_7");
    // The server had committed it: the same envelope again gets 200.
    server_.queued["submission"].push_back(answer(200, ackBody(r.submissionId, r.payloadSha256)));
    clock_.advance(std::chrono::minutes{10});
    const auto report = uploader_->runOnce();
    EXPECT_EQ(report.duplicates, 1);
    EXPECT_EQ(entry(r).state, store::OutboxState::Acknowledged);
    EXPECT_EQ(Json::parse(server_.calls[0].body)["id"], Json::parse(server_.calls[1].body)["id"]);
}

TEST_F(SyncUploader, UnreachableServerLeavesEverySubmissionPending) {
    const auto r = enqueue();
    server_.queued["submission"].push_back(test::unreachable(false));
    const auto report = uploader_->runOnce();
    EXPECT_EQ(report.answered, 0);
    ASSERT_EQ(report.failures.size(), 1u);
    EXPECT_EQ(report.failures[0].code, "curl_7");
    EXPECT_EQ(entry(r).state, store::OutboxState::Pending);
}

TEST_F(SyncUploader, ACorruptSubmissionIsNeverSentAndTheOthersAre) {
    const auto good = enqueue(1);
    const auto bad = enqueue(2);
    auto update = store_->database().prepare("UPDATE outbox SET payload_sha256 = ?1 WHERE submission_id = ?2");
    ASSERT_TRUE(update->bind(1, std::string(64, 'd')).bind(2, bad.submissionId).run());
    const auto report = uploader_->runOnce();
    EXPECT_TRUE(hasAlert(report, "local_corruption", bad.submissionId));
    ASSERT_EQ(server_.calls.size(), 1u);
    EXPECT_EQ(server_.calls[0].idempotencyKey, good.submissionId);
    EXPECT_EQ(entry(bad).state, store::OutboxState::Pending);
    EXPECT_EQ(entry(bad).lastError, "local_corruption");
}

TEST_F(SyncUploader, ClaimsAtMostABatchAndSplitsBySize) {
    for (unsigned i = 0; i < 12; ++i) enqueue(i + 1);
    EXPECT_EQ(uploader_->runOnce().claimed, 10);
    EXPECT_EQ(server_.count("batch"), 1u);
    EXPECT_EQ(uploader_->runOnce().claimed, 2);
    EXPECT_EQ(server_.count("batch"), 2u);

    for (unsigned i = 0; i < 3; ++i) enqueue(100 + i);
    options_.maxBatchBytes = 1;  // every envelope is over the limit on its own
    makeUploader();
    EXPECT_EQ(uploader_->runOnce().acknowledged, 3);
    EXPECT_EQ(server_.count("submission"), 3u);
}

TEST_F(SyncUploader, NothingDueMeansNoRequest) {
    const auto report = uploader_->runOnce();
    EXPECT_FALSE(report.worked());
    EXPECT_TRUE(server_.calls.empty());
}

}  // namespace
}  // namespace kiosk::sync
