// Every fault mode of the simulator, observed from the client side and in what the server holds
// afterwards: error statuses with and without Retry-After, resets before and after the commit, a
// hang that holds only its own request and never delays shutdown, a slow drip, a malformed body,
// wrong acknowledgements, and a seeded random mix that repeats itself.

#include <gtest/gtest.h>

#include <chrono>
#include <future>

#include "tests/national_server/sim_test_support.h"

namespace kiosk::sim::test {
namespace {

using Faults = SimFixture;
using Clock = std::chrono::steady_clock;

void queue(SimClient& client, const nlohmann::json& faults) {
    const auto answer = client.admin("POST", "/admin/faults", faults);
    ASSERT_TRUE(answer.contains("faults")) << answer.dump();
}

TEST_F(Faults, StatusFaultsAnswerTheNextMatchingRequestsAndStoreNothing) {
    startSim();
    queue(*client, {{{"mode", "status_503"}, {"count", 2}},
                    {{"mode", "status_503"}, {"retry_after", 7}},
                    {{"mode", "status_429"}},
                    {{"mode", "status_500"}},
                    {{"mode", "status_502"}},
                    {{"mode", "status"}, {"status", 403}, {"code", "kiosk_revoked"}}});
    const auto e = envelope();
    const std::tuple<int, std::string, const char*> expected[] = {
        {503, "", "service_unavailable"}, {503, "", "service_unavailable"}, {503, "7", "service_unavailable"},
        {429, "1", "rate_limited"},       {500, "", "internal_error"},      {502, "", "bad_gateway"},
        {403, "", "kiosk_revoked"}};
    for (const auto& [status, retryAfter, code] : expected) {
        const auto reply = client->postEnvelope(e);
        ASSERT_TRUE(reply);
        EXPECT_EQ(reply->status, status);
        EXPECT_EQ(reply->get_header_value("Retry-After"), retryAfter);
        EXPECT_EQ(parse(reply)["error"]["code"], code);
    }
    EXPECT_TRUE(held().empty());
    EXPECT_EQ(client->postEnvelope(e)->status, 201);  // the queue is used up
}

TEST_F(Faults, APathPrefixKeepsAFaultToItsEndpoints) {
    startSim();
    queue(*client, {{{"mode", "status_500"}, {"path_prefix", "/v1/catalogues/"}}});
    EXPECT_EQ(client->postEnvelope(envelope())->status, 201);
    EXPECT_EQ(client->get("/v1/catalogues/regencies")->status, 500);
    EXPECT_EQ(client->get("/v1/catalogues/regencies")->status, 200);
    const auto log = client->admin("GET", "/admin/requests")["requests"];
    ASSERT_EQ(log.size(), 3u);
    EXPECT_EQ(log[1]["fault"], "status_500");
    EXPECT_EQ(log[1]["status"], 500);
}

TEST_F(Faults, ResetBeforeCommitDropsTheConnectionAndStoresNothing) {
    startSim();
    queue(*client, {{{"mode", "reset_before_commit"}}});
    const auto e = envelope();
    const auto reply = client->postEnvelope(e);
    EXPECT_FALSE(reply);
    EXPECT_TRUE(held().empty());
    EXPECT_EQ(client->postEnvelope(e)->status, 201);
}

TEST_F(Faults, ResetAfterCommitStoresThenDropsSoTheResendIs200) {
    startSim();
    queue(*client, {{{"mode", "reset_after_commit"}}});
    const auto e = envelope();
    EXPECT_FALSE(client->postEnvelope(e));
    ASSERT_EQ(held().size(), 1u);
    const auto again = client->postEnvelope(e);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 200);
    const auto log = client->admin("GET", "/admin/requests")["requests"];
    EXPECT_EQ(log[0]["fault"], "reset_after_commit");
    EXPECT_EQ(log[0]["status"], 0);
}

TEST_F(Faults, AHangHoldsOnlyItsOwnRequest) {
    startSim();
    queue(*client, {{{"mode", "hang"}, {"hang_ms", 1500}}});
    const auto hung = envelope();
    const auto started = Clock::now();
    auto pending = std::async(std::launch::async, [&] {
        SimClient own(sim->httpPort(), &kiosk);
        return static_cast<bool>(own.postEnvelope(hung));
    });
    // Wait until the hung request has taken the fault, then show that others are served meanwhile.
    while (client->admin("GET", "/admin/faults")["faults"].size() != 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    const auto other = client->postEnvelope(envelope());
    ASSERT_TRUE(other);
    EXPECT_EQ(other->status, 201);
    EXPECT_LT(Clock::now() - started, std::chrono::milliseconds(1500));
    EXPECT_FALSE(pending.get()) << "a hung request ends without a reply";
    EXPECT_GE(Clock::now() - started, std::chrono::milliseconds(1400));
    EXPECT_EQ(held().size(), 1u);
}

TEST_F(Faults, AHangNeverDelaysShutdown) {
    startSim();
    queue(*client, {{{"mode", "hang"}, {"hang_ms", 60000}}});
    auto pending = std::async(std::launch::async, [&] {
        SimClient own(sim->httpPort(), &kiosk);
        return static_cast<bool>(own.postEnvelope(envelope()));
    });
    while (client->admin("GET", "/admin/faults")["faults"].size() != 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    const auto started = Clock::now();
    EXPECT_EQ(sim->stop(), 0);
    EXPECT_LT(Clock::now() - started, std::chrono::seconds(5));
    EXPECT_FALSE(pending.get());
    sim.reset();
}

TEST_F(Faults, SlowDripSendsTheWholeAcknowledgementSlowly) {
    startSim();
    queue(*client, {{{"mode", "slow_drip"}, {"drip_bytes", 16}, {"drip_delay_ms", 40}}});
    const auto e = envelope();
    const auto started = Clock::now();
    const auto reply = client->postEnvelope(e);
    const auto took = Clock::now() - started;
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 201);
    EXPECT_EQ(parse(reply)["id"], e["id"]);
    const auto chunks = (reply->body.size() + 15) / 16;
    EXPECT_GE(took, std::chrono::milliseconds(40) * chunks);
}

TEST_F(Faults, MalformedBodyIsASuccessStatusOverSomethingThatIsNotJson) {
    startSim();
    queue(*client, {{{"mode", "malformed_body"}}});
    const auto e = envelope();
    const auto reply = client->postEnvelope(e);
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 200);
    EXPECT_TRUE(parse(reply).is_discarded());
    EXPECT_EQ(held().size(), 1u);  // handled normally first
}

TEST_F(Faults, WrongAcknowledgementsNameAnotherIdOrHashButStoreTheRealOne) {
    startSim();
    queue(*client,
          {{{"mode", "wrong_ack_id"}}, {{"mode", "wrong_ack_hash"}, {"path_prefix", "/v1/submissions/batch"}}});
    const auto e = envelope();
    const auto reply = client->postEnvelope(e);
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 201);
    EXPECT_NE(parse(reply)["id"], e["id"]);
    EXPECT_EQ(parse(reply)["payload_sha256"], e["payload_sha256"]);

