#pragma once
// What the kiosk tells systemd about itself (config/loket-kiosk.service, Type=notify): READY=1
// once the attract screen is on the glass, WATCHDOG=1 from the UI loop while it runs, STOPPING=1
// on the way out. A UI thread that stalls stops the keep-alives, and systemd restarts the kiosk
// after WatchdogSec. The protocol is sd_notify(3)'s, spoken directly: one datagram per message to
// the unix socket named by $NOTIFY_SOCKET.
//
// Outside systemd (no $NOTIFY_SOCKET) every call does nothing. Lives on the UI thread.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/app/launch.h"

namespace kiosk::app {

class ServiceNotifier {
public:
    using Steady = std::chrono::steady_clock;

    // From $NOTIFY_SOCKET, and $WATCHDOG_USEC with $WATCHDOG_PID. The watchdog is this process's
    // when the pid is absent, its own, or its parent's: under the kiosk compositor (cage) systemd
    // watches cage, which runs the kiosk, and the unit lets every process of the service notify.
    static ServiceNotifier fromEnvironment(const Environment& env, long pid, long parentPid = -1);
    ServiceNotifier() = default;

    bool enabled() const { return !socket_.empty(); }
    // The interval systemd expects keep-alives within; nullopt without a watchdog.
    std::optional<std::chrono::microseconds> watchdog() const { return watchdog_; }

    // Sent once, however often called.
    void ready();
    void stopping();
    // A keep-alive when half the watchdog interval has passed since the last one (a loop may call
    // it every iteration).
    void alive(Steady::time_point now);
    // A line for `systemctl status`.
    void status(std::string_view text);

    // What was sent, counted, for tests and the log.
    int sent() const { return sent_; }
    // The last failure to send, if any ("service.notify").
    const std::optional<std::string>& problem() const { return problem_; }

private:
    bool send(std::string_view message);

    std::string socket_;
    std::optional<std::chrono::microseconds> watchdog_;
    std::optional<Steady::time_point> lastAlive_;
    bool ready_ = false;
    bool stopping_ = false;
    int sent_ = 0;
    std::optional<std::string> problem_;
};

}  // namespace kiosk::app
