// Every outcome of docs/api.md §5.1 and §5.2 classified, and the waits of §5.3: full-jitter
// exponential backoff and Retry-After as a floor capped at one hour.

#include <gtest/gtest.h>

#include <algorithm>

#include "kiosk/sync/answer_classifier.h"
#include "kiosk/sync/retry_policy.h"
#include "tests/unit/sync_test_support.h"

namespace kiosk::sync {
namespace {

using namespace std::chrono_literals;
using test::ackBody;
using test::answer;
using test::errorBody;

const SentSubmission kSent{"3f0c9a8e-5b7d-4c21-9e1f-2a6b8c0d4e5f", std::string(64, 'a')};
const Clock::TimePoint kNow = test::testEpoch();

struct Row {
    int status;
    std::string body;
    Disposition disposition;
    std::string code;
    bool alert;
};

class SingleAnswer : public ::testing::TestWithParam<Row> {};

TEST_P(SingleAnswer, IsClassifiedAsTheTableSays) {
    const auto& row = GetParam();
    const auto v = classifySubmissionAnswer(answer(row.status, row.body), kSent, kNow);
    EXPECT_EQ(v.disposition, row.disposition) << row.status;
    EXPECT_EQ(v.code, row.code) << row.status;
    EXPECT_EQ(v.alert, row.alert) << row.status;
}

const std::string kAck = ackBody(kSent.id, kSent.payloadSha256);

INSTANTIATE_TEST_SUITE_P(
    Section51, SingleAnswer,
    ::testing::Values(
        Row{201, kAck, Disposition::Acknowledged, "http_201", false},
        Row{200, kAck, Disposition::Acknowledged, "http_200", false},
        Row{409, errorBody("id_conflict"), Disposition::Conflict, "id_conflict", true},
        Row{409, "", Disposition::Conflict, "id_conflict", true},
        Row{400, errorBody("envelope_invalid"), Disposition::Rejected, "envelope_invalid", false},
        Row{404, errorBody("kind_unknown"), Disposition::Rejected, "kind_unknown", false},
        Row{410, errorBody("schema_unsupported"), Disposition::Rejected, "schema_unsupported", false},
        Row{413, errorBody("payload_too_large"), Disposition::Rejected, "payload_too_large", false},
        Row{415, "", Disposition::Rejected, "http_415", false},
        Row{422, errorBody("payload_hash_mismatch"), Disposition::Rejected, "payload_hash_mismatch", false},
        Row{422, errorBody("Not A Code!"), Disposition::Rejected, "http_422", false},
        Row{418, errorBody("teapot"), Disposition::Rejected, "http_418", false},
        Row{451, "", Disposition::Rejected, "http_451", false},
        Row{401, errorBody("signature_invalid"), Disposition::KioskRefused, "signature_invalid", true},
        Row{401, errorBody("clock_skew"), Disposition::KioskRefused, "clock_skew", true},
        Row{403, "", Disposition::KioskRefused, "http_403", true}, Row{408, "", Disposition::Retry, "http_408", false},
        Row{425, "", Disposition::Retry, "http_425", false}, Row{429, "", Disposition::Retry, "http_429", false},
        Row{500, errorBody("internal"), Disposition::Retry, "http_500", false},
        Row{502, "<html>bad gateway</html>", Disposition::Retry, "http_502", false},
        Row{503, "", Disposition::Retry, "http_503", false}, Row{504, "", Disposition::Retry, "http_504", false},
        Row{507, "", Disposition::Retry, "http_507", false}, Row{302, "", Disposition::Retry, "http_302", false},
        Row{201, "not json", Disposition::Retry, "ack_malformed", false},
        Row{201, "{}", Disposition::Retry, "ack_malformed", false},
        Row{201, ackBody("77ab0000-0000-4000-8000-000000000000", kSent.payloadSha256), Disposition::Retry,
            "ack_mismatch", true},
        Row{200, ackBody(kSent.id, std::string(64, 'b')), Disposition::Retry, "ack_mismatch", true}));

TEST(SingleAnswerDetail, DuplicateIsSuccessWithTheReference) {
    const auto v =
        classifySubmissionAnswer(answer(200, ackBody(kSent.id, kSent.payloadSha256, "PMI-2026-000101")), kSent, kNow);
    EXPECT_EQ(v.disposition, Disposition::Acknowledged);
    EXPECT_TRUE(v.duplicate);
    EXPECT_EQ(v.reference, "PMI-2026-000101");
}

TEST(SingleAnswerDetail, AReferenceOfAnUnexpectedShapeIsNotKept) {
    const auto v = classifySubmissionAnswer(
        answer(201, ackBody(kSent.id, kSent.payloadSha256, "CANARYNAMA ZQXW 3374051204984821")), kSent, kNow);
    EXPECT_EQ(v.disposition, Disposition::Acknowledged);
    EXPECT_EQ(v.reference, "");
}

TEST(SingleAnswerDetail, TransportFailureIsRetriedAndSaysWhetherTheRequestWentOut) {
    const auto lost = classifySubmissionAnswer(test::unreachable(false), kSent, kNow);
    EXPECT_EQ(lost.disposition, Disposition::Retry);
    EXPECT_EQ(lost.code, "curl_7");
    EXPECT_FALSE(lost.maybeDelivered);
    EXPECT_TRUE(classifySubmissionAnswer(test::unreachable(true), kSent, kNow).maybeDelivered);
}

TEST(SingleAnswerDetail, NoVerdictCarriesBodyText) {
    const std::string canary = "CANARYNAMA ZQXW";
    for (const int status : {400, 401, 409, 422, 500}) {
        const auto v = classifySubmissionAnswer(
            answer(status, R"({"error":{"code":"x","message":")" + canary + R"("},"name":")" + canary + R"("})"), kSent,
            kNow);
        EXPECT_EQ(v.code.find("CANARY"), std::string::npos) << status;
        EXPECT_EQ(v.detail.find("CANARY"), std::string::npos) << status;
    }
}

TEST(SingleAnswerDetail, RetryAfterIsTakenFromA429Or503) {
    auto a = answer(429);
    a.retryAfter = "120";
    EXPECT_EQ(classifySubmissionAnswer(a, kSent, kNow).retryAfter, 120s);
    a = answer(503);
    a.retryAfter = "Sun, 01 Mar 2026 00:01:30 GMT";  // 90 s after kNow
    EXPECT_EQ(classifySubmissionAnswer(a, kSent, kNow).retryAfter, 90s);
}

TEST(RetryAfter, SecondsHttpDatesAndNonsense) {
    EXPECT_EQ(parseRetryAfter("0", kNow), 0s);
    EXPECT_EQ(parseRetryAfter("3600", kNow), 3600s);
    EXPECT_EQ(parseRetryAfter("Sun, 01 Mar 2026 01:00:00 GMT", kNow), 3600s);
    EXPECT_EQ(parseRetryAfter("Sat, 28 Feb 2026 23:00:00 GMT", kNow), 0s);  // already past
    EXPECT_TRUE(parseRetryAfter("99999999999999999999999", kNow).has_value());
    EXPECT_EQ(parseRetryAfter("", kNow), std::nullopt);
    EXPECT_EQ(parseRetryAfter("-5", kNow), std::nullopt);
    EXPECT_EQ(parseRetryAfter("soon", kNow), std::nullopt);
    EXPECT_EQ(parseRetryAfter("Sun, 01 Mar 2026 25:00:00 GMT", kNow), std::nullopt);
}

std::vector<SentSubmission> threeSent() {
    return {{"00000000-0000-4000-8000-000000000001", std::string(64, '1')},
            {"00000000-0000-4000-8000-000000000002", std::string(64, '2')},
            {"00000000-0000-4000-8000-000000000003", std::string(64, '3')}};
}

TEST(BatchAnswer, EachResultCountsForItsOwnEnvelope) {
    const auto sent = threeSent();
    const nlohmann::json body{
        {"results",
         {{{"id", sent[0].id}, {"status", 201}, {"payload_sha256", sent[0].payloadSha256}, {"reference", "PMI-1"}},
          {{"id", sent[1].id},
           {"status", 409},
           {"payload_sha256", std::string(64, 'f')},
           {"error", {{"code", "id_conflict"}, {"message", "m"}}}},
          {{"id", sent[2].id}, {"status", 422}, {"error", {{"code", "payload_hash_mismatch"}, {"message", "m"}}}}}}};
    const auto v = classifyBatchAnswer(answer(200, body.dump()), sent, kNow);
    ASSERT_FALSE(v.sendSingly);
    ASSERT_EQ(v.verdicts.size(), 3u);
    EXPECT_EQ(v.verdicts[0].disposition, Disposition::Acknowledged);
    EXPECT_EQ(v.verdicts[0].reference, "PMI-1");
    EXPECT_EQ(v.verdicts[1].disposition, Disposition::Conflict);
    EXPECT_EQ(v.verdicts[2].disposition, Disposition::Rejected);
    EXPECT_EQ(v.verdicts[2].code, "payload_hash_mismatch");
}

TEST(BatchAnswer, MissingExtraDuplicatedOrMismatchedResultsAreFailedAttempts) {
    const auto sent = threeSent();
    const nlohmann::json body{
        {"results",
         {{{"id", sent[0].id}, {"status", 201}, {"payload_sha256", std::string(64, '9')}},  // another hash
          {{"id", sent[1].id}, {"status", 201}, {"payload_sha256", sent[1].payloadSha256}},
          {{"id", sent[1].id}, {"status", 200}, {"payload_sha256", sent[1].payloadSha256}},  // twice
          {{"id", "99999999-0000-4000-8000-000000000009"}, {"status", 201}}}}};              // never sent
    const auto v = classifyBatchAnswer(answer(200, body.dump()), sent, kNow);
    ASSERT_EQ(v.verdicts.size(), 3u);
    EXPECT_EQ(v.verdicts[0].code, "ack_mismatch");
    EXPECT_TRUE(v.verdicts[0].alert);
    EXPECT_EQ(v.verdicts[1].code, "batch_result_ambiguous");
    EXPECT_EQ(v.verdicts[2].code, "batch_result_missing");
    for (const auto& verdict : v.verdicts) EXPECT_EQ(verdict.disposition, Disposition::Retry);
}

TEST(BatchAnswer, A200WithoutAResultsArrayRetriesEveryone) {
    for (const std::string body : {"", "[]", R"({"results":{}})", "<html></html>"}) {
        const auto v = classifyBatchAnswer(answer(200, body), threeSent(), kNow);
        ASSERT_EQ(v.verdicts.size(), 3u);
        for (const auto& verdict : v.verdicts) EXPECT_EQ(verdict.code, "batch_malformed") << body;
    }
}

TEST(BatchAnswer, APermanentAnswerToTheWholeBatchMeansOneAtATime) {
    for (const int status : {400, 404, 409, 413, 415, 422, 418}) {
        const auto v = classifyBatchAnswer(answer(status, errorBody("envelope_invalid")), threeSent(), kNow);
        EXPECT_TRUE(v.sendSingly) << status;
        EXPECT_TRUE(v.verdicts.empty()) << status;
    }
}

TEST(BatchAnswer, RefusalsAndTransientAnswersApplyToEveryEnvelope) {
    auto refused = classifyBatchAnswer(answer(401, errorBody("kiosk_unknown")), threeSent(), kNow);
    ASSERT_EQ(refused.verdicts.size(), 3u);
    for (const auto& v : refused.verdicts) EXPECT_EQ(v.disposition, Disposition::KioskRefused);
    auto busy = answer(503);
    busy.retryAfter = "30";
    const auto retried = classifyBatchAnswer(busy, threeSent(), kNow);
    ASSERT_EQ(retried.verdicts.size(), 3u);
    for (const auto& v : retried.verdicts) {
        EXPECT_EQ(v.disposition, Disposition::Retry);
        EXPECT_EQ(v.retryAfter, 30s);
    }
    const auto lost = classifyBatchAnswer(test::unreachable(true), threeSent(), kNow);
    for (const auto& v : lost.verdicts) EXPECT_TRUE(v.maybeDelivered);
}

TEST(Backoff, CeilingDoublesFromTwoSecondsToTenMinutes) {
    const RetryPolicy policy(1);
    EXPECT_EQ(policy.ceiling(1), 2s);
    EXPECT_EQ(policy.ceiling(2), 4s);
    EXPECT_EQ(policy.ceiling(3), 8s);
    EXPECT_EQ(policy.ceiling(9), 512s);
    EXPECT_EQ(policy.ceiling(10), 600s);
    EXPECT_EQ(policy.ceiling(64), 600s);
    EXPECT_EQ(policy.ceiling(1'000'000), 600s);
}

TEST(Backoff, FullJitterCoversTheWholeRangeAndNoMore) {
    RetryPolicy policy(20260301);
    for (const std::int64_t attempt : {1, 4, 12}) {
        const auto ceiling = policy.ceiling(attempt);
        std::chrono::milliseconds low = ceiling, high{0};
        for (int i = 0; i < 2000; ++i) {
            const auto d = policy.delay(attempt);
            ASSERT_GE(d, 0ms);
            ASSERT_LE(d, ceiling);
            low = std::min(low, d);
            high = std::max(high, d);
        }
        EXPECT_LT(low, ceiling / 20) << attempt;
        EXPECT_GT(high, ceiling * 19 / 20) << attempt;
    }
}

TEST(Backoff, TheSameSeedGivesTheSameWaits) {
    RetryPolicy a(7), b(7), c(8);
    std::vector<std::int64_t> fromA, fromB, fromC;
    for (int i = 1; i <= 20; ++i) {
        fromA.push_back(a.delay(i).count());
        fromB.push_back(b.delay(i).count());
        fromC.push_back(c.delay(i).count());
    }
    EXPECT_EQ(fromA, fromB);
    EXPECT_NE(fromA, fromC);
}

TEST(Backoff, RetryAfterIsAFloor) {
    RetryPolicy policy(3);
    for (int i = 0; i < 100; ++i) EXPECT_EQ(policy.delay(1, 30s), 30s);  // jitter is at most 2 s
    for (int i = 0; i < 100; ++i) EXPECT_GE(policy.delay(12, 30s), 30s);
}

TEST(Backoff, RetryAfterIsCappedAtOneHour) {
    RetryPolicy policy(3);
    EXPECT_EQ(policy.delay(1, 7200s), 3600s);
    EXPECT_EQ(policy.delay(1, *parseRetryAfter("99999999999999999999999", kNow)), 3600s);
    EXPECT_EQ(policy.delay(1, *parseRetryAfter("Mon, 01 Mar 2027 00:00:00 GMT", kNow)), 3600s);
}

}  // namespace
}  // namespace kiosk::sync
