#include "tests/national_server/submission_intake.h"

#include "tests/national_server/api_error.h"

namespace kiosk::sim {

IntakeResult refusedEnvelope(const nlohmann::json& envelope, Error error) {
    IntakeResult result;
    if (envelope.is_object() && envelope.contains("id") && envelope["id"].is_string())
        result.id = envelope["id"].get<std::string>();
    result.status = envelopeErrorStatus(error.code);
    result.error = std::move(error);
    return result;
}

nlohmann::json IntakeResult::batchResult() const {
    nlohmann::json out = {{"id", id}, {"status", status}};
    if (stored() || status == 409) out["payload_sha256"] = payloadSha256;
    if (stored()) out["reference"] = reference;
    if (error) out["error"] = errorJson(*error)["error"];
    return out;
}

nlohmann::json IntakeResult::responseBody() const {
    if (stored()) return {{"id", id}, {"payload_sha256", payloadSha256}, {"reference", reference}, {"status", state}};
    auto body = errorJson(error.value_or(Error{"internal_error", "no answer"}));
    if (status == 409) {
        body["id"] = id;
        body["payload_sha256"] = payloadSha256;
    }
    return body;
}

IntakeResult SubmissionIntake::take(const nlohmann::json& json, const KioskRecord& vouching, std::string_view via,
                                    TimePoint now) {
    auto envelope = parseEnvelope(json);
    if (!envelope) return refusedEnvelope(json, envelope.error());
    auto verified = verifyEnvelope(*envelope, vouching.kioskId, vouching.key, keys_);
    if (!verified) return refusedEnvelope(json, verified.error());

    IntakeResult result;
    result.id = envelope->id;
    auto answer = store_.store(*verified, via, now);
    if (!answer) {
        result.status = 500;
        result.error = Error{"internal_error", "the submission could not be stored; send it again later"};
        return result;
    }
    result.payloadSha256 = answer->payloadSha256;
    result.reference = answer->reference;
    result.state = answer->state;
    switch (answer->outcome) {
    case StoreOutcome::Created: result.status = 201; break;
    case StoreOutcome::Duplicate: result.status = 200; break;
    case StoreOutcome::Conflict:
        result.status = 409;
        result.error = Error{"id_conflict", "this id is held with another payload_sha256 or from another kiosk"};
        break;
    }
    return result;
}

}  // namespace kiosk::sim
