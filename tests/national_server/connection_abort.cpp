#include "tests/national_server/connection_abort.h"

#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

namespace kiosk::sim {

namespace {

int portOf(const sockaddr_storage& address) {
    if (address.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port);
    if (address.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port);
    return -1;
}

bool hasPorts(int fd, int localPort, int remotePort) {
    sockaddr_storage local{}, remote{};
    socklen_t localSize = sizeof local, remoteSize = sizeof remote;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &localSize) != 0) return false;
    if (::getpeername(fd, reinterpret_cast<sockaddr*>(&remote), &remoteSize) != 0) return false;
    return portOf(local) == localPort && portOf(remote) == remotePort;
}

// The descriptor of this process's TCP connection with exactly these ports. It belongs to the calling
// thread (the worker serving the request), so it cannot be closed or reused while we look.
int findConnection(int localPort, int remotePort) {
    DIR* dir = ::opendir("/proc/self/fd");
    if (!dir) return -1;
    int found = -1;
    while (const dirent* entry = ::readdir(dir)) {
        char* end = nullptr;
        const long fd = std::strtol(entry->d_name, &end, 10);
        if (end == entry->d_name || *end != '\0' || fd == ::dirfd(dir)) continue;
        if (hasPorts(static_cast<int>(fd), localPort, remotePort)) {
            found = static_cast<int>(fd);
            break;
        }
    }
    ::closedir(dir);
    return found;
}

}  // namespace

bool abortConnection(const httplib::Request& request) {
    const int fd = request.ssl ? SSL_get_fd(request.ssl) : findConnection(request.local_port, request.remote_port);
    if (fd < 0) return false;
    const linger resetOnClose{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &resetOnClose, sizeof resetOnClose);
    const int standIn = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (standIn < 0) {
        ::shutdown(fd, SHUT_RDWR);  // still no reply, though a FIN instead of a reset
        return true;
    }
    ::dup2(standIn, fd);  // closes the connection's last descriptor: the kernel sends RST
    ::close(standIn);
    return true;
}

}  // namespace kiosk::sim
