// The lockout rule on its own: wrong PINs within one lockout period lock a badge until a lockout
// period after the last of them, however they were spread.

#include "kiosk/core/staff_sign_in.h"

#include <gtest/gtest.h>

namespace kiosk::core {
namespace {

using namespace std::chrono_literals;

const Clock::TimePoint kT0 = Clock::TimePoint{} + std::chrono::hours{24 * 365 * 50};

SignInHistory at(std::initializer_list<std::chrono::seconds> offsets) {
    SignInHistory h;
    for (const auto o : offsets) h.failures.push_back(kT0 + o);
    return h;
}

TEST(SignInState, TriesCountDownAndTheFifthLocks) {
    const SignInRules rules;  // 5 tries, 15 minutes
    EXPECT_EQ(signInState({}, kT0, rules).triesLeft, 5);
    EXPECT_EQ(signInState(at({0s, 10s}), kT0 + 20s, rules).triesLeft, 3);
    const auto locked = signInState(at({0s, 10s, 20s, 30s, 40s}), kT0 + 41s, rules);
    EXPECT_TRUE(locked.locked);
    EXPECT_EQ(locked.lockedUntil, kT0 + 40s + 15min);
}

TEST(SignInState, TheLockLastsFromTheLastFailureNotTheFirst) {
    const SignInRules rules;
    // Spread over 14 minutes: still one period. At 16 minutes the first failure is older than a
    // period, but the lock runs until 14 + 15 minutes.
    const auto h = at({0s, 3min, 6min, 10min, 14min});
    EXPECT_TRUE(signInState(h, kT0 + 16min, rules).locked);
    EXPECT_TRUE(signInState(h, kT0 + 28min, rules).locked);
    const auto open = signInState(h, kT0 + 29min + 1s, rules);
    EXPECT_FALSE(open.locked);
    EXPECT_EQ(open.triesLeft, 5);
}

TEST(SignInState, FailuresFurtherApartThanAPeriodNeverLock) {
    const SignInRules rules;
    const auto h = at({0s, 4min, 8min, 12min, 20min});  // the first and the last are 20 minutes apart
    const auto state = signInState(h, kT0 + 20min + 1s, rules);
    EXPECT_FALSE(state.locked);
    EXPECT_EQ(state.triesLeft, 2);  // three of them (8, 12 and 20 minutes) in the last 15 minutes
}

TEST(SignInState, BadgesAreFoundWithoutTheScannersLineEnd) {
    const std::vector<StaffMember> staff{{"STF-0001", "B-10001", "Petugas A", StaffRole::Officer, "x"},
                                         {"STF-0002", "B-10002", "Petugas B", StaffRole::Supervisor, "y"}};
    ASSERT_NE(memberWithBadge(staff, " B-10002\r\n"), nullptr);
    EXPECT_EQ(memberWithBadge(staff, "B-10002")->staffId, "STF-0002");
    EXPECT_EQ(memberWithBadge(staff, "B-1000"), nullptr);
    EXPECT_EQ(memberWithBadge(staff, ""), nullptr);
    EXPECT_EQ(staffRoleCode(StaffRole::Supervisor), "supervisor");
}

}  // namespace
}  // namespace kiosk::core
