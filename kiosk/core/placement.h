#pragma once
// The person's placement intent held against the official job openings the national server
// publishes (docs/api.md §6), and the training that closes a gap between the person's skills and
// an opening's requirements. An offer that is not in the catalogue, or whose salary or fees differ
// from it, is a common trafficking lure: the kiosk tells the person plainly and routes the record
// to staff, but never refuses a registration because of it. Pure: dates come in as values.
//
// Finding codes of checkOffer (all Severity::Warning), strongest first; the screen maps each code
// to a text, staff see the concern:
//
// | code                           | concern | when                                                        |
// |--------------------------------|---------|-------------------------------------------------------------|
// | offer.fee_charged_where_free   | Lure    | a placement fee is asked where the opening's fee is 0: the  |
// |                                |         | law bars charging placement costs to the worker             |
// | offer.not_in_catalogue         | Lure    | the job-order id names no official opening                  |
// | offer.fee_above_catalogue      | Lure    | the fee asked is more than the opening's (same currency)    |
// | offer.salary_below_catalogue   | Lure    | the promised salary is less than the opening's              |
// | offer.salary_currency_differs  | Lure    | the salary is promised in another currency than the opening |
// | offer.agency_differs           | Lure    | the agency named is not the opening's agency                |
// | offer.opening_expired          | Check   | the opening's valid_until is before today                   |
// | offer.destination_differs      | Check   | the destination chosen is not the opening's country         |
// | offer.sector_differs           | Check   | the sector chosen is not the opening's sector               |
// | offer.job_order_missing        | Check   | agency or G-to-G scheme without a job-order id              |
// | offer.agency_missing           | Check   | agency scheme without the agency's name                     |
// | offer.fee_currency_differs     | Check   | a fee is asked in another currency than the opening's fee   |
// | offer.fee_below_catalogue      | Check   | the fee asked is less than the opening's (same currency)    |
// | offer.salary_period_differs    | Check   | the salary is promised per another period (week, year, ...) |
// | offer.salary_above_catalogue   | Check   | the promised salary is more than the opening's: the         |
// |                                |         | contract will say the catalogue's amount                    |

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/date.h"
#include "kiosk/core/eligibility.h"

namespace kiosk::core {

enum class PayPeriod { None, Hour, Day, Week, Month, Year };

std::string_view payPeriodCode(PayPeriod period);  // "", "hour", "day", "week", "month", "year"
std::optional<PayPeriod> payPeriodFromCode(std::string_view code);

// The catalogues state whole units of a currency (1700 MYR, 17500000 IDR), never cents.
struct Money {
    std::int64_t amount = 0;             // never negative
    std::string currency;                // ISO 4217: "MYR", "IDR"
    PayPeriod period = PayPeriod::None;  // a wage's period; None for one-off sums (fees, costs)

    friend bool operator==(const Money&, const Money&) = default;
};

// Language levels are either the plain scale basic < intermediate < advanced, or a named test:
// jlpt_n5 (lowest) to jlpt_n1, and eps_topik (the Korean EPS test, passed or not).
struct LanguageRequirement {
    std::string code;   // ISO 639: "ms", "zh", "yue", "ja", "ko"
    std::string level;  // "basic", "jlpt_n4", "eps_topik", ...

    friend bool operator==(const LanguageRequirement&, const LanguageRequirement&) = default;
};

struct JobOpening {
    std::string id;       // the job-order id: "JO-2026-MY-0001"
    std::string country;  // ISO 3166-1 alpha-2, as the catalogue has it: "MY"
    std::string city;
    std::string employer;
    std::string agency;  // the licensed placement agency (P3MI), or the G-to-G programme
    std::string position;
    std::string sector;                     // "plantation", "domestic_work", ...
    Money salary;                           // with its period
    Money placementFee;                     // charged to the worker; 0 where the law forbids it
    std::vector<std::string> certificates;  // "cert.caregiver", ...
    std::optional<LanguageRequirement> language;
    Date validUntil{};  // the last day the opening is valid

    friend bool operator==(const JobOpening&, const JobOpening&) = default;
};

struct TrainingProgramme {
    std::string id;
    std::string title;
    std::string provider;
    std::string regencyCode;          // 4 digits: province (2) + regency (2)
    std::vector<std::string> covers;  // certificate keys and "lang.<code>"
    Date starts{};
    Money cost;

