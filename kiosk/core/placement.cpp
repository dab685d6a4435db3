#include "kiosk/core/placement.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cctype>
#include <utility>

namespace kiosk::core {

namespace {

struct CodeConcern {
    std::string_view code;
    OfferConcern concern;
};

// In the order findings are shown: the strongest first. The table in placement.h mirrors it.
constexpr std::array kOfferCodes{
    CodeConcern{"offer.fee_charged_where_free", OfferConcern::Lure},
    CodeConcern{"offer.not_in_catalogue", OfferConcern::Lure},
    CodeConcern{"offer.fee_above_catalogue", OfferConcern::Lure},
    CodeConcern{"offer.salary_below_catalogue", OfferConcern::Lure},
    CodeConcern{"offer.salary_currency_differs", OfferConcern::Lure},
    CodeConcern{"offer.agency_differs", OfferConcern::Lure},
    CodeConcern{"offer.opening_expired", OfferConcern::Check},
    CodeConcern{"offer.destination_differs", OfferConcern::Check},
    CodeConcern{"offer.sector_differs", OfferConcern::Check},
    CodeConcern{"offer.job_order_missing", OfferConcern::Check},
    CodeConcern{"offer.agency_missing", OfferConcern::Check},
    CodeConcern{"offer.fee_currency_differs", OfferConcern::Check},
    CodeConcern{"offer.fee_below_catalogue", OfferConcern::Check},
    CodeConcern{"offer.salary_period_differs", OfferConcern::Check},
    CodeConcern{"offer.salary_above_catalogue", OfferConcern::Check},
};

std::size_t rankOf(std::string_view code) {
    const auto it = std::find_if(kOfferCodes.begin(), kOfferCodes.end(), [&](auto& c) { return c.code == code; });
    return static_cast<std::size_t>(it - kOfferCodes.begin());
}

bool before(Date a, Date b) { return std::chrono::sys_days{a} < std::chrono::sys_days{b}; }

char upper(char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); }
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
bool isAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

std::string normalisedJobOrder(std::string_view id) {
    const auto first = id.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    id = id.substr(first, id.find_last_not_of(" \t") - first + 1);
    std::string out(id);
    std::transform(out.begin(), out.end(), out.begin(), upper);
    return out;
}

// Words of letters and digits in lower case; "PT. Penempatan  Uji-Satu" -> "penempatan uji satu".
std::string normalisedAgency(std::string_view name) {
    std::vector<std::string> words(1);
    for (const char c : name) {
        if (isAlnum(c)) {
            words.back() += lower(c);
        } else if (!words.back().empty()) {
            words.emplace_back();
        }
    }
    if (words.back().empty()) words.pop_back();
    // "PT" (perseroan terbatas) is the company form every P3MI has; people often leave it out.
    if (!words.empty() && words.front() == "pt") words.erase(words.begin());
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

std::string perPeriod(PayPeriod period) {
    return period == PayPeriod::None ? std::string() : " per " + std::string(payPeriodCode(period));
}

std::string sum(std::int64_t amount, std::string_view currency) {
    return std::to_string(amount) + " " + std::string(currency);
}

// Whole percent of `part` in `whole` (> 0), rounded down; in floating point so that no amount
// typed at the kiosk can overflow it.
std::string percentOf(std::int64_t part, std::int64_t whole) {
    const auto pct = static_cast<long long>(static_cast<long double>(part) * 100 / static_cast<long double>(whole));
    return pct < 1 ? "under 1%" : std::to_string(pct) + "%";
}

void add(OfferCheck& out, std::string_view code, std::string detail) {
    out.findings.push_back({Severity::Warning, std::string(code), std::move(detail)});
}

void checkSalary(const Money& promised, const JobOpening& opening, OfferCheck& out) {
    const Money& official = opening.salary;
    if (promised.currency != official.currency) {
        add(out, "offer.salary_currency_differs",
            "promised in " + promised.currency + ", opening " + opening.id + " pays in " + official.currency);
        return;
    }
    if (promised.period != official.period) {
        add(out, "offer.salary_period_differs",
            "promised" + perPeriod(promised.period) + ", opening " + opening.id + " pays" + perPeriod(official.period));
        return;
    }
    if (promised.amount < official.amount) {
        const auto gap = official.amount - promised.amount;
        add(out, "offer.salary_below_catalogue",
            sum(gap, official.currency) + perPeriod(official.period) + " (" + percentOf(gap, official.amount) +
                ") below opening " + opening.id);
    } else if (promised.amount > official.amount) {
        const auto gap = promised.amount - official.amount;
        add(out, "offer.salary_above_catalogue",
            sum(gap, official.currency) + perPeriod(official.period) + " above opening " + opening.id);
    }
}

void checkFee(const Money& asked, const JobOpening& opening, OfferCheck& out) {
    if (asked.amount <= 0) return;  // nothing asked
    const Money& official = opening.placementFee;
    if (official.amount == 0) {
        add(out, "offer.fee_charged_where_free",
            "a fee of " + sum(asked.amount, asked.currency) + " is asked where opening " + opening.id +
                " charges the worker nothing");
        return;
    }
    if (asked.currency != official.currency) {
        add(out, "offer.fee_currency_differs",
            "a fee in " + asked.currency + " is asked, opening " + opening.id + " states " + official.currency);
        return;
    }
    if (asked.amount > official.amount) {
        const auto gap = asked.amount - official.amount;
        add(out, "offer.fee_above_catalogue",
            sum(gap, official.currency) + " (" + percentOf(gap, official.amount) + ") above the fee of opening " +
                opening.id);
    } else if (asked.amount < official.amount) {
        add(out, "offer.fee_below_catalogue",
            sum(official.amount - asked.amount, official.currency) + " below the fee of opening " + opening.id);
    }
}

void checkAgainst(const PlacementIntent& intent, const JobOpening& opening, Date today, OfferCheck& out) {
    if (before(opening.validUntil, today))
        add(out, "offer.opening_expired",
            "opening " + opening.id + " was valid until " + formatIsoDate(opening.validUntil));
    if (!intent.agencyName.empty() && normalisedAgency(intent.agencyName) != normalisedAgency(opening.agency))
        add(out, "offer.agency_differs", "the agency named is not the one of opening " + opening.id);
    if (!intent.destination.empty() && intent.destination != opening.country)
        add(out, "offer.destination_differs", "opening " + opening.id + " is in " + opening.country);
    if (!intent.sector.empty() && intent.sector != opening.sector)
        add(out, "offer.sector_differs", "opening " + opening.id + " is in sector " + opening.sector);
    if (intent.promisedSalary) checkSalary(*intent.promisedSalary, opening, out);
    if (intent.feeAsked) checkFee(*intent.feeAsked, opening, out);
}

struct LevelRank {
    std::string_view level;
    std::string_view scale;  // "plain" or the named test
    int rank;                // on its own scale
    int plainRank;           // what it counts for on the plain scale
};

constexpr std::array kLevels{
    LevelRank{"basic", "plain", 1, 1},         LevelRank{"intermediate", "plain", 2, 2},
    LevelRank{"advanced", "plain", 3, 3},      LevelRank{"jlpt_n5", "jlpt", 1, 1},
    LevelRank{"jlpt_n4", "jlpt", 2, 1},        LevelRank{"jlpt_n3", "jlpt", 3, 2},
    LevelRank{"jlpt_n2", "jlpt", 4, 3},        LevelRank{"jlpt_n1", "jlpt", 5, 3},
    LevelRank{"eps_topik", "eps_topik", 1, 1},
};

const LevelRank* levelRank(std::string_view level) {
    const auto it = std::find_if(kLevels.begin(), kLevels.end(), [&](auto& l) { return l.level == level; });
    return it == kLevels.end() ? nullptr : &*it;
}

bool holds(const std::vector<std::string>& keys, std::string_view key) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

Nearness nearnessOf(std::string_view regency, std::string_view home) {
    if (home.size() != 4 || regency.size() != 4) return Nearness::Elsewhere;
    if (regency == home) return Nearness::SameRegency;
    if (regency.substr(0, 2) == home.substr(0, 2)) return Nearness::SameProvince;
    return Nearness::Elsewhere;
}

}  // namespace

std::string_view payPeriodCode(PayPeriod period) {
    switch (period) {
    case PayPeriod::None: return "";
    case PayPeriod::Hour: return "hour";
    case PayPeriod::Day: return "day";
    case PayPeriod::Week: return "week";
    case PayPeriod::Month: return "month";
    case PayPeriod::Year: return "year";
    }
    return "";
}

std::optional<PayPeriod> payPeriodFromCode(std::string_view code) {
    for (const auto p : {PayPeriod::Hour, PayPeriod::Day, PayPeriod::Week, PayPeriod::Month, PayPeriod::Year})
        if (payPeriodCode(p) == code) return p;
    return std::nullopt;
}

bool OfferCheck::has(std::string_view code) const {
    return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) { return f.code == code; });
}

