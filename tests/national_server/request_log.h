#pragma once
// Every request that reached the HTTP layer, in arrival order: method, target, status (0 when the
// connection was dropped without a reply), the fault applied, whether it came over TLS. A TLS
// handshake that failed never gets here, which is what tests look for. Bounded; thread-safe.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>

namespace kiosk::sim {

struct LoggedRequest {
    std::string method;
    std::string target;
    int status = 0;
    std::string fault;
    std::string kioskId;
    bool tls = false;
};

class RequestLog {
public:
    void add(LoggedRequest entry) {
        const std::lock_guard lock(mutex_);
        entries_.push_back({++count_, std::move(entry)});
        if (entries_.size() > kKept) entries_.pop_front();
    }

    nlohmann::json toJson() const {
        const std::lock_guard lock(mutex_);
        auto list = nlohmann::json::array();
        for (const auto& [seq, e] : entries_)
            list.push_back({{"seq", seq},
                            {"method", e.method},
                            {"path", e.target},
                            {"status", e.status},
                            {"fault", e.fault},
                            {"kiosk_id", e.kioskId},
                            {"tls", e.tls}});
        return {{"requests", std::move(list)}, {"total", count_}};
    }

    void clear() {
        const std::lock_guard lock(mutex_);
        entries_.clear();
    }

private:
    static constexpr std::size_t kKept = 10000;
    mutable std::mutex mutex_;
    std::uint64_t count_ = 0;
    std::deque<std::pair<std::uint64_t, LoggedRequest>> entries_;
};

}  // namespace kiosk::sim
