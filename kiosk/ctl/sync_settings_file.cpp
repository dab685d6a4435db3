#include "kiosk/ctl/sync_settings_file.h"

#include <nlohmann/json.hpp>

#include <iostream>

#include "kiosk/ctl/command.h"

namespace kiosk::ctl {

int printFailure(const Error& e) {
    std::cout << nlohmann::json{{"error", {{"code", e.code}, {"detail", e.detail}}}}.dump() << '\n';
    return kUsage;
}

Result<sync::SyncSettings> loadSettings(const std::filesystem::path& file,
                                        std::initializer_list<std::string_view> keys) {
    auto settings = sync::loadSyncSettings(file);
    if (!settings) return settings.error();
    if (auto r = settings->require(keys); !r) return r.error();
    return settings;
}

Result<void> requireExisting(const std::filesystem::path& file, std::string_view what) {
    std::error_code ec;
    if (std::filesystem::exists(file, ec)) return {};
    return Error{"ctl.missing_file", "there is no " + std::string(what) + " at " + file.string() +
                                         " (named in the settings); kioskctl creates none"};
}

Result<std::unique_ptr<store::FileMasterKey>> openExistingMasterKey(const std::filesystem::path& file) {
    if (auto r = requireExisting(file, "master key"); !r) return r.error();
    return store::FileMasterKey::openOrCreate(file);
}

}  // namespace kiosk::ctl