OfferConcern offerConcern(std::string_view code) {
    const auto rank = rankOf(code);
    return rank < kOfferCodes.size() ? kOfferCodes[rank].concern : OfferConcern::None;
}

OfferCheck checkOffer(const PlacementIntent& intent, const std::vector<JobOpening>& openings, Date today) {
    assert(!intent.promisedSalary || intent.promisedSalary->amount >= 0);
    assert(!intent.feeAsked || intent.feeAsked->amount >= 0);
    OfferCheck out;
    const bool needsAgency = intent.scheme == PlacementScheme::Agency;
    const bool needsJobOrder = needsAgency || intent.scheme == PlacementScheme::GovernmentToGovernment;
    if (needsAgency && intent.agencyName.empty())
        add(out, "offer.agency_missing", "an agency placement without the agency's name");

    const auto id = normalisedJobOrder(intent.jobOrderId);
    if (id.empty()) {
        if (needsJobOrder)
            add(out, "offer.job_order_missing", "a placement through an agency or G-to-G without a job order");
    } else {
        const auto it = std::find_if(openings.begin(), openings.end(),
                                     [&](const JobOpening& o) { return normalisedJobOrder(o.id) == id; });
        if (it == openings.end()) {
            add(out, "offer.not_in_catalogue",
                "the job-order id is not among the " + std::to_string(openings.size()) + " official openings");
        } else {
            out.opening = *it;
            checkAgainst(intent, *it, today, out);
        }
    }

    std::stable_sort(out.findings.begin(), out.findings.end(),
                     [](const Finding& a, const Finding& b) { return rankOf(a.code) < rankOf(b.code); });
    for (const auto& f : out.findings) out.concern = std::max(out.concern, offerConcern(f.code));
    return out;
}

