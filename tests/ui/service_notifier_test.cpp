// What the kiosk tells systemd: the messages arrive on a real unix datagram socket as sd_notify's
// protocol has them; READY and STOPPING once each, keep-alives at half the watchdog interval, no
// watchdog that belongs to another process (the compositor that runs the kiosk is its parent, not
// another), nothing at all outside systemd; and the main loop says READY once its first screen is
// presented and STOPPING when it ends.

#include <gtest/gtest.h>
#include <stdlib.h>  // mkdtemp
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/app/main_loop.h"
#include "kiosk/app/service_notifier.h"
#include "kiosk/app/speaker.h"
#include "kiosk/ui/catalog.h"
#include "kiosk/ui/display.h"
#include "kiosk/ui/sdl_handles.h"

namespace kiosk::app {
namespace {

using namespace std::chrono_literals;
const std::filesystem::path kAssets = LOKET_SOURCE_ASSETS_DIR;

// systemd's side: a datagram socket bound to a path in a folder of the test's own.
class NotifySocket {
public:
    NotifySocket() {
        std::string pattern = (std::filesystem::temp_directory_path() / "loket-notify-XXXXXX").string();
        if (::mkdtemp(pattern.data())) dir_ = pattern;
        path_ = (dir_ / "notify").string();
        fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::strncpy(address.sun_path, path_.c_str(), sizeof address.sun_path - 1);
        bound_ = ::bind(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
    }
    ~NotifySocket() {
        ::close(fd_);
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    bool bound() const { return bound_; }
    const std::string& path() const { return path_; }

    // The next message, waiting at most `wait`.
    std::optional<std::string> receive(std::chrono::milliseconds wait = 2000ms) {
        timeval tv{static_cast<time_t>(wait.count() / 1000), static_cast<suseconds_t>(wait.count() % 1000 * 1000)};
        ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        char buffer[512];
        const auto n = ::recv(fd_, buffer, sizeof buffer, 0);
        if (n < 0) return std::nullopt;
        return std::string(buffer, static_cast<std::size_t>(n));
    }
    std::vector<std::string> drain() {
        std::vector<std::string> all;
        while (auto m = receive(50ms)) all.push_back(*m);
        return all;
    }

private:
    std::filesystem::path dir_;
    std::string path_;
    int fd_ = -1;
    bool bound_ = false;
};

Environment environment(std::map<std::string, std::string> values) {
    return [values = std::move(values)](std::string_view name) -> std::optional<std::string> {
        const auto it = values.find(std::string(name));
        if (it == values.end()) return std::nullopt;
        return it->second;
    };
}

TEST(ServiceNotifier, OutsideSystemdSaysNothing) {
    auto n = ServiceNotifier::fromEnvironment(environment({{"WATCHDOG_USEC", "1000000"}}), 42);
    EXPECT_FALSE(n.enabled());
    EXPECT_FALSE(n.watchdog());
    n.ready();
    n.alive(ServiceNotifier::Steady::now());
    n.stopping();
    EXPECT_EQ(n.sent(), 0);
}

TEST(ServiceNotifier, ReadyAndStoppingAreSentOnceEach) {
    NotifySocket systemd;
    ASSERT_TRUE(systemd.bound());
    auto n = ServiceNotifier::fromEnvironment(environment({{"NOTIFY_SOCKET", systemd.path()}}), 42);
    ASSERT_TRUE(n.enabled());
    n.ready();
    n.ready();
    n.status("Kiosk KIOSK-3578-01: 2 submissions queued");
    n.stopping();
    n.stopping();
    EXPECT_EQ(systemd.drain(),
              (std::vector<std::string>{"READY=1\nSTATUS=Kiosk ready",
                                        "STATUS=Kiosk KIOSK-3578-01: 2 submissions queued", "STOPPING=1"}));
    EXPECT_FALSE(n.problem());
}

TEST(ServiceNotifier, KeepAlivesComeAtHalfTheWatchdogInterval) {
    NotifySocket systemd;
    ASSERT_TRUE(systemd.bound());
    auto n = ServiceNotifier::fromEnvironment(
        environment({{"NOTIFY_SOCKET", systemd.path()}, {"WATCHDOG_USEC", "2000000"}, {"WATCHDOG_PID", "42"}}), 42);
    ASSERT_EQ(n.watchdog(), std::chrono::microseconds(2'000'000));
    const auto t0 = ServiceNotifier::Steady::now();
    for (const auto at : {0ms, 250ms, 500ms, 999ms, 1000ms, 1250ms, 1999ms, 2000ms}) n.alive(t0 + at);
    EXPECT_EQ(systemd.drain(), (std::vector<std::string>{"WATCHDOG=1", "WATCHDOG=1", "WATCHDOG=1"}));
}

TEST(ServiceNotifier, AWatchdogOfAnotherProcessOrMalformedIsNotKept) {
    NotifySocket systemd;
    ASSERT_TRUE(systemd.bound());
    const auto with = [&](const char* usec, const char* pid) {
        std::map<std::string, std::string> values{{"NOTIFY_SOCKET", systemd.path()}, {"WATCHDOG_USEC", usec}};
        if (pid) values["WATCHDOG_PID"] = pid;
        return ServiceNotifier::fromEnvironment(environment(values), 42, 7).watchdog();
    };
    EXPECT_FALSE(with("2000000", "41")) << "systemd watches another process, not this one";
    EXPECT_TRUE(with("2000000", "7")) << "the compositor that runs the kiosk is watched: the kiosk feeds it";
    EXPECT_FALSE(with("2000000", "4x"));
    EXPECT_FALSE(with("two seconds", "42"));
    EXPECT_FALSE(with("0", "42"));
    EXPECT_FALSE(with("-5", nullptr));
    EXPECT_TRUE(with("2000000", nullptr));
}

TEST(ServiceNotifier, OnlyAbsoluteOrAbstractSocketsAreUsed) {
    EXPECT_FALSE(ServiceNotifier::fromEnvironment(environment({{"NOTIFY_SOCKET", "run/notify"}}), 1).enabled());
    EXPECT_FALSE(ServiceNotifier::fromEnvironment(environment({{"NOTIFY_SOCKET", "@"}}), 1).enabled());
    EXPECT_FALSE(
        ServiceNotifier::fromEnvironment(environment({{"NOTIFY_SOCKET", "/" + std::string(200, 'x')}}), 1).enabled());
    EXPECT_TRUE(ServiceNotifier::fromEnvironment(environment({{"NOTIFY_SOCKET", "@/org/loket/notify"}}), 1).enabled());
}

TEST(ServiceNotifier, AGoneSocketIsAProblemNotACrash) {
    auto n = ServiceNotifier::fromEnvironment(environment({{"NOTIFY_SOCKET", "/nonexistent/loket/notify"}}), 1);
    n.ready();
    EXPECT_EQ(n.sent(), 0);
    ASSERT_TRUE(n.problem());
    EXPECT_NE(n.problem()->find("/nonexistent/loket/notify"), std::string::npos);
}

TEST(ServiceNotifier, TheMainLoopIsReadyAfterItsFirstScreenAndStopsOnQuit) {
    NotifySocket systemd;
    ASSERT_TRUE(systemd.bound());
    auto texts = ui::Catalogs::load(kAssets / "i18n");
    ASSERT_TRUE(texts);
    auto display = ui::Display::open(ui::DisplayOptions{ui::VideoMode::Offscreen, {800, 600}, kAssets});
    ASSERT_TRUE(display) << display.error().detail;
    SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
    auto n = ServiceNotifier::fromEnvironment(
        environment({{"NOTIFY_SOCKET", systemd.path()}, {"WATCHDOG_USEC", "400000"}}), 42);
    RecordingSpeaker silent;
    Session session(flow::FlowSettings{}, *texts, silent, nullptr);

    // systemd's side on a thread: after READY, let the loop wake a few times, then stop it.
    std::vector<std::string> heard;
    std::thread manager([&] {
        while (auto m = systemd.receive(10'000ms)) {
            heard.push_back(*m);
            if (m->starts_with("READY=1")) break;
        }
        const auto until = std::chrono::steady_clock::now() + 700ms;
        while (std::chrono::steady_clock::now() < until)
            if (auto m = systemd.receive(100ms)) heard.push_back(*m);
        SDL_Event quit{};
        quit.type = SDL_QUIT;
        SDL_PushEvent(&quit);
    });
    const int code = runMainLoop(*display, session, nullptr, {}, &n);
    manager.join();
    for (auto m = systemd.receive(200ms); m; m = systemd.receive(200ms)) heard.push_back(*m);

    EXPECT_EQ(code, 0);
    ASSERT_FALSE(heard.empty());
    EXPECT_EQ(std::count(heard.begin(), heard.end(), "READY=1\nSTATUS=Kiosk ready"), 1);
    EXPECT_GE(std::count(heard.begin(), heard.end(), "WATCHDOG=1"), 2) << "the idle loop still wakes to feed it";
    EXPECT_EQ(heard.back(), "STOPPING=1");
}

}  // namespace
}  // namespace kiosk::app
