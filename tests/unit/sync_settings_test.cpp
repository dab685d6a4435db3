// The sync settings file: the example parses, every mistake names the file, the line and the form
// expected, and relative paths are taken from the file's folder.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kiosk/sync/sync_settings.h"

namespace kiosk::sync {
namespace {

using namespace std::chrono_literals;

const std::filesystem::path kFile = "/etc/loket/kiosk.toml";

std::string errorOf(const std::string& text) {
    auto parsed = parseSyncSettings(text, kFile);
    EXPECT_FALSE(parsed) << text;
    return parsed ? std::string() : parsed.error().detail;
}

TEST(SyncSettings, TheExampleFileParses) {
    auto settings = loadSyncSettings(LOKET_SOURCE_DIR "/config/kiosk.example.toml");
    ASSERT_TRUE(settings) << settings.error().detail;
    EXPECT_EQ(settings->kioskId, "KIOSK-3578-01");
    EXPECT_EQ(settings->siteId, "LTSA-3578");
    EXPECT_EQ(settings->serverUrl, "https://pmi.example.go.id/api");
    EXPECT_EQ(settings->database, "/var/lib/loket/kiosk.db");
    EXPECT_EQ(settings->batchSize, 50);
    EXPECT_EQ(settings->uploadTimeout, 120s);
    EXPECT_EQ(settings->pullTimeout, 30s);
    EXPECT_EQ(settings->heartbeatInterval, 300s);
    EXPECT_TRUE(settings->serverSealKey);
    EXPECT_TRUE(settings->require({"kiosk.id", "store.database", "sync.server_url", "sync.server_seal_public_key"}));
}

TEST(SyncSettings, RelativePathsAreFromTheFilesFolderAndDecimalSecondsWork) {
    auto settings = parseSyncSettings(R"(
[store]
database = "data/kiosk.db"
[sync]
server_url = "http://127.0.0.1:8080/api"
device_key = "/abs/device.key"
[sync.timeouts]
connect_s = 0.25
upload_s = 2
)",
                                      kFile);
    ASSERT_TRUE(settings) << settings.error().detail;
    EXPECT_EQ(settings->database, "/etc/loket/data/kiosk.db");
    EXPECT_EQ(settings->deviceKey, "/abs/device.key");
    EXPECT_EQ(settings->connectTimeout, 250ms);
    EXPECT_EQ(settings->uploadTimeout, 2000ms);
    EXPECT_EQ(settings->transport().connectTimeout, 250ms);
    EXPECT_GE(settings->worker().upload.lease, 300s);
}

TEST(SyncSettings, MistakesNameTheFileTheLineAndTheForm) {
    EXPECT_EQ(errorOf("[sync]\nbatch_size = 500\n"),
              "/etc/loket/kiosk.toml:2: [sync] batch_size must be an integer from 1 to 100, e.g. batch_size = 50");
    EXPECT_EQ(errorOf("[kiosk]\n\nid = \"kiosk 1\"\n"),
              "/etc/loket/kiosk.toml:3: [kiosk] id must be 3 to 40 of A-Z, 0-9 and '-', e.g. id = \"KIOSK-3578-01\"");
    EXPECT_EQ(errorOf("[sync]\nserver_sael_public_key = \"x\"\n")
                  .rfind("/etc/loket/kiosk.toml:2: [sync] has no key "
                         "\"server_sael_public_key\"",
                         0),
              0u);
    EXPECT_NE(errorOf("[sync]\nserver_seal_public_key = \"AAAA\"\n")
                  .find("kiosk.toml:2: [sync] server_seal_public_key "
                        "must be standard base64"),
              std::string::npos);
    EXPECT_NE(errorOf("[sync]\nserver_url = \"http://pmi.example.go.id/api\"\n").find("kiosk.toml:2: [sync] "),
              std::string::npos);
    EXPECT_NE(errorOf("[sync]\nserver_url = \"http://pmi.example.go.id/api\"\n").find("plain http"), std::string::npos);
    EXPECT_NE(errorOf("[sync]\nclient_cert = \"a.crt\"\n").find("give both or neither"), std::string::npos);
    EXPECT_NE(errorOf("[sync.timeouts]\nconnect_s = \"ten\"\n")
                  .find("kiosk.toml:2: [sync.timeouts] connect_s must be "
                        "a number of seconds"),
              std::string::npos);
    EXPECT_NE(errorOf("[sync]\nbatch_size = \n").find("kiosk.toml:2: not valid TOML"), std::string::npos);
    EXPECT_NE(errorOf("sync = 3\n").find("kiosk.toml:1: [sync] must be a table"), std::string::npos);
    EXPECT_NE(errorOf("[sync]\npinned_public_key = \"abc\"\n").find("sha256//"), std::string::npos);
}

TEST(SyncSettings, TheTimeZoneIsOneOfIndonesiasThreeAndWibByDefault) {
    auto fallback = parseSyncSettings("[kiosk]\nid = \"KIOSK-1\"\n", kFile);
    ASSERT_TRUE(fallback);
    EXPECT_EQ(fallback->zoneName, "WIB");
    EXPECT_EQ(fallback->utcOffset, 7h);
    for (const auto& [zone, offset] : {std::pair{"WIB", 7h}, std::pair{"WITA", 8h}, std::pair{"WIT", 9h}}) {
        auto settings = parseSyncSettings("[kiosk]\ntime_zone = \"" + std::string(zone) + "\"\n", kFile);
        ASSERT_TRUE(settings) << zone;
        EXPECT_EQ(settings->zoneName, zone);
        EXPECT_EQ(settings->utcOffset, offset) << zone;
    }
    EXPECT_EQ(
        errorOf("[kiosk]\ntime_zone = \"wita\"\n"),
        "/etc/loket/kiosk.toml:2: [kiosk] time_zone must be \"WIB\", \"WITA\" or \"WIT\", e.g. time_zone = \"WITA\"");
}

TEST(SyncSettings, OtherTablesAreLeftToTheirOwners) {
    EXPECT_TRUE(parseSyncSettings("[ui]\ntheme = \"dark\"\n[kiosk]\nlanguage = \"id\"\n", kFile));
}

TEST(SyncSettings, ACommandNamesEveryKeyItNeedsAndIsMissing) {
    auto settings = parseSyncSettings("[kiosk]\nid = \"KIOSK-1\"\n", kFile);
    ASSERT_TRUE(settings);
    EXPECT_TRUE(settings->require({"kiosk.id"}));
    const auto missing = settings->require({"kiosk.id", "sync.server_signing_public_key"});
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().detail,
              "/etc/loket/kiosk.toml: [sync] server_signing_public_key is missing and this command needs it, e.g. "
              "server_signing_public_key = \"<base64 of 32 bytes>\"");
    const auto two = settings->require({"store.database", "kiosk.id", "sync.server_url"});
    ASSERT_FALSE(two);
    EXPECT_EQ(two.error().detail,
              "/etc/loket/kiosk.toml: [store] database is missing and this command needs it, e.g. "
              "database = \"/var/lib/loket/kiosk.db\"\n"
              "/etc/loket/kiosk.toml: [sync] server_url is missing and this command needs it, e.g. "
              "server_url = \"https://pmi.example.go.id/api\"\n"
              "(2 mistakes in the settings file)");
}

