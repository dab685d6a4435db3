#include "tests/national_server/fault_injection.h"

#include "tests/national_server/api_error.h"
#include "tests/national_server/connection_abort.h"

namespace kiosk::sim {

namespace {

bool applyBefore(SimState& state, const Fault& fault, const httplib::Request& request, httplib::Response& response) {
    switch (fault.mode) {
    case FaultMode::Status: replyJson(response, fault.status, errorJson({fault.code, "injected fault"})); break;
    case FaultMode::Status500:
        replyJson(response, 500, errorJson({"internal_error", "injected fault: internal error"}));
        break;
    case FaultMode::Status502:
        replyJson(response, 502, errorJson({"bad_gateway", "injected fault: bad gateway"}));
        break;
    case FaultMode::Status503:
        replyJson(response, 503, errorJson({"service_unavailable", "injected fault: service unavailable"}));
        break;
    case FaultMode::Status429:
        replyJson(response, 429, errorJson({"rate_limited", "injected fault: slow down"}));
        break;
    case FaultMode::ResetBeforeCommit:
        response.status = 500;  // never delivered: the connection is gone
        abortConnection(request);
        return false;
    case FaultMode::Hang:
        state.sleepUnlessStopping(fault.hangFor.count() > 0 ? fault.hangFor : state.config.hangFor);
        response.status = 500;
        abortConnection(request);
        return false;
    default: return true;
    }
    if (fault.retryAfter) response.set_header("Retry-After", *fault.retryAfter);
    return true;
}

// Names another id or hash in the first acknowledgement of the reply; the stored data is untouched.
void corruptAcknowledgement(FaultMode mode, httplib::Response& response) {
    if (response.status != 200 && response.status != 201) return;
    auto body = nlohmann::json::parse(response.body, nullptr, false);
    if (!body.is_object()) return;
    nlohmann::json* ack = &body;
    if (body.contains("results") && body["results"].is_array() && !body["results"].empty()) ack = &body["results"][0];
    if (!ack->contains("id")) return;
    if (mode == FaultMode::WrongAckId)
        (*ack)["id"] = newUuidV4();
    else
        (*ack)["payload_sha256"] = sha256Hex("not the payload that was sent: " + ack->value("id", ""));
    response.body = body.dump();
}

void slowDrip(SimState& state, const Fault& fault, httplib::Response& response) {
    auto body = std::make_shared<std::string>(std::move(response.body));
    response.body.clear();
    const auto type = response.get_header_value("Content-Type");
    response.headers.erase("Content-Type");  // set again below; a second one would be sent twice
    response.set_content_provider(body->size(), type.empty() ? "application/json" : type,
                                  [&state, body, bytes = fault.dripBytes, delay = fault.dripDelay](
                                      std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                      if (!state.sleepUnlessStopping(delay)) return false;
                                      return sink.write(body->data() + offset, std::min(bytes, length));
                                  });
}

// Returns the status to log: 0 when the connection was dropped without a reply.
int applyAfter(SimState& state, const Fault& fault, const httplib::Request& request, httplib::Response& response) {
    switch (fault.mode) {
    case FaultMode::ResetAfterCommit: abortConnection(request); return 0;
    case FaultMode::MalformedBody:
        // What a proxy's error page cut short looks like: a success status over a body that is not JSON.
        response.status = 200;
        response.set_content("{\"id\": \"3f0c9a8e-5b7d-4c21-9e1f-2a6b8c0d4e5f\", \"payload_sha256\": <html>",
                             "application/json");
        return 200;
    case FaultMode::WrongAckId:
    case FaultMode::WrongAckHash: corruptAcknowledgement(fault.mode, response); return response.status;
    case FaultMode::SlowDrip: slowDrip(state, fault, response); return response.status;
    default: return response.status;
    }
}

}  // namespace

std::string apiTarget(const SimState& state, const httplib::Request& request) {
    const auto& base = state.config.basePath;
    if (!base.empty() && request.target.starts_with(base)) return request.target.substr(base.size());
    return request.target;
}

void replyJson(httplib::Response& response, int status, const nlohmann::json& body) {
    response.status = status;
    response.set_content(body.dump(), "application/json");
}

void serveApi(SimState& state, const httplib::Request& request, httplib::Response& response, bool acknowledges,
              const ApiHandler& handler) {
    auto path = apiTarget(state, request);
    path = path.substr(0, path.find('?'));
    const auto fault = state.faults.next(request.method, path, acknowledges);
    response.set_header("Date", formatHttpDate(state.now()));
    Exchange exchange;
    int logged = 0;
    if (fault && fault->before()) {
        logged = applyBefore(state, *fault, request, response) ? response.status : 0;
    } else {
        try {
            handler(request, response, exchange);
        } catch (const nlohmann::json::exception&) {
            // nlohmann::json throws on a member of the wrong type; that is the client's malformed body.
            replyJson(response, 400, errorJson({"request_invalid", "a member of the request has the wrong type"}));
        }
        logged = fault ? applyAfter(state, *fault, request, response) : response.status;
    }
    state.requests.add({request.method, request.target, logged, fault ? std::string(toString(fault->mode)) : "",
                        exchange.kioskId, request.ssl != nullptr});
}

}  // namespace kiosk::sim
