#include "kiosk/core/eligibility.h"

#include <gtest/gtest.h>

#include <cctype>

using namespace std::chrono;
using kiosk::Clock;
using kiosk::Date;
using kiosk::FakeClock;
using namespace kiosk::core;

namespace {

Date d(int y, unsigned m, unsigned dd) { return Date{year{y}, month{m}, day{dd}}; }

// 2026-11-28 10:00 WIB.
FakeClock clockAt(Date date, hours localHour = hours{10}) { return FakeClock{sys_days{date} + localHour - hours{7}}; }

AgePolicy policyWithDomesticWork() {
    auto policy = AgePolicy::make(18, {{"", "domestic", 21}, {"SAU", "", 20}, {"SAU", "domestic", 23}});
    EXPECT_TRUE(policy.ok());
    return policy.value();
}

Eligibility assess(const EligibilityInput& input, const Clock& clock, AgePolicy policy = {}) {
    return EligibilityRules(std::move(policy), clock, hours{7}).assess(input);
}

TEST(AgePolicy, MostSpecificRuleWins) {
    const auto policy = policyWithDomesticWork();
    EXPECT_EQ(policy.minimumAge("HKG", "manufacturing"), 18);
    EXPECT_EQ(policy.minimumAge("HKG", "domestic"), 21);
    EXPECT_EQ(policy.minimumAge("SAU", "manufacturing"), 20);
    EXPECT_EQ(policy.minimumAge("SAU", "domestic"), 23);
}

TEST(AgePolicy, RefusesAnythingBelowTheLegalMinimum) {
    EXPECT_EQ(AgePolicy::make(17, {}).error().code, "age_policy.below_law");
    EXPECT_EQ(AgePolicy::make(18, {{"MYS", "", 16}}).error().code, "age_policy.below_law");
}

TEST(AgePolicy, RuleCannotGoBelowSiteDefault) {
    const auto policy = AgePolicy::make(19, {{"MYS", "", 18}});
    ASSERT_TRUE(policy.ok());
    EXPECT_EQ(policy->minimumAge("MYS", "plantation"), 19);
}

TEST(Eligibility, EighteenOnTheDayIsEnough) {
    const auto clock = clockAt(d(2026, 11, 28));
    EligibilityInput input;
    input.nikBirthDate = d(2008, 11, 28);
    const auto result = assess(input, clock);
    EXPECT_FALSE(result.stopped());
    EXPECT_EQ(result.age, 18);
}

TEST(Eligibility, OneDayShortOfEighteenStops) {
    const auto clock = clockAt(d(2026, 11, 28));
    EligibilityInput input;
    input.nikBirthDate = d(2008, 11, 29);
    const auto result = assess(input, clock);
    EXPECT_TRUE(result.stopped());
    EXPECT_TRUE(result.has("age.below_minimum"));
}

TEST(Eligibility, TheDayTurnsAtLocalMidnightNotUtc) {
    // 23:00 WIB on 27 November is 16:00 UTC; an hour later it is the 28th in Indonesia but
    // still the 27th in UTC, and the person has turned 18.
    EligibilityInput input;
    input.nikBirthDate = d(2008, 11, 28);
    EXPECT_TRUE(assess(input, clockAt(d(2026, 11, 27), hours{23})).stopped());
    auto clock = clockAt(d(2026, 11, 27), hours{23});
    clock.advance(hours{1});
    EXPECT_FALSE(assess(input, clock).stopped());
}

TEST(Eligibility, YoungerOfTwoDocumentsDecides) {
    const auto clock = clockAt(d(2026, 11, 28));
    EligibilityInput input;
    input.nikBirthDate = d(2000, 1, 1);
    input.passportBirthDate = d(2010, 1, 1);
    const auto result = assess(input, clock);
    EXPECT_TRUE(result.stopped());
    EXPECT_EQ(result.age, 16);
    EXPECT_TRUE(result.has("identity.birth_date_mismatch"));
}

TEST(Eligibility, SectorMinimumApplies) {
    const auto clock = clockAt(d(2026, 11, 28));
    EligibilityInput input;
    input.passportBirthDate = d(2006, 1, 1);  // 20
    input.destination = "HKG";
    input.sector = "domestic";
    const auto result = assess(input, clock, policyWithDomesticWork());
    EXPECT_EQ(result.minimumAge, 21);
    EXPECT_TRUE(result.stopped());
    input.sector = "manufacturing";
    EXPECT_FALSE(assess(input, clock, policyWithDomesticWork()).stopped());
}

TEST(Eligibility, NoBirthDateIsAnErrorToFix) {
    const auto result = assess({}, clockAt(d(2026, 11, 28)));
    EXPECT_FALSE(result.stopped());
    EXPECT_TRUE(result.blocked());
    EXPECT_TRUE(result.has("age.unknown"));
}

TEST(Eligibility, SexMismatchIsAWarningOnly) {
    EligibilityInput input;
    input.nikBirthDate = input.passportBirthDate = d(1990, 5, 5);
    input.nikSex = Sex::Female;
    input.passportSex = Sex::Male;
    const auto result = assess(input, clockAt(d(2026, 11, 28)));
    EXPECT_TRUE(result.has("identity.sex_mismatch"));
    EXPECT_FALSE(result.blocked());
}

struct PassportCase {
    const char* name;
    Date expiry;
    std::optional<Date> departure;
    std::optional<Date> contractEnd;
    std::vector<std::string> expected;
};

class PassportValidity : public testing::TestWithParam<PassportCase> {};

TEST_P(PassportValidity, WarnsAsExpected) {
    const auto& c = GetParam();
    EligibilityInput input;
    input.passportBirthDate = d(1990, 5, 5);
    input.passportExpiry = c.expiry;
    input.plannedDeparture = c.departure;
    input.contractEnd = c.contractEnd;
    const auto result = assess(input, clockAt(d(2026, 11, 28)));
    std::vector<std::string> found;
    for (const auto& f : result.findings) {
        EXPECT_EQ(f.severity, Severity::Warning) << c.name;
        found.push_back(f.code);
    }
    EXPECT_EQ(found, c.expected) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Table, PassportValidity,
    testing::Values(
        PassportCase{"long valid", d(2031, 1, 1), d(2027, 1, 10), d(2029, 1, 10), {}},
        PassportCase{"expired", d(2026, 11, 27), std::nullopt, std::nullopt, {"passport.expired"}},
        PassportCase{"expires on the day is not expired",
                     d(2026, 11, 28),
                     std::nullopt,
                     std::nullopt,
                     {"passport.expires_soon"}},
        PassportCase{"six months after departure exactly", d(2027, 7, 10), d(2027, 1, 10), std::nullopt, {}},
        PassportCase{
            "one day short of six months", d(2027, 7, 9), d(2027, 1, 10), std::nullopt, {"passport.expires_soon"}},
        PassportCase{"no departure: six months from today",
                     d(2027, 5, 27),
                     std::nullopt,
                     std::nullopt,
                     {"passport.expires_soon"}},
        PassportCase{"before the contract ends",
                     d(2028, 1, 1),
                     d(2027, 1, 10),
                     d(2029, 1, 10),
                     {"passport.expires_before_contract_end"}}),
    [](const auto& param) {
        std::string name = param.param.name;
        for (auto& ch : name)
            if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
        return name;
    });

TEST(Eligibility, DuplicateNikAtSiteGoesToStaff) {
    EligibilityInput input;
    input.nikBirthDate = d(1990, 5, 5);
    input.nikPendingAtSite = true;
    const auto result = assess(input, clockAt(d(2026, 11, 28)));
    EXPECT_TRUE(result.has("nik.duplicate_pending"));
    EXPECT_FALSE(result.blocked());
}

}  // namespace