    const auto b = envelope();
    const auto batch = parse(client->post("/v1/submissions/batch", nlohmann::json{{"submissions", {b}}}.dump()));
    EXPECT_EQ(batch["results"][0]["id"], b["id"]);
    EXPECT_NE(batch["results"][0]["payload_sha256"], b["payload_sha256"]);

    const auto all = held();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0]["id"], e["id"]);
    EXPECT_EQ(all[1]["payload_sha256"], b["payload_sha256"]);
    const auto resent = parse(client->postEnvelope(e));
    EXPECT_EQ(resent["id"], e["id"]);
}

// What one run of `count` uploads looked like from the client: a status, or 0 for no reply.
std::vector<int> uploadOutcomes(SimProcess& sim, SimClient& client, const TestKiosk& kiosk, int count) {
    std::vector<int> outcomes;
    for (int i = 0; i < count; ++i) {
        const auto reply = client.postEnvelope(makeEnvelope(kiosk, sim.sealPublicKey(), withPayload(samplePayload(i))));
        const bool parsed = reply && !parse(reply).is_discarded();
        outcomes.push_back(!reply ? 0 : (parsed ? reply->status : -reply->status));
    }
    return outcomes;
}

TEST_F(Faults, TheSeededMixRepeatsItself) {
    std::vector<std::vector<int>> runs;
    for (int run = 0; run < 2; ++run) {
        for (const char* file : {"sim.db", "sim.db-wal", "sim.db-shm"}) std::filesystem::remove(dir / file);
        startSim({"--fault-mix", "20261129:0.5"});
        runs.push_back(uploadOutcomes(*sim, *client, kiosk, 16));
        ASSERT_EQ(sim->stop(), 0);
        sim.reset();
    }
    EXPECT_EQ(runs[0], runs[1]);
    EXPECT_NE(std::count(runs[0].begin(), runs[0].end(), 201), 16) << "no fault in 16 uploads at rate 0.5";
    EXPECT_GT(std::count(runs[0].begin(), runs[0].end(), 201), 0);
}

TEST_F(Faults, AdminShutdownEndsTheProcessCleanly) {
    startSim();
    EXPECT_EQ(client->admin("POST", "/admin/shutdown")["stopping"], true);
    EXPECT_EQ(sim->waitForExit(std::chrono::seconds(10)), 0);
    sim.reset();
}

}  // namespace
}  // namespace kiosk::sim::test
