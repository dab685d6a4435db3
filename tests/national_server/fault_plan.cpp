#include "tests/national_server/fault_plan.h"

#include <array>
#include <charconv>
#include <utility>

namespace kiosk::sim {

namespace {

constexpr std::array<std::pair<FaultMode, std::string_view>, 12> kModes{{
    {FaultMode::Status, "status"},
    {FaultMode::Status500, "status_500"},
    {FaultMode::Status502, "status_502"},
    {FaultMode::Status503, "status_503"},
    {FaultMode::Status429, "status_429"},
    {FaultMode::ResetBeforeCommit, "reset_before_commit"},
    {FaultMode::ResetAfterCommit, "reset_after_commit"},
    {FaultMode::Hang, "hang"},
    {FaultMode::SlowDrip, "slow_drip"},
    {FaultMode::MalformedBody, "malformed_body"},
    {FaultMode::WrongAckId, "wrong_ack_id"},
    {FaultMode::WrongAckHash, "wrong_ack_hash"},
}};

// What the mix draws from when no modes are named: everything that answers within a second.
const std::vector<FaultMode> kQuickModes{
    FaultMode::Status500,     FaultMode::Status502,         FaultMode::Status503,
    FaultMode::Status429,     FaultMode::ResetBeforeCommit, FaultMode::ResetAfterCommit,
    FaultMode::MalformedBody, FaultMode::WrongAckId,        FaultMode::WrongAckHash};

bool isSubmissionUpload(std::string_view method, std::string_view path) {
    return method == "POST" && (path == "/v1/submissions" || path == "/v1/submissions/batch");
}

}  // namespace

std::string_view toString(FaultMode mode) {
    for (const auto& [m, name] : kModes)
        if (m == mode) return name;
    return "unknown";
}

std::optional<FaultMode> faultModeFrom(std::string_view text) {
    for (const auto& [m, name] : kModes)
        if (name == text) return m;
    return std::nullopt;
}

bool Fault::before() const {
    return mode != FaultMode::ResetAfterCommit && mode != FaultMode::SlowDrip && mode != FaultMode::MalformedBody &&
           mode != FaultMode::WrongAckId && mode != FaultMode::WrongAckHash;
}

nlohmann::json Fault::toJson() const {
    nlohmann::json j = {{"mode", toString(mode)}, {"count", count}, {"path_prefix", pathPrefix}, {"source", source}};
    if (!method.empty()) j["method"] = method;
    if (retryAfter) j["retry_after"] = *retryAfter;
    if (mode == FaultMode::Status) {
        j["status"] = status;
        j["code"] = code;
    }
    if (mode == FaultMode::Hang && hangFor.count() > 0) j["hang_ms"] = hangFor.count();
    if (mode == FaultMode::SlowDrip) {
        j["drip_bytes"] = dripBytes;
        j["drip_delay_ms"] = dripDelay.count();
    }
    return j;
}

Result<Fault> parseFault(const nlohmann::json& json) {
    const auto bad = [](std::string why) { return Error{"fault_invalid", std::move(why)}; };
    if (!json.is_object() || !json.contains("mode") || !json["mode"].is_string())
        return bad("a fault is an object with a string 'mode'");
    const auto mode = faultModeFrom(json["mode"].get<std::string>());
    if (!mode) return bad("unknown fault mode '" + json["mode"].get<std::string>() + "'");
    Fault f;
    f.mode = *mode;
    f.count = json.value("count", 1);
    if (f.count < 1) return bad("count must be at least 1");
    f.pathPrefix = json.value("path_prefix", f.pathPrefix);
    f.method = json.value("method", "");
    if (json.contains("retry_after")) {
        const auto& r = json["retry_after"];
        if (r.is_number_integer())
            f.retryAfter = std::to_string(r.get<std::int64_t>());
        else if (r.is_string())
            f.retryAfter = r.get<std::string>();
        else
            return bad("retry_after is seconds or an HTTP date");
    }
    if (f.mode == FaultMode::Status429 && !f.retryAfter) f.retryAfter = "1";
    if (f.mode == FaultMode::Status) {
        f.status = json.value("status", 0);
        f.code = json.value("code", "");
        if (f.status < 400 || f.status > 599 || f.code.empty())
            return bad("mode 'status' needs a 4xx or 5xx 'status' and a 'code'");
    }
    f.hangFor = std::chrono::milliseconds{json.value("hang_ms", 0)};
    f.dripBytes = json.value("drip_bytes", f.dripBytes);
    f.dripDelay = std::chrono::milliseconds{json.value("drip_delay_ms", f.dripDelay.count())};
    if (f.dripBytes == 0) return bad("drip_bytes must be at least 1");
    return f;
}

Result<FaultPlan::Mix> FaultPlan::parseMix(std::string_view text) {
    const auto bad = Error{"fault_mix_invalid", "--fault-mix is SEED:RATE or SEED:RATE:MODE,MODE with RATE in [0, 1]"};
    const auto colon = text.find(':');
    if (colon == std::string_view::npos) return bad;
    Mix mix;
    const auto seedText = text.substr(0, colon);
    if (std::from_chars(seedText.data(), seedText.data() + seedText.size(), mix.seed).ptr !=
        seedText.data() + seedText.size())
        return bad;
    auto rest = text.substr(colon + 1);
    const auto second = rest.find(':');
    const auto rateText = std::string(rest.substr(0, second));
    try {
        std::size_t used = 0;
        mix.rate = std::stod(rateText, &used);
        if (used != rateText.size() || mix.rate < 0 || mix.rate > 1) return bad;
    } catch (const std::exception&) {
        return bad;
    }
    if (second == std::string_view::npos) {
        mix.modes = kQuickModes;
        return mix;
    }
    auto names = rest.substr(second + 1);
    while (!names.empty()) {
        const auto comma = names.find(',');
        const auto mode = faultModeFrom(names.substr(0, comma));
        if (!mode || *mode == FaultMode::Status) return bad;
        mix.modes.push_back(*mode);
        names = comma == std::string_view::npos ? std::string_view{} : names.substr(comma + 1);
    }
    if (mix.modes.empty()) return bad;
    return mix;
}

FaultPlan::FaultPlan(std::optional<Mix> mix) : mix_(std::move(mix)), random_(mix_ ? mix_->seed : 0) {}

void FaultPlan::add(std::vector<Fault> faults) {
    const std::lock_guard lock(mutex_);
    for (auto& f : faults) queue_.push_back(std::move(f));
}

void FaultPlan::clear() {
    const std::lock_guard lock(mutex_);
    queue_.clear();
}

std::optional<Fault> FaultPlan::next(std::string_view method, std::string_view path, bool acknowledges) {
    const std::lock_guard lock(mutex_);
    for (auto it = queue_.begin(); it != queue_.end(); ++it) {
        const bool ackMode = it->mode == FaultMode::WrongAckId || it->mode == FaultMode::WrongAckHash;
        if (!path.starts_with(it->pathPrefix) || (!it->method.empty() && it->method != method) ||
            (ackMode && !acknowledges))
            continue;
        Fault used = *it;
        used.count = 1;
        if (--it->count == 0) queue_.erase(it);
        return used;
    }
    if (!mix_ || !isSubmissionUpload(method, path)) return std::nullopt;
    // Two draws per request whatever the outcome, so that the n-th upload always gets the same pick.
    std::uniform_real_distribution<double> chance(0.0, 1.0);
    std::uniform_int_distribution<std::size_t> pick(0, mix_->modes.size() - 1);
    const double roll = chance(random_);
    const auto index = pick(random_);
    ++mixed_;
    if (roll >= mix_->rate) return std::nullopt;
    Fault f;
    f.mode = mix_->modes[index];
    f.source = "mix";
    f.pathPrefix = std::string(path);
    if (f.mode == FaultMode::Status429 || (f.mode == FaultMode::Status503 && mixed_ % 2 == 0)) f.retryAfter = "1";
    return f;
}

nlohmann::json FaultPlan::pending() const {
    const std::lock_guard lock(mutex_);
    auto list = nlohmann::json::array();
    for (const auto& f : queue_) list.push_back(f.toJson());
    nlohmann::json out = {{"faults", std::move(list)}};
    if (mix_) {
        auto modes = nlohmann::json::array();
        for (const auto m : mix_->modes) modes.push_back(toString(m));
        out["mix"] = {{"seed", mix_->seed}, {"rate", mix_->rate}, {"modes", std::move(modes)}, {"requests", mixed_}};
    }
    return out;
}

}  // namespace kiosk::sim
