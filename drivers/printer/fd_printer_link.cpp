#include "drivers/printer/fd_printer_link.h"

#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>

#include "drivers/posix/fd_io.h"

namespace kiosk::drivers {

namespace {
using std::chrono::steady_clock;
}

Result<void> FdPrinterLink::open() {
    if (fd_) return {};
    auto fd = connect();
    if (!fd) {
        lastError_ = fd.error().detail;
        return makeError("printer.open", lastError_);
    }
    fd_ = std::move(*fd);
    return {};
}

void FdPrinterLink::fail(std::string reason) {
    fd_.reset();
    lastError_ = std::move(reason);
}

Result<void> FdPrinterLink::send(std::string_view bytes, std::chrono::milliseconds timeout) {
    if (auto opened = open(); !opened) return opened;
    auto sent = writeAll(fd_.get(), bytes, waker_, steady_clock::now() + timeout, socket_);
    if (!sent && sent.error().code != "io.woken") fail(describe() + ": " + sent.error().detail);
    return sent;
}

void FdPrinterLink::drainInput() {
    std::array<char, 256> buffer{};
    for (;;) {
        const ssize_t n = ::read(fd_.get(), buffer.data(), buffer.size());
        if (n > 0) continue;
        if (n < 0 && errno == EINTR) continue;
        if (n == 0) fail(describe() + ": the printer closed the connection");
        return;
    }
}

std::optional<std::uint8_t> FdPrinterLink::ask(std::string_view request, std::chrono::milliseconds timeout) {
    if (!open()) return std::nullopt;
    drainInput();
    if (!fd_ && !open()) return std::nullopt;
    const auto deadline = steady_clock::now() + timeout;
    if (auto sent = writeAll(fd_.get(), request, waker_, deadline, socket_); !sent) {
        if (sent.error().code != "io.woken") fail(describe() + ": " + sent.error().detail);
        return std::nullopt;
    }
    for (;;) {
        const FdReady ready = waitForFd(fd_.get(), false, waker_, deadline);
        if (ready == FdReady::Timeout || ready == FdReady::Woken) return std::nullopt;
        std::uint8_t reply = 0;
        const ssize_t n = ::read(fd_.get(), &reply, 1);
        if (n == 1) return reply;
        if (n < 0 && (errno == EINTR || errno == EAGAIN) && ready == FdReady::Ready) continue;
        fail(describe() + (n == 0 ? ": the printer closed the connection" : ": " + errnoText(errno)));
        return std::nullopt;
    }
}

}  // namespace kiosk::drivers
