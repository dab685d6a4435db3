#include "drivers/serial/serial_port.h"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <optional>
#include <utility>

namespace kiosk::drivers {

namespace {

using std::chrono::steady_clock;

std::optional<speed_t> speedFor(unsigned baud) {
    switch (baud) {
    case 1200: return B1200;
    case 2400: return B2400;
    case 4800: return B4800;
    case 9600: return B9600;
    case 19200: return B19200;
    case 38400: return B38400;
    case 57600: return B57600;
    case 115200: return B115200;
    case 230400: return B230400;
    case 460800: return B460800;
    case 921600: return B921600;
    default: return std::nullopt;
    }
}

tcflag_t characterSize(unsigned dataBits) {
    switch (dataBits) {
    case 5: return CS5;
    case 6: return CS6;
    case 7: return CS7;
    default: return CS8;
    }
}

// Raw mode: no line editing, no echo, no CR/LF translation, no signals from ^C, no software flow
// control unless asked. Every byte the device sends reaches us unchanged.
Result<void> configure(int fd, const SerialSettings& s) {
    termios tio{};
    if (::tcgetattr(fd, &tio) != 0) return makeError("serial.not_a_tty", errnoText(errno));
    ::cfmakeraw(&tio);
    const speed_t speed = *speedFor(s.baud);
    ::cfsetispeed(&tio, speed);
    ::cfsetospeed(&tio, speed);
    tio.c_cflag &= ~static_cast<tcflag_t>(CSIZE | PARENB | PARODD | CSTOPB | CRTSCTS);
    tio.c_cflag |= characterSize(s.dataBits) | CLOCAL | CREAD;
    if (s.parity != Parity::None) tio.c_cflag |= PARENB;
    if (s.parity == Parity::Odd) tio.c_cflag |= PARODD;
    if (s.stopBits == 2) tio.c_cflag |= CSTOPB;
    if (s.flowControl == FlowControl::RtsCts) tio.c_cflag |= CRTSCTS;
    if (s.flowControl == FlowControl::XonXoff) tio.c_iflag |= IXON | IXOFF;
    tio.c_cc[VMIN] = 0;
    tio.c_cc[VTIME] = 0;
    if (::tcsetattr(fd, TCSANOW, &tio) != 0) return makeError("serial.configure", errnoText(errno));
    return {};
}

}  // namespace

Result<void> validateSerialSettings(const SerialSettings& s) {
    if (s.device.empty()) return makeError("serial.device", "no device path configured");
    if (!speedFor(s.baud)) return makeError("serial.baud", "unsupported baud rate " + std::to_string(s.baud));
    if (s.dataBits < 5 || s.dataBits > 8) return makeError("serial.data_bits", "data bits must be 5 to 8");
    if (s.stopBits != 1 && s.stopBits != 2) return makeError("serial.stop_bits", "stop bits must be 1 or 2");
    if (s.reopenInterval <= std::chrono::milliseconds::zero())
        return makeError("serial.reopen_interval", "the reopen interval must be positive");
    return {};
}

Result<SerialPort> SerialPort::create(SerialSettings settings, const Waker* waker) {
    if (auto ok = validateSerialSettings(settings); !ok) return ok.error();
    return SerialPort{std::move(settings), waker};
}

bool SerialPort::tryOpen() {
    const auto& path = settings_.device;
    // O_NONBLOCK also keeps open() from waiting for carrier detect on a real UART.
    UniqueFd fd{::open(path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)};
    if (!fd) {
        lastError_ = "cannot open " + path.string() + ": " + errnoText(errno);
        nextOpenAt_ = steady_clock::now() + settings_.reopenInterval;
        return false;
    }
    if (auto ok = configure(fd.get(), settings_); !ok) {
        lastError_ = "cannot set up " + path.string() + ": " + ok.error().detail;
        nextOpenAt_ = steady_clock::now() + settings_.reopenInterval;
        return false;
    }
    // Nobody else may open the device while we hold it (root excepted); best effort.
    ::ioctl(fd.get(), TIOCEXCL);
    // Bytes queued before we opened belong to no code we can trust the start of.
    ::tcflush(fd.get(), TCIOFLUSH);
    fd_ = std::move(fd);
    ++openCount_;
    return true;
}

void SerialPort::drop(std::string reason) {
    if (fd_) {
        // Exclusive mode would outlive us on a device that someone else still holds open.
        ::ioctl(fd_.get(), TIOCNXCL);
        fd_.reset();
    }
    lastError_ = std::move(reason);
    nextOpenAt_ = steady_clock::now() + settings_.reopenInterval;
}

SerialRead SerialPort::read(std::chrono::milliseconds timeout) {
    const SteadyTime deadline = steady_clock::now() + timeout;
    for (;;) {
        if (!fd_ && steady_clock::now() >= nextOpenAt_) tryOpen();
        if (!fd_) {
            const SteadyTime until = std::min(deadline, nextOpenAt_);
            if (waitForFd(-1, false, waker_, until) == FdReady::Woken) return {SerialEvent::Woken, {}};
            if (steady_clock::now() >= deadline) return {SerialEvent::Timeout, {}};
            continue;
        }
        const FdReady ready = waitForFd(fd_.get(), false, waker_, deadline);
        if (ready == FdReady::Woken) return {SerialEvent::Woken, {}};
        if (ready == FdReady::Timeout) return {SerialEvent::Timeout, {}};
        std::array<char, 4096> buffer{};
        const ssize_t n = ::read(fd_.get(), buffer.data(), buffer.size());
        if (n > 0) return {SerialEvent::Data, std::string(buffer.data(), static_cast<std::size_t>(n))};
        // Nothing to read after a plain wake-up is spurious; after a hang-up it is the end.
        if (n < 0 && (errno == EAGAIN || errno == EINTR) && ready == FdReady::Ready) continue;
        // A tty reads 0 or EIO after a hang-up: the USB device was unplugged (or the pty closed).
        drop(settings_.device.string() + " went away" + (n < 0 ? ": " + errnoText(errno) : std::string()));
        return {SerialEvent::Disconnected, {}};
    }
}

Result<void> SerialPort::ensureOpen() {
    if (fd_ || tryOpen()) return {};
    return makeError("serial.open", lastError_);
}

Result<void> SerialPort::write(std::string_view bytes, std::chrono::milliseconds timeout) {
    if (auto open = ensureOpen(); !open) return open;
    auto written = writeAll(fd_.get(), bytes, waker_, steady_clock::now() + timeout);
    if (!written && written.error().code != "io.woken")
        drop("writing to " + settings_.device.string() + " failed: " + written.error().detail);
    return written;
}

void SerialPort::discardInput() {
    if (fd_) ::tcflush(fd_.get(), TCIFLUSH);
}

}  // namespace kiosk::drivers
