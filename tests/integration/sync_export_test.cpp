// Export bundles end to end (docs/api.md §9): `kioskctl export` run as a process writes the unsent
// submissions into a signed bundle without changing their state; the simulator imports it (offline
// with `national-server-sim import`, or posted to /v1/imports by an office); the kiosk's next sync
// pass is then answered 200 for each, and marks each acknowledged with the reference of the import.

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "kiosk/sync/wire_format.h"
#include "tests/integration/sync_e2e_support.h"
#include "tests/unit/kioskctl_process.h"

namespace kiosk::e2e {
namespace {

using Json = nlohmann::json;

struct RowState {
    store::OutboxState state = store::OutboxState::Pending;
    std::int64_t attempts = 0;
    std::optional<Clock::TimePoint> dueAt;
    std::string lastError;
    std::string serverReference;
    friend bool operator==(const RowState&, const RowState&) = default;
};

class SyncExport : public ::testing::Test {
protected:
    void SetUp() override {
        std::signal(SIGPIPE, SIG_IGN);
        std::filesystem::create_directories(usb_);
    }

    void writeSettings(const std::string& sealKey, const std::string& signingKey) {
        std::ofstream(settings_) << "[kiosk]\nid = \"" << kKioskId << "\"\nsite_id = \"" << kSiteId << "\"\n"
                                 << "[store]\ndatabase = \"" << kiosk_.database().string() << "\"\n"
                                 << "master_key = \"" << kiosk_.masterKeyFile().string() << "\"\n"
                                 << "[sync]\nserver_url = \"http://127.0.0.1:9/api\"\n"
                                 << "device_key = \"" << kiosk_.deviceKeyFile().string() << "\"\n"
                                 << "state_dir = \"" << (dir_.path() / "ctl-state").string() << "\"\n"
                                 << "server_seal_public_key = \"" << sealKey << "\"\n"
                                 << "server_signing_public_key = \"" << signingKey << "\"\n";
    }

    std::map<std::string, RowState> rowStates() {
        std::map<std::string, RowState> out;
        const auto rows = kiosk_.store().outbox().list(1000);
        EXPECT_TRUE(rows) << rows.error().detail;
        if (!rows) return out;
        for (const auto& r : *rows)
            out[r.submissionId] = {r.state, r.attempts, r.dueAt, r.lastError, r.serverReference};
        return out;
    }

    // kioskctl export; checks its answer and that no submission's state changed. Returns the file.
    std::filesystem::path exportBundle(std::int64_t expectedCount) {
        const auto before = rowStates();
        const auto auditBefore = kiosk_.store().database().queryInteger("SELECT count(*) FROM audit");
        const auto run = test::runKioskctl({"export", "--to", usb_.string(), "--config", settings_.string()});
        EXPECT_EQ(run.exitCode, 0) << run.out;
        const auto answer = Json::parse(run.out, nullptr, false);
        EXPECT_TRUE(answer.is_object()) << run.out;
        if (!answer.is_object()) return {};
        EXPECT_EQ(answer["count"], expectedCount) << run.out;
        EXPECT_EQ(answer["skipped"], Json::array());
        const std::filesystem::path file = answer.value("file", "");
        EXPECT_TRUE(std::filesystem::is_regular_file(file)) << file;
        EXPECT_EQ(file.parent_path(), usb_);
        EXPECT_TRUE(file.filename().string().starts_with("loket-" + std::string(kKioskId) + "-")) << file;
        EXPECT_EQ(file.extension(), ".lkb");
        EXPECT_EQ(rowStates(), before) << "exporting changed the outbox";
        EXPECT_EQ(kiosk_.store().database().queryInteger("SELECT count(*) FROM audit").value(), auditBefore.value());
        return file;
    }

    // The import's results: id -> reference, each 201.
    std::map<std::string, std::string> newlyStored(const Json& results, const std::vector<Enqueued>& expected) {
        std::map<std::string, std::string> references;
        EXPECT_EQ(results.size(), expected.size()) << results.dump();
        for (const auto& r : results) {
            EXPECT_EQ(r["status"], 201) << r.dump();
            references[r.value("id", "")] = r.value("reference", "");
        }
        for (const auto& e : expected) EXPECT_FALSE(references[e.submissionId].empty()) << e.submissionId;
        return references;
    }

    // One sync pass answers every exported submission 200 with the import's reference.
    void expectSyncMarksDuplicates(SyncLink& link, const std::vector<Enqueued>& exported,
                                   const std::map<std::string, std::string>& references) {
        const auto report = link.worker->runOnce();
        EXPECT_EQ(report.claimed, static_cast<std::int64_t>(exported.size()));
        EXPECT_EQ(report.acknowledged, static_cast<std::int64_t>(exported.size()));
        EXPECT_EQ(report.duplicates, static_cast<std::int64_t>(exported.size()));
        EXPECT_EQ(report.rejected, 0);
        for (const auto& e : exported) {
            const auto row = outboxRow(kiosk_.store(), e.submissionId);
            EXPECT_EQ(row.state, store::OutboxState::Acknowledged) << e.submissionId;
            EXPECT_EQ(row.serverReference, references.at(e.submissionId)) << e.submissionId;
        }
    }

