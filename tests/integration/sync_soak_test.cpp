// The fault soak: a kiosk with N generated submissions drains its outbox through CurlServerApi and
// SyncWorker into the national-server-sim process, whose seeded fault mix breaks a share of the
// uploads (5xx, 429 with Retry-After, resets before and after the commit, malformed bodies, wrong
// acknowledgements) and to which the test adds hangs, slow drips and a 408 through the admin
// endpoint. The fake clock jumps over every backoff. Afterwards the server must hold every
// submission exactly once with the kiosk's exact bytes, and the kiosk must have marked every one
// acknowledged exactly once with the server's reference.
//
// LOKET_SOAK_COUNT sets N (2000 by default, 10000 for the long run), LOKET_SOAK_SEED the seed of
// the server's fault mix and of the kiosk's jitter; both are printed, so a failure can be rerun.

#include <gtest/gtest.h>

#include <iostream>
#include <set>

#include "kiosk/store/audit_log.h"
#include "kiosk/sync/submission_statuses.h"
#include "kiosk/sync/wire_format.h"
#include "tests/integration/sync_e2e_support.h"
#include "tests/national_server/test_pki.h"

namespace kiosk::e2e {
namespace {

using Json = nlohmann::json;

constexpr std::int64_t kDefaultCount = 2000;
constexpr std::int64_t kDefaultSeed = 20260301;
constexpr double kFaultRate = 0.25;
constexpr std::int64_t kBatchSize = 10;
// What the simulator's mix draws from: every fault that answers at once (hangs and slow drips would
// cost real time on every draw, so they are queued a few times instead).
const std::vector<std::string> kMixModes{"status_500",     "status_502",          "status_503",
                                         "status_429",     "reset_before_commit", "reset_after_commit",
                                         "malformed_body", "wrong_ack_id",        "wrong_ack_hash"};

// Faults the mix leaves out, queued through POST /admin/faults during the soak. A hang and a slow
// drip longer than the kiosk's 2.5 s upload timeout each cost that much real time, so there are few.
Json slowFault(std::int64_t i) {
    const Json base = {{"path_prefix", "/v1/submissions"}, {"method", "POST"}};
    Json faults[] = {
        {{"mode", "hang"}, {"hang_ms", 4000}},
        {{"mode", "slow_drip"}, {"drip_bytes", 64}, {"drip_delay_ms", 5}},   // finishes within the timeout
        {{"mode", "slow_drip"}, {"drip_bytes", 4}, {"drip_delay_ms", 100}},  // outlasts it, after the commit
        {{"mode", "status"}, {"status", 408}, {"code", "request_timeout"}},
    };
    auto f = faults[static_cast<std::size_t>(i)];
    f.update(base);
    return f;
}
constexpr std::int64_t kSlowFaults = 4;

// SEED:RATE:MODE,...
std::string mixArgument(std::uint64_t seed) {
    std::string modes;
    for (const auto& m : kMixModes) modes += (modes.empty() ? "" : ",") + m;
    return std::to_string(seed) + ":" + std::to_string(kFaultRate) + ":" + modes;
}

struct SoakParams {
    std::int64_t count = 0;
    std::uint64_t seed = 0;
    bool https = false;
};

class SyncSoak : public ::testing::Test {
protected:
    void SetUp() override { std::signal(SIGPIPE, SIG_IGN); }

    void runSoak(const SoakParams& p) {
        std::cout << "soak: N=" << p.count << " seed=" << p.seed << " (LOKET_SOAK_COUNT, LOKET_SOAK_SEED)"
                  << " fault rate=" << kFaultRate << " batch=" << kBatchSize << (p.https ? " https" : " http")
                  << std::endl;
        Kiosk kiosk(dir_.path() / "kiosk");
        const auto enqueueStart = std::chrono::steady_clock::now();
        const auto enqueued = kiosk.enqueue(p.count);
        std::cout << "soak: enqueued in "
                  << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                           enqueueStart)
                         .count()
                  << " ms" << std::endl;

