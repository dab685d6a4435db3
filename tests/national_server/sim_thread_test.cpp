// The simulator run inside the test's process through its library, with requests from several
// threads at once: one id uploaded concurrently is stored once, and a hung request is released by
// stop(). Built as its own program so that the tsan preset runs it.

#include <gtest/gtest.h>

#include <future>
#include <set>

#include "tests/national_server/national_server.h"
#include "tests/national_server/sim_test_support.h"

namespace kiosk::sim::test {
namespace {

class InProcess : public ::testing::Test {
protected:
    void SetUp() override {
        std::signal(SIGPIPE, SIG_IGN);
        kiosk = TestKiosk::make();
        SimConfig config;
        config.database = dir / "in-process.db";
        config.dataDir = LOKET_SIM_DATA_DIR;
        config.kiosks.push_back({kiosk.id, kiosk.publicKeyBase64(), kiosk.site});
        config.threads = 12;
        auto started = NationalServer::start(config);
        ASSERT_TRUE(started) << started.error().detail;
        server = std::move(*started);
    }
    nlohmann::json envelope() {
        return makeEnvelope(kiosk, server->startupLine()["server_seal_public_key"].get<std::string>());
    }

    TempDir dir;
    TestKiosk kiosk;
    std::unique_ptr<NationalServer> server;
};

TEST_F(InProcess, ServesUntilStopped) {
    SimClient client(server->httpPort(), &kiosk);
    const auto e = envelope();
    EXPECT_EQ(client.postEnvelope(e)->status, 201);
    EXPECT_EQ(client.postEnvelope(e)->status, 200);
    server->stop();
    EXPECT_FALSE(client.get("/v1/catalogues/regencies"));
}

TEST_F(InProcess, OneIdSentFromEightThreadsAtOnceIsStoredOnce) {
    const auto e = envelope();
    // cpp-httplib's client builds function-local static regexes on first use inside the library,
    // which has no ThreadSanitizer instrumentation; one request before the threads start makes that
    // first use happen-before all of theirs.
    ASSERT_TRUE(SimClient(server->httpPort(), &kiosk).get("/v1/catalogues/regencies"));
    constexpr int kThreads = 8, kEach = 4;
    std::vector<std::future<std::vector<nlohmann::json>>> senders;
    for (int t = 0; t < kThreads; ++t)
        senders.push_back(std::async(std::launch::async, [&] {
            SimClient client(server->httpPort(), &kiosk);
            std::vector<nlohmann::json> answers;
            for (int i = 0; i < kEach; ++i) {
                const auto reply = client.postEnvelope(e);
                answers.push_back({{"status", reply ? reply->status : 0}, {"body", parse(reply)}});
            }
            return answers;
        }));
    int created = 0, duplicates = 0;
    std::set<std::string> references;
    for (auto& s : senders)
        for (const auto& a : s.get()) {
            created += a["status"] == 201 ? 1 : 0;
            duplicates += a["status"] == 200 ? 1 : 0;
            references.insert(a["body"].value("reference", ""));
        }
    EXPECT_EQ(created, 1);
    EXPECT_EQ(duplicates, kThreads * kEach - 1);
    EXPECT_EQ(references.size(), 1u);
    const auto held = nlohmann::json::parse(server->state().submissions.listAll()->dump())["submissions"];
    ASSERT_EQ(held.size(), 1u);
    EXPECT_EQ(held[0]["received_count"], kThreads * kEach);
}

TEST_F(InProcess, StopReleasesAHungRequest) {
    Fault hang;
    hang.mode = FaultMode::Hang;
    hang.hangFor = std::chrono::minutes(1);
    SimClient client(server->httpPort(), &kiosk);
    ASSERT_TRUE(client.get("/v1/catalogues/regencies"));  // the library's first use, as above
    server->state().faults.add({hang});
    auto pending =
        std::async(std::launch::async, [&] { return static_cast<bool>(client.get("/v1/catalogues/regencies")); });
    while (server->state().faults.pending()["faults"].size() != 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    const auto started = std::chrono::steady_clock::now();
    server->stop();
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
    EXPECT_FALSE(pending.get());
}

}  // namespace
}  // namespace kiosk::sim::test
