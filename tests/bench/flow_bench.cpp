// The kiosk's visit flow over time: resident memory after 1,000 simulated visits (and how it
// grows), and the time from start to the attract screen drawn. Prints figures, asserts nothing.
//
//   flow_bench [--visits N] [--minutes M] [--size WxH] [--starts N] [--demo-minutes M]
//
// A visit: start, switch to English, continue, choose to register, tick the consents, type a
// (made-up) NIK on the keypad (16 taps), listen again, back and on again, then walk away: the
// countdown runs its 20 seconds and the visit is wiped. Every frame is drawn on SDL's offscreen
// driver with the software renderer, as the headless kiosk draws it; time is a fake clock, so a
// visit takes as long as its drawing.
//
// With --minutes M, the visits go on in the same session for M minutes after the first N, with
// the resident memory printed every five minutes: what an hour of service does to memory. With
// --demo-minutes M, the whole kiosk then plays its headless demo (kiosk --no-screenshots: two
// registrations with their receipts printed, a status check, an under-age stop, a returnee's
// check-in, each into a store of its own) again and again in this one process for M minutes.

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/app/command_line.h"
#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/session.h"
#include "kiosk/app/speaker.h"
#include "kiosk/ui/catalog.h"
#include "kiosk/ui/display.h"
#include "kiosk/ui/screen_targets.h"

extern char** environ;

namespace {

using namespace std::chrono_literals;
using kiosk::flow::Instant;
namespace fs = std::filesystem;
using Wall = std::chrono::steady_clock;

class SilentSpeaker final : public kiosk::app::Speaker {
public:
    void say(std::string_view, kiosk::ui::Language) override {}
    void stop() override {}
};

long residentKb() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.starts_with("VmRSS:")) return std::stol(line.substr(6));
    return -1;
}

