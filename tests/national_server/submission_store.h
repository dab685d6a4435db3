#pragma once
// Submissions held by the simulator, deduplicated forever on their id (docs/api.md §5.1): a new id
// is committed (synchronous=FULL) before the caller answers 201; the same id with the same payload
// hash counts one more receipt and answers the first reference; the same id with another hash, or
// from another kiosk, is a conflict and changes nothing but a counter. Also the §8 statuses.
// Thread-safe: every call takes the database lock.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/result.h"
#include "tests/national_server/envelope.h"
#include "tests/national_server/sim_database.h"

namespace kiosk::sim {

enum class StoreOutcome { Created, Duplicate, Conflict };

struct StoreAnswer {
    StoreOutcome outcome = StoreOutcome::Created;
    std::string reference;      // empty on a conflict
    std::string payloadSha256;  // the hash held for this id (the other one on a conflict)
    std::string state = "received";
};

struct SubmissionStatus {
    std::string id;
    std::string state;  // received, in_review, verified, returned, unknown
    std::string reference;
    std::string updatedAt;
    std::string reasonCode;
};

class SubmissionStore {
public:
    explicit SubmissionStore(SimDatabase& db) : db_(db) {}

    // `via` says how it arrived: "upload", "batch" or "import".
    Result<StoreAnswer> store(const VerifiedSubmission& submission, std::string_view via, TimePoint now);

    // Another kiosk's id answers "unknown", exactly like an id never seen.
    Result<std::vector<SubmissionStatus>> statuses(std::span<const std::string> ids, std::string_view kioskId);
    // false when no such submission is held.
    Result<bool> setStatus(std::string_view id, std::string_view state, std::string_view reasonCode, TimePoint now);

    // Everything held, for the admin endpoint: received counts and the unsealed payload as base64.
    Result<nlohmann::json> listAll();

    static bool isState(std::string_view state);

private:
    SimDatabase& db_;
};

}  // namespace kiosk::sim
