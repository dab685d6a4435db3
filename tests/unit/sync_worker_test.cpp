// The sync worker's passes with a scripted server and a fake clock: configuration and catalogues
// with ETags and signatures, heartbeats, review statuses, and upload and pull lanes that never wait
// for each other.

#include <gtest/gtest.h>

#include <algorithm>

#include "kiosk/store/audit_log.h"
#include "kiosk/sync/sync_worker.h"
#include "tests/unit/sync_test_support.h"

namespace kiosk::sync {
namespace {

using namespace std::chrono_literals;
using test::answer;
using test::TempDir;
using Json = nlohmann::json;
using Call = test::FakeServerApi::Call;

std::string configDocument(int version, const std::string& kiosk = "KIOSK-TEST-01") {
    return Json{{"version", version},
                {"issued_at", "2026-03-01T00:00:00Z"},
                {"kiosk_id", kiosk},
                {"site_id", "LTSA-TEST-01"},
                {"settings", {{"languages", {"id", "en"}}, {"idle_timeout_s", 90}}},
                {"staff", Json::array()}}
        .dump();
}

std::string catalogueDocument(const std::string& name, int version) {
    return Json{{"name", name}, {"version", version}, {"issued_at", "2026-03-01T00:00:00Z"}, {"items", Json::array()}}
        .dump();
}

class SyncWorkerTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = store::Store::open(test::storeConfig(dir_), *masterKey_, clock_);
        ASSERT_TRUE(opened) << opened.error().detail;
        store_ = std::move(*opened);
        deviceKey_ = FileDeviceKey::openOrCreate(dir_ / "device.key").value();
        options_.kioskId = "KIOSK-TEST-01";
        options_.stateDir = dir_ / "state";
        serveDocuments(7, "etag-7");
        makeWorker();
    }
    void makeWorker() {
        worker_ = std::make_unique<SyncWorker>(
            *store_, server_, *deviceKey_, ServerKeys{keys_.sealPublic, keys_.signingPublic}, clock_, RetryPolicy(42),
            options_, [] {
                return std::vector<DeviceReport>{{"printer", true, DeviceReport::State::Degraded, "paper low"}};
            });
    }
    // Configuration and catalogues of `version`, answered 304 when asked with `etag`.
    void serveDocuments(int version, const std::string& etag) {
        server_.responders["config"] = [this, version, etag](const Call& c) {
            if (c.etag == etag) return answer(304);
            auto a = answer(200, keys_.sign(configDocument(version)));
            a.etag = etag;
            return a;
        };
        for (const auto name : kCatalogues)
            server_.responders["catalogue/" + std::string(name)] = [this, name = std::string(name),
                                                                    version](const Call&) {
                return answer(200, keys_.sign(catalogueDocument(name, version)));
            };
    }
    store::Receipt enqueue(unsigned seed = 1) { return *store_->enqueue(test::makeSubmission({}, 64, seed)); }
    bool hasAlert(const std::string& code, const std::string& subject) const {
        for (const auto& a : worker_->status().alerts)
            if (a.code == code && a.subject == subject) return true;
        return false;
    }
    std::vector<std::string> endpoints() const {
        std::vector<std::string> out;
        for (const auto& c : server_.calls) out.push_back(c.endpoint);
        return out;
    }

    TempDir dir_;
    std::unique_ptr<store::FileMasterKey> masterKey_ = test::makeMasterKey(dir_);
    FakeClock clock_{test::testEpoch()};
    std::unique_ptr<store::Store> store_;
    std::unique_ptr<FileDeviceKey> deviceKey_;
    test::ServerKeyPairs keys_;
    test::FakeServerApi server_;
    SyncWorkerOptions options_;
    std::unique_ptr<SyncWorker> worker_;
};

TEST_F(SyncWorkerTest, FirstPassUploadsPullsEverythingAndSendsAHeartbeat) {
    enqueue();
    const auto report = worker_->runOnce();
    EXPECT_EQ(report.acknowledged, 1);
    EXPECT_EQ(server_.count("config"), 1u);
    for (const auto name : kCatalogues) EXPECT_EQ(server_.count("catalogue/" + std::string(name)), 1u) << name;
    EXPECT_EQ(server_.count("heartbeat"), 1u);
    EXPECT_TRUE(report.failures.empty());
    ASSERT_TRUE(worker_->documents().find("config"));
    EXPECT_EQ(worker_->documents().find("config")->version, 7);
    EXPECT_EQ(worker_->documents().find("config")->etag, "etag-7");
    EXPECT_EQ(worker_->status().configVersion, 7);
    EXPECT_EQ(worker_->status().queue.acknowledged, 1);
    EXPECT_TRUE(std::filesystem::exists(dir_ / "state" / "documents" / "config.json"));
    EXPECT_TRUE(std::filesystem::exists(SyncWorker::statusFile(dir_ / "state")));
}

