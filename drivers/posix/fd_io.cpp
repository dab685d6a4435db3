#include "drivers/posix/fd_io.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

namespace kiosk::drivers {

namespace {

int pollTimeout(SteadyTime deadline) {
    using namespace std::chrono;
    const auto left = deadline - steady_clock::now();
    if (left <= steady_clock::duration::zero()) return 0;
    // Round up so that a wait never ends a fraction of a millisecond before its deadline.
    const auto ms = duration_cast<milliseconds>(left + milliseconds(1) - nanoseconds(1)).count();
    return static_cast<int>(std::min<long long>(ms, 60'000));
}

}  // namespace

FdReady waitForFd(int fd, bool forWriting, const Waker* waker, SteadyTime deadline) {
    const short events = forWriting ? POLLOUT : POLLIN;
    for (;;) {
        std::array<pollfd, 2> fds{pollfd{fd, events, 0}, pollfd{waker ? waker->fd() : -1, POLLIN, 0}};
        const int n = ::poll(fds.data(), fds.size(), pollTimeout(deadline));
        if (n < 0) {
            if (errno == EINTR) continue;
            // poll() fails only on bad arguments or no memory; let the caller's read or write say so.
            return FdReady::Ready;
        }
        if (fds[1].revents != 0) return FdReady::Woken;
        if ((fds[0].revents & events) != 0) return FdReady::Ready;
        if (fds[0].revents != 0) return FdReady::HungUp;
        if (std::chrono::steady_clock::now() >= deadline) return FdReady::Timeout;
        // poll() may return early (its timeout is capped above); wait for the rest.
    }
}

std::string errnoText(int error) {
    std::array<char, 128> buffer{};
    // The GNU strerror_r returns the text, which may or may not be in the buffer.
    return ::strerror_r(error, buffer.data(), buffer.size());
}

Result<void> writeAll(int fd, std::string_view bytes, const Waker* waker, SteadyTime deadline, bool socket) {
    while (!bytes.empty()) {
        const ssize_t n =
            socket ? ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) : ::write(fd, bytes.data(), bytes.size());
        if (n > 0) {
            bytes.remove_prefix(static_cast<std::size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) return makeError("io.write", errnoText(errno));
        switch (waitForFd(fd, true, waker, deadline)) {
        case FdReady::Ready:
        case FdReady::HungUp: break;  // the next write reports it
        case FdReady::Timeout: return makeError("io.timeout", "the device took no more data in time");
        case FdReady::Woken: return makeError("io.woken", "stopped while writing");
        }
    }
    return {};
}

}  // namespace kiosk::drivers
