#pragma once
// Staff sign-in on the kiosk: a badge from the staff list of the last good configuration, its PIN
// checked against the salted hash the server sent (libsodium's crypto_pwhash_str_verify), and a
// lockout after repeated wrong PINs that a restart does not undo (the failures are read back
// from the audit log). Every sign-in, failure and sign-out is an audit entry with the staff id
// as actor; no PIN, hash or name ever is. Lives on the UI thread (its Store connection).

#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/clock.h"
#include "kiosk/core/flow/visit_flow.h"
#include "kiosk/core/staff.h"
#include "kiosk/core/staff_sign_in.h"
#include "kiosk/store/store.h"

namespace kiosk::app {

// The queue and the under-age stops as staff see them (the staff home, the maintenance screen);
// figures the store cannot read stay zero.
flow::QueueFigures queueFigures(store::Store& store);

class StaffGate {
public:
    StaffGate(store::Store& store, std::string kioskId, std::vector<core::StaffMember> staff, core::SignInRules rules,
              const Clock& clock);

    // Never fails: a store that cannot be read answers Unavailable (nobody signs in blind).
    flow::StaffAnswer signIn(std::string_view badge, std::string_view pin);
    // A supervisor's or an admin's badge and PIN for an override's sign-off: the same lockout as a
    // sign-in, audited as "staff.sign_off" (the session of the one signed in goes on).
    flow::StaffAnswer signOff(std::string_view badge, std::string_view pin);
    // "staff.sign_out" or "staff.idle_sign_out".
    void signedOut(std::string_view staffId, std::string_view action);

    // The queue and the day's counters as the staff home screen shows them (queueFigures).
    flow::QueueFigures figures() { return queueFigures(store_); }
    // The records waiting for a check at this site, complaints first, then oldest first (at most
    // `limit`).
    std::vector<flow::WorkRow> worklist(std::int64_t limit = 50);

private:
    flow::StaffAnswer check(std::string_view badge, std::string_view pin, std::string_view goodAction);

    store::Store& store_;
    std::string kioskId_;
    std::vector<core::StaffMember> staff_;
    core::SignInRules rules_;
    const Clock& clock_;
};

}  // namespace kiosk::app
