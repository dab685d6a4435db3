// kioskctl export --to DIR: every unsent submission in one bundle signed by the kiosk (docs/api.md
// §9), for a USB stick when the centre has no network. Exporting changes no submission's state:
// the kiosk keeps sending each until the server acknowledges it.

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

#include "kiosk/base/clock.h"
#include "kiosk/ctl/command.h"
#include "kiosk/ctl/sync_settings_file.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/device_key.h"
#include "kiosk/sync/envelope.h"
#include "kiosk/sync/export_bundle.h"

namespace kiosk::ctl {

namespace {

struct ExportOptions {
    std::string config = kDefaultConfig;
    std::string to;
};

int exportBundle(const ExportOptions& o) {
    auto settings = loadSettings(o.config, {"kiosk.id", "kiosk.site_id", "store.database", "store.master_key",
                                            "sync.device_key", "sync.server_seal_public_key"});
    if (!settings) return printFailure(settings.error());
    std::error_code ec;
    if (!std::filesystem::is_directory(o.to, ec))
        return printFailure(Error{"ctl.not_a_folder", o.to + " is not a folder (is the USB stick mounted?)"});
    if (auto r = requireExisting(settings->database, "database"); !r) return printFailure(r.error());
    auto masterKey = openExistingMasterKey(settings->masterKey);
    if (!masterKey) return printFailure(masterKey.error());
    auto deviceKey = sync::FileDeviceKey::openExisting(settings->deviceKey);
    if (!deviceKey) return printFailure(deviceKey.error());

    SystemClock clock;
    store::StoreConfig config;
    config.database = settings->database;
    config.open.readOnly = true;  // exporting writes nothing to the database
    auto opened = store::Store::open(config, **masterKey, clock);
    if (!opened) return printFailure(opened.error());
    const sync::EnvelopeBuilder envelopes(**opened, **deviceKey, *settings->serverSealKey);
    auto summary =
        sync::exportUnsent(**opened, envelopes, **deviceKey, settings->kioskId, settings->siteId, clock.now(), o.to);
    if (!summary) return printFailure(summary.error());

    auto skipped = nlohmann::json::array();
    for (const auto& e : summary->skipped) skipped.push_back({{"code", e.code}, {"detail", e.detail}});
    std::cout << nlohmann::json{{"file", summary->file.string()},
                                {"name", summary->file.filename().string()},
                                {"count", summary->count},
                                {"skipped", skipped}}
                     .dump()
              << '\n';
    return kValid;
}

}  // namespace

void addExportCommand(CLI::App& app, Runner& run) {
    auto options = std::make_shared<ExportOptions>();
    auto* cmd = app.add_subcommand("export", "Write every unsent submission to a signed bundle for a USB stick");
    cmd->add_option("--to", options->to, "the folder to write the bundle into")->required();
    cmd->add_option("--config", options->config, "the kiosk's settings file")->capture_default_str();
    cmd->callback([options, &run] { run = [options] { return exportBundle(*options); }; });
}

}  // namespace kiosk::ctl
