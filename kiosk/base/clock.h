#pragma once
// Time comes in through this interface so that nothing in core reads the wall clock and tests
// advance time by hand.

#include <chrono>

namespace kiosk {

class Clock {
public:
    using TimePoint = std::chrono::system_clock::time_point;
    virtual ~Clock() = default;
    virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
public:
    TimePoint now() const override { return std::chrono::system_clock::now(); }
};

// Lives on whichever thread the test drives; not thread-safe by design.
class FakeClock final : public Clock {
public:
    explicit FakeClock(TimePoint start = TimePoint{}) : now_(start) {}
    TimePoint now() const override { return now_; }
    void advance(std::chrono::nanoseconds by) { now_ += std::chrono::duration_cast<TimePoint::duration>(by); }
    void set(TimePoint to) { now_ = to; }

private:
    TimePoint now_;
};

}  // namespace kiosk
