#include "drivers/printer/tcp_printer_link.h"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <cerrno>
#include <memory>

#include "drivers/posix/fd_io.h"

namespace kiosk::drivers {

namespace {

struct FreeAddrInfo {
    void operator()(addrinfo* a) const noexcept {
        if (a) ::freeaddrinfo(a);
    }
};
using AddrInfo = std::unique_ptr<addrinfo, FreeAddrInfo>;

}  // namespace

std::string TcpPrinterLink::describe() const {
    const bool v6 = address_.find(':') != std::string::npos;
    return "TCP " + (v6 ? "[" + address_ + "]" : address_) + ":" + std::to_string(port_);
}

Result<UniqueFd> TcpPrinterLink::connect() {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV;
    addrinfo* found = nullptr;
    const std::string service = std::to_string(port_);
    if (const int rc = ::getaddrinfo(address_.c_str(), service.c_str(), &hints, &found); rc != 0)
        return makeError("printer.address", describe() + ": not a numeric address (" + ::gai_strerror(rc) + ")");
    const AddrInfo addresses(found);

    UniqueFd fd{::socket(found->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)};
    if (!fd) return makeError("printer.open", describe() + ": socket: " + errnoText(errno));
    if (::connect(fd.get(), found->ai_addr, found->ai_addrlen) != 0) {
        if (errno != EINPROGRESS) return makeError("printer.open", describe() + ": " + errnoText(errno));
        const auto deadline = std::chrono::steady_clock::now() + connectTimeout_;
        switch (waitForFd(fd.get(), true, waker(), deadline)) {
        case FdReady::Ready:
        case FdReady::HungUp: break;  // SO_ERROR says why
        case FdReady::Timeout: return makeError("printer.open", describe() + ": no answer to connect");
        case FdReady::Woken: return makeError("printer.open", describe() + ": stopped while connecting");
        }
        int error = 0;
        socklen_t length = sizeof error;
        if (::getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &error, &length) != 0) error = errno;
        if (error != 0) return makeError("printer.open", describe() + ": " + errnoText(error));
    }
    // Small status requests should leave at once, not wait for more bytes to share a packet.
    const int one = 1;
    ::setsockopt(fd.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

}  // namespace kiosk::drivers
