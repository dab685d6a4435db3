// The maintenance screen's back office on a real kiosk: its settings file, store, device key,
// simulated printer and simulated USB stick on disk, and its sync thread sending to a loopback
// port where nothing listens. The condition it reports, the test page, "sync now" and the export
// to the stick, each audited; and a kiosk not enrolled yet says what it cannot do.

#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <fstream>
#include <thread>

#include "kiosk/app/kiosk_log.h"
#include "kiosk/app/kiosk_services.h"
#include "kiosk/sync/signed_document.h"
#include "tests/integration/sync_e2e_support.h"

namespace kiosk::e2e {
namespace {

using Json = nlohmann::json;

class Maintenance : public ::testing::Test {
protected:
    void SetUp() override {
        std::signal(SIGPIPE, SIG_IGN);
        app::log::forgetProblems();
        std::filesystem::create_directories(receipts_);
    }

    // The kiosk's settings: its store and keys, a simulated printer and stick; with `enrolled`, the
    // server's keys and an address on loopback where nothing answers.
    void writeSettings(bool enrolled) {
        std::ofstream out(settings_);
        out << "[kiosk]\nid = \"" << kKioskId << "\"\nsite_id = \"" << kSiteId << "\"\n\n"
            << "[store]\ndatabase = \"" << kiosk_.database().string() << "\"\nmaster_key = \""
            << kiosk_.masterKeyFile().string() << "\"\n\n"
            << "[sync]\ndevice_key = \"" << kiosk_.deviceKeyFile().string() << "\"\nstate_dir = \""
            << (dir_.path() / "sync-state").string() << "\"\n";
        if (enrolled) {
            const auto keys = sim::test::runSim({"keygen", "--out", (dir_.path() / "server-keys").string()});
            ASSERT_EQ(keys.exitCode, 0) << keys.out;
            const auto serverKeys = Json::parse(keys.out);
            out << "server_url = \"http://127.0.0.1:9/api\"\n"
                << "server_seal_public_key = \"" << serverKeys["server_seal_public_key"].get<std::string>() << "\"\n"
                << "server_signing_public_key = \"" << serverKeys["server_signing_public_key"].get<std::string>()
                << "\"\n";
        }
        out << "\n[devices.printer]\nbackend = \"simulated\"\noutput_dir = \"" << receipts_.string() << "\"\n"
            << "\n[devices.usb_storage]\nbackend = \"simulated\"\nfolder = \"" << usb_.string() << "\"\n";
    }

    std::unique_ptr<app::KioskServices> open() {
        texts_ = ui::Catalogs::load(std::filesystem::path(LOKET_SOURCE_ASSETS_DIR) / "i18n").value();
        auto services = app::KioskServices::open(settings_, texts_, clock_);
        EXPECT_TRUE(services) << services.error().code << ": " << services.error().detail;
        return services ? std::move(*services) : nullptr;
    }

    std::int64_t unsent() { return kiosk_.store().outbox().status()->unsent(); }

    TempDir dir_;
    Kiosk kiosk_{dir_.path() / "kiosk"};
    std::filesystem::path settings_ = dir_.path() / "kiosk.toml";
    std::filesystem::path receipts_ = dir_.path() / "receipts";
    std::filesystem::path usb_ = dir_.path() / "usb";
    ui::Catalogs texts_;
    SystemClock clock_;
};

TEST_F(Maintenance, TheConditionTellsDevicesQueueDiskMediaAndVersion) {
    writeSettings(true);
    kiosk_.enqueue(4);
    auto services = open();
    ASSERT_TRUE(services);
    auto& desk = services->maintenance();

    auto c = desk.condition();
    EXPECT_EQ(c.version, LOKET_VERSION);
    EXPECT_EQ(c.kioskId, kKioskId);
    EXPECT_EQ(c.siteId, kSiteId);
    ASSERT_EQ(c.parts.size(), 4u);
    EXPECT_EQ(flow::partOf(c, flow::Part::ReceiptPrinter).state, "ready");
    EXPECT_EQ(flow::partOf(c, flow::Part::Camera).state, "not_fitted");
    EXPECT_EQ(flow::partOf(c, flow::Part::CodeScanner).state, "not_fitted");
    EXPECT_EQ(c.queue.unsent, 4);
    ASSERT_TRUE(c.diskFree && c.diskTotal);
    EXPECT_GT(*c.diskFree, 0u);
    EXPECT_LE(*c.diskFree, *c.diskTotal);
    EXPECT_TRUE(c.sync.configured);
    EXPECT_TRUE(c.media.empty());  // no stick yet
    EXPECT_FALSE(c.mediaUnknown);

    // The stick is plugged in.
    std::filesystem::create_directories(usb_);
    c = desk.condition();
    ASSERT_EQ(c.media.size(), 1u);
    EXPECT_EQ(c.media[0].mountPoint, usb_.string());
    EXPECT_TRUE(c.media[0].writable);
    EXPECT_TRUE(c.media[0].freeBytes);

    // The sync thread finds nobody at the server's address: the screen says when, and the
    // latest problems say it in their own words.
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds{20};
    while (!c.sync.lastFailed && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::milliseconds{100});
        c = desk.condition();
    }
    ASSERT_TRUE(c.sync.lastFailed) << "the sync thread reported no failure";
    EXPECT_FALSE(c.sync.lastFailure.empty());
    EXPECT_TRUE(std::any_of(c.problems.begin(), c.problems.end(),
                            [](const flow::LoggedProblem& p) { return p.code == "sync.failed"; }));

