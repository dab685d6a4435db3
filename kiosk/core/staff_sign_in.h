#pragma once
// The rules of a staff sign-in, apart from the PIN check itself: who a badge belongs to, and when
// repeated wrong PINs lock a badge out. The failures are counted from the audit log (the app
// reads them), so neither a restart nor a power cut resets them. Pure.

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "kiosk/base/clock.h"
#include "kiosk/core/staff.h"

namespace kiosk::core {

struct SignInRules {
    int maxFailures = 5;                       // wrong PINs in a row before the badge is locked
    std::chrono::minutes lockout{15};          // how long it stays locked after the last of them
};

// The times of one badge's wrong PINs since its last good sign-in, oldest first; those of the
// last two lockout periods are enough.
struct SignInHistory {
    std::vector<Clock::TimePoint> failures;
};

struct SignInState {
    bool locked = false;
    Clock::TimePoint lockedUntil{};  // when locked
    int triesLeft = 0;               // before the lock, when not locked
};

// Locked when `maxFailures` wrong PINs fell within one lockout period, until a lockout period
// after the last of them. Otherwise the tries left are those the last lockout period has not used.
SignInState signInState(const SignInHistory& history, Clock::TimePoint now, const SignInRules& rules);

// A badge as scanned, without the blanks and the scanner's CR or LF around it.
std::string_view badgeText(std::string_view scanned);

// The member whose badge this is (surrounding blanks, and a scanner's CR or LF, forgiven);
// null for a badge nobody on the list has.
const StaffMember* memberWithBadge(std::span<const StaffMember> staff, std::string_view badge);

std::string_view staffRoleCode(StaffRole role);  // "officer", "supervisor", "admin"

}  // namespace kiosk::core
