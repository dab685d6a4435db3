#pragma once
// Who holds an outbox lease: the process that claimed the row, named by this boot's id, its pid and
// its start time ("<boot id>/<pid>/<start ticks>"), so that neither a reboot nor a pid reused after
// a restart makes a dead process look alive. A kiosk that starts again after a power cut or a kill
// takes back the leases of dead holders at once instead of waiting for them to run out, while a
// living holder (kioskctl sync now beside the kiosk) keeps its own.

#include <string>
#include <string_view>

namespace kiosk::store {

// This process, as it names itself in the leases it takes; read once.
const std::string& thisProcessLeaseOwner();

// Whether `owner` still runs: this boot, and a process with its pid and start time. An empty or
// malformed owner is not alive.
bool leaseOwnerAlive(std::string_view owner);

}  // namespace kiosk::store
