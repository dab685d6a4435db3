#pragma once
// The simulator's routes: the /v1 API of docs/api.md, and the /admin endpoints that tests use to
// inspect and steer it (no signature; answered only to loopback peers).

#include <httplib.h>

#include "tests/national_server/sim_state.h"

namespace kiosk::sim {

void addApiRoutes(httplib::Server& server, SimState& state);
void addAdminRoutes(httplib::Server& server, SimState& state);

}  // namespace kiosk::sim
