// The simulator's command line: keygen, the offline import, misuse.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "tests/national_server/sim_test_support.h"

namespace kiosk::sim::test {
namespace {

using Cli = SimFixture;

unsigned permissions(const std::filesystem::path& path) {
    struct stat st {};
    ::stat(path.c_str(), &st);
    return st.st_mode & 0777;
}

TEST_F(Cli, KeygenWritesPrivateFilesOwnerOnlyAndTheServerLoadsThem) {
    const auto keys = dir / "keys";
    const auto run = runSim({"keygen", "--out", keys.string()});
    ASSERT_EQ(run.exitCode, 0) << run.out;
    const auto published = nlohmann::json::parse(run.out);
    EXPECT_EQ(permissions(keys / "server_seal.key"), 0600u);
    EXPECT_EQ(permissions(keys / "server_signing.key"), 0600u);
    EXPECT_EQ(permissions(keys / "server_seal.pub") & 0044u, 0044u);
    EXPECT_EQ(runSim({"keygen", "--out", keys.string()}).exitCode, 1) << "keygen must never overwrite a key";

    startSim({"--keys", keys.string()});
    EXPECT_EQ(sim->sealPublicKey(), published["server_seal_public_key"]);
    EXPECT_EQ(sim->signingPublicKey(), published["server_signing_public_key"]);
}

TEST_F(Cli, OfflineImportPrintsResultsAndTheLaterUploadIs200) {
    const auto keys = dir / "keys";
    const auto published = nlohmann::json::parse(runSim({"keygen", "--out", keys.string()}).out);
    const auto seal = published["server_seal_public_key"].get<std::string>();
    const auto a = makeEnvelope(kiosk, seal, withPayload(samplePayload(1)));
    const auto b = makeEnvelope(kiosk, seal, withPayload(samplePayload(2)));
    const auto bundle = dir / ("loket-" + kiosk.id + "-20261129T050400Z.lkb");
    std::ofstream(bundle, std::ios::binary) << makeBundle(kiosk, {a, b});

    const std::vector<std::string> import{"import", bundle.string(), "--db",    (dir / "sim.db").string(),
                                          "--keys", keys.string(),   "--kiosk", kiosk.argument()};
    const auto run = runSim(import);
    ASSERT_EQ(run.exitCode, 0) << run.out;
    const auto results = nlohmann::json::parse(run.out)["results"];
    ASSERT_EQ(results.size(), 2u);
    EXPECT_EQ(results[0]["status"], 201);
    EXPECT_EQ(results[1]["status"], 201);
    EXPECT_EQ(nlohmann::json::parse(runSim(import).out)["results"][0]["status"], 200);

    startSim({"--keys", keys.string()});
    const auto upload = client->postEnvelope(b);
    ASSERT_TRUE(upload);
    EXPECT_EQ(upload->status, 200);
    EXPECT_EQ(parse(upload)["reference"], results[1]["reference"]);
}

TEST_F(Cli, MisuseExits2AndFailureExits1WithAJsonError) {
    EXPECT_EQ(runSim({"--no-such-option"}).exitCode, 2);
    EXPECT_EQ(runSim({"import"}).exitCode, 2);
    const auto noDb = runSim({"--kiosk", kiosk.argument()});
    EXPECT_EQ(noDb.exitCode, 1);
    EXPECT_TRUE(nlohmann::json::parse(noDb.out).contains("error"));
    EXPECT_EQ(runSim({"--db", (dir / "x.db").string(), "--host", "0.0.0.0"}).exitCode, 1);
}

}  // namespace
}  // namespace kiosk::sim::test
