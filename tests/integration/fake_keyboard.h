#pragma once
// A keyboard-wedge scanner made of a socketpair, which a test can unplug and plug in again. The
// scanner under test reads the socket's far end through an InputEventPort that opens it the way
// EvdevPort opens /dev/input/eventN: plugging in makes a new pair, unplugging closes the test's
// end (the port then reads the end of the stream, as it reads ENODEV from an unplugged device)
// and makes opening fail until the next plug. The test writes struct input_event records.

#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <string_view>

#include "drivers/posix/unique_fd.h"
#include "drivers/scanner/input_event_port.h"

namespace kiosk::test {

class FakeKeyboard {
public:
    void plug() {
        unplug();
        plugged_ = true;
    }
    void unplug() {
        plugged_ = false;
        ours_.reset();
    }
    bool plugged() const { return plugged_; }

    // What the port's open() does.
    Result<drivers::UniqueFd> open() {
        if (!plugged_) return makeError("evdev.open", "cannot open fake-keyboard: No such file or directory");
        int fds[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) != 0)
            throw std::runtime_error("socketpair failed");
        ours_.reset(fds[0]);
        return drivers::UniqueFd(fds[1]);
    }

    // Writes the bytes in pieces of `piece` (a stream may split records anywhere).
    void send(std::string_view bytes, std::size_t piece = 4096) {
        while (!bytes.empty()) {
            const auto n = ::send(ours_.get(), bytes.data(), std::min(piece, bytes.size()), MSG_NOSIGNAL);
            if (n <= 0) throw std::runtime_error("writing to the fake keyboard failed");
            bytes.remove_prefix(static_cast<std::size_t>(n));
        }
    }

private:
    bool plugged_ = false;
    drivers::UniqueFd ours_;
};

class FakeKeyboardPort final : public drivers::InputEventPort {
public:
    FakeKeyboardPort(FakeKeyboard& keyboard, std::chrono::milliseconds reopenInterval,
                     const drivers::Waker* waker = nullptr)
        : InputEventPort(reopenInterval, waker), keyboard_(&keyboard) {}
    std::string describe() const override { return "fake-keyboard"; }

protected:
    Result<drivers::UniqueFd> open() override { return keyboard_->open(); }

private:
    FakeKeyboard* keyboard_;
};

}  // namespace kiosk::test
