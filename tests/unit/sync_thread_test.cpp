// The sync thread: the UI thread's status snapshot never waits for the network, even while the
// worker is stuck in a request to a server that hangs, and stop() returns promptly from a sleep
// and from a request in flight. Built and run under ThreadSanitizer (label "threads").

#include <gtest/gtest.h>

#include <atomic>

#include "kiosk/sync/sync_engine.h"
#include "kiosk/sync/sync_thread.h"
#include "tests/unit/loopback_http_server.h"
#include "tests/unit/sync_test_support.h"

namespace kiosk::sync {
namespace {

using namespace std::chrono_literals;
using Steady = std::chrono::steady_clock;

// A loop with nothing to do for an hour; counts its passes.
class IdleLoop final : public SyncLoop {
public:
    explicit IdleLoop(std::atomic<int>& passes) : passes_(passes) {}
    PassReport runOnce() override {
        ++passes_;
        return {};
    }
    Clock::TimePoint nextWake() override { return clock_.now() + 1h; }
    SyncStatus status() const override {
        SyncStatus s;
        s.queue.pending = passes_.load();
        return s;
    }

private:
    std::atomic<int>& passes_;
    SystemClock clock_;
};

bool waitFor(const std::function<bool()>& done, std::chrono::milliseconds limit = 10s) {
    const auto end = Steady::now() + limit;
    while (!done()) {
        if (Steady::now() > end) return false;
        std::this_thread::sleep_for(2ms);
    }
    return true;
}

TEST(SyncThreadTest, StopInterruptsASleepAtOnce) {
    SystemClock clock;
    std::atomic<int> passes{0};
    SyncThread thread(
        [&](std::stop_token) -> Result<std::unique_ptr<SyncLoop>> {
            return std::unique_ptr<SyncLoop>(std::make_unique<IdleLoop>(passes));
        },
        clock);
    ASSERT_TRUE(waitFor([&] { return passes.load() == 1; }));
    std::this_thread::sleep_for(50ms);  // asleep now, for an hour
    const auto start = Steady::now();
    thread.stop();
    EXPECT_LT(Steady::now() - start, 500ms);
    EXPECT_EQ(passes.load(), 1);
}

TEST(SyncThreadTest, WakeRunsAPassWithoutWaitingForThePlannedTime) {
    SystemClock clock;
    std::atomic<int> passes{0};
    SyncThread thread(
        [&](std::stop_token) -> Result<std::unique_ptr<SyncLoop>> {
            return std::unique_ptr<SyncLoop>(std::make_unique<IdleLoop>(passes));
        },
        clock);
    ASSERT_TRUE(waitFor([&] { return passes.load() == 1; }));
    thread.wake();
    ASSERT_TRUE(waitFor([&] { return passes.load() == 2; }, 2s));
    ASSERT_TRUE(waitFor([&] { return thread.status().queue.pending == 2; }, 2s));
}

TEST(SyncThreadTest, AnEngineThatCannotOpenIsReportedAndStopStaysPrompt) {
    SystemClock clock;
    std::atomic<int> attempts{0};
    SyncThread thread(
        [&](std::stop_token) -> Result<std::unique_ptr<SyncLoop>> {
            ++attempts;
            return Error{"sync.settings", "kiosk.toml: [sync] server_url is missing"};
        },
        clock);
    ASSERT_TRUE(waitFor([&] { return !thread.status().alerts.empty(); }));
    EXPECT_EQ(thread.status().alerts.front().code, "sync_unavailable");
    const auto start = Steady::now();
    thread.stop();
    EXPECT_LT(Steady::now() - start, 500ms);
    EXPECT_EQ(attempts.load(), 1);
}

TEST(SyncThreadTest, AHangingServerNeverBlocksTheStatusSnapshotAndStopAbortsTheRequest) {
    test::LoopbackServer server([](httplib::Server& s, test::LoopbackServer& self) {
        const auto hang = [&self](const httplib::Request&, httplib::Response&) { self.hang(); };
        s.Post(R"(/api/v1/.*)", hang);
        s.Get(R"(/api/v1/.*)", hang);
    });
    test::TempDir dir;
    auto masterKey = test::makeMasterKey(dir);
    SystemClock clock;
    {
        auto store = store::Store::open(test::storeConfig(dir), *masterKey, clock);
        ASSERT_TRUE(store);
        ASSERT_TRUE((*store)->enqueue(test::makeSubmission()));
    }
    test::ServerKeyPairs keys;
    SyncSettings settings;
    settings.kioskId = "KIOSK-TEST-01";
    settings.database = test::storeConfig(dir).database;
    settings.serverUrl = server.url();
    settings.deviceKey = dir / "device.key";
    settings.stateDir = dir / "state";
    settings.serverSealKey = keys.sealPublic;
    settings.serverSigningKey = keys.signingPublic;
    settings.uploadTimeout = 60s;  // the request is stuck far longer than this test runs
    settings.pullTimeout = 60s;

    SyncThread thread(
        [&](std::stop_token stop) -> Result<std::unique_ptr<SyncLoop>> {
            auto engine = SyncEngine::open(settings, *masterKey, clock, std::move(stop));
            if (!engine) return engine.error();
            return std::unique_ptr<SyncLoop>(std::move(*engine));
        },
        clock);
    ASSERT_TRUE(server.waitForHanging(1)) << "the worker never reached the server";

    // The "UI thread": reads the snapshot as a frame would, while the worker is stuck.
    Steady::duration slowest{};
    for (int frame = 0; frame < 200; ++frame) {
        const auto start = Steady::now();
        const auto status = thread.status();
        slowest = std::max(slowest, Steady::now() - start);
        EXPECT_TRUE(status.alerts.empty());
        std::this_thread::sleep_for(1ms);
    }
    EXPECT_LT(slowest, 20ms);
    EXPECT_EQ(server.hangingRequests(), 1);  // still stuck in that one request

    const auto start = Steady::now();
    thread.stop();
    EXPECT_LT(Steady::now() - start, 3s);
}

}  // namespace
}  // namespace kiosk::sync
