#include "kiosk/app/service_notifier.h"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kiosk::app {
namespace {

// A whole number, or nullopt: the environment is not ours to trust.
std::optional<long long> number(const std::optional<std::string>& text) {
    if (!text || text->empty() || text->size() > 18) return std::nullopt;
    long long value = 0;
    for (const char c : *text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

ServiceNotifier ServiceNotifier::fromEnvironment(const Environment& env, long pid, long parentPid) {
    ServiceNotifier n;
    const auto socket = env("NOTIFY_SOCKET");
    // A path, or '@' for Linux's abstract namespace; anything else is not a socket we can reach.
    if (!socket || socket->size() < 2 || socket->size() >= sizeof(sockaddr_un::sun_path) ||
        (socket->front() != '/' && socket->front() != '@'))
        return n;
    n.socket_ = *socket;
    const auto usec = number(env("WATCHDOG_USEC"));
    const auto owner = env("WATCHDOG_PID");
    const auto ownerPid = number(owner);
    const bool ours = !owner || (ownerPid && (*ownerPid == pid || (parentPid > 0 && *ownerPid == parentPid)));
    if (usec && *usec > 0 && ours) n.watchdog_ = std::chrono::microseconds(*usec);
    return n;
}

bool ServiceNotifier::send(std::string_view message) {
    if (!enabled()) return false;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, socket_.data(), socket_.size());
    if (address.sun_path[0] == '@') address.sun_path[0] = '\0';
    const auto length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + socket_.size());
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        problem_ = std::string("socket: ") + std::strerror(errno);
        return false;
    }
    const auto n =
        ::sendto(fd, message.data(), message.size(), MSG_NOSIGNAL, reinterpret_cast<const sockaddr*>(&address), length);
    const int error = errno;
    ::close(fd);
    if (n < 0 || static_cast<std::size_t>(n) != message.size()) {
        problem_ = "sendto " + socket_ + ": " + std::strerror(error);
        return false;
    }
    ++sent_;
    return true;
}

void ServiceNotifier::ready() {
    if (ready_ || !enabled()) return;
    ready_ = send("READY=1\nSTATUS=Kiosk ready");
}

void ServiceNotifier::stopping() {
    if (stopping_ || !enabled()) return;
    stopping_ = send("STOPPING=1");
}

void ServiceNotifier::alive(Steady::time_point now) {
    if (!watchdog_) return;
    if (lastAlive_ && now - *lastAlive_ < *watchdog_ / 2) return;
    if (send("WATCHDOG=1")) lastAlive_ = now;
}

void ServiceNotifier::status(std::string_view text) { send("STATUS=" + std::string(text)); }

}  // namespace kiosk::app
