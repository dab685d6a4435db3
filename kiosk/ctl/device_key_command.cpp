// kioskctl device-key: the kiosk's public signing key and its fingerprint, for enrolment (docs/api.md
// §10): the technician reads the fingerprint out by phone. Creates the key when there is none yet.

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

#include "kiosk/ctl/command.h"
#include "kiosk/ctl/sync_settings_file.h"
#include "kiosk/sync/device_key.h"

namespace kiosk::ctl {

namespace {

struct DeviceKeyOptions {
    std::string config = kDefaultConfig;
};

int show(const DeviceKeyOptions& o) {
    auto settings = loadSettings(o.config, {"sync.device_key"});
    if (!settings) return printFailure(settings.error());
    std::error_code ec;
    const bool existed = std::filesystem::exists(settings->deviceKey, ec);
    auto key = sync::FileDeviceKey::openOrCreate(settings->deviceKey);
    if (!key) return printFailure(key.error());
    nlohmann::json out{{"public_key", sync::publicKeyBase64(**key)},
                       {"fingerprint", sync::fingerprint((*key)->publicKey())},
                       {"file", settings->deviceKey.string()},
                       {"created", !existed}};
    if (!settings->kioskId.empty()) out["kiosk_id"] = settings->kioskId;
    std::cout << out.dump() << '\n';
    return kValid;
}

}  // namespace

void addDeviceKeyCommand(CLI::App& app, Runner& run) {
    auto options = std::make_shared<DeviceKeyOptions>();
    auto* cmd =
        app.add_subcommand("device-key", "Show the kiosk's public signing key and fingerprint (created if missing)");
    cmd->add_option("--config", options->config, "the kiosk's settings file")->capture_default_str();
    cmd->callback([options, &run] { run = [options] { return show(*options); }; });
}

}  // namespace kiosk::ctl
