#include "tests/national_server/api_error.h"
#include "tests/national_server/fault_injection.h"
#include "tests/national_server/routes.h"

namespace kiosk::sim {

namespace {

bool isLoopback(const std::string& address) {
    return address.starts_with("127.") || address == "::1" || address.starts_with("::ffff:127.");
}

using AdminHandler = void (*)(SimState&, const httplib::Request&, httplib::Response&);

// Admin endpoints exist only for a loopback peer; they are not logged, so that the request log shows
// the kiosk's traffic alone.
httplib::Server::Handler admin(SimState& state, AdminHandler handler) {
    return [&state, handler](const httplib::Request& request, httplib::Response& response) {
        if (!isLoopback(request.remote_addr))
            return replyJson(response, 404, errorJson({"not_found", "no such endpoint"}));
        try {
            handler(state, request, response);
        } catch (const nlohmann::json::exception&) {
            replyJson(response, 400, errorJson({"request_invalid", "a member has the wrong type"}));
        }
    };
}

nlohmann::json bodyOf(const httplib::Request& request) { return nlohmann::json::parse(request.body, nullptr, false); }

void reply(httplib::Response& response, const Result<nlohmann::json>& result) {
    if (!result) return replyJson(response, 500, errorJson({"internal_error", result.error().detail}));
    replyJson(response, 200, *result);
}

void getSubmissions(SimState& state, const httplib::Request&, httplib::Response& response) {
    reply(response, state.submissions.listAll());
}

void getRequests(SimState& state, const httplib::Request&, httplib::Response& response) {
    replyJson(response, 200, state.requests.toJson());
}

void getHeartbeats(SimState& state, const httplib::Request& request, httplib::Response& response) {
    reply(response, state.heartbeats.list(request.get_param_value("kiosk_id")));
}

void postStatus(SimState& state, const httplib::Request& request, httplib::Response& response) {
    const auto body = bodyOf(request);
    if (!body.is_object() || !body.contains("id") || !body.contains("state") ||
        !SubmissionStore::isState(body["state"].get<std::string>()))
        return replyJson(response, 400,
                         errorJson({"status_invalid", "give id and a state: received, in_review, verified, returned"}));
    auto found = state.submissions.setStatus(body["id"].get<std::string>(), body["state"].get<std::string>(),
                                             body.value("reason_code", ""), state.now());
    if (!found) return replyJson(response, 500, errorJson({"internal_error", found.error().detail}));
    if (!*found) return replyJson(response, 404, errorJson({"not_found", "no submission has this id"}));
    replyJson(response, 200, {{"id", body["id"]}, {"state", body["state"]}});
}

void postKiosk(SimState& state, const httplib::Request& request, httplib::Response& response) {
    const auto body = bodyOf(request);
    if (!body.is_object()) return replyJson(response, 400, errorJson({"kiosk_invalid", "the body is not an object"}));
    if (auto r = state.kiosks->add(body.value("kiosk_id", ""), body.value("site_id", ""),
                                   body.value("signing_public_key", ""), "admin", state.now());
        !r)
        return replyJson(response, 400, errorJson(r.error()));
    replyJson(response, 201, {{"kiosk_id", body["kiosk_id"]}});
}

void getKiosks(SimState& state, const httplib::Request&, httplib::Response& response) {
    replyJson(response, 200, state.kiosks->list());
}

void postFaults(SimState& state, const httplib::Request& request, httplib::Response& response) {
    const auto body = bodyOf(request);
    const auto& list = body.is_object() && body.contains("faults") ? body["faults"] : body;
    if (!list.is_array()) return replyJson(response, 400, errorJson({"fault_invalid", "give a list of faults"}));
    std::vector<Fault> faults;
    for (const auto& entry : list) {
        auto fault = parseFault(entry);
        if (!fault) return replyJson(response, 400, errorJson(fault.error()));
        faults.push_back(std::move(*fault));
    }
    state.faults.add(std::move(faults));
    replyJson(response, 200, state.faults.pending());
}

void getFaults(SimState& state, const httplib::Request&, httplib::Response& response) {
    replyJson(response, 200, state.faults.pending());
}

void deleteFaults(SimState& state, const httplib::Request&, httplib::Response& response) {
    state.faults.clear();
    replyJson(response, 200, state.faults.pending());
}

void postDocument(SimState& state, const httplib::Request& request, httplib::Response& response) {
    const auto body = bodyOf(request);
    if (!body.is_object() || !body.contains("document") || !body["document"].is_object())
        return replyJson(response, 400, errorJson({"document_invalid", "give a document object"}));
    if (body.contains("catalogue")) {
        const auto name = body["catalogue"].get<std::string>();
        if (!state.documents->catalogue(name))
            return replyJson(response, 404, errorJson({"catalogue_unknown", "no catalogue has this name"}));
        const auto doc = state.documents->replaceCatalogue(name, body["document"]);
        return replyJson(response, 200, {{"catalogue", name}, {"etag", doc.etag}});
    }
    if (body.contains("kiosk_id")) {
        const auto kioskId = body["kiosk_id"].get<std::string>();
        const auto doc = state.documents->replaceConfig(kioskId, body["document"]);
        return replyJson(response, 200, {{"kiosk_id", kioskId}, {"etag", doc.etag}});
    }
    replyJson(response, 400, errorJson({"document_invalid", "name a catalogue or a kiosk_id"}));
}

void getStaff(SimState& state, const httplib::Request&, httplib::Response& response) {
    replyJson(response, 200, state.documents->staffWithPins());
}

void getKeys(SimState& state, const httplib::Request&, httplib::Response& response) {
    replyJson(response, 200,
              {{"server_seal_public_key", state.keys.sealPublicKeyBase64()},
               {"server_signing_public_key", state.keys.signingPublicKeyBase64()}});
}

void postShutdown(SimState& state, const httplib::Request&, httplib::Response& response) {
    replyJson(response, 200, {{"stopping", true}});
    state.requestStop();  // whoever runs the server stops it; this reply still goes out
}

}  // namespace

void addAdminRoutes(httplib::Server& server, SimState& state) {
    server.Get("/admin/submissions", admin(state, getSubmissions));
    server.Get("/admin/requests", admin(state, getRequests));
    server.Get("/admin/heartbeats", admin(state, getHeartbeats));
    server.Post("/admin/statuses", admin(state, postStatus));
    server.Post("/admin/kiosks", admin(state, postKiosk));
    server.Get("/admin/kiosks", admin(state, getKiosks));
    server.Post("/admin/faults", admin(state, postFaults));
    server.Get("/admin/faults", admin(state, getFaults));
    server.Delete("/admin/faults", admin(state, deleteFaults));
    server.Post("/admin/documents", admin(state, postDocument));
    server.Get("/admin/staff", admin(state, getStaff));
    server.Get("/admin/keys", admin(state, getKeys));
    server.Post("/admin/shutdown", admin(state, postShutdown));
}

}  // namespace kiosk::sim