    friend bool operator==(const TrainingProgramme&, const TrainingProgramme&) = default;
};

struct Regency {
    std::string code;          // 4 digits, BPS: "3578"
    std::string name;          // "Kota Surabaya"
    std::string provinceCode;  // "35"

    friend bool operator==(const Regency&, const Regency&) = default;
};

enum class PlacementScheme {
    Agency,                  // through a licensed placement agency (P3MI)
    GovernmentToGovernment,  // G-to-G
    Independent,             // the person found the employer without an agency
};

// What the person says about the job they are going to. Empty strings are "not given".
struct PlacementIntent {
    std::string destination;  // ISO 3166-1 alpha-2, as in the job openings catalogue
    std::string sector;
    std::string position;
    PlacementScheme scheme = PlacementScheme::Agency;
    std::string agencyName;
    std::string agencyLicence;  // recorded for staff; the catalogue carries no licence to compare
    std::string jobOrderId;
    std::optional<Money> promisedSalary;
    std::optional<Money> feeAsked;  // what the agency or a broker asks the person to pay
};

struct LanguageSkill {
    std::string code;   // ISO 639
    std::string level;  // as in LanguageRequirement

    friend bool operator==(const LanguageSkill&, const LanguageSkill&) = default;
};

struct Skills {
    std::vector<std::string> certificates;  // "cert.caregiver", ...
    std::vector<LanguageSkill> languages;
};

enum class OfferConcern {
    None,   // nothing to say
    Check,  // differences staff should look at
    Lure,   // a sign of a trafficking or non-procedural recruitment lure: staff consider a referral
};

struct OfferCheck {
    std::vector<Finding> findings;              // every one Severity::Warning, the strongest first
    std::optional<JobOpening> opening;          // the official opening the job-order id names, if any
    OfferConcern concern = OfferConcern::None;  // the strongest among the findings

    bool has(std::string_view code) const;
};

// The concern a finding code of checkOffer carries (the table above); None for other codes.
OfferConcern offerConcern(std::string_view code);

// The intent against the official openings on `today`. Job-order ids match ignoring case and
// surrounding spaces; agency names ignoring case, punctuation and a leading "PT". Details name
// catalogue ids and amounts, never what the person typed.
OfferCheck checkOffer(const PlacementIntent& intent, const std::vector<JobOpening>& openings, Date today);

// The openings still valid on `today` in `country` and `sector` (empty: any sector), in
// catalogue order, for the picker screen.
std::vector<JobOpening> openingsFor(std::string_view country, std::string_view sector,
                                    const std::vector<JobOpening>& openings, Date today);

// Whether a person holding `held` meets `required` in the same language. A named test level also
// counts on the plain scale (JLPT N5 and N4 as basic, N3 intermediate, N2 and N1 advanced; a passed
// EPS-TOPIK as basic); a plain level never meets a named test. Unknown levels meet only themselves.
bool languageLevelMeets(std::string_view held, std::string_view required);

enum class MissingKind { Certificate, Language };

struct MissingItem {
    MissingKind kind = MissingKind::Certificate;
    std::string key;            // as training programmes list it: "cert.caregiver", "lang.zh"
    std::string requiredLevel;  // languages only
    std::string heldLevel;      // languages only; empty when the person has none in that language

    friend bool operator==(const MissingItem&, const MissingItem&) = default;
};

// The opening's certificates the person lacks, in the opening's order, then its language if the
// person's level in it falls short.
std::vector<MissingItem> missingRequirements(const JobOpening& opening, const Skills& skills);

enum class Nearness { SameRegency, SameProvince, Elsewhere };

struct TrainingOption {
    TrainingProgramme programme;
    Nearness nearness = Nearness::Elsewhere;

    friend bool operator==(const TrainingOption&, const TrainingOption&) = default;
};

struct TrainingSuggestion {
    MissingItem item;
    std::vector<TrainingOption> options;  // nearest first, then the earliest start; may be empty
};

// Which programmes a person can still join: those starting from `lateJoin` before today up to
// `horizon` after it.
struct TrainingWindow {
    std::chrono::days lateJoin{0};
    std::chrono::days horizon{180};
};

// For each missing item, in order, the programmes that cover it and can still be joined, nearest
// to `homeRegencyCode` first (same regency, then same province: the code's first two digits).
std::vector<TrainingSuggestion> trainingFor(const std::vector<MissingItem>& missing,
                                            const std::vector<TrainingProgramme>& programmes,
                                            std::string_view homeRegencyCode, Date today, TrainingWindow window = {});

}  // namespace kiosk::core