TEST(SyncSettings, EveryMistakeInTheFileIsReportedAtOnce) {
    const std::string text =
        "[kiosk]\n"
        "id = \"kiosk 1\"\n"     // 2: not an id
        "time_zone = \"CET\"\n"  // 3: not an Indonesian zone
        "[store]\n"
        "database = 42\n"  // 5: wrong type
        "[sync]\n"
        "batch_size = 0\n"                  // 7: out of range
        "server_sael_public_key = \"x\"\n"  // 8: misspelt key
        "[sync.timeouts]\n"
        "connect_s = \"ten\"\n"  // 10: wrong type
        "[sync.intervals]\n"
        "status_s = 0\n";  // 12: out of range
    const std::string detail = errorOf(text);
    std::vector<std::string> lines;
    for (std::size_t at = 0, end; at < detail.size(); at = end + 1) {
        end = detail.find('\n', at);
        if (end == std::string::npos) end = detail.size();
        lines.push_back(detail.substr(at, end - at));
    }
    ASSERT_EQ(lines.size(), 8u) << detail;
    const std::vector<std::string> starts{
        "/etc/loket/kiosk.toml:2: [kiosk] id must be",         "/etc/loket/kiosk.toml:3: [kiosk] time_zone must be",
        "/etc/loket/kiosk.toml:5: [store] database must be",   "/etc/loket/kiosk.toml:8: [sync] has no key",
        "/etc/loket/kiosk.toml:7: [sync] batch_size must be",  "/etc/loket/kiosk.toml:10: [sync.timeouts] connect_s",
        "/etc/loket/kiosk.toml:12: [sync.intervals] status_s", "(7 mistakes in the settings file)"};
    for (std::size_t i = 0; i < starts.size(); ++i)
        EXPECT_EQ(lines[i].rfind(starts[i], 0), 0u) << "line " << i << ": " << lines[i];
}

