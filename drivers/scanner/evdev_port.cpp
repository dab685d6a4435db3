#include "drivers/scanner/evdev_port.h"

#include <fcntl.h>
#include <linux/input.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <climits>

namespace kiosk::drivers {

namespace {

bool hasKeys(int fd) {
    std::array<unsigned long, (EV_MAX + 1 + CHAR_BIT * sizeof(unsigned long) - 1) / (CHAR_BIT * sizeof(unsigned long))>
        bits{};
    if (::ioctl(fd, EVIOCGBIT(0, sizeof bits), bits.data()) < 0) return false;
    constexpr std::size_t kPerWord = CHAR_BIT * sizeof(unsigned long);
    return (bits[EV_KEY / kPerWord] >> (EV_KEY % kPerWord)) & 1UL;
}

void drain(int fd) {
    std::array<char, 64 * sizeof(input_event)> buffer{};
    while (::read(fd, buffer.data(), buffer.size()) > 0) {
    }
}

}  // namespace

Result<UniqueFd> EvdevPort::open() {
    const auto path = device_.string();
    UniqueFd fd{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
    if (!fd) return makeError("evdev.open", "cannot open " + path + ": " + errnoText(errno));
    int version = 0;
    if (::ioctl(fd.get(), EVIOCGVERSION, &version) < 0)
        return makeError("evdev.open", path + " is not an input event device (/dev/input/event*)");
    if (!hasKeys(fd.get())) return makeError("evdev.open", path + " has no keys; it is not a keyboard-wedge scanner");
    if (::ioctl(fd.get(), EVIOCGRAB, 1) < 0) {
        if (errno == EBUSY)
            return makeError("evdev.open",
                             path + " is grabbed by another program; stop it so the kiosk can read the scanner");
        return makeError("evdev.open", "cannot grab " + path + ": " + errnoText(errno));
    }
    drain(fd.get());
    return fd;
}

}  // namespace kiosk::drivers