        std::vector<std::string> args{"--db",        (dir_.path() / "sim.db").string(),
                                      "--kiosk",     kiosk.simArgument(),
                                      "--fault-mix", mixArgument(p.seed)};
        std::optional<kiosk::test::TestPki> pki;
        if (p.https) {
            auto created = kiosk::test::TestPki::create(dir_.path() / "pki");
            ASSERT_TRUE(created) << created.error().detail;
            pki = std::move(*created);
            args.insert(args.end(),
                        {"--tls-cert", pki->server().cert.string(), "--tls-key", pki->server().key.string()});
        }
        auto sim = SimProcess::start(args);
        ASSERT_TRUE(sim) << "national-server-sim did not start";
        SimClient admin(sim->httpPort());

        auto transport = quickTransport(p.https ? httpsUrl(*sim) : httpUrl(*sim));
        if (pki) transport.caFile = pki->caCert();
        sync::UploadOptions upload;
        upload.batchSize = kBatchSize;
        auto link = connect(kiosk, *sim, transport, upload, p.seed);
        ASSERT_TRUE(link) << link.error().detail;

        // The slow faults spread over the expected passes, at the same passes for the same N.
        const int spacing = static_cast<int>(std::max<std::int64_t>(1, p.count / kBatchSize / (kSlowFaults + 1)));
        std::int64_t queued = 0;
        const auto queueSlowFaults = [&](int pass) {
            if (queued < kSlowFaults && pass == static_cast<int>(queued + 1) * spacing) {
                const auto answer = admin.admin("POST", "/admin/faults", Json::array({slowFault(queued)}));
                ASSERT_TRUE(answer.is_object()) << "POST /admin/faults failed";
                ++queued;
            }
        };
        const int maxPasses = static_cast<int>(20 * p.count / kBatchSize + 500);
        const auto result = drain(*link->worker, kiosk.store(), kiosk.clock(), maxPasses, queueSlowFaults);

        const auto log = requestLog(admin);
        const auto faults = faultCounts(log);
        report(p, result, log, faults);
        ASSERT_TRUE(result.drained) << result.problem << "\n(seed " << p.seed << ")";

        expectHeldExactlyOnce(enqueued, heldSubmissions(admin), kiosk);
        EXPECT_EQ(result.total.rejected, 0);
        EXPECT_EQ(result.total.conflicts, 0);
        EXPECT_TRUE(result.total.errors.empty())
            << result.total.errors.front().code << ": " << result.total.errors.front().detail;
        for (const auto& a : result.total.alerts)
            EXPECT_NE(a.code, "status_unknown") << "the server no longer knows " << a.subject;

        // Every queued fault met one request and the kiosk saw the timeouts and the 408; with enough
        // uploads the mix drew every mode.
        EXPECT_EQ(queued, kSlowFaults);
        EXPECT_EQ(faults.contains("hang") ? faults.at("hang") : 0, 1);
        EXPECT_EQ(faults.contains("slow_drip") ? faults.at("slow_drip") : 0, 2);
        EXPECT_EQ(faults.contains("status") ? faults.at("status") : 0, 1);
        EXPECT_GE(result.uploadFailures.contains("curl_28") ? result.uploadFailures.at("curl_28") : 0, 2);
        EXPECT_TRUE(result.uploadFailures.contains("http_408"));
        if (p.count >= 1000) {
            for (const auto& mode : kMixModes)
                EXPECT_TRUE(faults.contains(mode)) << "the mix never drew " << mode << " (seed " << p.seed << ")";
        }
        if (log["total"] == log["requests"].size()) expectEveryAnswerTakenAsAFailure(faults, result.uploadFailures);

        expectStatusesAndHeartbeat(kiosk, *link->worker, admin);

        link->close();
        EXPECT_EQ(sim->stop(), 0) << "the simulator did not stop cleanly";
    }

