#include "drivers/storage/system_media.h"

#include <sys/statvfs.h>
#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kiosk::drivers {

namespace {

struct MountEntry {
    std::filesystem::path mountPoint;
    std::string source;
    bool readOnly = false;
};

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    while (true) {
        const auto at = text.find(separator);
        parts.push_back(text.substr(0, at));
        if (at == std::string_view::npos) return parts;
        text.remove_prefix(at + 1);
    }
}

bool isOctal(char c) { return c >= '0' && c <= '7'; }

// The kernel writes a space, tab, newline and backslash in a mount point or source as \040,
// \011, \012 and \134, so that the fields stay apart.
std::string decoded(std::string_view field) {
    std::string out;
    out.reserve(field.size());
    for (std::size_t i = 0; i < field.size(); ++i) {
        if (field[i] == '\\' && i + 3 < field.size() && isOctal(field[i + 1]) && isOctal(field[i + 2]) &&
            isOctal(field[i + 3])) {
            out += static_cast<char>((field[i + 1] - '0') * 64 + (field[i + 2] - '0') * 8 + (field[i + 3] - '0'));
            i += 3;
        } else {
            out += field[i];
        }
    }
    return out;
}

bool hasOption(std::string_view options, std::string_view option) {
    for (const auto o : split(options, ','))
        if (o == option) return true;
    return false;
}

// "36 35 98:0 /mnt1 /mnt/parent rw,noatime master:1 - ext3 /dev/root rw,errors=continue": six
// fields, optional ones up to "-", then the filesystem type, the source and the superblock's
// options. A line of another shape is skipped.
std::optional<MountEntry> parseMountLine(std::string_view line) {
    const auto fields = split(line, ' ');
    std::size_t dash = 6;
    while (dash < fields.size() && fields[dash] != "-") ++dash;
    if (dash + 3 >= fields.size()) return std::nullopt;
    MountEntry entry;
    entry.mountPoint = decoded(fields[4]);
    entry.source = decoded(fields[dash + 2]);
    entry.readOnly = hasOption(fields[5], "ro") || hasOption(fields[dash + 3], "ro");
    return entry;
}

Result<std::vector<MountEntry>> readMountTable(const std::filesystem::path& file) {
    const auto unreadable = Error{"media.unreadable", "cannot read the mount table " + file.string()};
    std::ifstream in(file);
    if (!in) return unreadable;
    std::vector<MountEntry> entries;
    for (std::string line; std::getline(in, line);)
        if (auto entry = parseMountLine(line)) entries.push_back(std::move(*entry));
    if (in.bad()) return unreadable;
    return entries;
}

std::string firstLine(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);
    return line;
}

// True when any folder below sysfs's "devices" is a USB bus or port ("usb1", "usb2"); only below
// it, since the sysfs tree of a test may lie anywhere.
bool throughUsb(const std::filesystem::path& sysfsPath) {
    bool usb = false;
    for (const auto& part : sysfsPath) {
        const auto& name = part.native();
        if (name == "devices") usb = false;
        if (name.starts_with("usb")) usb = true;
    }
    return usb;
}

// The block device behind `source` when its disk is removable or on a USB bus.
std::optional<std::filesystem::path> removableDevice(const std::string& source, const std::filesystem::path& sysBlock) {
    if (!source.starts_with("/dev/")) return std::nullopt;
    std::error_code ec;
    std::filesystem::path device = source;
    // /dev/disk/by-label/STICK and /dev/mapper/x are links to the device node.
    if (std::filesystem::exists(device, ec)) {
        auto resolved = std::filesystem::weakly_canonical(device, ec);
        if (!ec) device = std::move(resolved);
    }
    if (!device.has_filename()) return std::nullopt;
    const auto entry = sysBlock / device.filename();
    const auto real = std::filesystem::canonical(entry, ec);
    if (ec) return std::nullopt;
    const bool partition = std::filesystem::exists(real / "partition", ec);
    const auto disk = partition ? real.parent_path() : real;
    if (firstLine(disk / "removable") == "1" || throughUsb(real)) return device;
    return std::nullopt;
}

}  // namespace

SystemMedia::SystemMedia(std::filesystem::path mountInfo, std::filesystem::path sysBlock)
    : mountInfo_(std::move(mountInfo)), sysBlock_(std::move(sysBlock)) {}

Result<std::vector<Medium>> SystemMedia::mounted() const {
    auto table = readMountTable(mountInfo_);
    if (!table) return table.error();
    // A mount over another one hides it, as the kernel lists them: the last entry of a mount
    // point is the one in force.
    std::unordered_map<std::string, std::size_t> last;
    for (std::size_t i = 0; i < table->size(); ++i) last[(*table)[i].mountPoint.native()] = i;
    std::vector<Medium> media;
    for (std::size_t i = 0; i < table->size(); ++i) {
        const auto& entry = (*table)[i];
        if (last[entry.mountPoint.native()] != i) continue;
        if (auto device = removableDevice(entry.source, sysBlock_))
            media.push_back(describeMedium(entry.mountPoint, device->string(), entry.readOnly));
    }
    return media;
}

Medium describeMedium(std::filesystem::path mountPoint, std::string device, bool mountedReadOnly) {
    Medium medium;
    medium.mountPoint = std::move(mountPoint);
    medium.device = std::move(device);
    medium.writable = !mountedReadOnly && ::access(medium.mountPoint.c_str(), W_OK) == 0;
    struct statvfs space {};
    if (::statvfs(medium.mountPoint.c_str(), &space) == 0) {
        const auto blockSize = static_cast<std::uint64_t>(space.f_frsize);
        medium.freeBytes = static_cast<std::uint64_t>(space.f_bavail) * blockSize;
        medium.totalBytes = static_cast<std::uint64_t>(space.f_blocks) * blockSize;
    }
    return medium;
}

}  // namespace kiosk::drivers