    // What the kiosk logs as a warning is among them too, the newest first.
    app::log::warn("print.paper_low", "paper low");
    c = desk.condition();
    ASSERT_FALSE(c.problems.empty());
    EXPECT_EQ(c.problems.front().code, "print.paper_low");
    EXPECT_LE(c.problems.size(), app::MaintenanceDesk::kProblems);
    services.reset();
}

TEST_F(Maintenance, TheTestPageSyncNowAndTheExportAreDoneAndAudited) {
    writeSettings(true);
    const auto enqueued = kiosk_.enqueue(3);
    auto services = open();
    ASSERT_TRUE(services);
    auto& desk = services->maintenance();

    ASSERT_TRUE(desk.printTestPage("STF-0009"));
    std::size_t pages = 0;
    for (const auto& entry : std::filesystem::directory_iterator(receipts_))
        if (entry.path().extension() == ".png") ++pages;
    EXPECT_EQ(pages, 1u);
    EXPECT_EQ(auditCount(kiosk_.store(), "maintenance.test_print"), 1);

    ASSERT_TRUE(desk.syncNow("STF-0009"));
    EXPECT_EQ(auditCount(kiosk_.store(), "maintenance.sync_now"), 1);

    // No stick: nothing is written, and the screen can say why.
    auto exported = desk.exportUnsent("STF-0009");
    ASSERT_FALSE(exported);
    EXPECT_EQ(exported.error().code, "export.no_media");

    std::filesystem::create_directories(usb_);
    exported = desk.exportUnsent("STF-0009");
    ASSERT_TRUE(exported) << exported.error().code << ": " << exported.error().detail;
    EXPECT_EQ(exported->count, 3);
    const auto file = usb_ / exported->file;
    ASSERT_TRUE(std::filesystem::is_regular_file(file)) << file;
    // The bundle is the kiosk's, signed with its key, and holds exactly the unsent submissions.
    std::ifstream in(file, std::ios::binary);
    const std::string body((std::istreambuf_iterator<char>(in)), {});
    const auto document = sync::verifySignedDocument(body, kiosk_.deviceKey().publicKey());
    ASSERT_TRUE(document) << document.error().detail;
    const auto bundle = Json::parse(*document);
    ASSERT_EQ(bundle["submissions"].size(), 3u);
    for (std::size_t i = 0; i < enqueued.size(); ++i)
        EXPECT_EQ(bundle["submissions"][i]["id"], enqueued[i].submissionId);
    // Exported is not sent: the kiosk goes on sending each until the server acknowledges it.
    EXPECT_EQ(unsent(), 3);
    EXPECT_EQ(auditCount(kiosk_.store(), "maintenance.export"), 1);

    // A second tap in the same second gets a file of its own.
    const auto again = desk.exportUnsent("STF-0009");
    ASSERT_TRUE(again) << again.error().detail;
    EXPECT_NE(again->file, exported->file);
    services.reset();
}

TEST_F(Maintenance, AKioskNotEnrolledSaysWhatItCannotDo) {
    writeSettings(false);
    std::filesystem::create_directories(usb_);
    auto services = open();
    ASSERT_TRUE(services);
    auto& desk = services->maintenance();
    const auto c = desk.condition();
    EXPECT_FALSE(c.sync.configured);
    EXPECT_EQ(c.media.size(), 1u);
    const auto sync = desk.syncNow("STF-0009");
    ASSERT_FALSE(sync);
    EXPECT_EQ(sync.error().code, "maintenance.sync_not_configured");
    const auto exported = desk.exportUnsent("STF-0009");
    ASSERT_FALSE(exported);
    EXPECT_EQ(exported.error().code, "export.not_configured");
    EXPECT_TRUE(std::filesystem::is_empty(usb_));
    services.reset();
}

}  // namespace
}  // namespace kiosk::e2e
