#pragma once
// Runs the sync worker on a thread of its own. Whatever the worker needs that is tied to a thread
// (its Store connection, its curl handle) is made on that thread by `open` and never leaves it;
// other threads see only the SyncStatus snapshot, which never waits for the network.
//
// stop() interrupts a sleep at once; a request in flight is aborted through its progress callback
// (within about a second) and is in any case bounded by its timeouts.

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <stop_token>
#include <thread>

#include "kiosk/base/clock.h"
#include "kiosk/base/result.h"
#include "kiosk/sync/sync_status.h"

namespace kiosk::sync {

// What the sync thread drives: in the kiosk a SyncEngine, in tests whatever they need.
class SyncLoop {
public:
    virtual ~SyncLoop() = default;
    virtual PassReport runOnce() = 0;
    virtual Clock::TimePoint nextWake() = 0;
    virtual SyncStatus status() const = 0;
};

class SyncThread {
public:
    // Called on the new thread; the token is stopped by stop(), for aborting requests in flight.
    using Open = std::function<Result<std::unique_ptr<SyncLoop>>(std::stop_token)>;

    // Starts the thread. `clock` must outlive it and be safe to read from it.
    SyncThread(Open open, const Clock& clock, std::chrono::seconds retryOpenAfter = std::chrono::seconds{60});
    ~SyncThread();  // stop()

    // Looks at the outbox now instead of at the next planned time (call after an enqueue).
    void wake();
    // Returns once the thread has ended. Safe to call more than once.
    void stop();
    // The latest published status; never blocks on the network.
    SyncStatus status() const { return board_.snapshot(); }

    SyncThread(const SyncThread&) = delete;
    SyncThread& operator=(const SyncThread&) = delete;

private:
    void run(std::stop_token stop);
    // Sleeps until `until`, a wake() or a stop, whichever comes first.
    void sleepUntil(Clock::TimePoint until, const std::stop_token& stop);

    Open open_;
    const Clock& clock_;
    std::chrono::seconds retryOpenAfter_;
    SyncStatusBoard board_;
    std::mutex mutex_;
    std::condition_variable_any woken_;
    bool wakeRequested_ = false;
    std::jthread thread_;  // last: started once everything above exists
};

}  // namespace kiosk::sync
