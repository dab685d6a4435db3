// kioskctl sync now | status: one round of uploads and pulls as the kiosk's sync thread would do
// it, or what is known of the queue and the last sync. Prints ids, counts, codes and times only.

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

#include "kiosk/base/clock.h"
#include "kiosk/ctl/command.h"
#include "kiosk/ctl/sync_settings_file.h"
#include "kiosk/store/migrations.h"
#include "kiosk/sync/atomic_file.h"
#include "kiosk/sync/sync_engine.h"
#include "kiosk/sync/sync_worker.h"

namespace kiosk::ctl {

namespace {

// Passes keep running while they make progress (a queue longer than one batch), never past this.
constexpr int kMaxPasses = 100;

struct SyncOptions {
    std::string config = kDefaultConfig;
};

nlohmann::json queueJson(const store::QueueStatus& s) {
    nlohmann::json out{{"pending", s.pending},           {"in_flight", s.inFlight}, {"sent", s.sent},
                       {"acknowledged", s.acknowledged}, {"rejected", s.rejected},  {"unsent", s.unsent()},
                       {"oldest_unsent_age_s", nullptr}};
    if (s.oldestUnsentAge) out["oldest_unsent_age_s"] = s.oldestUnsentAge->count();
    return out;
}

int now(const SyncOptions& o) {
    auto settings =
        loadSettings(o.config, {"kiosk.id", "store.database", "store.master_key", "sync.server_url", "sync.device_key",
                                "sync.state_dir", "sync.server_seal_public_key", "sync.server_signing_public_key"});
    if (!settings) return printFailure(settings.error());
    if (auto r = requireExisting(settings->database, "database"); !r) return printFailure(r.error());
    auto masterKey = openExistingMasterKey(settings->masterKey);
    if (!masterKey) return printFailure(masterKey.error());
    SystemClock clock;
    auto engine = sync::SyncEngine::open(*settings, **masterKey, clock, {}, {}, sync::DeviceKeyPolicy::MustExist);
    if (!engine) return printFailure(engine.error());

    sync::PassReport total;
    int passes = 0;
    while (passes < kMaxPasses) {
        const auto pass = (*engine)->runOnce();
        ++passes;
        total.add(pass);
        if (pass.acknowledged + pass.rejected == 0) break;
    }
    auto out = nlohmann::json::parse(sync::toJson(total));
    out["passes"] = passes;
    out["server_reached"] = total.answered > 0;
    out["queue"] = queueJson((*engine)->status().queue);
    std::cout << out.dump() << '\n';
    return kValid;
}

nlohmann::json readJsonFile(const std::filesystem::path& file) {
    auto text = sync::readWholeFile(file);
    if (!text) return nullptr;
    auto parsed = nlohmann::json::parse(*text, nullptr, false);
    return parsed.is_discarded() ? nlohmann::json(nullptr) : parsed;
}

// kioskctl may run as another user than the kiosk: the database is opened read-only and nothing
// is created or changed.
int status(const SyncOptions& o) {
    auto settings = loadSettings(o.config, {"store.database", "sync.state_dir"});
    if (!settings) return printFailure(settings.error());
    auto db = store::openForReading(settings->database);
    if (!db) return printFailure(db.error());
    SystemClock clock;
    auto queue = store::Outbox(*db, clock).status();
    if (!queue) return printFailure(queue.error());

    nlohmann::json out{{"queue", queueJson(*queue)}};
    out["last_sync"] = readJsonFile(sync::SyncWorker::statusFile(settings->stateDir));
    auto counts = nlohmann::json::object();
    const auto statuses = readJsonFile(settings->stateDir / "statuses.json");
    if (statuses.is_object() && statuses.contains("statuses") && statuses["statuses"].is_object())
        for (const auto& [id, s] : statuses["statuses"].items())
            if (s.is_object() && s.contains("state") && s["state"].is_string())
                counts[s["state"].get<std::string>()] = counts.value(s["state"].get<std::string>(), 0) + 1;
    out["server_statuses"] = counts;
    std::cout << out.dump() << '\n';
    return kValid;
}

}  // namespace

void addSyncCommand(CLI::App& app, Runner& run) {
    auto options = std::make_shared<SyncOptions>();
    auto* syncCmd = app.add_subcommand("sync", "Talk to the national server, or show what is known of it");
    syncCmd->require_subcommand(1);
    syncCmd->fallthrough();  // --config may come before or after now/status
    syncCmd->add_option("--config", options->config, "the kiosk's settings file")->capture_default_str();

    auto* nowCmd = syncCmd->add_subcommand(
        "now",
        "Upload what is due and pull configuration, catalogues and statuses; JSON summary. Exit 0 when the "
        "round ran, also when the server could not be reached");
    nowCmd->callback([options, &run] { run = [options] { return now(*options); }; });

    auto* statusCmd = syncCmd->add_subcommand("status", "Queue counts and the last sync, as JSON");
    statusCmd->callback([options, &run] { run = [options] { return status(*options); }; });
}

}  // namespace kiosk::ctl
