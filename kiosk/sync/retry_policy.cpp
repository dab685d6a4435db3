#include "kiosk/sync/retry_policy.h"

#include <algorithm>

namespace kiosk::sync {

std::chrono::milliseconds RetryPolicy::ceiling(std::int64_t attempt) const {
    const auto n = std::max<std::int64_t>(attempt, 1);
    // Past 2^40 the cap has long been reached; stop doubling before the count overflows.
    if (n - 1 >= 40) return options_.cap;
    const auto doubled = options_.base * (std::int64_t{1} << (n - 1));
    return std::min(options_.cap, doubled);
}

std::chrono::milliseconds RetryPolicy::delay(std::int64_t attempt, std::optional<std::chrono::seconds> retryAfter) {
    std::uniform_int_distribution<std::int64_t> spread(0, ceiling(attempt).count());
    std::chrono::milliseconds wait{spread(random_)};
    if (retryAfter) {
        const auto floor = std::min(std::max(*retryAfter, std::chrono::seconds{0}), options_.retryAfterCap);
        wait = std::max<std::chrono::milliseconds>(wait, floor);
    }
    return wait;
}

}  // namespace kiosk::sync
