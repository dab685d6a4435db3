#include "tests/national_server/api_error.h"

namespace kiosk::sim {

nlohmann::json errorJson(const Error& error) { return {{"error", {{"code", error.code}, {"message", error.detail}}}}; }

int requestErrorStatus(std::string_view code) {
    if (code == "signature_missing" || code == "signature_invalid" || code == "kiosk_unknown" || code == "clock_skew")
        return 401;
    if (code == "kiosk_mismatch" || code == "enrolment_refused") return 403;
    if (code == "not_found" || code == "catalogue_unknown") return 404;
    if (code == "payload_too_large") return 413;
    if (code == "content_type_unsupported") return 415;
    if (code == "bundle_signature_invalid" || code == "bundle_kiosk_unknown") return 422;
    return 400;
}

int envelopeErrorStatus(std::string_view code) {
    if (code == "envelope_invalid" || code == "idempotency_key_mismatch") return 400;
    if (code == "payload_too_large") return 413;
    if (code == "content_type_unsupported") return 415;
    if (code == "id_conflict") return 409;
    return 422;  // kiosk_mismatch, envelope_signature_invalid, unseal_failed, payload_*, kind_unknown, schema_*
}

}  // namespace kiosk::sim