const std::string kSeal = "c2VhbC1rZXktb2YtdGhpcnR5LXR3by1ieXRlcy0wMDE=";
const std::string kSigning = "c2lnbmluZy1rZXktb2YtdGhpcnR5LXR3by1ieXRlczE=";

TEST(SyncSettingsServerKeys, ReplaceTheLinesOfTheSyncTableAndKeepEverythingElse) {
    const std::string before =
        "# the kiosk at desk 3\n"
        "[kiosk]\nid = \"KIOSK-1\"\n\n"
        "[sync]\n"
        "server_url = \"https://pmi.example.go.id/api\"  # national\n"
        "  server_seal_public_key   =   \"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"\n"
        "# server_signing_public_key = \"commented out\"\n"
        "server_signing_public_key = \"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"\n"
        "[sync.timeouts]\nconnect_s = 10\n";
    EXPECT_EQ(withServerKeys(before, kSeal, kSigning),
              "# the kiosk at desk 3\n"
              "[kiosk]\nid = \"KIOSK-1\"\n\n"
              "[sync]\n"
              "server_url = \"https://pmi.example.go.id/api\"  # national\n"
              "server_seal_public_key = \"" +
                  kSeal +
                  "\"\n"
                  "# server_signing_public_key = \"commented out\"\n"
                  "server_signing_public_key = \"" +
                  kSigning +
                  "\"\n"
                  "[sync.timeouts]\nconnect_s = 10\n");
}

TEST(SyncSettingsServerKeys, AreAddedUnderTheSyncHeaderOrInANewTable) {
    const auto added = withServerKeys("[sync]\nserver_url = \"http://127.0.0.1:8080\"\n", kSeal, kSigning);
    auto parsed = parseSyncSettings(added, kFile);
    ASSERT_TRUE(parsed) << parsed.error().detail;
    EXPECT_EQ(parsed->serverUrl, "http://127.0.0.1:8080");
    EXPECT_EQ(added.rfind("[sync]\nserver_seal_public_key = \"" + kSeal + "\"\nserver_signing_public_key", 0), 0u)
        << added;

    const auto created = withServerKeys("[kiosk]\nid = \"KIOSK-1\"", kSeal, kSigning);
    EXPECT_EQ(created, "[kiosk]\nid = \"KIOSK-1\"\n\n[sync]\nserver_seal_public_key = \"" + kSeal +
                           "\"\nserver_signing_public_key = \"" + kSigning + "\"\n");
    // Keys of another table with the same names are not the server's.
    const auto other = withServerKeys("[elsewhere]\nserver_seal_public_key = \"x\"\n[sync]\n", kSeal, kSigning);
    EXPECT_NE(other.find("[elsewhere]\nserver_seal_public_key = \"x\"\n"), std::string::npos);
}

TEST(SyncSettings, AMissingFileIsNamed) {
    const auto missing = loadSyncSettings("/nonexistent/kiosk.toml");
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().detail.find("/nonexistent/kiosk.toml"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::sync
