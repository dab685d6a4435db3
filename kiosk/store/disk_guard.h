#pragma once
// Refuses new submissions before the disk is too full to commit them: a person must never get as
// far as the receipt screen for a record that cannot be written.

#include <cstdint>
#include <filesystem>

#include "kiosk/base/result.h"

namespace kiosk::store {

// Bytes an unprivileged process may still write in `folder`'s file system (statvfs f_bavail).
Result<std::uint64_t> freeBytes(const std::filesystem::path& folder);

// "store.disk_full" when fewer than `floorBytes` are free in `folder`.
Result<void> checkFreeSpace(const std::filesystem::path& folder, std::uint64_t floorBytes);

}  // namespace kiosk::store
