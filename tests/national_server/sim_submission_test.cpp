// Uploads as docs/api.md §3-§5, §8-§10 describe them, against the simulator in its own process:
// dedupe, conflicts, every rejection code, every 401, batches, statuses, imports, enrolment, and
// dedupe that survives a restart.

#include <gtest/gtest.h>

#include "tests/national_server/sim_test_support.h"
#include "tests/national_server/wire_format.h"

namespace kiosk::sim::test {
namespace {

using Submissions = SimFixture;

TEST_F(Submissions, NewIs201AndTheSameAgainIs200WithTheFirstReference) {
    startSim();
    const auto e = envelope(withPayload(samplePayload(7)));
    const auto first = client->postEnvelope(e);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->status, 201);
    const auto ack = parse(first);
    EXPECT_EQ(ack["id"], e["id"]);
    EXPECT_EQ(ack["payload_sha256"], e["payload_sha256"]);
    EXPECT_EQ(ack["status"], "received");
    EXPECT_TRUE(ack["reference"].get<std::string>().starts_with("PMI-"));

    const auto again = client->postEnvelope(e);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 200);
    EXPECT_EQ(parse(again)["reference"], ack["reference"]);

    const auto all = held();
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0]["received_count"], 2);
    EXPECT_EQ(all[0]["kind"], "registration");
    EXPECT_EQ(all[0]["site_id"], kiosk.site);
    EXPECT_EQ(all[0]["payload"], toBase64(samplePayload(7)));
}

TEST_F(Submissions, ReferencesIncrease) {
    startSim();
    const auto a = parse(client->postEnvelope(envelope()))["reference"].get<std::string>();
    const auto b = parse(client->postEnvelope(envelope()))["reference"].get<std::string>();
    EXPECT_LT(a, b);
}

TEST_F(Submissions, SameIdWithAnotherHashIs409NamingTheStoredHash) {
    startSim();
    const auto e = envelope(withPayload(samplePayload(1)));
    ASSERT_EQ(client->postEnvelope(e)->status, 201);
    const auto other = envelope(withPayload(samplePayload(2), e["id"]));
    const auto r = client->postEnvelope(other);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 409);
    const auto body = parse(r);
    EXPECT_EQ(body["error"]["code"], "id_conflict");
    EXPECT_EQ(body["id"], e["id"]);
    EXPECT_EQ(body["payload_sha256"], e["payload_sha256"]);
    const auto all = held();
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0]["payload"], toBase64(samplePayload(1)));
    EXPECT_EQ(all[0]["conflict_count"], 1);
}

struct Rejection {
    const char* name;
    int status;
    const char* code;
    void (*change)(nlohmann::json& envelope, const TestKiosk& kiosk, std::string& idempotencyKey);
};

const Rejection kRejections[] = {
    {"member missing", 400, "envelope_invalid", [](auto& e, auto&, auto&) { e.erase("site_id"); }},
    {"id in upper case", 400, "envelope_invalid",
     [](auto& e, auto&, auto& key) {
         std::string id = e["id"];
         for (auto& c : id) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
         e["id"] = key = id;
     }},
    {"key header differs", 400, "idempotency_key_mismatch", [](auto&, auto&, auto& key) { key = newUuidV4(); }},
    {"another kiosk's id", 422, "kiosk_mismatch",
     [](auto& e, auto& k, auto&) {
         e["kiosk_id"] = "KIOSK-9999-99";
         resignEnvelope(e, k);
     }},
    {"changed after signing", 422, "envelope_signature_invalid",
     [](auto& e, auto&, auto&) { e["created_at"] = "2026-01-01T00:00:00Z"; }},
    {"sealed to another key", 422, "unseal_failed",
     [](auto& e, auto& k, auto&) {
         e["sealed_payload"] = toBase64(std::string(120, 'x'));
         resignEnvelope(e, k);
     }},
    {"hash of something else", 422, "payload_hash_mismatch",
     [](auto& e, auto& k, auto&) {
         e["payload_sha256"] = sha256Hex("something else");
         resignEnvelope(e, k);
     }},
    {"unknown kind", 422, "kind_unknown",
     [](auto& e, auto& k, auto&) {
         e["kind"] = "complaint";
         resignEnvelope(e, k);
     }},
    {"schema 2", 422, "schema_unsupported",
     [](auto& e, auto& k, auto&) {
         e["schema"] = 2;
         resignEnvelope(e, k);
     }},
};

