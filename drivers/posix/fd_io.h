#pragma once
// Waiting, reading and writing on non-blocking descriptors with a deadline and a Waker, shared by
// the serial port and the printer links. Deadlines use the monotonic clock: the wall clock of a
// kiosk that was offline for days jumps when it next synchronises.

#include <chrono>
#include <string>
#include <string_view>

#include "drivers/posix/waker.h"
#include "kiosk/base/result.h"

namespace kiosk::drivers {

using SteadyTime = std::chrono::steady_clock::time_point;

enum class FdReady {
    Ready,   // the asked-for event
    HungUp,  // a hang-up or error and nothing else; the next read or write says what happened
    Timeout,
    Woken,
};

// Waits until `fd` is readable (or writable with `forWriting`), the waker is raised, or the
// deadline passes. `fd` may be -1 to wait on the waker alone; `waker` may be null.
FdReady waitForFd(int fd, bool forWriting, const Waker* waker, SteadyTime deadline);

// The text of an errno value, for plain-words health messages.
std::string errnoText(int error);

// Writes all of `bytes`, waiting for room as needed. "io.timeout", "io.woken" or "io.write".
// Sockets are written with MSG_NOSIGNAL so a closed peer is an error, not a SIGPIPE.
Result<void> writeAll(int fd, std::string_view bytes, const Waker* waker, SteadyTime deadline, bool socket = false);

}  // namespace kiosk::drivers