    // The simulator holds each exported submission once, from the import, with the kiosk's bytes.
    void expectHeldFromImport(SimClient& admin, const std::vector<Enqueued>& exported, std::int64_t received) {
        std::map<std::string, Json> held;
        for (const auto& s : heldSubmissions(admin)) held[s["id"].get<std::string>()] = s;
        for (const auto& e : exported) {
            ASSERT_TRUE(held.contains(e.submissionId)) << "not held: " << e.submissionId;
            const auto& s = held[e.submissionId];
            EXPECT_EQ(s["received_via"], "import");
            EXPECT_EQ(s["received_count"], received);
            EXPECT_EQ(s["payload_sha256"], e.payloadSha256);
            const auto payload = sync::base64Decode(s["payload"].get<std::string>());
            ASSERT_TRUE(payload);
            EXPECT_EQ(std::string(payload->begin(), payload->end()), e.payload);
        }
    }

    TempDir dir_;
    Kiosk kiosk_{dir_.path() / "kiosk"};
    std::filesystem::path usb_ = dir_.path() / "usb";
    std::filesystem::path settings_ = dir_.path() / "kiosk.toml";
};

TEST_F(SyncExport, ABundleImportedOfflineMakesTheNextSyncDuplicatesWithTheSameReferences) {
    const auto keys = sim::test::runSim({"keygen", "--out", (dir_.path() / "server-keys").string()});
    ASSERT_EQ(keys.exitCode, 0) << keys.out;
    const auto serverKeys = Json::parse(keys.out);
    writeSettings(serverKeys["server_seal_public_key"], serverKeys["server_signing_public_key"]);
    const auto enqueued = kiosk_.enqueue(12);

    const auto file = exportBundle(12);
    ASSERT_FALSE(file.empty());
    const auto simDb = (dir_.path() / "sim.db").string();
    const auto serverKeysDir = (dir_.path() / "server-keys").string();
    const auto imported = sim::test::runSim(
        {"import", file.string(), "--db", simDb, "--keys", serverKeysDir, "--kiosk", kiosk_.simArgument()});
    ASSERT_EQ(imported.exitCode, 0) << imported.out;
    const auto references = newlyStored(Json::parse(imported.out)["results"], enqueued);

    // The connected office's server, on the database the import wrote.
    auto sim = SimProcess::start({"--db", simDb, "--keys", serverKeysDir, "--kiosk", kiosk_.simArgument()});
    ASSERT_TRUE(sim) << "national-server-sim did not start";
    ASSERT_EQ(sim->sealPublicKey(), serverKeys["server_seal_public_key"]);
    SimClient admin(sim->httpPort());
    expectHeldFromImport(admin, enqueued, 1);

    auto link = connect(kiosk_, *sim, quickTransport(httpUrl(*sim)));
    ASSERT_TRUE(link) << link.error().detail;
    expectSyncMarksDuplicates(*link, enqueued, references);
    expectHeldFromImport(admin, enqueued, 2);
    EXPECT_EQ(heldSubmissions(admin).size(), enqueued.size());
    EXPECT_EQ(auditCount(kiosk_.store(), "record.acknowledged"), 12);
    link->close();
    EXPECT_EQ(sim->stop(), 0);
}

TEST_F(SyncExport, ABundlePostedToImportsLeavesOutWhatWasAcknowledgedAndTheRestBecomesDuplicates) {
    const auto office = sim::test::TestKiosk::make("OFFICE-3578-01", "LTSA-3578");
    auto sim = SimProcess::start(
        {"--db", (dir_.path() / "sim.db").string(), "--kiosk", kiosk_.simArgument(), "--kiosk", office.argument()});
    ASSERT_TRUE(sim) << "national-server-sim did not start";
    SimClient admin(sim->httpPort());
    writeSettings(sim->sealPublicKey(), sim->signingPublicKey());
    auto link = connect(kiosk_, *sim, quickTransport(httpUrl(*sim)));
    ASSERT_TRUE(link) << link.error().detail;

    // Three reach the server before the link goes down; five more wait for it.
    kiosk_.enqueue(3);
    ASSERT_EQ(link->worker->runOnce().acknowledged, 3);
    const auto waiting = kiosk_.enqueue(5, 4);

    const auto file = exportBundle(5);
    ASSERT_FALSE(file.empty());
    std::ifstream in(file, std::ios::binary);
    std::stringstream bundle;
    bundle << in.rdbuf();
    SimClient officeClient(sim->httpPort(), &office);
    const auto reply = officeClient.post("/v1/imports", bundle.str());
    ASSERT_TRUE(reply);
    ASSERT_EQ(reply->status, 200) << reply->body;
    const auto references = newlyStored(Json::parse(reply->body)["results"], waiting);
    expectHeldFromImport(admin, waiting, 1);

    kiosk_.clock().set(link->worker->nextWake());
    expectSyncMarksDuplicates(*link, waiting, references);
    expectHeldFromImport(admin, waiting, 2);
    EXPECT_EQ(heldSubmissions(admin).size(), 8u);
    EXPECT_EQ(kiosk_.store().outbox().status()->acknowledged, 8);
    link->close();
    EXPECT_EQ(sim->stop(), 0);
}

}  // namespace
}  // namespace kiosk::e2e
