#include "kiosk/core/eligibility.h"

#include <algorithm>

#include "kiosk/core/nik.h"

namespace kiosk::core {

namespace {

int specificity(const AgeRule& rule) { return (rule.destination.empty() ? 0 : 1) + (rule.sector.empty() ? 0 : 2); }

bool before(Date a, Date b) { return std::chrono::sys_days{a} < std::chrono::sys_days{b}; }

void checkAge(const EligibilityInput& in, Date today, Eligibility& out) {
    for (const auto& birth : {in.nikBirthDate, in.passportBirthDate}) {
        if (!birth) continue;
        const int age = ageInYears(*birth, today);
        out.age = out.age ? std::min(*out.age, age) : age;
    }
    if (out.age && *out.age < out.minimumAge)
        out.findings.push_back({Severity::Stop, "age.below_minimum",
                                "below the minimum age " + std::to_string(out.minimumAge) + " for this placement"});
    if (!out.age) out.findings.push_back({Severity::Error, "age.unknown", "no birth date from NIK or passport"});
}

void checkIdentityMatch(const EligibilityInput& in, Eligibility& out) {
    for (auto& w : compareNikWithPassport(in.nikBirthDate, in.nikSex, in.passportBirthDate, in.passportSex))
        out.findings.push_back({Severity::Warning, std::move(w.code), std::move(w.detail)});
}

void checkPassport(const EligibilityInput& in, Date today, Eligibility& out) {
    if (!in.passportExpiry) return;
    const Date expiry = *in.passportExpiry;
    if (before(expiry, today)) {
        out.findings.push_back({Severity::Warning, "passport.expired", "the passport has expired"});
        return;
    }
    // Without a departure date the earliest possible departure is today.
    const Date departure = in.plannedDeparture.value_or(today);
    if (before(expiry, addMonths(departure, kPassportMarginMonths)))
        out.findings.push_back(
            {Severity::Warning, "passport.expires_soon", "the passport expires within 6 months of departure"});
    if (in.contractEnd && before(expiry, *in.contractEnd))
        out.findings.push_back({Severity::Warning, "passport.expires_before_contract_end",
                                "the passport expires before the contract ends"});
}

}  // namespace

Result<AgePolicy> AgePolicy::make(int defaultMinimum, std::vector<AgeRule> rules) {
    if (defaultMinimum < kLegalMinimumAge)
        return makeError("age_policy.below_law", "default minimum age is below 18 (UU 18/2017 Art. 5a)");
    for (const auto& rule : rules) {
        if (rule.minimumAge < kLegalMinimumAge)
            return makeError("age_policy.below_law", "rule for '" + rule.destination + "'/'" + rule.sector +
                                                         "' is below 18 (UU 18/2017 Art. 5a)");
    }
    AgePolicy policy;
    policy.defaultMinimum_ = defaultMinimum;
    policy.rules_ = std::move(rules);
    return policy;
}

int AgePolicy::minimumAge(std::string_view destination, std::string_view sector) const {
    int best = -1;
    int age = defaultMinimum_;
    for (const auto& rule : rules_) {
        const bool matches = (rule.destination.empty() || rule.destination == destination) &&
                             (rule.sector.empty() || rule.sector == sector);
        if (!matches) continue;
        const int s = specificity(rule);
        if (s > best) {
            best = s;
            age = rule.minimumAge;
        } else if (s == best) {
            age = std::max(age, rule.minimumAge);
        }
    }
    // A rule can only raise the minimum above the site default, never lower it.
    return std::max(age, defaultMinimum_);
}

bool Eligibility::stopped() const {
    return std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::Stop; });
}

bool Eligibility::blocked() const {
    return std::any_of(findings.begin(), findings.end(),
                       [](const Finding& f) { return f.severity != Severity::Warning; });
}

bool Eligibility::has(std::string_view code) const {
    return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) { return f.code == code; });
}

EligibilityRules::EligibilityRules(AgePolicy policy, const Clock& clock, std::chrono::minutes utcOffset)
    : policy_(std::move(policy)), clock_(clock), utcOffset_(utcOffset) {}

Eligibility EligibilityRules::assess(const EligibilityInput& input) const {
    return assessEligibility(policy_, input, dateAt(clock_.now(), utcOffset_));
}

Eligibility assessEligibility(const AgePolicy& policy, const EligibilityInput& input, Date today) {
    Eligibility out;
    out.minimumAge = policy.minimumAge(input.destination, input.sector);
    checkAge(input, today, out);
    checkIdentityMatch(input, out);
    checkPassport(input, today, out);
    if (input.nikPendingAtSite)
        out.findings.push_back({Severity::Warning, "nik.duplicate_pending",
                                "a registration with this NIK is already waiting at this site"});
    return out;
}

}  // namespace kiosk::core
