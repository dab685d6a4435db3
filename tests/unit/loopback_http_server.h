#pragma once
// A real HTTP server on 127.0.0.1 for transport tests, on a port the OS picks, served by a thread
// that is always joined. Handlers that should hang call hang(), which returns once release() was
// called (the destructor does) or after a bounded time, so that no test can hang for ever.

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

namespace kiosk::test {

class LoopbackServer {
public:
    explicit LoopbackServer(const std::function<void(httplib::Server&, LoopbackServer&)>& routes) {
        routes(server_, *this);
        port_ = server_.bind_to_any_port("127.0.0.1");
        if (port_ <= 0) throw std::runtime_error("cannot bind 127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        // stop() does nothing before the listening loop runs; wait for it (bounded).
        for (int i = 0; i < 500 && !server_.is_running(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds{10});
    }
    ~LoopbackServer() {
        release();
        server_.stop();
        thread_.join();
    }
    LoopbackServer(const LoopbackServer&) = delete;
    LoopbackServer& operator=(const LoopbackServer&) = delete;

    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/api"; }

    // Called from a handler: blocks until release(), at most `limit`.
    void hang(std::chrono::seconds limit = std::chrono::seconds{20}) {
        ++hanging_;
        std::unique_lock lock(mutex_);
        released_cv_.wait_for(lock, limit, [this] { return released_; });
    }
    int hangingRequests() const { return hanging_.load(); }
    // Waits (bounded) until `count` requests hang.
    bool waitForHanging(int count, std::chrono::seconds limit = std::chrono::seconds{10}) const {
        const auto end = std::chrono::steady_clock::now() + limit;
        while (hanging_.load() < count) {
            if (std::chrono::steady_clock::now() > end) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds{5});
        }
        return true;
    }
    void release() {
        {
            std::lock_guard lock(mutex_);
            released_ = true;
        }
        released_cv_.notify_all();
    }

private:
    httplib::Server server_;
    int port_ = 0;
    std::atomic<int> hanging_{0};
    std::mutex mutex_;
    std::condition_variable released_cv_;
    bool released_ = false;
    std::thread thread_;
};

}  // namespace kiosk::test
