#pragma once
// Errors on the wire (docs/api.md §1): `{"error":{"code":..., "message":...}}`. Inside the simulator
// they travel as kiosk::Error values whose code is the wire code and whose detail is the message;
// the HTTP status is chosen where the error is answered, because the same code can mean a refused
// request (403 kiosk_mismatch on a config pull) or a refused record (422 kiosk_mismatch in an
// envelope). Messages never carry request content, so no personal data can be echoed.

#include <nlohmann/json.hpp>

#include <string_view>

#include "kiosk/base/result.h"

namespace kiosk::sim {

nlohmann::json errorJson(const Error& error);

// For a whole request: signatures, kiosk checks, malformed bodies of the non-submission endpoints.
int requestErrorStatus(std::string_view code);
// For one envelope (§5.1 rejection codes), alone, in a batch or in a bundle.
int envelopeErrorStatus(std::string_view code);

}  // namespace kiosk::sim
