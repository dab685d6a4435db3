#pragma once
// Export bundles (docs/api.md §9): a signed document, signed by the exporting kiosk's key, whose
// envelopes are each taken in exactly as in a batch. Used by POST /v1/imports and by the offline
// `national-server-sim import FILE`.

#include <nlohmann/json.hpp>

#include <string_view>

#include "kiosk/base/result.h"
#include "tests/national_server/kiosk_registry.h"
#include "tests/national_server/submission_intake.h"

namespace kiosk::sim {

// {"results": [...]} as in §5.2, or a bundle-level error: bundle_invalid (not a signed document of
// format loket-export version 1), bundle_kiosk_unknown, bundle_signature_invalid.
Result<nlohmann::json> importBundle(std::string_view file, const KioskRegistry& kiosks, SubmissionIntake& intake,
                                    TimePoint now);

}  // namespace kiosk::sim
