#pragma once
// A one-slot mailbox between two threads: the newest value wins. A writer never waits for the
// reader and nothing queues up: a value not taken before the next put is dropped, which is what a
// camera frame, a screen's latest demand or a status snapshot wants.
//
// Thread-safe: any number of threads may put and take.

#include <mutex>
#include <optional>
#include <utility>

namespace kiosk {

template <class T>
class Mailbox {
public:
    // Leaves `value` in the slot; true when it replaced a value nobody took (the reader fell behind).
    bool put(T value) {
        std::lock_guard lock(mutex_);
        const bool replaced = slot_.has_value();
        slot_ = std::move(value);
        return replaced;
    }

    // The value in the slot, leaving the slot empty; nullopt when there is none.
    std::optional<T> take() {
        std::lock_guard lock(mutex_);
        std::optional<T> out = std::move(slot_);
        slot_.reset();
        return out;
    }

    bool empty() const {
        std::lock_guard lock(mutex_);
        return !slot_.has_value();
    }

private:
    mutable std::mutex mutex_;
    std::optional<T> slot_;
};

}  // namespace kiosk