TEST_F(SyncWorkerTest, UnchangedDocumentsAnswer304ToTheirETag) {
    worker_->runOnce();
    clock_.advance(options_.pullInterval);
    worker_->runOnce();
    ASSERT_EQ(server_.count("config"), 2u);
    std::optional<std::string> sentEtag;
    for (const auto& c : server_.calls)
        if (c.endpoint == "config") sentEtag = c.etag;
    EXPECT_EQ(sentEtag, "etag-7");
    EXPECT_EQ(worker_->documents().find("config")->version, 7);
    EXPECT_FALSE(hasAlert("document_rejected", "config"));
}

TEST_F(SyncWorkerTest, ABadSignatureKeepsTheLastGoodConfiguration) {
    worker_->runOnce();
    test::ServerKeyPairs impostor;
    server_.responders["config"] = [&](const Call&) {
        return answer(200, keys_.sign(configDocument(8), impostor.signingSecret.data()));
    };
    clock_.advance(options_.pullInterval);
    const auto report = worker_->runOnce();
    EXPECT_EQ(worker_->documents().find("config")->version, 7);
    EXPECT_TRUE(hasAlert("document_rejected", "config"));
    ASSERT_FALSE(report.failures.empty());
    EXPECT_EQ(report.failures[0].step, "config");
    EXPECT_EQ(report.failures[0].code, "signature_invalid");
    // What is on disk is still the last good one.
    makeWorker();
    EXPECT_EQ(worker_->documents().find("config")->version, 7);
}

TEST_F(SyncWorkerTest, ADocumentForAnotherKioskOrOlderVersionIsRefused) {
    worker_->runOnce();
    for (const auto& body :
         {keys_.sign(configDocument(9, "KIOSK-OTHER-02")), keys_.sign(configDocument(6)), keys_.sign("not json")}) {
        server_.responders["config"] = [body](const Call&) { return answer(200, body); };
        clock_.advance(options_.pullInterval);
        worker_->runOnce();
        EXPECT_EQ(worker_->documents().find("config")->version, 7);
        EXPECT_TRUE(hasAlert("document_rejected", "config"));
    }
    serveDocuments(10, "etag-10");
    clock_.advance(options_.pullInterval);
    worker_->runOnce();
    EXPECT_EQ(worker_->documents().find("config")->version, 10);
    EXPECT_FALSE(hasAlert("document_rejected", "config"));
}

TEST_F(SyncWorkerTest, AFailingConfigurationPullHasItsOwnBackoffAndNeverHoldsUploads) {
    server_.responders["config"] = [](const Call&) { return test::unreachable(); };
    enqueue(1);
    worker_->runOnce();
    EXPECT_EQ(server_.count("submission"), 1u);
    EXPECT_EQ(server_.count("config"), 1u);
    EXPECT_EQ(worker_->status().queue.acknowledged, 1);
    // A new submission goes at once; the configuration waits for its backoff.
    enqueue(2);
    worker_->runOnce();
    EXPECT_EQ(server_.count("submission"), 2u);
    EXPECT_EQ(server_.count("config"), 1u);
    clock_.advance(2s);  // the first backoff is at most 2 s
    worker_->runOnce();
    EXPECT_EQ(server_.count("config"), 2u);
}

TEST_F(SyncWorkerTest, UploadsRunBetweenPullsSoAHangingPullDelaysThemByOneRequestAtMost) {
    // The configuration request hangs for its whole timeout, during which a person finishes a
    // registration: it is sent right after that request, before any other pull.
    server_.responders["config"] = [this](const Call&) {
        clock_.advance(30s);
        enqueue(7);
        return test::unreachable();
    };
    worker_->runOnce();
    const auto calls = endpoints();
    ASSERT_GE(calls.size(), 3u);
    EXPECT_EQ(calls[0], "config");
    EXPECT_EQ(calls[1], "submission");
}

TEST_F(SyncWorkerTest, FailingUploadsNeverHoldPulls) {
    server_.responders["submission"] = [](const Call&) { return answer(503); };
    enqueue();
    worker_->runOnce();
    EXPECT_EQ(server_.count("config"), 1u);
    EXPECT_EQ(server_.count("heartbeat"), 1u);
    EXPECT_EQ(worker_->status().queue.pending, 1);
    ASSERT_TRUE(worker_->status().lastUploadFailure);
    ASSERT_TRUE(worker_->status().lastPullSuccess);
}

TEST_F(SyncWorkerTest, HeartbeatCarriesDevicesQueueAndAuditHeadEveryFiveMinutes) {
    enqueue();
    server_.responders["submission"] = [](const Call&) { return answer(503); };
    server_.responders["heartbeat"] = [](const Call&) {
        return answer(200, R"({"server_time":"2026-03-01T00:01:30Z"})");
    };
    worker_->runOnce();
    ASSERT_EQ(server_.count("heartbeat"), 1u);
    Json beat;
    for (const auto& c : server_.calls)
        if (c.endpoint == "heartbeat") beat = Json::parse(c.body);
    const auto audit = *store::verifyAudit(store_->database());
    EXPECT_EQ(beat["at"], "2026-03-01T00:00:00Z");
    EXPECT_EQ(beat["software_version"], LOKET_VERSION);
    EXPECT_EQ(beat["config_version"], 7);
    EXPECT_EQ(beat["devices"][0]["name"], "printer");
    EXPECT_EQ(beat["devices"][0]["state"], "degraded");
    EXPECT_EQ(beat["devices"][0]["required"], true);
    EXPECT_EQ(beat["queue"]["pending"], 1);
    EXPECT_EQ(beat["queue"]["oldest_unsent_age_s"], 0);
    EXPECT_EQ(beat["audit"]["entries"], audit.entries);
    EXPECT_EQ(beat["audit"]["head"], audit.headHex);
    EXPECT_EQ(worker_->status().clockSkew, 90s);

    clock_.advance(4min);
    worker_->runOnce();
    EXPECT_EQ(server_.count("heartbeat"), 1u);
    clock_.advance(1min);
    worker_->runOnce();
    EXPECT_EQ(server_.count("heartbeat"), 2u);
}

