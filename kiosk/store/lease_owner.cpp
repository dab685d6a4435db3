#include "kiosk/store/lease_owner.h"

#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>

namespace kiosk::store {
namespace {

std::string bootId() {
    std::ifstream in("/proc/sys/kernel/random/boot_id");
    std::string id;
    std::getline(in, id);
    return id;
}

// Field 22 of /proc/PID/stat, the start time in clock ticks since boot; empty when the process is
// gone. The command name (field 2) may hold spaces and parentheses: fields are counted after the
// last ')'.
std::string startTicks(const std::string& pid) {
    std::ifstream in("/proc/" + pid + "/stat");
    std::string stat;
    if (!std::getline(in, stat)) return {};
    const auto close = stat.rfind(')');
    if (close == std::string::npos) return {};
    std::istringstream fields(stat.substr(close + 1));
    std::string field;
    for (int n = 3; n <= 22; ++n)
        if (!(fields >> field)) return {};
    return field;
}

bool allDigits(std::string_view s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos; }

}  // namespace

const std::string& thisProcessLeaseOwner() {
    static const std::string owner = [] {
        const std::string pid = std::to_string(::getpid());
        return bootId() + "/" + pid + "/" + startTicks(pid);
    }();
    return owner;
}

bool leaseOwnerAlive(std::string_view owner) {
    const auto first = owner.find('/');
    const auto second = first == std::string_view::npos ? first : owner.find('/', first + 1);
    if (second == std::string_view::npos) return false;
    const auto boot = owner.substr(0, first);
    const auto pid = owner.substr(first + 1, second - first - 1);
    const auto start = owner.substr(second + 1);
    if (boot.empty() || !allDigits(pid) || !allDigits(start)) return false;
    if (boot != bootId()) return false;
    return startTicks(std::string(pid)) == start;
}

}  // namespace kiosk::store