double ms(Wall::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

class Visitor {
public:
    Visitor(kiosk::ui::Display& display, kiosk::app::Session& session) : display_(display), session_(session) {}

    void visit() {
        tap("start");
        tap("lang-en");
        tap("next");
        tap("register");
        tap("consent-0");
        tap("consent-2");
        tap("next");
        for (const char c : std::string("3578015506950001")) tap(std::string("key-") + c);
        tap("listen");
        tap("back");
        tap("next");
        // Walks away: a minute of idle time, the countdown's 20 seconds, the wipe.
        for (int i = 0; i < 4 * 82; ++i) tick(250ms);
    }
    long frames() const { return frames_; }

private:
    void draw(const kiosk::ui::Touch& touch) {
        session_.frame(display_.painter(), touch, now_);
        display_.present();
        ++frames_;
    }
    void settle() {
        while (session_.needsDraw()) draw({});
    }
    void tick(std::chrono::milliseconds by) {
        now_ += by;
        session_.apply(kiosk::flow::Tick{now_});
        settle();
    }
    void tap(const std::string& name) {
        now_ += 1s;
        const auto place = kiosk::ui::findTarget(session_.state(), display_.size(), name);
        if (!place) {
            std::cerr << "flow_bench: no " << name << " on " << kiosk::ui::viewName(session_.state()) << '\n';
            std::exit(1);
        }
        draw(kiosk::ui::Touch::tapAt(place->centre()));
        settle();
    }

    kiosk::ui::Display& display_;
    kiosk::app::Session& session_;
    Instant now_ = Instant{} + 1h;
    long frames_ = 0;
};

void visits(int count, kiosk::ui::Size size, int minutes) {
    const fs::path assets = LOKET_SOURCE_ASSETS_DIR;
    const long before = residentKb();
    auto texts = kiosk::ui::Catalogs::load(assets / "i18n");
    auto display = kiosk::ui::Display::open({kiosk::ui::VideoMode::Offscreen, size, assets});
    if (!texts || !display) {
        std::cerr << "flow_bench: cannot open the display or the catalogues\n";
        std::exit(1);
    }
    SilentSpeaker speaker;
    kiosk::app::Session session(kiosk::flow::FlowSettings{}, *texts, speaker, nullptr);
    Visitor visitor(*display, session);
    std::printf("visits at %dx%d (software renderer); resident memory before opening the display: %ld KiB\n", size.w,
                size.h, before);
    std::printf("%8s %12s %12s %10s %14s\n", "visits", "RSS KiB", "growth KiB", "frames", "ms per visit");
    long firstRss = -1;
    auto last = Wall::now();
    int done = 0;
    for (const int mark : {1, 10, 100, 250, 500, 750, 1000, 2000, 5000, 10000}) {
        if (mark > count) break;
        const int from = done;
        for (; done < mark; ++done) visitor.visit();
        const auto now = Wall::now();
        const long rss = residentKb();
        if (firstRss < 0) firstRss = rss;
        std::printf("%8d %12ld %12ld %10ld %14.2f\n", done, rss, rss - firstRss, visitor.frames(),
                    ms(now - last) / (done - from));
        last = now;
    }
    if (minutes > 0) {
        // An hour of service: the same session, visit after visit, as the kiosk lives.
        std::printf("then visits for %d minutes:\n", minutes);
        const auto start = Wall::now();
        auto nextReport = start + 5min;
        while (Wall::now() - start < std::chrono::minutes(minutes)) {
            visitor.visit();
            ++done;
            if (Wall::now() < nextReport) continue;
            const long rss = residentKb();
            std::printf("%8d %12ld %12ld %10ld %14s  (%.0f min)\n", done, rss, rss - firstRss, visitor.frames(), "",
                        ms(Wall::now() - start) / 60e3);
            nextReport += 5min;
        }
        const long rss = residentKb();
        std::printf("%8d %12ld %12ld %10ld %14s  (end, %.0f min)\n", done, rss, rss - firstRss, visitor.frames(), "",
                    ms(Wall::now() - start) / 60e3);
    }
    std::printf("(growth is counted from the first visit, after which every texture and glyph has been seen)\n");
    std::printf("wipes: %d (one per visit)\n", session.wipes());
}

void demoRuns(int minutes) {
    // Receipts are printed as PNGs under the working folder: a folder of the bench's own, emptied
    // after every run.
    std::string pattern = (fs::temp_directory_path() / "loket-flow-bench-XXXXXX").string();
    if (!mkdtemp(pattern.data()) || chdir(pattern.c_str()) != 0) {
        std::cerr << "flow_bench: cannot make a working folder\n";
        std::exit(1);
    }
    ::unsetenv("DISPLAY");
    ::unsetenv("WAYLAND_DISPLAY");
    const std::string assets = LOKET_SOURCE_ASSETS_DIR;
    const char* args[] = {"kiosk", "--no-screenshots", "--assets", assets.c_str()};
    std::printf("\nthe headless demo played again and again in one process for %d minutes:\n", minutes);
    std::printf("%8s %8s %12s %12s %14s\n", "minutes", "runs", "RSS KiB", "growth KiB", "s per run");
    const auto start = Wall::now();
    auto nextReport = start;
    long firstRss = -1;
    int runs = 0;
    while (Wall::now() - start < std::chrono::minutes(minutes)) {
        const int code = kiosk::app::runKiosk(4, args);
        if (code != 0) {
            std::cerr << "flow_bench: the demo ended with " << code << '\n';
            std::exit(1);
        }
        ++runs;
        std::error_code ec;
        fs::remove_all("screenshots", ec);
        const long rss = residentKb();
        if (firstRss < 0) firstRss = rss;
        if (runs == 1 || Wall::now() >= nextReport) {
            const double elapsed = ms(Wall::now() - start) / 1e3;
            std::printf("%8.1f %8d %12ld %12ld %14.2f\n", elapsed / 60, runs, rss, rss - firstRss, elapsed / runs);
            nextReport = Wall::now() + 5min;
        }
    }
    const double elapsed = ms(Wall::now() - start) / 1e3;
    std::printf("%8.1f %8d %12ld %12ld %14.2f  (end)\n", elapsed / 60, runs, residentKb(), residentKb() - firstRss,
                elapsed / runs);
    std::printf("(growth is counted from the end of the first run)\n");
    std::error_code ec;
    fs::remove_all(pattern, ec);
}

// Spawns the kiosk with a script that only shows the attract screen; returns the time until it
// printed the PNG's path (the screen drawn, read back and written) and until it exited.
std::optional<std::pair<double, double>> startOnce(const fs::path& dir) {
    const auto script = dir / "attract.txt";
    std::ofstream(script) << "wait-for attract\n";
    int pipeFds[2];
    if (::pipe(pipeFds) != 0) return std::nullopt;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipeFds[0]);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    std::vector<std::string> args = {KIOSK_PATH, "--script", script.string(), "--screenshots",
                                     (dir / "shots").string()};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const auto start = Wall::now();
    pid_t pid = 0;
    const int failed = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipeFds[1]);
    if (failed != 0) {
        ::close(pipeFds[0]);
        return std::nullopt;
    }
    char c = 0;
    std::optional<Wall::time_point> firstLine;
    while (::read(pipeFds[0], &c, 1) == 1)
        if (c == '\n' && !firstLine) firstLine = Wall::now();
    ::close(pipeFds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    const auto end = Wall::now();
    if (!firstLine || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
    return std::pair{ms(*firstLine - start), ms(end - start)};
}

void starts(int count) {
    const fs::path dir = fs::temp_directory_path() / ("flow_bench_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::vector<double> drawn;
    std::vector<double> exited;
    for (int i = 0; i < count; ++i) {
        const auto run = startOnce(dir);
        if (!run) {
            std::cerr << "flow_bench: the kiosk did not start (" << KIOSK_PATH << ")\n";
            break;
        }
        drawn.push_back(run->first);
        exited.push_back(run->second);
    }
    fs::remove_all(dir);
    if (drawn.empty()) return;
    std::sort(drawn.begin(), drawn.end());
    std::sort(exited.begin(), exited.end());
    std::printf(
        "\nkiosk process start to the attract screen drawn and saved as PNG (1920x1080, offscreen), %zu runs:\n",
        drawn.size());
    std::printf("  to the PNG written: min %.1f ms, median %.1f ms, max %.1f ms\n", drawn.front(),
                drawn[drawn.size() / 2], drawn.back());
    std::printf("  to the process exit: min %.1f ms, median %.1f ms\n", exited.front(), exited[exited.size() / 2]);

    // The same inside one process, step by step, without the PNG.
    const fs::path assets = LOKET_SOURCE_ASSETS_DIR;
    const auto t0 = Wall::now();
    auto texts = kiosk::ui::Catalogs::load(assets / "i18n");
    const auto t1 = Wall::now();
    auto display = kiosk::ui::Display::open({kiosk::ui::VideoMode::Offscreen, {1920, 1080}, assets});
    const auto t2 = Wall::now();
    if (!texts || !display) return;
    SilentSpeaker speaker;
    kiosk::app::Session session(kiosk::flow::FlowSettings{}, *texts, speaker, nullptr);
    session.frame(display->painter(), {}, Instant{});
    display->present();
    const auto t3 = Wall::now();
    std::printf(
        "  in one process: catalogues %.1f ms, SDL + window + fonts %.1f ms, first frame %.1f ms, total %.1f ms\n",
        ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t3 - t0));
}

}  // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // figures show as they come, also into a file
    int visitCount = 1000;
    int startCount = 10;
    int demoMinutes = 0;
    int visitMinutes = 0;
    kiosk::ui::Size size{1920, 1080};
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--visits") visitCount = std::stoi(argv[i + 1]);
        if (flag == "--starts") startCount = std::stoi(argv[i + 1]);
        if (flag == "--demo-minutes") demoMinutes = std::stoi(argv[i + 1]);
        if (flag == "--minutes") visitMinutes = std::stoi(argv[i + 1]);
        if (flag == "--size")
            if (const auto s = kiosk::app::parseSize(argv[i + 1])) size = *s;
    }
    starts(startCount);
    std::printf("\n");
    visits(visitCount, size, visitMinutes);
    if (demoMinutes > 0) demoRuns(demoMinutes);
    return 0;
}