TEST_F(Submissions, EachRejectionHasItsStatusAndCodeAndStoresNothing) {
    startSim();
    for (const auto& r : kRejections) {
        SCOPED_TRACE(r.name);
        auto e = envelope();
        std::string key = e["id"];
        r.change(e, kiosk, key);
        const auto reply = client->post("/v1/submissions", e.dump(), {{"Idempotency-Key", key}});
        ASSERT_TRUE(reply);
        EXPECT_EQ(reply->status, r.status);
        EXPECT_EQ(parse(reply)["error"]["code"], r.code);
    }
    EXPECT_TRUE(held().empty());
}

TEST_F(Submissions, PayloadThatIsNotAJsonObjectIsPayloadInvalid) {
    startSim();
    const auto reply = client->postEnvelope(envelope(withPayload("not json at all")));
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 422);
    EXPECT_EQ(parse(reply)["error"]["code"], "payload_invalid");
}

TEST_F(Submissions, OversizeIs413AndOtherContentTypeIs415) {
    startSim();
    const auto big = client->post("/v1/submissions", std::string((16u << 20) + 1, ' '));
    ASSERT_TRUE(big);
    EXPECT_EQ(big->status, 413);
    EXPECT_EQ(parse(big)["error"]["code"], "payload_too_large");
    const auto e = envelope();
    const auto plain = client->post("/v1/submissions", e.dump(), {{"Idempotency-Key", e["id"]}}, "text/plain");
    ASSERT_TRUE(plain);
    EXPECT_EQ(plain->status, 415);
}

TEST_F(Submissions, EachSignatureFailureIs401WithItsCodeAndTheServerDate) {
    startSim();
    const auto e = envelope();
    const auto body = e.dump();
    const auto old = formatTime(std::chrono::system_clock::now() - std::chrono::hours(25));
    auto stranger = TestKiosk::make("KIOSK-0000-01");
    const std::pair<const char*, httplib::Headers> cases[] = {
        {"signature_missing", {{"Loket-Kiosk-Id", kiosk.id}, {"Loket-Timestamp", nowText()}}},
        {"signature_invalid",
         {{"Loket-Signature", kiosk.sign("LOKET-REQUEST-1\nPOST\n/v1/other\n" + nowText() + "\n" + sha256Hex(body))}}},
        {"clock_skew", client->signatureHeaders("POST", "/v1/submissions", body, old)},
        {"kiosk_unknown",
         SimClient(sim->httpPort(), &stranger).signatureHeaders("POST", "/v1/submissions", body, nowText())},
    };
    for (const auto& [code, headers] : cases) {
        SCOPED_TRACE(code);
        auto all = headers;
        all.emplace("Idempotency-Key", e["id"]);
        SimClient bare(sim->httpPort());
        const auto reply = std::string(code) == "signature_invalid" ? client->post("/v1/submissions", body, all)
                                                                    : bare.post("/v1/submissions", body, all);
        ASSERT_TRUE(reply);
        EXPECT_EQ(reply->status, 401);
        EXPECT_EQ(parse(reply)["error"]["code"], code);
        EXPECT_TRUE(reply->has_header("Date"));
    }
    EXPECT_TRUE(held().empty());
}

TEST_F(Submissions, BatchAnswersEveryEnvelopeInOrder) {
    startSim();
    const auto dup = envelope(withPayload(samplePayload(1)));
    ASSERT_EQ(client->postEnvelope(dup)->status, 201);
    const auto fresh = envelope(withPayload(samplePayload(2)));
    const auto conflict = envelope(withPayload(samplePayload(3), dup["id"]));
    auto badHash = envelope(withPayload(samplePayload(4)));
    badHash["payload_sha256"] = sha256Hex("x");
    resignEnvelope(badHash, kiosk);

    const nlohmann::json batch = {{"submissions", {fresh, dup, conflict, badHash}}};
    const auto reply = client->post("/v1/submissions/batch", batch.dump());
    ASSERT_TRUE(reply);
    ASSERT_EQ(reply->status, 200);
    const auto results = parse(reply)["results"];
    ASSERT_EQ(results.size(), 4u);
    EXPECT_EQ(results[0]["status"], 201);
    EXPECT_EQ(results[0]["id"], fresh["id"]);
    EXPECT_EQ(results[0]["payload_sha256"], fresh["payload_sha256"]);
    EXPECT_EQ(results[1]["status"], 200);
    EXPECT_TRUE(results[1].contains("reference"));
    EXPECT_EQ(results[2]["status"], 409);
    EXPECT_EQ(results[2]["payload_sha256"], dup["payload_sha256"]);
    EXPECT_EQ(results[2]["error"]["code"], "id_conflict");
    EXPECT_EQ(results[3]["status"], 422);
    EXPECT_EQ(results[3]["error"]["code"], "payload_hash_mismatch");
    EXPECT_EQ(held().size(), 2u);

    const auto empty = client->post("/v1/submissions/batch", R"({"submissions":[]})");
    ASSERT_TRUE(empty);
    EXPECT_EQ(empty->status, 400);
}

