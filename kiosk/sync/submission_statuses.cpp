#include "kiosk/sync/submission_statuses.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "kiosk/sync/atomic_file.h"
#include "kiosk/sync/wire_format.h"

namespace kiosk::sync {

namespace {

using Json = nlohmann::json;

bool knownState(std::string_view s) {
    return s == "received" || s == "in_review" || s == "verified" || s == "returned" || s == "unknown";
}

std::string stringOr(const Json& object, const char* name, std::string fallback = {}) {
    const auto it = object.find(name);
    return (it != object.end() && it->is_string()) ? it->get<std::string>() : fallback;
}

}  // namespace

bool isFinalStatus(std::string_view state) { return state == "verified"; }

Result<void> SubmissionStatuses::load() {
    auto text = readWholeFile(file_);
    if (!text) return text.error().code == "sync.file_missing" ? Result<void>{} : Result<void>{text.error()};
    const auto saved = Json::parse(*text, nullptr, false);
    if (saved.is_discarded() || !saved.is_object() || !saved.contains("statuses") || !saved["statuses"].is_object())
        return Error{"sync.status_file_corrupt", file_.string() + " is not a statuses file; it will be rewritten"};
    for (const auto& [id, s] : saved["statuses"].items()) {
        if (!s.is_object()) continue;
        ServerStatus status;
        status.state = stringOr(s, "state");
        status.reference = stringOr(s, "reference");
        status.updatedAt = stringOr(s, "updated_at");
        status.reasonCode = stringOr(s, "reason_code");
        status.checkedAt = parseRfc3339(stringOr(s, "checked_at")).value_or(Clock::TimePoint{});
        if (knownState(status.state)) statuses_[id] = std::move(status);
    }
    return {};
}

Result<void> SubmissionStatuses::save() const {
    Json all = Json::object();
    for (const auto& [id, s] : statuses_)
        all[id] = {{"state", s.state},
                   {"reference", s.reference},
                   {"updated_at", s.updatedAt},
                   {"reason_code", s.reasonCode},
                   {"checked_at", formatRfc3339(s.checkedAt)}};
    std::error_code ignored;
    if (file_.has_parent_path()) std::filesystem::create_directories(file_.parent_path(), ignored);
    return writeFileAtomically(file_, Json{{"statuses", all}}.dump());
}

const ServerStatus* SubmissionStatuses::find(std::string_view id) const {
    const auto it = statuses_.find(id);
    return it == statuses_.end() ? nullptr : &it->second;
}

std::map<std::string, std::int64_t> SubmissionStatuses::countsByState() const {
    std::map<std::string, std::int64_t> counts;
    for (const auto& [id, s] : statuses_) ++counts[s.state];
    return counts;
}

std::vector<std::string> SubmissionStatuses::due(std::span<const store::OutboxEntry> acknowledged) const {
    std::vector<std::pair<Clock::TimePoint, std::string>> open;
    for (const auto& entry : acknowledged) {
        const auto* known = find(entry.submissionId);
        if (known && isFinalStatus(known->state)) continue;
        open.emplace_back(known ? known->checkedAt : Clock::TimePoint::min(), entry.submissionId);
    }
    std::stable_sort(open.begin(), open.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < open.size() && i < kMaxQuery; ++i) out.push_back(open[i].second);
    return out;
}

Result<std::vector<std::string>> SubmissionStatuses::apply(std::string_view body, std::span<const std::string> asked,
                                                           Clock::TimePoint now) {
    const auto reply = Json::parse(body, nullptr, false);
    if (reply.is_discarded() || !reply.is_object() || !reply.contains("statuses") || !reply["statuses"].is_array())
        return Error{"sync.status_malformed", "the status reply has no statuses array"};
    const std::set<std::string, std::less<>> wanted(asked.begin(), asked.end());
    std::vector<std::string> unknown;
    for (const auto& s : reply["statuses"]) {
        if (!s.is_object()) continue;
        const auto id = stringOr(s, "id");
        const auto state = stringOr(s, "state");
        if (!wanted.contains(id) || !knownState(state)) continue;
        ServerStatus status;
        status.state = state;
        if (const auto ref = stringOr(s, "reference"); isReference(ref)) status.reference = ref;
        if (const auto at = stringOr(s, "updated_at"); parseRfc3339(at)) status.updatedAt = at;
        if (const auto reason = stringOr(s, "reason_code"); isSnakeCode(reason)) status.reasonCode = reason;
        status.checkedAt = now;
        if (state == "unknown") unknown.push_back(id);
        statuses_[id] = std::move(status);
    }
    return unknown;
}

void SubmissionStatuses::keepOnly(std::span<const store::OutboxEntry> keep) {
    std::set<std::string, std::less<>> ids;
    for (const auto& e : keep) ids.insert(e.submissionId);
    std::erase_if(statuses_, [&](const auto& item) { return !ids.contains(item.first); });
}

}  // namespace kiosk::sync