    // Each faulty answer the server gave (an error status, a body that is not JSON, an acknowledgement
    // of another id or hash) made the kiosk count a failed attempt of the matching kind, none taken
    // as success. A pass sends one request, and a pass notes each failure code once, so the numbers
    // match exactly. (Resets are not compared: libcurl itself sends a request again when a kept-alive
    // connection turns out dead before any answer, so some resets never reach the kiosk's code.)
    static void expectEveryAnswerTakenAsAFailure(const std::map<std::string, std::int64_t>& faults,
                                                 const std::map<std::string, std::int64_t>& failures) {
        const auto sum = [](const std::map<std::string, std::int64_t>& counts,
                            std::initializer_list<const char*> keys) {
            std::int64_t n = 0;
            for (const char* key : keys) n += counts.contains(key) ? counts.at(key) : 0;
            return n;
        };
        for (const auto& [fault, code] : std::vector<std::pair<const char*, const char*>>{{"status_500", "http_500"},
                                                                                          {"status_502", "http_502"},
                                                                                          {"status_503", "http_503"},
                                                                                          {"status_429", "http_429"}})
            EXPECT_EQ(sum(failures, {code}), sum(faults, {fault})) << fault;
        EXPECT_EQ(sum(failures, {"ack_malformed", "batch_malformed"}), sum(faults, {"malformed_body"}));
        EXPECT_EQ(sum(failures, {"ack_mismatch", "batch_result_missing"}),
                  sum(faults, {"wrong_ack_id", "wrong_ack_hash"}));
    }

    // Afterwards the server's review statuses (asked 500 at a time, one question per status
    // interval) name every submission "received" with the kiosk's reference, and the last heartbeat
    // carries the drained queue and the kiosk's audit head.
    void expectStatusesAndHeartbeat(Kiosk& kiosk, sync::SyncWorker& worker, SimClient& admin) {
        const auto rows = kiosk.store().outbox().list(1000000);
        ASSERT_TRUE(rows);
        const auto rounds = rows->size() / sync::SubmissionStatuses::kMaxQuery + 2;
        for (std::size_t i = 0; i < rounds; ++i) {
            kiosk.clock().advance(std::chrono::minutes{15});
            const auto report = worker.runOnce();
            EXPECT_TRUE(report.failures.empty())
                << report.failures.front().step << ": " << report.failures.front().code;
        }
        for (const auto& row : *rows) {
            const auto* status = worker.statuses().find(row.submissionId);
            if (!status) {
                ADD_FAILURE() << "no review status for " << row.submissionId;
                continue;
            }
            EXPECT_EQ(status->state, "received") << row.submissionId;
            EXPECT_EQ(status->reference, row.serverReference) << row.submissionId;
        }

        const auto heartbeats = admin.admin("GET", "/admin/heartbeats?kiosk_id=" + std::string(kKioskId));
        ASSERT_TRUE(heartbeats.is_object() && !heartbeats["heartbeats"].empty()) << heartbeats.dump();
        const auto& last = heartbeats["heartbeats"].back()["heartbeat"];
        EXPECT_EQ(last["queue"]["acknowledged"], rows->size());
        EXPECT_EQ(last["queue"]["pending"], 0);
        EXPECT_EQ(last["queue"]["rejected"], 0);
        const auto verdict = store::verifyAudit(kiosk.store().database());
        ASSERT_TRUE(verdict);
        EXPECT_EQ(last["audit"]["head"], verdict->headHex);
        EXPECT_EQ(last["audit"]["entries"], verdict->entries);
    }

    void report(const SoakParams& p, const DrainResult& result, const Json& log,
                const std::map<std::string, std::int64_t>& faults) {
        std::cout << "soak: " << (result.drained ? "drained" : "NOT drained") << " in " << result.passes << " passes, "
                  << result.wallTime.count() << " ms wall, " << result.fakeTimeSpent.count()
                  << " s of fake time skipped over" << std::endl;
        std::cout << "soak: " << log.value("total", 0) << " requests reached the server; faults hit:";
        std::int64_t faulted = 0;
        for (const auto& [mode, n] : faults)
            if (!mode.empty()) {
                std::cout << " " << mode << "=" << n;
                faulted += n;
            }
        std::cout << " (" << faulted << " in all)" << std::endl;
        std::cout << "soak: kiosk side: " << result.total.requests << " requests, " << result.total.acknowledged
                  << " acknowledged (" << result.total.duplicates << " as duplicates), " << result.total.retried
                  << " put back for another try; upload failures by code:";
        for (const auto& [code, n] : result.uploadFailures) std::cout << " " << code << "=" << n;
        std::cout << " (seed " << p.seed << ")" << std::endl;
        std::cout << "soak: libcurl sent " << log.value("total", 0) - result.total.requests
                  << " requests again by itself after a reset on a kept-alive connection" << std::endl;
    }

