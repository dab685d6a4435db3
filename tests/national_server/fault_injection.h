#pragma once
// Every /v1 request goes through serveApi: it asks the fault plan whether this request gets a
// fault, applies the fault instead of the handler (error statuses, reset before commit, hang) or to
// the handler's reply (reset after commit, slow drip, malformed body, wrong acknowledgement), sets
// the Date header (§3: kiosks measure their clock skew from it) and logs the request.

#include <httplib.h>

#include <functional>
#include <string>

#include "tests/national_server/sim_state.h"

namespace kiosk::sim {

struct Exchange {
    std::string kioskId;  // set by the handler once the request's signature verified
};

using ApiHandler = std::function<void(const httplib::Request&, httplib::Response&, Exchange&)>;

// `acknowledges`: the reply carries acknowledgements (submissions, batch, imports).
void serveApi(SimState& state, const httplib::Request& request, httplib::Response& response, bool acknowledges,
              const ApiHandler& handler);

// The request target from "/v1" on: the base path is cut off, the query kept.
std::string apiTarget(const SimState& state, const httplib::Request& request);

void replyJson(httplib::Response& response, int status, const nlohmann::json& body);

}  // namespace kiosk::sim
