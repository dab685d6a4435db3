#include "kiosk/core/staff_sign_in.h"

#include <algorithm>

namespace kiosk::core {
std::string_view badgeText(std::string_view s) {
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && blank(s.back())) s.remove_suffix(1);
    return s;
}

SignInState signInState(const SignInHistory& history, Clock::TimePoint now, const SignInRules& rules) {
    SignInState state;
    const auto& f = history.failures;
    const auto within = [&](Clock::TimePoint from, Clock::TimePoint to) {
        return static_cast<int>(std::count_if(f.begin(), f.end(), [&](auto t) { return t > from && t <= to; }));
    };
    if (!f.empty()) {
        const auto last = f.back();
        if (now < last + rules.lockout && within(last - rules.lockout, last) >= rules.maxFailures) {
            state.locked = true;
            state.lockedUntil = last + rules.lockout;
            return state;
        }
    }
    state.triesLeft = std::max(0, rules.maxFailures - within(now - rules.lockout, now));
    return state;
}

const StaffMember* memberWithBadge(std::span<const StaffMember> staff, std::string_view badge) {
    const auto wanted = badgeText(badge);
    if (wanted.empty()) return nullptr;
    for (const auto& member : staff)
        if (member.badgeId == wanted) return &member;
    return nullptr;
}

std::string_view staffRoleCode(StaffRole role) {
    switch (role) {
    case StaffRole::Officer: return "officer";
    case StaffRole::Supervisor: return "supervisor";
    case StaffRole::Admin: return "admin";
    }
    return "officer";
}

}  // namespace kiosk::core
