#pragma once
// What the server says happened to acknowledged submissions (docs/api.md §8): received, in review,
// verified or returned for correction. Kept in a file beside the other sync state so that staff
// screens and kioskctl can show it; only ids, states, references, codes and times. Lives on the sync
// thread.

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/clock.h"
#include "kiosk/base/result.h"
#include "kiosk/store/outbox.h"

namespace kiosk::sync {

struct ServerStatus {
    std::string state;  // received, in_review, verified, returned, unknown
    std::string reference;
    std::string updatedAt;   // RFC 3339, as the server sent it
    std::string reasonCode;  // why it was returned; empty otherwise
    Clock::TimePoint checkedAt;
};

// "verified" is the end of the road; every other state may still change.
bool isFinalStatus(std::string_view state);

class SubmissionStatuses {
public:
    static constexpr std::size_t kMaxQuery = 500;  // §8: at most 500 ids per question

    explicit SubmissionStatuses(std::filesystem::path file) : file_(std::move(file)) {}

    Result<void> load();  // a missing file is empty
    Result<void> save() const;

    const ServerStatus* find(std::string_view id) const;
    std::map<std::string, std::int64_t> countsByState() const;

    // Of `acknowledged`, those not yet final: never asked first, then the least recently checked;
    // at most kMaxQuery.
    std::vector<std::string> due(std::span<const store::OutboxEntry> acknowledged) const;

    // Takes a §8 reply to a question about `asked`; answers about ids not asked are ignored.
    // Returns the ids the server called "unknown". "sync.status_malformed" for a reply not as documented.
    Result<std::vector<std::string>> apply(std::string_view body, std::span<const std::string> asked,
                                           Clock::TimePoint now);

    // Forgets every id not in `keep` (submissions acknowledged too long ago to ask about).
    void keepOnly(std::span<const store::OutboxEntry> keep);

private:
    std::filesystem::path file_;
    std::map<std::string, ServerStatus, std::less<>> statuses_;
};

}  // namespace kiosk::sync
