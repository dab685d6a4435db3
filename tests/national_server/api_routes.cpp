#include "tests/national_server/api_error.h"
#include "tests/national_server/bundle_import.h"
#include "tests/national_server/fault_injection.h"
#include "tests/national_server/request_signature.h"
#include "tests/national_server/routes.h"

namespace kiosk::sim {

namespace {

constexpr std::size_t kEnvelopeLimit = 16u << 20;
constexpr std::size_t kBatchLimit = 32u << 20;
constexpr std::size_t kBatchMax = 100;
constexpr std::size_t kStatusIdsMax = 500;

std::optional<std::string> header(const httplib::Request& request, const char* name) {
    if (!request.has_header(name)) return std::nullopt;
    return request.get_header_value(name);
}

void replyError(httplib::Response& response, const Error& error) {
    replyJson(response, requestErrorStatus(error.code), errorJson(error));
}

// §3 for this request; on failure the 401 is already in the response.
std::optional<KioskRecord> authenticate(SimState& state, const httplib::Request& request, httplib::Response& response,
                                        Exchange& exchange) {
    const auto target = apiTarget(state, request);
    auto kiosk = verifyRequest({request.method, target, request.body, header(request, "Loket-Kiosk-Id"),
                                header(request, "Loket-Timestamp"), header(request, "Loket-Signature")},
                               *state.kiosks, state.now());
    if (!kiosk) {
        replyError(response, kiosk.error());
        return std::nullopt;
    }
    exchange.kioskId = kiosk->kioskId;
    return *kiosk;
}

bool isJson(const httplib::Request& request) {
    const auto type = request.get_header_value("Content-Type");
    return type == "application/json" || type.starts_with("application/json;");
}

// Content type and size of a body that should be JSON; on failure the error is in the response.
bool acceptJsonBody(const httplib::Request& request, httplib::Response& response, std::size_t limit) {
    if (!isJson(request)) {
        replyError(response, {"content_type_unsupported", "the body must be application/json"});
        return false;
    }
    if (request.body.size() > limit) {
        replyError(response, {"payload_too_large", "the body is larger than the limit for this endpoint"});
        return false;
    }
    return true;
}

void postSubmission(SimState& state, const httplib::Request& request, httplib::Response& response, Exchange& ex) {
    const auto kiosk = authenticate(state, request, response, ex);
    if (!kiosk || !acceptJsonBody(request, response, kEnvelopeLimit)) return;
    const auto envelope = nlohmann::json::parse(request.body, nullptr, false);
    IntakeResult result;
    if (envelope.is_discarded()) {
        result = refusedEnvelope(envelope, {"envelope_invalid", "the body is not JSON"});
    } else if (envelope.is_object() && envelope.contains("id") && envelope["id"].is_string() &&
               request.get_header_value("Idempotency-Key") != envelope["id"].get<std::string>()) {
        result = refusedEnvelope(envelope, {"idempotency_key_mismatch", "Idempotency-Key is missing or not the id"});
    } else {
        result = state.intake.take(envelope, *kiosk, "upload", state.now());
    }
    replyJson(response, result.status, result.responseBody());
}

void postBatch(SimState& state, const httplib::Request& request, httplib::Response& response, Exchange& ex) {
    const auto kiosk = authenticate(state, request, response, ex);
    if (!kiosk || !acceptJsonBody(request, response, kBatchLimit)) return;
    const auto batch = nlohmann::json::parse(request.body, nullptr, false);
    if (!batch.is_object() || !batch.contains("submissions") || !batch["submissions"].is_array() ||
        batch["submissions"].empty() || batch["submissions"].size() > kBatchMax)
        return replyError(response, {"batch_invalid", "submissions must be an array of 1 to 100 envelopes"});
    auto results = nlohmann::json::array();
    for (const auto& envelope : batch["submissions"]) {
        if (envelope.dump().size() > kEnvelopeLimit)
            results.push_back(
                refusedEnvelope(envelope, {"payload_too_large", "an envelope is over 16 MiB"}).batchResult());
        else
            results.push_back(state.intake.take(envelope, *kiosk, "batch", state.now()).batchResult());
    }
    replyJson(response, 200, {{"results", std::move(results)}});
}

void replyDocument(const httplib::Request& request, httplib::Response& response, const SignedDocument& document) {
    response.set_header("ETag", document.etag);
    if (request.has_header("If-None-Match") && document.matches(request.get_header_value("If-None-Match"))) {
        response.status = 304;
        return;
    }
    replyJson(response, 200, document.body());
}

void getConfig(SimState& state, const httplib::Request& request, httplib::Response& response, Exchange& ex) {
    const auto kiosk = authenticate(state, request, response, ex);
    if (!kiosk) return;
    if (request.matches[1] != kiosk->kioskId)
        return replyError(response, {"kiosk_mismatch", "a kiosk may fetch only its own configuration"});
    auto document = state.documents->config(*kiosk, state.kiosks->atSite(kiosk->siteId));
    if (!document) return replyJson(response, 500, errorJson({"internal_error", "the configuration is unavailable"}));
    replyDocument(request, response, *document);
}

void getCatalogue(SimState& state, const httplib::Request& request, httplib::Response& response, Exchange& ex) {
    if (!authenticate(state, request, response, ex)) return;
    const auto document = state.documents->catalogue(request.matches[1].str());
    if (!document) return replyError(response, {"catalogue_unknown", "no catalogue has this name"});
    replyDocument(request, response, *document);
}

void postHeartbeat(SimState& state, const httplib::Request& request, httplib::Response& response, Exchange& ex) {
    const auto kiosk = authenticate(state, request, response, ex);
    if (!kiosk || !acceptJsonBody(request, response, kEnvelopeLimit)) return;
    if (request.matches[1] != kiosk->kioskId)
        return replyError(response, {"kiosk_mismatch", "a kiosk may send only its own heartbeat"});
    const auto body = nlohmann::json::parse(request.body, nullptr, false);
    if (auto ok = HeartbeatLog::check(body); !ok) return replyError(response, ok.error());
    if (auto r = state.heartbeats.record(kiosk->kioskId, body, state.now()); !r)
        return replyJson(response, 500, errorJson({"internal_error", "the heartbeat could not be stored"}));
    replyJson(response, 200, {{"server_time", formatTime(state.now())}});
}

void replyStatuses(SimState& state, httplib::Response& response, const std::vector<std::string>& ids,
                   const KioskRecord& kiosk) {
    auto statuses = state.submissions.statuses(ids, kiosk.kioskId);
    if (!statuses) return replyJson(response, 500, errorJson({"internal_error", "statuses are unavailable"}));
    auto list = nlohmann::json::array();
    for (const auto& s : *statuses)
        list.push_back({{"id", s.id},
                        {"state", s.state},
                        {"reference", s.reference},
                        {"updated_at", s.updatedAt},
                        {"reason_code", s.reasonCode}});
    replyJson(response, 200, {{"statuses", std::move(list)}});
}

void getStatus(SimState& state, const httplib::Request& request, httplib::Response& response, Exchange& ex) {
    const auto kiosk = authenticate(state, request, response, ex);
    if (!kiosk) return;
    replyStatuses(state, response, {request.matches[1].str()}, *kiosk);
}

void postStatuses(SimState& state, const httplib::Request& request, httplib::Response& response, Exchange& ex) {
    const auto kiosk = authenticate(state, request, response, ex);
    if (!kiosk || !acceptJsonBody(request, response, kEnvelopeLimit)) return;
    const auto body = nlohmann::json::parse(request.body, nullptr, false);
    if (!body.is_object() || !body.contains("ids") || !body["ids"].is_array() || body["ids"].size() > kStatusIdsMax)
        return replyError(response, {"status_request_invalid", "ids must be an array of at most 500 ids"});
    std::vector<std::string> ids;
    for (const auto& id : body["ids"]) {
        if (!id.is_string()) return replyError(response, {"status_request_invalid", "every id must be a string"});
        ids.push_back(id.get<std::string>());
    }
    replyStatuses(state, response, ids, *kiosk);
}

void postImport(SimState& state, const httplib::Request& request, httplib::Response& response, Exchange& ex) {
    if (!authenticate(state, request, response, ex)) return;
    auto results = importBundle(request.body, *state.kiosks, state.intake, state.now());
    if (!results) return replyError(response, results.error());
    replyJson(response, 200, *results);
}

void postEnrolment(SimState& state, const httplib::Request& request, httplib::Response& response, Exchange& ex) {
    if (!acceptJsonBody(request, response, kEnvelopeLimit)) return;
    const auto body = nlohmann::json::parse(request.body, nullptr, false);
    if (!body.is_object()) return replyError(response, {"enrolment_invalid", "the body is not a JSON object"});
    const auto kioskId = body.value("kiosk_id", "");
    auto enrolled = state.kiosks->enrol(kioskId, body.value("site_id", ""), body.value("enrolment_token", ""),
                                        body.value("signing_public_key", ""), state.now());
    if (!enrolled) return replyError(response, enrolled.error());
    ex.kioskId = kioskId;
    replyJson(response, 201,
              {{"server_seal_public_key", state.keys.sealPublicKeyBase64()},
               {"server_signing_public_key", state.keys.signingPublicKeyBase64()}});
}

}  // namespace

void addApiRoutes(httplib::Server& server, SimState& state) {
    const auto& base = state.config.basePath;
    const auto route = [&state](bool acknowledges,
                                void (*handler)(SimState&, const httplib::Request&, httplib::Response&, Exchange&)) {
        return [&state, acknowledges, handler](const httplib::Request& request, httplib::Response& response) {
            serveApi(state, request, response, acknowledges,
                     [&state, handler](const httplib::Request& q, httplib::Response& r, Exchange& e) {
                         handler(state, q, r, e);
                     });
        };
    };
    const std::string station = "([A-Z0-9-]+)";
    server.Post(base + "/v1/submissions", route(true, postSubmission));
    server.Post(base + "/v1/submissions/batch", route(true, postBatch));
    server.Post(base + "/v1/submissions/status", route(false, postStatuses));
    server.Get(base + "/v1/submissions/([^/]+)/status", route(false, getStatus));
    server.Get(base + "/v1/kiosks/" + station + "/config", route(false, getConfig));
    server.Post(base + "/v1/kiosks/" + station + "/heartbeat", route(false, postHeartbeat));
    server.Get(base + "/v1/catalogues/([^/]+)", route(false, getCatalogue));
    server.Post(base + "/v1/imports", route(true, postImport));
    server.Post(base + "/v1/enrolments", route(false, postEnrolment));
}

}  // namespace kiosk::sim
