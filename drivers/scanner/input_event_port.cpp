#include "drivers/scanner/input_event_port.h"

#include <linux/input.h>
#include <unistd.h>

#include <array>
#include <cerrno>

namespace kiosk::drivers {

namespace {
using std::chrono::steady_clock;
}

bool InputEventPort::tryOpen() {
    auto fd = open();
    if (!fd) {
        lastError_ = fd.error().detail;
        nextOpenAt_ = steady_clock::now() + reopenInterval_;
        return false;
    }
    fd_ = std::move(*fd);
    ++openCount_;
    return true;
}

void InputEventPort::drop(std::string reason) {
    // Closing the descriptor also ends an exclusive grab.
    fd_.reset();
    lastError_ = std::move(reason);
    nextOpenAt_ = steady_clock::now() + reopenInterval_;
}

SerialRead InputEventPort::read(std::chrono::milliseconds timeout) {
    const SteadyTime deadline = steady_clock::now() + timeout;
    for (;;) {
        if (!fd_ && steady_clock::now() >= nextOpenAt_) tryOpen();
        if (!fd_) {
            if (waitForFd(-1, false, waker_, std::min(deadline, nextOpenAt_)) == FdReady::Woken)
                return {SerialEvent::Woken, {}};
            if (steady_clock::now() >= deadline) return {SerialEvent::Timeout, {}};
            continue;
        }
        const FdReady ready = waitForFd(fd_.get(), false, waker_, deadline);
        if (ready == FdReady::Woken) return {SerialEvent::Woken, {}};
        if (ready == FdReady::Timeout) return {SerialEvent::Timeout, {}};
        // A whole number of records per read from evdev; other streams may split them.
        std::array<char, 64 * sizeof(input_event)> buffer{};
        const ssize_t n = ::read(fd_.get(), buffer.data(), buffer.size());
        if (n > 0) return {SerialEvent::Data, std::string(buffer.data(), static_cast<std::size_t>(n))};
        if (n < 0 && (errno == EAGAIN || errno == EINTR) && ready == FdReady::Ready) continue;
        // evdev reads ENODEV once the device is unplugged; a pipe or socket reads 0 at its end.
        drop(describe() + " went away" + (n < 0 ? ": " + errnoText(errno) : std::string()));
        return {SerialEvent::Disconnected, {}};
    }
}

}  // namespace kiosk::drivers
