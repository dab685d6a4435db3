// kioskctl sync now | status, export and device-key, run as separate processes against a kiosk
// database made for the test. The server is a loopback port nobody listens on: these tests check
// what kioskctl does without a server; talking to a real one is the simulator's end-to-end tests.

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "kiosk/sync/signed_document.h"
#include "tests/unit/kioskctl_process.h"
#include "tests/unit/sync_test_support.h"

namespace kiosk::test {
namespace {

using Json = nlohmann::json;

// A loopback port that was free a moment ago: connecting to it is refused at once.
int closedLoopbackPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

class KioskctlSync : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = store::Store::open(storeConfig(dir_), *masterKey_, clock_);
        ASSERT_TRUE(opened) << opened.error().detail;
        store_ = std::move(*opened);
        writeSettings(dir_ / "kiosk.db");
    }
    void writeSettings(const std::filesystem::path& database) {
        std::ofstream(config_) << "[kiosk]\nid = \"KIOSK-TEST-01\"\nsite_id = \"LTSA-TEST-01\"\n"
                               << "[store]\ndatabase = \"" << database.string() << "\"\nmaster_key = \"master.key\"\n"
                               << "[sync]\nserver_url = \"http://127.0.0.1:" << closedLoopbackPort() << "/api\"\n"
                               << "device_key = \"device.key\"\nstate_dir = \"state\"\n"
                               << "server_seal_public_key = \"" << sync::base64Encode(keys_.sealPublic) << "\"\n"
                               << "server_signing_public_key = \"" << sync::base64Encode(keys_.signingPublic) << "\"\n"
                               << "[sync.timeouts]\nconnect_s = 2\npull_s = 2\nupload_s = 2\n";
    }
    std::vector<store::OutboxEntry> outbox() { return *store_->outbox().list(100); }

    TempDir dir_;
    std::unique_ptr<store::FileMasterKey> masterKey_ = makeMasterKey(dir_);
    FakeClock clock_{testEpoch()};
    std::unique_ptr<store::Store> store_;
    ServerKeyPairs keys_;
    std::string config_ = (dir_ / "kiosk.toml").string();
};

TEST_F(KioskctlSync, DeviceKeyIsCreatedOnceAndPrintedForEnrolment) {
    const auto first = runKioskctl({"device-key", "--config", config_});
    ASSERT_EQ(first.exitCode, 0) << first.out;
    const auto j = first.json();
    EXPECT_EQ(j["created"], true);
    EXPECT_EQ(j["kiosk_id"], "KIOSK-TEST-01");
    EXPECT_EQ(j["public_key"].get<std::string>().size(), 44u);
    EXPECT_EQ(j["fingerprint"].get<std::string>().size(), 19u);
    struct stat st {};
    ASSERT_EQ(::stat((dir_ / "device.key").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);

    const auto second = runKioskctl({"device-key", "--config", config_});
    ASSERT_EQ(second.exitCode, 0);
    EXPECT_EQ(second.json()["created"], false);
    EXPECT_EQ(second.json()["public_key"], j["public_key"]);
    EXPECT_EQ(second.json()["fingerprint"], j["fingerprint"]);
}

TEST_F(KioskctlSync, SyncNowWithTheServerUnreachableRunsReportsAndKeepsEverything) {
    ASSERT_TRUE(store_->enqueue(makeSubmission({}, 64, 1)));
    ASSERT_TRUE(store_->enqueue(makeSubmission({}, 64, 2)));
    ASSERT_EQ(runKioskctl({"device-key", "--config", config_}).exitCode, 0);
    const auto run = runKioskctl({"sync", "now", "--config", config_});
    ASSERT_EQ(run.exitCode, 0) << run.out;
    const auto j = run.json();
    EXPECT_EQ(j["claimed"], 2);
    EXPECT_EQ(j["acknowledged"], 0);
    EXPECT_EQ(j["duplicates"], 0);
    EXPECT_EQ(j["rejected"], 0);
    EXPECT_EQ(j["retried"], 2);
    EXPECT_EQ(j["server_reached"], false);
    EXPECT_EQ(j["errors"], Json::array());
    ASSERT_FALSE(j["failures"].empty());
    EXPECT_EQ(j["failures"][0]["code"], "curl_7");
    EXPECT_EQ(j["queue"]["pending"], 2);
    for (const auto& e : outbox()) {
        EXPECT_EQ(e.state, store::OutboxState::Pending);
        EXPECT_EQ(e.lastError, "curl_7");
    }

    const auto status = runKioskctl({"sync", "status", "--config", config_});
    ASSERT_EQ(status.exitCode, 0) << status.out;
    const auto s = status.json();
    EXPECT_EQ(s["queue"]["pending"], 2);
    EXPECT_EQ(s["queue"]["unsent"], 2);
    ASSERT_TRUE(s["last_sync"].is_object());
    EXPECT_FALSE(s["last_sync"]["last_pass"].is_null());
    EXPECT_FALSE(s["last_sync"]["last_upload_failure"].is_null());
    EXPECT_TRUE(s["last_sync"]["last_upload_success"].is_null());
    EXPECT_EQ(s["server_statuses"], Json::object());
}

TEST_F(KioskctlSync, SyncNowNeverSignsWithAKeyTheServerHasNeverSeen) {
    const auto run = runKioskctl({"sync", "now", "--config", config_});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.json()["error"]["code"], "sync.device_key_missing");
    EXPECT_FALSE(std::filesystem::exists(dir_ / "device.key"));
}

