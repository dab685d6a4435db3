#pragma once
// The centre's staff as the national server lists them in the kiosk's configuration (docs/api.md
// §6). A badge identifies the member; the PIN proves it against `pinHash`, which the kiosk only
// ever verifies and never sees in the clear.

#include <string>

namespace kiosk::core {

enum class StaffRole { Officer, Supervisor, Admin };

struct StaffMember {
    std::string staffId;      // "STF-0001"
    std::string badgeId;      // what the badge scanner reads: "B-10001"
    std::string displayName;  // shown on screen and in reports: "Petugas A"
    StaffRole role = StaffRole::Officer;
    std::string pinHash;  // libsodium crypto_pwhash_str (argon2id) of the PIN

    friend bool operator==(const StaffMember&, const StaffMember&) = default;
};

}  // namespace kiosk::core
