#pragma once
// A serial device made of a pseudo-terminal, which a test can unplug and plug in again. The
// backend under test opens a fixed path, a symlink in a temp folder, the way the kiosk opens
// /dev/serial/by-id/...: plugging in makes a new pty and points the link at its slave (udev
// re-creating the link), unplugging closes both ends and removes the link. The test writes what
// the device "sends" to the master end.

#include <fcntl.h>
#include <pty.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "drivers/posix/unique_fd.h"

namespace kiosk::test {

class SerialTempDir {
public:
    SerialTempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "loket-serial-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~SerialTempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    SerialTempDir(const SerialTempDir&) = delete;
    SerialTempDir& operator=(const SerialTempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

class FakeSerialDevice {
public:
    explicit FakeSerialDevice(std::filesystem::path link) : link_(std::move(link)) {}
    ~FakeSerialDevice() { unplug(); }
    FakeSerialDevice(const FakeSerialDevice&) = delete;
    FakeSerialDevice& operator=(const FakeSerialDevice&) = delete;

    void plug() {
        unplug();
        termios raw{};
        ::cfmakeraw(&raw);
        int master = -1;
        int slave = -1;
        std::array<char, 128> name{};
        if (::openpty(&master, &slave, name.data(), &raw, nullptr) != 0) throw std::runtime_error("openpty failed");
        master_.reset(master);
        slave_.reset(slave);
        for (const int fd : {master, slave}) ::fcntl(fd, F_SETFD, FD_CLOEXEC);
        // Replace the link in one step, as udev does: the backend never sees a half-made link.
        const auto temporary = link_.string() + ".new";
        std::filesystem::remove(temporary);
        std::filesystem::create_symlink(name.data(), temporary);
        std::filesystem::rename(temporary, link_);
    }

    void unplug() {
        std::error_code ignored;
        std::filesystem::remove(link_, ignored);
        master_.reset();
        slave_.reset();
    }

    void send(std::string_view bytes) {
        while (!bytes.empty()) {
            const ssize_t n = ::write(master_.get(), bytes.data(), bytes.size());
            if (n <= 0) throw std::runtime_error("writing to the pty master failed");
            bytes.remove_prefix(static_cast<std::size_t>(n));
        }
    }

    bool plugged() const { return static_cast<bool>(master_); }
    // What the backend writes to the device arrives here.
    int masterFd() const { return master_.get(); }
    const std::filesystem::path& path() const { return link_; }

private:
    std::filesystem::path link_;
    drivers::UniqueFd master_;
    drivers::UniqueFd slave_;
};

// Open descriptors of this process, to show that reconnecting leaks none.
inline std::size_t openDescriptorCount() {
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) ++count;
    return count;
}

}  // namespace kiosk::test
