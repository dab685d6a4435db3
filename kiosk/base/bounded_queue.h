#pragma once
// A first-in first-out queue between threads with room for a fixed number of values. Unlike the
// Mailbox nothing is replaced: every value put is taken, in order, unless the queue was full when
// it was put; then that value is refused and counted, so a reader that fell far behind shows in
// the counter instead of as a scanned code that silently vanished.
//
// Thread-safe: any number of threads may put and take.

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <utility>
#include <vector>

namespace kiosk {

template <class T>
class BoundedQueue {
public:
    explicit BoundedQueue(std::size_t capacity) : capacity_(capacity) { assert(capacity > 0); }

    // Appends `value`; false, with the overflow counted, when the queue is full (the value is dropped).
    bool push(T value) {
        std::lock_guard lock(mutex_);
        if (items_.size() >= capacity_) {
            ++overflowed_;
            return false;
        }
        items_.push_back(std::move(value));
        return true;
    }

    // Everything queued, oldest first, leaving the queue empty.
    std::vector<T> takeAll() {
        std::lock_guard lock(mutex_);
        std::vector<T> out;
        out.reserve(items_.size());
        for (auto& item : items_) out.push_back(std::move(item));
        items_.clear();
        return out;
    }

    std::size_t size() const {
        std::lock_guard lock(mutex_);
        return items_.size();
    }
    std::size_t capacity() const { return capacity_; }
    // Values refused because the queue was full, since it was made.
    std::uint64_t overflowed() const {
        std::lock_guard lock(mutex_);
        return overflowed_;
    }

private:
    mutable std::mutex mutex_;
    std::deque<T> items_;
    const std::size_t capacity_;
    std::uint64_t overflowed_ = 0;
};

}  // namespace kiosk
