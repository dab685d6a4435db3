#include "kiosk/store/disk_guard.h"

#include <sys/statvfs.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace kiosk::store {

Result<std::uint64_t> freeBytes(const std::filesystem::path& folder) {
    struct statvfs fs {};
    if (::statvfs(folder.c_str(), &fs) != 0)
        return Error{"store.disk_check", "statvfs " + folder.string() + ": " + std::strerror(errno)};
    return static_cast<std::uint64_t>(fs.f_bavail) * static_cast<std::uint64_t>(fs.f_frsize);
}

Result<void> checkFreeSpace(const std::filesystem::path& folder, std::uint64_t floorBytes) {
    auto free = freeBytes(folder);
    if (!free) return free.error();
    if (*free < floorBytes)
        return Error{"store.disk_full", "only " + std::to_string(*free / (1024 * 1024)) + " MiB free in " +
                                            folder.string() + ", under the floor of " +
                                            std::to_string(floorBytes / (1024 * 1024)) +
                                            " MiB; new submissions are refused until space is freed"};
    return {};
}

}  // namespace kiosk::store