TEST_F(Submissions, StatusesFollowTheServerAndHideOtherKiosks) {
    startSim();
    const auto mine = envelope();
    const auto reference = parse(client->postEnvelope(mine))["reference"];
    auto other = TestKiosk::make("KIOSK-3578-02");
    client->admin("POST", "/admin/kiosks", {{"kiosk_id", other.id}, {"signing_public_key", other.publicKeyBase64()}});
    SimClient otherClient(sim->httpPort(), &other);
    const auto theirs = makeEnvelope(other, sim->sealPublicKey());
    ASSERT_EQ(otherClient.postEnvelope(theirs)->status, 201);

    const std::string path = "/v1/submissions/" + mine["id"].get<std::string>() + "/status";
    auto status = parse(client->get(path))["statuses"][0];
    EXPECT_EQ(status["state"], "received");
    EXPECT_EQ(status["reference"], reference);

    const auto set = client->admin("POST", "/admin/statuses",
                                   {{"id", mine["id"]}, {"state", "returned"}, {"reason_code", "photo_unclear"}});
    EXPECT_EQ(set["state"], "returned");
    status = parse(client->get(path))["statuses"][0];
    EXPECT_EQ(status["state"], "returned");
    EXPECT_EQ(status["reason_code"], "photo_unclear");
    EXPECT_TRUE(parseTime(status["updated_at"].get<std::string>()));

    const nlohmann::json ask = {{"ids", {mine["id"], theirs["id"], newUuidV4()}}};
    const auto many = parse(client->post("/v1/submissions/status", ask.dump()))["statuses"];
    ASSERT_EQ(many.size(), 3u);
    EXPECT_EQ(many[0]["state"], "returned");
    EXPECT_EQ(many[1]["state"], "unknown");  // another kiosk's
    EXPECT_EQ(many[2]["state"], "unknown");
}

TEST_F(Submissions, HeartbeatsAreKeptWithTheirAuditHeads) {
    startSim();
    const nlohmann::json beat = {
        {"at", nowText()},
        {"software_version", "0.1.0"},
        {"config_version", 1},
        {"devices", {{{"name", "printer"}, {"required", true}, {"state", "ok"}, {"last_error", ""}}}},
        {"queue",
         {{"pending", 3},
          {"in_flight", 0},
          {"sent", 0},
          {"acknowledged", 120},
          {"rejected", 1},
          {"oldest_unsent_age_s", 5400}}},
        {"audit", {{"entries", 1042}, {"head", sha256Hex("audit head")}}}};
    const auto reply = client->post("/v1/kiosks/" + kiosk.id + "/heartbeat", beat.dump());
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 200);
    EXPECT_TRUE(parseTime(parse(reply)["server_time"].get<std::string>()));

    const auto kept = client->admin("GET", "/admin/heartbeats")["heartbeats"];
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0]["kiosk_id"], kiosk.id);
    EXPECT_EQ(kept[0]["audit"]["head"], sha256Hex("audit head"));
    EXPECT_EQ(kept[0]["audit"]["entries"], 1042);

    EXPECT_EQ(client->post("/v1/kiosks/KIOSK-0000-09/heartbeat", beat.dump())->status, 403);
    EXPECT_EQ(client->post("/v1/kiosks/" + kiosk.id + "/heartbeat", R"({"at":"yesterday"})")->status, 400);
}

