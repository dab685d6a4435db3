#pragma once
// The USB sticks and disks the system has mounted, from the kernel's mount table
// (/proc/self/mountinfo) and sysfs. A mount counts when its source is a block device under /dev
// whose disk says removable, or whose sysfs path goes through a USB bus: many USB sticks and
// most USB disks say removable=0. Nothing here throws; a file that cannot be read is a missing
// value, except the mount table itself.

#include <filesystem>
#include <string>

#include "drivers/api/removable_media.h"

namespace kiosk::drivers {

struct SystemMediaConfig {
    std::filesystem::path mountInfo = "/proc/self/mountinfo";
    std::filesystem::path sysBlock = "/sys/class/block";
};

class SystemMedia final : public RemovableMedia {
public:
    // Other paths than the defaults are for tests: a mount table and a sysfs tree in a folder.
    explicit SystemMedia(std::filesystem::path mountInfo = "/proc/self/mountinfo",
                         std::filesystem::path sysBlock = "/sys/class/block");

    Result<std::vector<Medium>> mounted() const override;

private:
    std::filesystem::path mountInfo_;
    std::filesystem::path sysBlock_;
};

// A mounted folder as a Medium: writable unless mounted read-only or access(W_OK) refuses, and its
// space by statvfs (empty when statvfs fails).
Medium describeMedium(std::filesystem::path mountPoint, std::string device, bool mountedReadOnly);

}  // namespace kiosk::drivers
