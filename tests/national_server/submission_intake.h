#pragma once
// One envelope taken in exactly as docs/api.md §5.1 says, whether it came alone, in a batch (§5.2)
// or in an export bundle (§9): verified, then stored or recognised, and answered with the status
// and body the contract gives for that case.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "kiosk/base/result.h"
#include "tests/national_server/kiosk_registry.h"
#include "tests/national_server/server_keys.h"
#include "tests/national_server/submission_store.h"

namespace kiosk::sim {

struct IntakeResult {
    std::string id;  // as sent, when the envelope had a string id
    int status = 0;  // 201, 200, 409, a rejection status, or 500 when the database failed
    std::string payloadSha256;
    std::string reference;
    std::string state;
    std::optional<Error> error;

    bool stored() const { return status == 201 || status == 200; }
    nlohmann::json batchResult() const;   // one member of a §5.2 "results" array
    nlohmann::json responseBody() const;  // a §5.1 acknowledgement or error body
};

class SubmissionIntake {
public:
    SubmissionIntake(const ServerKeys& keys, SubmissionStore& store) : keys_(keys), store_(store) {}

    // `vouching` is the kiosk that signed the request or the bundle; `via` is recorded with a new
    // submission ("upload", "batch", "import").
    IntakeResult take(const nlohmann::json& envelope, const KioskRecord& vouching, std::string_view via, TimePoint now);

private:
    const ServerKeys& keys_;
    SubmissionStore& store_;
};

// An error result for an envelope refused before it was looked at (size, content type, key header).
IntakeResult refusedEnvelope(const nlohmann::json& envelope, Error error);

}  // namespace kiosk::sim
