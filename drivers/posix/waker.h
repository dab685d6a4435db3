#pragma once
// Wakes the devices thread out of any wait in a backend, so that it can be stopped promptly or
// handed new work. Every backend's wait polls this descriptor beside its own.
//
// A wake stays raised until clear(): a stop request cannot be missed by a wait that starts late,
// and every backend the thread visits returns at once until the thread clears it.

#include "drivers/posix/unique_fd.h"
#include "kiosk/base/result.h"

namespace kiosk::drivers {

// wake() and raised() may be called from any thread; clear() from the devices thread.
class Waker {
public:
    static Result<Waker> create();

    void wake() const;
    void clear() const;
    bool raised() const;
    int fd() const { return fd_.get(); }

private:
    explicit Waker(UniqueFd fd) : fd_(std::move(fd)) {}
    UniqueFd fd_;
};

}  // namespace kiosk::drivers
