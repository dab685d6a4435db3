#include "drivers/posix/waker.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>

namespace kiosk::drivers {

Result<Waker> Waker::create() {
    UniqueFd fd{::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)};
    if (!fd) return makeError("waker.create", std::string("eventfd: ") + std::strerror(errno));
    return Waker{std::move(fd)};
}

void Waker::wake() const {
    const std::uint64_t one = 1;
    // Only fails when the counter would overflow, and then it is raised anyway.
    [[maybe_unused]] const auto written = ::write(fd_.get(), &one, sizeof one);
}

void Waker::clear() const {
    std::uint64_t count = 0;
    [[maybe_unused]] const auto read = ::read(fd_.get(), &count, sizeof count);
}

bool Waker::raised() const {
    pollfd p{fd_.get(), POLLIN, 0};
    return ::poll(&p, 1, 0) == 1 && (p.revents & POLLIN) != 0;
}

}  // namespace kiosk::drivers