    void expectHeldExactlyOnce(const std::vector<Enqueued>& enqueued, const Json& held, Kiosk& kiosk) {
        const auto n = static_cast<std::int64_t>(enqueued.size());
        // The server: every id once, with exactly the bytes the kiosk enqueued.
        EXPECT_EQ(static_cast<std::int64_t>(held.size()), n);
        std::map<std::string, const Json*> byId;
        std::set<std::string> references;
        std::int64_t resent = 0;
        for (const auto& s : held) {
            EXPECT_TRUE(byId.emplace(s["id"].get<std::string>(), &s).second) << "held twice: " << s["id"];
            references.insert(s["reference"].get<std::string>());
            EXPECT_EQ(s["conflict_count"], 0) << s["id"];
            EXPECT_EQ(s["kiosk_id"], kKioskId);
            resent += s["received_count"].get<std::int64_t>() > 1 ? 1 : 0;
        }
        EXPECT_EQ(static_cast<std::int64_t>(references.size()), n) << "references are not unique";
        std::cout << "soak: the server received " << resent << " of the submissions more than once" << std::endl;
        for (const auto& e : enqueued) {
            const auto found = byId.find(e.submissionId);
            if (found == byId.end()) {
                ADD_FAILURE() << "lost: " << e.submissionId;
                continue;
            }
            const auto& s = *found->second;
            const auto payload = sync::base64Decode(s["payload"].get<std::string>());
            ASSERT_TRUE(payload) << e.submissionId;
            EXPECT_EQ(sync::sha256Hex(*payload), e.payloadSha256) << e.submissionId;
            EXPECT_EQ(s["payload_sha256"], e.payloadSha256) << e.submissionId;
            EXPECT_TRUE(std::equal(payload->begin(), payload->end(), e.payload.begin(), e.payload.end()))
                << e.submissionId;
        }

        // The kiosk: every row acknowledged once, with the server's reference for its id.
        const auto rows = kiosk.store().outbox().list(n + 10);
        ASSERT_TRUE(rows) << rows.error().detail;
        EXPECT_EQ(static_cast<std::int64_t>(rows->size()), n);
        for (const auto& row : *rows) {
            EXPECT_EQ(row.state, store::OutboxState::Acknowledged) << row.submissionId << " " << row.lastError;
            EXPECT_TRUE(row.rejectCode.empty()) << row.submissionId;
            const auto found = byId.find(row.submissionId);
            if (found != byId.end()) {
                EXPECT_EQ(row.serverReference, (*found->second)["reference"].get<std::string>()) << row.submissionId;
            }
        }
        const auto queue = kiosk.store().outbox().status();
        ASSERT_TRUE(queue);
        EXPECT_EQ(queue->acknowledged, n);
        EXPECT_EQ(queue->rejected, 0);
        EXPECT_EQ(queue->unsent(), 0);
        EXPECT_EQ(auditCount(kiosk.store(), "record.acknowledged"), n);
        EXPECT_EQ(auditCount(kiosk.store(), "record.rejected"), 0);
        const auto distinct = kiosk.store().database().queryInteger(
            "SELECT count(DISTINCT record_id) FROM audit WHERE action = 'record.acknowledged'");
        ASSERT_TRUE(distinct);
        EXPECT_EQ(*distinct, n);
        const auto verdict = store::verifyAudit(kiosk.store().database());
        ASSERT_TRUE(verdict);
        EXPECT_TRUE(verdict->intact()) << verdict->reason;
    }

    TempDir dir_;
};

TEST_F(SyncSoak, EverySubmissionIsHeldOnceAndMarkedOnceThroughTheSeededFaultMix) {
    runSoak({environmentNumber("LOKET_SOAK_COUNT", kDefaultCount),
             static_cast<std::uint64_t>(environmentNumber("LOKET_SOAK_SEED", kDefaultSeed)), false});
}

// The same over HTTPS with the test PKI, smaller: every reset costs a new TLS handshake.
TEST_F(SyncSoak, OverHttpsTooWithFewerSubmissions) {
    const auto count = std::max<std::int64_t>(100, environmentNumber("LOKET_SOAK_COUNT", kDefaultCount) / 10);
    runSoak({count, static_cast<std::uint64_t>(environmentNumber("LOKET_SOAK_SEED", kDefaultSeed)) + 1, true});
}

}  // namespace
}  // namespace kiosk::e2e