TEST_F(Submissions, AnImportedBundleMakesTheLaterUploadADuplicate) {
    startSim();
    const auto a = envelope(withPayload(samplePayload(1)));
    const auto b = envelope(withPayload(samplePayload(2)));
    const auto reply = client->post("/v1/imports", makeBundle(kiosk, {a, b}), {}, "application/octet-stream");
    ASSERT_TRUE(reply);
    ASSERT_EQ(reply->status, 200);
    const auto results = parse(reply)["results"];
    ASSERT_EQ(results.size(), 2u);
    EXPECT_EQ(results[0]["status"], 201);
    EXPECT_EQ(results[1]["status"], 201);

    const auto upload = client->postEnvelope(a);
    ASSERT_TRUE(upload);
    EXPECT_EQ(upload->status, 200);
    EXPECT_EQ(parse(upload)["reference"], results[0]["reference"]);
    EXPECT_EQ(held()[0]["received_via"], "import");

    auto forged = nlohmann::json::parse(makeBundle(kiosk, {a}));
    forged["signature"] = kiosk.sign("another document");
    const auto refused = client->post("/v1/imports", forged.dump(), {}, "application/octet-stream");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 422);
    EXPECT_EQ(parse(refused)["error"]["code"], "bundle_signature_invalid");
}

TEST_F(Submissions, EnrolmentRegistersAKioskOnceForItsToken) {
    startSim({"--enrolment-token", "TOKEN-UJI-1"});
    auto fresh = TestKiosk::make("KIOSK-3507-01", "LTSA-3507");
    SimClient unsigned_(sim->httpPort());
    const nlohmann::json enrol = {{"kiosk_id", fresh.id},
                                  {"site_id", fresh.site},
                                  {"enrolment_token", "TOKEN-UJI-1"},
                                  {"signing_public_key", fresh.publicKeyBase64()}};
    const auto reply = unsigned_.post("/v1/enrolments", enrol.dump());
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 201);
    EXPECT_EQ(parse(reply)["server_seal_public_key"], sim->sealPublicKey());
    EXPECT_EQ(parse(reply)["server_signing_public_key"], sim->signingPublicKey());
    EXPECT_EQ(unsigned_.post("/v1/enrolments", enrol.dump())->status, 201);  // sent again: same answer

    SimClient enrolled(sim->httpPort(), &fresh);
    EXPECT_EQ(enrolled.postEnvelope(makeEnvelope(fresh, sim->sealPublicKey()))->status, 201);

    auto thief = TestKiosk::make("KIOSK-3507-02");
    auto stolen = enrol;
    stolen["kiosk_id"] = thief.id;
    stolen["signing_public_key"] = thief.publicKeyBase64();
    const auto refused = unsigned_.post("/v1/enrolments", stolen.dump());
    EXPECT_EQ(refused->status, 403);
    EXPECT_EQ(parse(refused)["error"]["code"], "enrolment_refused");
    stolen["enrolment_token"] = "NO-SUCH-TOKEN";
    EXPECT_EQ(unsigned_.post("/v1/enrolments", stolen.dump())->status, 403);
}

TEST_F(Submissions, DedupeIsForeverAcrossARestart) {
    // The same server keys in both runs, as a real server keeps them: the resent envelope must unseal.
    ASSERT_EQ(runSim({"keygen", "--out", (dir / "keys").string()}).exitCode, 0);
    startSim({"--keys", (dir / "keys").string()});
    const auto e = envelope();
    const auto first = parse(client->postEnvelope(e));
    ASSERT_EQ(sim->stop(), 0);
    sim.reset();
    startSim({"--keys", (dir / "keys").string()});
    const auto again = client->postEnvelope(e);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 200);
    EXPECT_EQ(parse(again)["reference"], first["reference"]);
    EXPECT_EQ(held()[0]["received_count"], 2);
}

TEST_F(Submissions, UnderABasePathTheSignatureCoversThePathFromV1On) {
    startSim({"--base-path", "/api"});
    const auto e = envelope();
    const auto body = e.dump();
    auto headers = client->signatureHeaders("POST", "/v1/submissions", body, nowText());
    headers.emplace("Idempotency-Key", e["id"]);
    const auto reply = client->http().Post("/api/v1/submissions", headers, body, "application/json");
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 201);
    EXPECT_EQ(client->postEnvelope(envelope())->status, 404);  // nothing at the root
}

}  // namespace
}  // namespace kiosk::sim::test