TEST_F(KioskctlSync, NothingIsCreatedWhereTheSettingsPointNowhere) {
    writeSettings(dir_ / "missing.db");
    ASSERT_EQ(runKioskctl({"device-key", "--config", config_}).exitCode, 0);
    const auto run = runKioskctl({"sync", "now", "--config", config_});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.json()["error"]["code"], "ctl.missing_file");
    EXPECT_FALSE(std::filesystem::exists(dir_ / "missing.db"));
}

TEST_F(KioskctlSync, SyncStatusBeforeAnySyncHasOnlyTheQueue) {
    ASSERT_TRUE(store_->enqueue(makeSubmission()));
    const auto run = runKioskctl({"sync", "status", "--config", config_});
    ASSERT_EQ(run.exitCode, 0) << run.out;
    EXPECT_EQ(run.json()["queue"]["pending"], 1);
    EXPECT_TRUE(run.json()["last_sync"].is_null());
}

TEST_F(KioskctlSync, ExportWritesAVerifiableBundleAndChangesNoState) {
    ASSERT_TRUE(store_->enqueue(makeSubmission({}, 64, 1)));
    ASSERT_TRUE(store_->enqueue(makeSubmission({}, 64, 2)));
    const auto device = runKioskctl({"device-key", "--config", config_});
    ASSERT_EQ(device.exitCode, 0);
    const auto before = outbox();
    const auto usb = dir_ / "usb";
    std::filesystem::create_directory(usb);

    const auto run = runKioskctl({"export", "--to", usb.string(), "--config", config_});
    ASSERT_EQ(run.exitCode, 0) << run.out;
    const auto j = run.json();
    EXPECT_EQ(j["count"], 2);
    EXPECT_TRUE(j["name"].get<std::string>().starts_with("loket-KIOSK-TEST-01-"));
    EXPECT_TRUE(j["name"].get<std::string>().ends_with("Z.lkb"));
    std::ifstream in(j["file"].get<std::string>(), std::ios::binary);
    const std::string body((std::istreambuf_iterator<char>(in)), {});
    auto key = sync::publicKeyFromBase64(device.json()["public_key"].get<std::string>(), "device key");
    ASSERT_TRUE(key);
    auto document = sync::verifySignedDocument(body, *key);
    ASSERT_TRUE(document) << document.error().detail;
    EXPECT_EQ(Json::parse(*document)["submissions"].size(), 2u);

    const auto after = outbox();
    ASSERT_EQ(after.size(), before.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        EXPECT_EQ(after[i].state, before[i].state);
        EXPECT_EQ(after[i].attempts, before[i].attempts);
    }
}

TEST_F(KioskctlSync, ExportNeedsAFolder) {
    ASSERT_EQ(runKioskctl({"device-key", "--config", config_}).exitCode, 0);
    const auto run = runKioskctl({"export", "--to", (dir_ / "no-such-stick").string(), "--config", config_});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.json()["error"]["code"], "ctl.not_a_folder");
}

TEST_F(KioskctlSync, ABadSettingsFileIsNamedWithItsLine) {
    std::ofstream(config_) << "[sync]\nbatch_size = 0\n";
    const auto run = runKioskctl({"sync", "status", "--config", config_});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.json()["error"]["detail"].get<std::string>().find("kiosk.toml:2: [sync] batch_size"),
              std::string::npos);
    EXPECT_EQ(runKioskctl({"sync", "status", "--config", (dir_ / "none.toml").string()}).exitCode, 2);
}

}  // namespace
}  // namespace kiosk::test
