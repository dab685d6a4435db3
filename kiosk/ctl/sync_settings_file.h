#pragma once
// What the sync, export and device-key commands share: the kiosk's settings file, the keys and
// files it names, and one way to print a failure.

#include <filesystem>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

#include "kiosk/base/result.h"
#include "kiosk/store/master_key.h"
#include "kiosk/sync/sync_settings.h"

namespace kiosk::ctl {

inline constexpr const char* kDefaultConfig = "/etc/loket/kiosk.toml";

// {"error": {"code", "detail"}} on stdout; returns kUsage.
int printFailure(const Error& error);

// The settings, with the keys this command needs present.
Result<sync::SyncSettings> loadSettings(const std::filesystem::path& file,
                                        std::initializer_list<std::string_view> keys);

// An operator command never creates a database or a master key: a wrong path would otherwise
// leave an empty database or a fresh key that the kiosk would then use.
Result<void> requireExisting(const std::filesystem::path& file, std::string_view what);
Result<std::unique_ptr<store::FileMasterKey>> openExistingMasterKey(const std::filesystem::path& file);

}  // namespace kiosk::ctl
