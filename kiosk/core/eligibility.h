#pragma once
// Automatic checks before a registration is submitted: minimum age (UU 18/2017 Art. 5a, higher
// per destination and sector by configuration), passport validity against departure and contract,
// and NIK against passport. The kiosk stops an under-age person; everything else is either an
// error the person can fix at the kiosk or a warning that staff decide on.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/clock.h"
#include "kiosk/base/date.h"
#include "kiosk/base/result.h"
#include "kiosk/core/sex.h"

namespace kiosk::core {

inline constexpr int kLegalMinimumAge = 18;

// An empty destination or sector matches any.
struct AgeRule {
    std::string destination;  // ISO 3166 alpha-3 as in an MRZ, e.g. "HKG"
    std::string sector;       // e.g. "domestic"
    int minimumAge = kLegalMinimumAge;
    friend bool operator==(const AgeRule&, const AgeRule&) = default;
};

class AgePolicy {
public:
    // Refuses rules below the legal minimum: configuration cannot lower the law.
    static Result<AgePolicy> make(int defaultMinimum, std::vector<AgeRule> rules);
    AgePolicy() = default;

    // The most specific rule wins (destination and sector, then sector, then destination); among
    // equally specific rules the highest age wins.
    int minimumAge(std::string_view destination, std::string_view sector) const;

    friend bool operator==(const AgePolicy&, const AgePolicy&) = default;

private:
    int defaultMinimum_ = kLegalMinimumAge;
    std::vector<AgeRule> rules_;
};

enum class Severity {
    Stop,     // the journey ends here (under age); nothing about the person is kept
    Error,    // must be put right before submitting
    Warning,  // submitted, and routed to staff
};

struct Finding {
    Severity severity;
    std::string code;    // i18n key suffix, e.g. "age.below_minimum"
    std::string detail;  // for logs: never personal data

    friend bool operator==(const Finding&, const Finding&) = default;
};

struct EligibilityInput {
    std::optional<Date> nikBirthDate;
    std::optional<Sex> nikSex;
    std::optional<Date> passportBirthDate;
    std::optional<Sex> passportSex;
    std::optional<Date> passportExpiry;
    std::optional<Date> plannedDeparture;
    std::optional<Date> contractEnd;
    std::string destination;
    std::string sector;
    bool nikPendingAtSite = false;  // another registration with this NIK awaits staff here
};

struct Eligibility {
    std::vector<Finding> findings;
    int minimumAge = kLegalMinimumAge;
    std::optional<int> age;  // the lower of the ages the documents give

    bool stopped() const;
    bool blocked() const;  // stopped, or an error to fix first
    bool has(std::string_view code) const;
};

inline constexpr int kPassportMarginMonths = 6;

// The checks as of `today` (the local calendar day at the kiosk).
Eligibility assessEligibility(const AgePolicy& policy, const EligibilityInput& input, Date today);

// Lives on whichever thread owns the flow; holds no state between calls.
class EligibilityRules {
public:
    EligibilityRules(AgePolicy policy, const Clock& clock, std::chrono::minutes utcOffset);
    Eligibility assess(const EligibilityInput& input) const;

private:
    AgePolicy policy_;
    const Clock& clock_;
    std::chrono::minutes utcOffset_;
};

}  // namespace kiosk::core
