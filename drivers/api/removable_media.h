#pragma once
// Removable media (USB sticks) mounted on the kiosk PC: where each one is, whether the kiosk may
// write there, and how much room it has. Asked afresh on every call: a stick comes and goes
// without telling anyone.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/base/result.h"

namespace kiosk::drivers {

struct Medium {
    std::filesystem::path mountPoint;
    std::string device;                       // "/dev/sdb1", or "simulated"
    bool writable = false;                    // mounted read-write and this process may write into its root
    std::optional<std::uint64_t> freeBytes;   // statvfs f_bavail * f_frsize
    std::optional<std::uint64_t> totalBytes;  // f_blocks * f_frsize
};

class RemovableMedia {
public:
    virtual ~RemovableMedia() = default;
    // The removable media mounted now, in mount-table order. An error ("media.unreadable") only
    // when the mount table itself cannot be read.
    virtual Result<std::vector<Medium>> mounted() const = 0;
};

}  // namespace kiosk::drivers
