#pragma once
// Which request gets which fault. Faults come from two places: a queue filled by POST /admin/faults
// (each entry applies to the next `count` matching requests) and a seeded random mix from the
// command line (--fault-mix SEED:RATE[:MODE,...]) that picks a fault for RATE of the submission
// uploads, the same picks in the same order for the same seed. Queued faults go first.
// Thread-safe.

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/result.h"

namespace kiosk::sim {

enum class FaultMode {
    Status,  // any status with an error code, given in the fault
    Status500,
    Status502,
    Status503,
    Status429,
    ResetBeforeCommit,
    ResetAfterCommit,
    Hang,
    SlowDrip,
    MalformedBody,
    WrongAckId,
    WrongAckHash,
};

std::string_view toString(FaultMode mode);
std::optional<FaultMode> faultModeFrom(std::string_view text);

struct Fault {
    FaultMode mode = FaultMode::Status500;
    int count = 1;
    std::string pathPrefix = "/v1/";  // matched against the path without the base path or query
    std::string method;               // empty: any method
    std::optional<std::string> retryAfter;
    int status = 0;  // mode Status only
    std::string code;
    std::chrono::milliseconds hangFor{0};  // 0: the server's --hang-ms
    std::size_t dripBytes = 4;
    std::chrono::milliseconds dripDelay{50};
    std::string source = "admin";  // or "mix"

    bool before() const;  // applied instead of handling the request; false: applied to the reply
    nlohmann::json toJson() const;
};

// One entry of POST /admin/faults.
Result<Fault> parseFault(const nlohmann::json& json);

class FaultPlan {
public:
    struct Mix {
        std::uint64_t seed = 0;
        double rate = 0;
        std::vector<FaultMode> modes;
    };
    // "SEED:RATE" or "SEED:RATE:mode,mode"; RATE in [0, 1].
    static Result<Mix> parseMix(std::string_view text);

    explicit FaultPlan(std::optional<Mix> mix = std::nullopt);

    void add(std::vector<Fault> faults);
    void clear();
    // The fault for this request, if any, counted as used. `acknowledges`: the reply carries
    // acknowledgements, so the wrong_ack modes can apply.
    std::optional<Fault> next(std::string_view method, std::string_view path, bool acknowledges);
    nlohmann::json pending() const;

private:
    mutable std::mutex mutex_;
    std::deque<Fault> queue_;
    std::optional<Mix> mix_;
    std::mt19937_64 random_;
    std::uint64_t mixed_ = 0;  // how many requests the mix has picked for
};

}  // namespace kiosk::sim
