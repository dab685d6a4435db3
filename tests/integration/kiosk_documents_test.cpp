// A kiosk that runs for days takes the catalogues the sync thread pulls while it runs: between
// visitors it reads the newer documents and the journeys see them (here a new official job
// opening), without a restart. Against the simulator on loopback.

#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <fstream>

#include "kiosk/app/kiosk_services.h"
#include "kiosk/sync/wire_format.h"
#include "tests/integration/sync_e2e_support.h"

namespace kiosk::e2e {
namespace {

bool offers(const flow::FlowSettings& settings, std::string_view id) {
    const auto& openings = settings.catalogue.openings;
    return std::any_of(openings.begin(), openings.end(), [&](const core::JobOpening& o) { return o.id == id; });
}

TEST(KioskDocuments, ANewCatalogueIsTakenBetweenVisitorsWithoutARestart) {
    std::signal(SIGPIPE, SIG_IGN);
    TempDir dir;
    Kiosk kiosk(dir.path() / "kiosk");
    auto sim = SimProcess::start({"--db", (dir.path() / "sim.db").string(), "--kiosk", kiosk.simArgument()});
    ASSERT_TRUE(sim) << "national-server-sim did not start";
    auto link = connect(kiosk, *sim, quickTransport(httpUrl(*sim)));
    ASSERT_TRUE(link) << link.error().detail;
    ASSERT_TRUE(link->worker->runOnce().errors.empty());  // the first pull

    // The kiosk's own settings: its store and keys, the documents the worker keeps; no server URL,
    // so that only this test's worker pulls.
    const auto file = kiosk.dir() / "kiosk.toml";
    std::ofstream(file) << "[kiosk]\nid = \"" << kKioskId << "\"\nsite_id = \"" << kSiteId << "\"\ntime_zone = \"WITA\"\n\n"
                        << "[store]\ndatabase = \"kiosk.db\"\nmaster_key = \"master.key\"\n\n"
                        << "[sync]\ndevice_key = \"device.key\"\nstate_dir = \"sync-state\"\n"
                        << "server_signing_public_key = \"" << sim->signingPublicKey() << "\"\n";
    const auto texts = ui::Catalogs::load(std::filesystem::path(LOKET_SOURCE_ASSETS_DIR) / "i18n");
    ASSERT_TRUE(texts);
    auto services = app::KioskServices::open(file, *texts, kiosk.clock());
    ASSERT_TRUE(services) << services.error().code << ": " << services.error().detail;
    flow::FlowSettings settings;
    const Date today = dateAt(kiosk.clock().now(), std::chrono::hours{7});
    (*services)->applyTo(settings, today);
    ASSERT_FALSE(settings.catalogue.openings.empty());
    // A centre in Central Indonesian Time: its calendar day and the times its staff see.
    EXPECT_EQ(settings.utcOffset, std::chrono::hours{8});
    EXPECT_FALSE(offers(settings, "JO-2026-TW-0999"));
    EXPECT_FALSE((*services)->refreshDocuments());  // nothing new yet

    // The ministry publishes a new opening; the sync thread's next pull brings it.
    std::ifstream in(std::string(LOKET_SOURCE_DIR) + "/tests/national_server/data/catalogues/job_openings.json");
    auto catalogue = nlohmann::json::parse(in);
    auto opening = catalogue["items"][0];
    opening["id"] = "JO-2026-TW-0999";
    opening["country"] = "TW";
    opening["valid_until"] = "2099-12-31";
    catalogue["items"].push_back(opening);
    catalogue["name"] = "job_openings";
    catalogue["version"] = 2;
    catalogue["issued_at"] = sync::formatRfc3339(kiosk.clock().now());
    SimClient admin(sim->httpPort());
    admin.admin("POST", "/admin/documents", {{"catalogue", "job_openings"}, {"document", catalogue}});
    kiosk.clock().advance(std::chrono::hours{1});
    ASSERT_TRUE(link->worker->runOnce().errors.empty());
    link->close();

    ASSERT_TRUE((*services)->refreshDocuments());
    (*services)->applyTo(settings, today);
    EXPECT_TRUE(offers(settings, "JO-2026-TW-0999"));
    EXPECT_FALSE((*services)->refreshDocuments());  // and only once
    services->reset();
    EXPECT_EQ(sim->stop(), 0);
}

}  // namespace
}  // namespace kiosk::e2e
