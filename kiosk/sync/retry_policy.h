#pragma once
// How long to wait before trying again (docs/api.md §5.3): exponential backoff with full jitter,
// base 2 s, cap 10 minutes, and a server's Retry-After as a floor of at most one hour. The random
// source is injected so that tests see the same waits every run. Lives on the sync thread.

#include <chrono>
#include <cstdint>
#include <optional>
#include <random>

namespace kiosk::sync {

struct BackoffOptions {
    std::chrono::milliseconds base{std::chrono::seconds{2}};
    std::chrono::milliseconds cap{std::chrono::minutes{10}};
    std::chrono::seconds retryAfterCap{std::chrono::hours{1}};
};

class RetryPolicy {
public:
    explicit RetryPolicy(std::uint64_t seed, BackoffOptions options = {}) : random_(seed), options_(options) {}

    // The upper bound of the wait before attempt n (n = 1 after the first failure):
    // min(cap, base * 2^(n-1)).
    std::chrono::milliseconds ceiling(std::int64_t attempt) const;
    // Uniform in [0, ceiling(attempt)], raised to `retryAfter` (capped at one hour) when given.
    std::chrono::milliseconds delay(std::int64_t attempt, std::optional<std::chrono::seconds> retryAfter = {});

    const BackoffOptions& options() const { return options_; }

private:
    std::mt19937_64 random_;
    BackoffOptions options_;
};

}  // namespace kiosk::sync