TEST_F(SyncWorkerTest, StatusesAreAskedForAcknowledgedSubmissionsUntilFinal) {
    const auto a = enqueue(1), b = enqueue(2);
    server_.responders["status"] = [&](const Call& c) {
        const auto ids = Json::parse(c.body)["ids"];
        auto statuses = Json::array();
        for (const auto& id : ids)
            statuses.push_back({{"id", id},
                                {"state", id == a.submissionId ? "verified" : "returned"},
                                {"reference", "PMI-2026-000001"},
                                {"updated_at", "2026-03-01T06:00:00Z"},
                                {"reason_code", id == a.submissionId ? "" : "photo_unclear"}});
        return answer(200, Json{{"statuses", statuses}}.dump());
    };
    auto askedIds = [&] {
        std::vector<std::string> ids;
        for (const auto& c : server_.calls)
            if (c.endpoint == "status") ids = Json::parse(c.body)["ids"].get<std::vector<std::string>>();
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    worker_->runOnce();  // uploads first, so both are acknowledged when the statuses are due
    ASSERT_EQ(server_.count("status"), 1u);
    auto both = std::vector<std::string>{a.submissionId, b.submissionId};
    std::sort(both.begin(), both.end());
    EXPECT_EQ(askedIds(), both);
    EXPECT_EQ(worker_->statuses().find(a.submissionId)->state, "verified");
    EXPECT_EQ(worker_->statuses().find(b.submissionId)->state, "returned");
    EXPECT_EQ(worker_->statuses().find(b.submissionId)->reasonCode, "photo_unclear");
    EXPECT_TRUE(std::filesystem::exists(dir_ / "state" / "statuses.json"));

    clock_.advance(options_.statusInterval);
    worker_->runOnce();
    ASSERT_EQ(server_.count("status"), 2u);
    EXPECT_EQ(askedIds(), std::vector<std::string>{b.submissionId});  // the verified one is final
}

TEST_F(SyncWorkerTest, AnAcknowledgedSubmissionTheServerNoLongerKnowsRaisesAnAlert) {
    const auto a = enqueue();
    worker_->runOnce();
    server_.responders["status"] = [&](const Call&) {
        return answer(200, Json{{"statuses", {{{"id", a.submissionId}, {"state", "unknown"}}}}}.dump());
    };
    clock_.advance(options_.statusInterval);
    worker_->runOnce();
    EXPECT_TRUE(hasAlert("status_unknown", a.submissionId));
}

TEST_F(SyncWorkerTest, NextWakeIsTheNextDueThingAndNeverLaterThanTheIdlePoll) {
    worker_->runOnce();
    EXPECT_EQ(worker_->nextWake(), clock_.now() + options_.idlePoll);
    const auto r = enqueue();
    EXPECT_EQ(worker_->nextWake(), clock_.now());  // due now
    server_.responders["submission"] = [](const Call&) { return answer(503); };
    worker_->runOnce();
    const auto due = store_->outbox().list(10)->front().dueAt;
    EXPECT_EQ(worker_->nextWake(), std::min(*due, clock_.now() + options_.idlePoll));
    EXPECT_EQ(worker_->status().nextUploadTry, due);
    (void)r;
}

TEST_F(SyncWorkerTest, RefusedKioskAlertClearsOnceUploadsAreAcceptedAgain) {
    enqueue();
    server_.queued["submission"].push_back(answer(401, test::errorBody("clock_skew")));
    auto refused = answer(401);
    refused.date = "Sun, 01 Mar 2026 00:10:00 GMT";  // the server is 10 minutes ahead
    server_.queued["config"].push_back(refused);
    server_.queued["heartbeat"].push_back(refused);
    worker_->runOnce();
    ASSERT_TRUE(worker_->status().uploadsPausedUntil);
    EXPECT_EQ(worker_->status().clockSkew, 600s);
    bool refusedAlert = false;
    for (const auto& a : worker_->status().alerts) refusedAlert = refusedAlert || a.code == "kiosk_refused";
    EXPECT_TRUE(refusedAlert);
    clock_.set(*worker_->status().uploadsPausedUntil);
    worker_->runOnce();
    for (const auto& a : worker_->status().alerts) EXPECT_NE(a.code, "kiosk_refused");
    EXPECT_EQ(worker_->status().queue.acknowledged, 1);
}

}  // namespace
}  // namespace kiosk::sync
