#include "drivers/simulation/script_player.h"

#include <algorithm>

#include "drivers/posix/fd_io.h"

namespace kiosk::drivers {

namespace {
using std::chrono::steady_clock;
}

ScriptPlayer::ScriptPlayer(std::vector<ScriptStep> steps, const Clock& clock, PlaybackOptions options)
    : steps_(std::move(steps)), clock_(&clock), options_(options), last_(clock.now()) {}

bool ScriptPlayer::loops() const {
    // A loop needs something to deliver, or it would spin through @fail and @ready for ever.
    return options_.loop &&
           std::any_of(steps_.begin(), steps_.end(), [](const auto& s) { return s.kind == ScriptStep::Kind::Item; });
}

std::optional<std::size_t> ScriptPlayer::next(std::chrono::milliseconds timeout) {
    const auto deadline = steady_clock::now() + timeout;
    for (;;) {
        if (index_ >= steps_.size()) {
            if (!loops()) {
                // Nothing more will come; wait like an idle device so the caller does not spin.
                waitForFd(-1, false, options_.waker, deadline);
                return std::nullopt;
            }
            index_ = 0;
        }
        const ScriptStep& step = steps_[index_];
        const auto due = last_ + std::chrono::duration_cast<Clock::TimePoint::duration>(step.wait);
        if (clock_->now() < due) {
            const auto untilDue = std::chrono::ceil<std::chrono::milliseconds>(due - clock_->now());
            const auto untilDeadline = std::chrono::ceil<std::chrono::milliseconds>(deadline - steady_clock::now());
            const auto wait = std::min(untilDue, untilDeadline);
            if (wait > std::chrono::milliseconds::zero() &&
                waitForFd(-1, false, options_.waker, steady_clock::now() + wait) == FdReady::Woken)
                return std::nullopt;
            if (clock_->now() < due) return std::nullopt;
        }
        // The next wait counts from now: a device nobody asked for a while does not burst.
        last_ = clock_->now();
        ++index_;
        switch (step.kind) {
        case ScriptStep::Kind::Item: return step.item;
        case ScriptStep::Kind::Fail: failure_ = step.reason; break;
        case ScriptStep::Kind::Ready: failure_.clear(); break;
        case ScriptStep::Kind::Pause: break;
        }
    }
}

}  // namespace kiosk::drivers
