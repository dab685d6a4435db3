#include "kiosk/sync/sync_thread.h"

#include <algorithm>

namespace kiosk::sync {

namespace {

// A clock that jumps (a fake one in tests, or the wall clock being set) must not make the thread
// sleep for hours: it looks again at least this often.
constexpr std::chrono::seconds kLongestSleep{60};

}  // namespace

SyncThread::SyncThread(Open open, const Clock& clock, std::chrono::seconds retryOpenAfter)
    : open_(std::move(open)),
      clock_(clock),
      retryOpenAfter_(retryOpenAfter),
      thread_([this](std::stop_token stop) { run(std::move(stop)); }) {}

SyncThread::~SyncThread() { stop(); }

void SyncThread::wake() {
    {
        std::lock_guard lock(mutex_);
        wakeRequested_ = true;
    }
    woken_.notify_all();
}

void SyncThread::stop() {
    if (!thread_.joinable()) return;
    thread_.request_stop();  // wakes the condition variable wait through the stop token
    thread_.join();
}

void SyncThread::sleepUntil(Clock::TimePoint until, const std::stop_token& stop) {
    const auto wait =
        std::clamp<Clock::TimePoint::duration>(until - clock_.now(), Clock::TimePoint::duration::zero(), kLongestSleep);
    std::unique_lock lock(mutex_);
    woken_.wait_for(lock, stop, wait, [this] { return wakeRequested_; });
    wakeRequested_ = false;
}

void SyncThread::run(std::stop_token stop) {
    std::unique_ptr<SyncLoop> loop;
    while (!stop.stop_requested()) {
        if (!loop) {
            auto opened = open_(stop);
            if (!opened) {
                SyncStatus failing;
                failing.lastFailure = "sync cannot start: " + opened.error().code + ": " + opened.error().detail;
                raiseAlert(failing.alerts, Alert{"sync_unavailable", "", failing.lastFailure, clock_.now()});
                board_.publish(std::move(failing));
                sleepUntil(clock_.now() + retryOpenAfter_, stop);
                continue;
            }
            loop = std::move(*opened);
        }
        const auto report = loop->runOnce();
        board_.publish(loop->status());
        // More may be due at once (a full batch, a retry with no wait); otherwise rest until the
        // next planned time.
        if (!report.worked() && !stop.stop_requested()) sleepUntil(loop->nextWake(), stop);
    }
}

}  // namespace kiosk::sync