std::vector<JobOpening> openingsFor(std::string_view country, std::string_view sector,
                                    const std::vector<JobOpening>& openings, Date today) {
    std::vector<JobOpening> out;
    for (const auto& o : openings) {
        if (o.country != country || (!sector.empty() && o.sector != sector) || before(o.validUntil, today)) continue;
        out.push_back(o);
    }
    return out;
}

bool languageLevelMeets(std::string_view held, std::string_view required) {
    if (held == required) return true;
    const auto* h = levelRank(held);
    const auto* r = levelRank(required);
    if (!h || !r) return false;
    if (r->scale == "plain") return h->plainRank >= r->rank;
    return h->scale == r->scale && h->rank >= r->rank;
}

std::vector<MissingItem> missingRequirements(const JobOpening& opening, const Skills& skills) {
    std::vector<MissingItem> out;
    for (const auto& cert : opening.certificates)
        if (!holds(skills.certificates, cert)) out.push_back({MissingKind::Certificate, cert, {}, {}});
    if (const auto& lang = opening.language) {
        const auto it = std::find_if(skills.languages.begin(), skills.languages.end(),
                                     [&](const LanguageSkill& s) { return s.code == lang->code; });
        const std::string held = it == skills.languages.end() ? std::string() : it->level;
        if (held.empty() || !languageLevelMeets(held, lang->level))
            out.push_back({MissingKind::Language, "lang." + lang->code, lang->level, held});
    }
    return out;
}

std::vector<TrainingSuggestion> trainingFor(const std::vector<MissingItem>& missing,
                                            const std::vector<TrainingProgramme>& programmes,
                                            std::string_view homeRegencyCode, Date today, TrainingWindow window) {
    const auto earliest = std::chrono::sys_days{today} - window.lateJoin;
    const auto latest = std::chrono::sys_days{today} + window.horizon;
    std::vector<TrainingSuggestion> out;
    for (const auto& item : missing) {
        TrainingSuggestion suggestion{item, {}};
        for (const auto& p : programmes) {
            const auto starts = std::chrono::sys_days{p.starts};
            if (starts < earliest || starts > latest || !holds(p.covers, item.key)) continue;
            suggestion.options.push_back({p, nearnessOf(p.regencyCode, homeRegencyCode)});
        }
        std::stable_sort(suggestion.options.begin(), suggestion.options.end(),
                         [](const TrainingOption& a, const TrainingOption& b) {
                             if (a.nearness != b.nearness) return a.nearness < b.nearness;
                             return before(a.programme.starts, b.programme.starts);
                         });
        out.push_back(std::move(suggestion));
    }
    return out;
}

}  // namespace kiosk::core
