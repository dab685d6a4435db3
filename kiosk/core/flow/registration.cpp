#include "kiosk/core/flow/registration.h"

#include <algorithm>

#include "kiosk/core/json_writer.h"
#include "kiosk/core/mrz.h"
#include "kiosk/core/nik.h"
#include "kiosk/core/province_table.h"
#include "kiosk/core/receipt_token.h"

namespace kiosk::flow {
namespace {

using F = TextField;
using C = ChoiceField;
using K = StepKind;
using S = RegStep;
using P = ChipField;
using J = Journey;

// One row per step, in RegStep order.
constexpr std::array<StepSpec, kRegSteps> kSteps{{
    {S::Consent, K::Consent, 1, "consent", {}, {}, {}, 0, 0, false, {}},
    {S::Nik, K::Digits, 2, "nik", F::Nik, {}, {}, 16, 16, false, J::Registration},
    {S::Passport, K::Scan, 2, "passport", {}, {}, {}, 0, 0, true, J::Registration},
    {S::FamilyCard, K::Scan, 2, "family-card", {}, {}, {}, 0, 0, true, J::Registration},
    {S::Photo, K::Camera, 3, "photo", {}, {}, {}, 0, 0, true, J::Registration},
    {S::Checks, K::Checks, 4, "checks", {}, {}, {}, 0, 0, false, J::Registration},
    {S::Name, K::Letters, 5, "name", F::Name, {}, {}, 2, 60, false, J::Registration},
    {S::BirthPlace, K::Letters, 5, "birth-place", F::BirthPlace, {}, {}, 2, 40, false, J::Registration},
    {S::Marital, K::Choice, 5, "marital", {}, C::Marital, {}, 0, 0, false, J::Registration},
    {S::HomeRegion, K::Choice, 5, "home-region", {}, C::HomeRegion, {}, 0, 0, false, J::Registration},
    {S::Address, K::Letters, 5, "address", F::Address, {}, {}, 3, 80, false, J::Registration},
    {S::RtRw, K::Digits, 5, "rt-rw", F::RtRw, {}, {}, 6, 6, false, J::Registration},
    {S::Phone, K::Digits, 5, "phone", F::Phone, {}, {}, 10, 13, false, J::Registration},
    {S::KinName, K::Letters, 5, "kin-name", F::KinName, {}, {}, 2, 60, false, J::Registration},
    {S::KinPhone, K::Digits, 5, "kin-phone", F::KinPhone, {}, {}, 10, 13, false, J::Registration},
    {S::Education, K::Choice, 6, "education", {}, C::Education, {}, 0, 0, false, J::Registration},
    {S::SmkMajor, K::Letters, 6, "smk-major", F::SmkMajor, {}, {}, 2, 40, false, J::Registration},
    {S::School, K::Letters, 6, "school", F::School, {}, {}, 2, 60, true, J::Registration},
    {S::GraduationYear, K::Digits, 6, "graduation-year", F::GraduationYear, {}, {}, 4, 4, true, J::Registration},
    {S::Skills, K::Chips, 6, "skills", {}, {}, P::Skills, 0, 0, false, J::Registration},
    {S::Experience, K::Choice, 6, "experience", {}, C::Experience, {}, 0, 0, false, J::Registration},
    {S::PreviousWork, K::Choice, 6, "previous-work", {}, C::PreviousWork, {}, 0, 0, false, J::Registration},
    {S::Bpjs, K::Digits, 6, "bpjs", F::Bpjs, {}, {}, 11, 11, true, J::Registration},
    {S::Medical, K::Choice, 6, "medical", {}, C::Medical, {}, 0, 0, false, J::Registration},
    {S::Destination, K::Choice, 7, "destination", {}, C::Destination, {}, 0, 0, false, J::Registration},
    {S::Sector, K::Choice, 7, "sector", {}, C::Sector, {}, 0, 0, false, J::Registration},
    {S::Scheme, K::Choice, 7, "scheme", {}, C::Scheme, {}, 0, 0, false, J::Registration},
    {S::Opening, K::Choice, 7, "opening", {}, C::Opening, {}, 0, 0, false, J::Registration},
    {S::PromisedSalary, K::Digits, 7, "promised-salary", F::PromisedSalary, {}, {}, 1, 9, true, J::Registration},
    {S::FeeAsked, K::Digits, 7, "fee-asked", F::FeeAsked, {}, {}, 1, 10, false, J::Registration},
    {S::Documents, K::Documents, 8, "documents", {}, {}, {}, 0, 0, false, J::Registration},
    {S::ReturnNik, K::Digits, 2, "return-nik", F::Nik, {}, {}, 16, 16, true, J::Returnee},
    {S::ReturnIdentify, K::Scan, 2, "return-identify", {}, {}, {}, 0, 0, true, J::Returnee},
    {S::ReturnName, K::Letters, 2, "return-name", F::Name, {}, {}, 2, 60, false, J::Returnee},
    {S::ReturnRegion, K::Choice, 3, "return-region", {}, C::HomeRegion, {}, 0, 0, false, J::Returnee},
    {S::ReturnPhone, K::Digits, 3, "return-phone", F::Phone, {}, {}, 10, 13, false, J::Returnee},
    {S::ReturnChildren, K::Choice, 3, "return-children", {}, C::Children, {}, 0, 0, false, J::Returnee},
    {S::ReturnCountry, K::Choice, 4, "return-country", {}, C::WorkCountry, {}, 0, 0, false, J::Returnee},
    {S::ReturnCity, K::Letters, 4, "return-city", F::WorkCity, {}, {}, 2, 40, false, J::Returnee},
    {S::ReturnEmployer, K::Letters, 4, "return-employer", F::Employer, {}, {}, 2, 60, true, J::Returnee},
    {S::ReturnAgency, K::Letters, 4, "return-agency", F::Agency, {}, {}, 2, 60, true, J::Returnee},
    {S::ReturnPosition, K::Letters, 4, "return-position", F::Position, {}, {}, 2, 40, false, J::Returnee},
    {S::ReturnContractStart, K::Digits, 4, "return-contract-start", F::ContractStart, {}, {}, 6, 6, true, J::Returnee},
    {S::ReturnContractEnd, K::Digits, 4, "return-contract-end", F::ContractEnd, {}, {}, 6, 6, true, J::Returnee},
    {S::ReturnArrival, K::Digits, 5, "return-arrival", F::ArrivalDate, {}, {}, 8, 8, false, J::Returnee},
    {S::ReturnPort, K::Choice, 5, "return-port", {}, C::ArrivalPort, {}, 0, 0, false, J::Returnee},
    {S::ReturnReason, K::Choice, 5, "return-reason", {}, C::ReturnReason, {}, 0, 0, false, J::Returnee},
    {S::ReturnRights, K::Chips, 6, "return-rights", {}, {}, P::Rights, 0, 0, false, J::Returnee},
    {S::ReturnComplaint, K::Choice, 6, "return-complaint", {}, C::Complaint, {}, 0, 0, false, J::Returnee},
    {S::ReturnComplaintText, K::Letters, 6, "return-complaint-text", F::ComplaintText, {}, {}, 5, 90, false, J::Returnee},
    {S::ReturnNeeds, K::Chips, 7, "return-needs", {}, {}, P::Needs, 0, 0, false, J::Returnee},
    {S::ReturnInterests, K::Chips, 7, "return-interests", {}, {}, P::Interests, 0, 0, false, J::Returnee},
    {S::Review, K::Review, 8, "review", {}, {}, {}, 0, 0, false, {}},
}};

constexpr auto kMarital = std::to_array<std::string_view>({"marital.single", "marital.married", "marital.divorced",
                                                            "marital.widowed"});
constexpr auto kEducation = std::to_array<std::string_view>(
    {"education.sd", "education.smp", "education.sma", "education.smk", "education.diploma", "education.degree"});
constexpr auto kExperience = std::to_array<std::string_view>(
    {"experience.none", "experience.under_1", "experience.1_to_3", "experience.over_3"});
constexpr auto kPreviousWork =
    std::to_array<std::string_view>({"previous_work.never", "previous_work.once", "previous_work.more"});
constexpr auto kMedical =
    std::to_array<std::string_view>({"medical.done", "medical.scheduled", "medical.not_yet"});
// Codes after the prefix are the catalogue's own: "destination.MY" is the opening's country "MY".
constexpr auto kDestination = std::to_array<std::string_view>({"destination.MY", "destination.SG", "destination.HK",
                                                                "destination.TW", "destination.SA", "destination.KR",
                                                                "destination.JP"});
constexpr auto kSector = std::to_array<std::string_view>(
    {"sector.domestic_work", "sector.caregiving", "sector.manufacturing", "sector.plantation", "sector.fishing",
     "sector.food_processing", "sector.construction", "sector.hospitality"});
constexpr auto kScheme = std::to_array<std::string_view>({"scheme.agency", "scheme.g2g", "scheme.independent"});
constexpr auto kSkills = std::to_array<std::string_view>(
    {"cert.domestic_work", "cert.caregiver", "cert.manufacturing_operator", "cert.plantation_basic",
     "cert.bst_fishing", "cert.eps_topik", "cert.ssw_kaigo", "cert.ssw_food", "lang.en", "lang.ms", "lang.zh",
     "lang.yue", "lang.ar", "lang.ko", "lang.ja"});
// The returnee's lists. The countries most Indonesian workers come back from, then "another".
constexpr auto kWorkCountry = std::to_array<std::string_view>(
    {"country.MY", "country.SG", "country.HK", "country.TW", "country.SA", "country.KR", "country.JP",
     "country.AE", "country.QA", "country.KW", "country.BN", "country.other"});
// Where returnees land: the big airports, and the sea and land crossings from Malaysia and Singapore.
constexpr auto kArrivalPort = std::to_array<std::string_view>(
    {"port.cgk", "port.sub", "port.kno", "port.dps", "port.lop", "port.batam", "port.tanjung_pinang",
     "port.nunukan", "port.entikong", "port.dumai", "port.other"});
// UU 18/2017 Art. 27.
constexpr auto kReturnReason = std::to_array<std::string_view>(
    {"return_reason.contract_ended", "return_reason.leave", "return_reason.early_termination",
     "return_reason.accident_or_illness", "return_reason.abuse_or_violence", "return_reason.war_disaster_epidemic",
     "return_reason.deportation", "return_reason.other"});
// The first means "no complaint": the complaint's words are asked only after another.
constexpr auto kComplaint = std::to_array<std::string_view>(
    {"complaint.none", "complaint.unpaid_wages", "complaint.violence", "complaint.agency",
     "complaint.contract", "complaint.documents_held", "complaint.trafficking", "complaint.other"});
constexpr auto kChildren =
    std::to_array<std::string_view>({"children.none", "children.one", "children.two", "children.three_or_more"});
constexpr auto kRights = std::to_array<std::string_view>(
    {"rights.unpaid_wages", "rights.unpaid_overtime", "rights.documents_held", "rights.contract_differs",
     "rights.no_rest_day", "rights.violence", "rights.insurance_claim", "rights.excess_fees"});
constexpr auto kNeeds = std::to_array<std::string_view>(
    {"need.health_check", "need.medical_treatment", "need.counselling", "need.transport_home", "need.shelter"});
constexpr auto kInterests = std::to_array<std::string_view>(
    {"interest.entrepreneurship", "interest.kur_credit", "interest.export", "interest.domestic_job",
     "interest.financial_literacy", "interest.remigration"});

// The option that stands for "my offer is not in this list".
constexpr std::string_view kNotListed = "opening.not_listed";

constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kAlpha3{
    {{"MY", "MYS"}, {"SG", "SGP"}, {"HK", "HKG"}, {"TW", "TWN"}, {"SA", "SAU"}, {"KR", "KOR"}, {"JP", "JPN"}}};

std::string_view afterDot(std::string_view code) {
    const auto dot = code.find('.');
    return dot == std::string_view::npos ? code : code.substr(dot + 1);
}

bool allDigits(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<core::Mrz> passportOf(const RegistrationForm& form, Date today) {
    if (form.passportMrz.empty()) return std::nullopt;
    auto mrz = core::parseMrz(form.passportMrz.view(), today);
    if (!mrz || !mrz->valid()) return std::nullopt;
    return *mrz;
}

std::int64_t numberOf(std::string_view digits) {
    std::int64_t n = 0;
    for (const char c : digits) n = n * 10 + (c - '0');
    return n;
}

using Json = core::JsonWriter;

}  // namespace

const StepSpec& specOf(RegStep step) { return kSteps[static_cast<std::size_t>(step)]; }
std::span<const StepSpec> allSteps() { return kSteps; }

std::optional<RegStep> stepNamed(std::string_view name) {
    for (const auto& s : kSteps)
        if (s.name == name) return s.step;
    return std::nullopt;
}

std::span<const std::string_view> fixedOptions(ChoiceField field) {
    switch (field) {
    case C::Marital: return kMarital;
    case C::Education: return kEducation;
    case C::Experience: return kExperience;
    case C::PreviousWork: return kPreviousWork;
    case C::Medical: return kMedical;
    case C::Destination: return kDestination;
    case C::Sector: return kSector;
    case C::Scheme: return kScheme;
    case C::WorkCountry: return kWorkCountry;
    case C::ArrivalPort: return kArrivalPort;
    case C::ReturnReason: return kReturnReason;
    case C::Complaint: return kComplaint;
    case C::Children: return kChildren;
    case C::HomeRegion:
    case C::Opening: return {};
    }
    return {};
}

std::span<const std::string_view> chipOptions(ChipField field) {
    switch (field) {
    case P::Skills: return kSkills;
    case P::Rights: return kRights;
    case P::Needs: return kNeeds;
    case P::Interests: return kInterests;
    }
    return {};
}

std::vector<std::string_view> allOptionCodes() {
    std::vector<std::string_view> all;
    for (std::size_t f = 0; f < kChoiceFields; ++f)
        for (const auto code : fixedOptions(static_cast<ChoiceField>(f))) all.push_back(code);
    for (std::size_t f = 0; f < kChipFields; ++f)
        for (const auto code : chipOptions(static_cast<ChipField>(f))) all.push_back(code);
    all.push_back(kNotListed);
    return all;
}

std::string_view alpha3Of(std::string_view alpha2) {
    for (const auto& [two, three] : kAlpha3)
        if (two == alpha2) return three;
    return {};
}

OptionList optionsFor(ChoiceField field, const RegistrationForm& form, const Catalogue& catalogue) {
    OptionList list;
    if (field == C::HomeRegion) {
        // The regency the NIK was issued in first (its first four digits), then the rest of its
        // province, then the others: most people live where their card was made.
        const auto nikText = form.text(F::Nik);
        const auto regency = nikText.substr(0, std::min<std::size_t>(4, nikText.size()));
        const auto province = nikText.substr(0, std::min<std::size_t>(2, nikText.size()));
        const auto rank = [&](const core::Regency& r) {
            if (r.code == regency) return 0;
            return r.provinceCode == province ? 1 : 2;
        };
        for (const int wanted : {0, 1, 2})
            for (const auto& r : catalogue.regions)
                if (rank(r) == wanted) {
                    list.codes.push_back(r.code);
                    list.labels.push_back(r.name);
                }
        // Until the regency table has arrived from the server: the regency the NIK was issued in,
        // named by its province from the table the kiosk ships with.
        const auto nik = form.text(F::Nik);
        if (list.codes.empty() && nik.size() >= 4) {
            const auto name = core::ProvinceTable::builtIn().name(nik.substr(0, 2));
            list.codes.emplace_back(nik.substr(0, 4));
            list.labels.push_back(std::string(nik.substr(0, 4)) + (name ? ", " + std::string(*name) : std::string()));
        }
        return list;
    }
    if (field == C::Opening) {
        const std::string destination = chosenCode(C::Destination, form, catalogue);
        const std::string sectorCode = chosenCode(C::Sector, form, catalogue);
        const auto country = afterDot(destination);
        const auto sector = afterDot(sectorCode);
        for (const auto& o : catalogue.openings) {
            if (o.country != country || o.sector != sector) continue;
            list.codes.push_back(o.id);
            list.labels.push_back(o.position + ", " + o.city);
        }
        list.codes.emplace_back(kNotListed);
        list.labels.emplace_back();
        return list;
    }
    for (const auto code : fixedOptions(field)) {
        list.codes.emplace_back(code);
        list.labels.emplace_back();
    }
    return list;
}

std::string chosenCode(ChoiceField field, const RegistrationForm& form, const Catalogue& catalogue) {
    const auto index = form.choice(field);
    if (!index) return {};
    // Only the opening's list depends on other answers; the others are fixed or the regions.
    if (field != C::Opening && field != C::HomeRegion) {
        const auto options = fixedOptions(field);
        return *index < options.size() ? std::string(options[*index]) : std::string();
    }
    auto list = optionsFor(field, form, catalogue);
    return *index < list.codes.size() ? list.codes[*index] : std::string();
}

const core::JobOpening* chosenOpening(const RegistrationForm& form, const Catalogue& catalogue) {
    const auto id = chosenCode(C::Opening, form, catalogue);
    for (const auto& o : catalogue.openings)
        if (o.id == id) return &o;
    return nullptr;
}

bool isCompletePhone(std::string_view digits) {
    return digits.size() >= 10 && digits.size() <= 13 && digits.starts_with("08") && allDigits(digits);
}

bool applies(RegStep step, const RegistrationForm& form) {
    const StepSpec& spec = specOf(step);
    if (spec.journey && *spec.journey != form.journey) return false;
    if (step == S::ReturnComplaintText) return form.choice(C::Complaint).value_or(0) != 0;
    if (step == S::SmkMajor) {
        const auto smk = std::find(kEducation.begin(), kEducation.end(), "education.smk") - kEducation.begin();
        return form.choice(C::Education) == smk;
    }
    return true;
}

bool canSkip(RegStep step, const RegistrationForm& form) {
    if (!specOf(step).skippable) return false;
    if (step == S::ReturnIdentify) return !form.skipped.test(static_cast<std::size_t>(S::ReturnNik));
    return true;
}

namespace {

// "MMYYYY" as the first day of that month, when it is a month between 1970 and today.
std::optional<Date> monthOf(std::string_view digits, Date today) {
    if (digits.size() != 6 || !allDigits(digits)) return std::nullopt;
    const auto month = static_cast<unsigned>(numberOf(digits.substr(0, 2)));
    const auto year = static_cast<int>(numberOf(digits.substr(2)));
    const Date first{std::chrono::year{year} / std::chrono::month{month} / 1};
    if (!first.ok() || year < 1970 || first > today) return std::nullopt;
    return first;
}

// "DDMMYYYY" when it is a real day between 1970 and today.
std::optional<Date> dayOf(std::string_view digits, Date today) {
    if (digits.size() != 8 || !allDigits(digits)) return std::nullopt;
    const Date day{std::chrono::year{static_cast<int>(numberOf(digits.substr(4)))} /
                   std::chrono::month{static_cast<unsigned>(numberOf(digits.substr(2, 2)))} /
                   std::chrono::day{static_cast<unsigned>(numberOf(digits.substr(0, 2)))}};
    if (!day.ok() || day.year() < std::chrono::year{1970} || day > today) return std::nullopt;
    return day;
}

// A returnee's dates must be real and in order: the contract began before it ended, and they
// came home after it began.
std::optional<std::string> returneeDateProblem(RegStep step, const RegistrationForm& form, Date today) {
    const auto start = monthOf(form.text(F::ContractStart), today);
    if (step == S::ReturnContractStart && !start) return "return-contract-start.invalid";
    if (step == S::ReturnContractEnd) {
        const auto end = monthOf(form.text(F::ContractEnd), today);
        if (!end) return "return-contract-end.invalid";
        if (start && *end < *start) return "return-contract-end.before_start";
    }
    if (step == S::ReturnArrival) {
        const auto arrival = dayOf(form.text(F::ArrivalDate), today);
        if (!arrival) return "return-arrival.invalid";
        if (start && *arrival < *start) return "return-arrival.before_contract";
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> problemWith(RegStep step, const RegistrationForm& form, Date today) {
    const StepSpec& spec = specOf(step);
    if (form.skipped.test(static_cast<std::size_t>(step))) return std::nullopt;
    switch (spec.kind) {
    case K::Consent:
        if (!form.consent.registration) return "consent.required";
        return std::nullopt;
    case K::Digits:
    case K::Letters: {
        const auto value = form.text(*spec.text);
        if (value.size() < spec.minLength || (spec.kind == K::Digits && !allDigits(value))) return std::string(spec.name) + ".incomplete";
        if (step == S::Nik || step == S::ReturnNik) {
            const auto check = core::checkNik(value, today);
            if (!check.valid()) return "nik.invalid";
        }
        if (auto problem = returneeDateProblem(step, form, today)) return problem;
        if ((step == S::Phone || step == S::KinPhone || step == S::ReturnPhone) && !isCompletePhone(value))
            return std::string(spec.name) + ".incomplete";
        if (step == S::GraduationYear) {
            const auto year = numberOf(value);
            if (year < 1950 || year > static_cast<int>(today.year())) return "graduation-year.invalid";
        }
        return std::nullopt;
    }
    case K::Choice:
        if (!form.choice(*spec.choice)) return "choice.none";
        return std::nullopt;
    case K::Scan:
        if (step == S::Passport && form.passportMrz.empty()) return "passport.none";
        if (step == S::FamilyCard && form.familyCard.empty()) return "family-card.none";
        if (step == S::ReturnIdentify && form.passportMrz.empty() && form.receiptCode.empty())
            return "return-identify.none";
        return std::nullopt;
    case K::Camera:
        if (!form.photoTaken) return "photo.none";
        return std::nullopt;
    case K::Chips:
    case K::Checks:
    case K::Documents:
    case K::Review: return std::nullopt;
    }
    return std::nullopt;
}

core::Eligibility checksFor(const RegistrationForm& form, const core::AgePolicy& policy, Date today,
                            const Catalogue& catalogue) {
    core::EligibilityInput in;
    const auto nik = core::checkNik(form.text(F::Nik), today);
    if (nik.valid()) {
        in.nikBirthDate = nik.birthDate;
        in.nikSex = nik.sex;
    }
    if (const auto mrz = passportOf(form, today)) {
        in.passportBirthDate = mrz->birthDate;
        in.passportSex = mrz->sex;
        in.passportExpiry = mrz->expiryDate;
    }
    in.destination = std::string(alpha3Of(afterDot(chosenCode(C::Destination, form, catalogue))));
    in.sector = std::string(afterDot(chosenCode(C::Sector, form, catalogue)));
    in.nikPendingAtSite = form.nikPendingHere;
    auto out = core::assessEligibility(policy, in, today);
    for (const auto& w : nik.warnings) out.findings.push_back({core::Severity::Warning, w.code, w.detail});
    return out;
}

namespace {

core::Skills skillsOf(const RegistrationForm& form) {
    core::Skills skills;
    for (std::size_t i = 0; i < kSkills.size(); ++i) {
        if (!form.ticked(P::Skills).test(i)) continue;
        if (kSkills[i].starts_with("cert.")) skills.certificates.emplace_back(kSkills[i]);
        else skills.languages.push_back({std::string(afterDot(kSkills[i])), "basic"});
    }
    // A passed EPS-TOPIK is the Korean the Korean openings ask for.
    if (std::find(skills.certificates.begin(), skills.certificates.end(), "cert.eps_topik") != skills.certificates.end())
        skills.languages.push_back({"ko", "eps_topik"});
    return skills;
}

}  // namespace

std::vector<core::Finding> offerFindings(const RegistrationForm& form, const Catalogue& catalogue, Date today) {
    std::vector<core::Finding> out;
    if (!form.choice(C::Opening)) return out;
    const core::JobOpening* opening = chosenOpening(form, catalogue);
    if (!opening) {
        out.push_back({core::Severity::Warning, "offer.not_listed", "the offer is not among the official openings"});
        // Most placements may not charge the worker at all: money asked for an offer nobody can
        // check is the commonest lure.
        if (numberOf(form.text(F::FeeAsked)) > 0)
            out.push_back({core::Severity::Warning, "offer.fee_asked", "money is asked for an offer outside the list"});
        return out;
    }
    core::PlacementIntent intent;
    intent.destination = std::string(afterDot(chosenCode(C::Destination, form, catalogue)));
    intent.sector = std::string(afterDot(chosenCode(C::Sector, form, catalogue)));
    const std::string schemeCode = chosenCode(C::Scheme, form, catalogue);
    const auto scheme = afterDot(schemeCode);
    intent.scheme = scheme == "g2g"           ? core::PlacementScheme::GovernmentToGovernment
                    : scheme == "independent" ? core::PlacementScheme::Independent
                                              : core::PlacementScheme::Agency;
    intent.position = opening->position;
    intent.agencyName = opening->agency;
    intent.jobOrderId = opening->id;
    if (const auto salary = form.text(F::PromisedSalary); !salary.empty())
        intent.promisedSalary = core::Money{numberOf(salary), opening->salary.currency, opening->salary.period};
    if (const auto fee = form.text(F::FeeAsked); !fee.empty()) intent.feeAsked = core::Money{numberOf(fee), "IDR", {}};
    return core::checkOffer(intent, catalogue.openings, today).findings;
}

std::vector<core::TrainingSuggestion> missingSkills(const RegistrationForm& form, const Catalogue& catalogue,
                                                    Date today) {
    const core::JobOpening* opening = chosenOpening(form, catalogue);
    if (!opening) return {};
    const auto missing = core::missingRequirements(*opening, skillsOf(form));
    return core::trainingFor(missing, catalogue.training, chosenCode(C::HomeRegion, form, catalogue), today);
}

std::vector<core::DocumentKind> missingDocuments(const RegistrationForm& form) {
    core::DocumentChecklist checklist;
    for (std::size_t i = 0; i < core::kAllDocuments.size(); ++i) checklist.set(core::kAllDocuments[i], form.documents[i]);
    return checklist.missing();
}

namespace {

// What both journeys' payloads begin with: the kind, where and when, and the consent given (the
// mandatory purpose is the journey's own).
void payloadHead(Json& j, std::string_view kind, std::string_view purpose, const RegistrationForm& form,
                 const PayloadExtras& extras) {
    j.open();
    j.field("kind", kind);
    j.field("schema", 1);
    j.field("created_at", extras.createdAt);
    j.field("kiosk_id", extras.kioskId);
    j.field("site_id", extras.siteId);

    j.object("consent");
    j.field("version", kConsentVersion);
    j.field("text_sha256", extras.consentSha256);
    j.array("purposes");
    if (form.consent.registration) j.item(purpose);
    if (form.consent.updates) j.item("updates");
    if (form.consent.trainingReferral) j.item("training");
    j.endArray();
    j.close();
}

// The passport as its MRZ says, or null when none was read.
void passportMember(Json& j, const RegistrationForm& form, Date today) {
    const auto mrz = passportOf(form, today);
    if (!mrz) {
        j.null("passport");
        return;
    }
    j.object("passport");
    j.field("mrz", mrz->text());
    j.field("number", mrz->documentNumber);
    j.field("surname", mrz->surname);
    j.field("given_names", mrz->givenNames);
    j.field("nationality", mrz->nationality);
    j.optionalText("birth_date", mrz->birthDate ? formatIsoDate(*mrz->birthDate) : std::string());
    j.optionalText("expiry_date", mrz->expiryDate ? formatIsoDate(*mrz->expiryDate) : std::string());
    j.close();
}

}  // namespace

std::string registrationPayload(const RegistrationForm& form, const Catalogue& catalogue, const core::AgePolicy& policy,
                                Date today, const PayloadExtras& extras) {
    Json j;
    payloadHead(j, "registration", "registration", form, extras);

    const auto nik = core::checkNik(form.text(F::Nik), today);
    j.object("identity");
    j.field("nik", nik.digits);
    j.optionalText("nik_birth_date", nik.birthDate ? formatIsoDate(*nik.birthDate) : std::string());
    j.optionalText("nik_sex", nik.sex ? (*nik.sex == core::Sex::Female ? "F" : "M") : "");
    passportMember(j, form, today);
    j.optionalText("family_card_qr", form.familyCard.view());
    j.close();

    j.optionalText("photo_jpeg_base64", extras.photoBase64);

    j.object("personal");
    j.field("name", form.text(F::Name));
    j.field("birth_place", form.text(F::BirthPlace));
    j.field("marital_status", afterDot(chosenCode(C::Marital, form, catalogue)));
    j.field("regency_code", chosenCode(C::HomeRegion, form, catalogue));
    j.field("address", form.text(F::Address));
    const auto rtrw = form.text(F::RtRw);
    j.field("rt", rtrw.substr(0, std::min<std::size_t>(3, rtrw.size())));
    j.field("rw", rtrw.size() > 3 ? rtrw.substr(3) : std::string_view());
    j.field("phone", form.text(F::Phone));
    j.object("next_of_kin");
    j.field("name", form.text(F::KinName));
    j.field("phone", form.text(F::KinPhone));
    j.close();
    j.close();

    j.object("education");
    j.field("level", afterDot(chosenCode(C::Education, form, catalogue)));
    j.optionalText("smk_major", applies(S::SmkMajor, form) ? form.text(F::SmkMajor) : std::string_view());
    j.optionalText("school", form.text(F::School));
    j.optionalText("graduation_year", form.text(F::GraduationYear));
    j.close();

    j.array("certificates");
    for (std::size_t i = 0; i < kSkills.size(); ++i)
        if (form.ticked(P::Skills).test(i) && kSkills[i].starts_with("cert.")) j.item(afterDot(kSkills[i]));
    j.endArray();
    j.array("languages");
    for (std::size_t i = 0; i < kSkills.size(); ++i)
        if (form.ticked(P::Skills).test(i) && kSkills[i].starts_with("lang.")) j.item(afterDot(kSkills[i]));
    j.endArray();
    j.field("work_experience", afterDot(chosenCode(C::Experience, form, catalogue)));
    j.field("previous_migration", afterDot(chosenCode(C::PreviousWork, form, catalogue)));
    j.optionalText("bpjs_number", form.text(F::Bpjs));
    j.field("medical_check", afterDot(chosenCode(C::Medical, form, catalogue)));

    j.object("placement");
    j.field("destination", afterDot(chosenCode(C::Destination, form, catalogue)));
    j.field("sector", afterDot(chosenCode(C::Sector, form, catalogue)));
    j.field("scheme", afterDot(chosenCode(C::Scheme, form, catalogue)));
    const core::JobOpening* opening = chosenOpening(form, catalogue);
    j.optionalText("job_order_id", opening ? std::string_view(opening->id) : std::string_view());
    j.optionalText("agency", opening ? std::string_view(opening->agency) : std::string_view());
    const auto salary = form.text(F::PromisedSalary);
    if (salary.empty()) j.null("promised_salary");
    else j.field("promised_salary", numberOf(salary));
    j.optionalText("promised_salary_currency", opening ? std::string_view(opening->salary.currency) : std::string_view());
    j.field("fee_asked_idr", numberOf(form.text(F::FeeAsked)));
    j.close();

    j.object("documents");
    for (std::size_t i = 0; i < core::kAllDocuments.size(); ++i)
        j.field(core::documentCode(core::kAllDocuments[i]), core::documentStateCode(form.documents[i]));
    j.close();
    // The picture of each document scanned at the kiosk; a document marked otherwise since has none.
    j.object("document_images");
    for (std::size_t i = 0; i < core::kAllDocuments.size(); ++i)
        if (form.documents[i] == core::DocumentState::Scanned && !extras.documentImagesBase64[i].empty())
            j.field(core::documentCode(core::kAllDocuments[i]), extras.documentImagesBase64[i]);
    j.close();

    j.array("checks");
    auto findings = checksFor(form, policy, today, catalogue).findings;
    for (auto& f : offerFindings(form, catalogue, today)) findings.push_back(std::move(f));
    for (const auto& f : findings) {
        j.itemObject();
        j.field("code", f.code);
        j.field("severity", f.severity == core::Severity::Warning ? "warning"
                            : f.severity == core::Severity::Error ? "error"
                                                                  : "stop");
        j.close();
    }
    j.endArray();
    j.array("missing_skills");
    for (const auto& suggestion : missingSkills(form, catalogue, today)) j.item(suggestion.item.key);
    j.endArray();
    j.close();
    return j.take();
}

namespace {

bool tickedCode(const RegistrationForm& form, ChipField field, std::string_view code) {
    const auto options = chipOptions(field);
    const auto at = std::find(options.begin(), options.end(), code);
    return at != options.end() && form.ticked(field).test(static_cast<std::size_t>(at - options.begin()));
}

void tickedArray(Json& j, std::string_view key, const RegistrationForm& form, ChipField field) {
    j.array(key);
    const auto options = chipOptions(field);
    for (std::size_t i = 0; i < options.size(); ++i)
        if (form.ticked(field).test(i)) j.item(afterDot(options[i]));
    j.endArray();
}

// "MMYYYY" as "YYYY-MM"; "DDMMYYYY" as "YYYY-MM-DD"; empty stays empty.
std::string isoMonth(std::string_view mmyyyy) {
    if (mmyyyy.size() != 6) return {};
    return std::string(mmyyyy.substr(2)) + "-" + std::string(mmyyyy.substr(0, 2));
}
std::string isoDay(std::string_view ddmmyyyy) {
    if (ddmmyyyy.size() != 8) return {};
    return std::string(ddmmyyyy.substr(4)) + "-" + std::string(ddmmyyyy.substr(2, 2)) + "-" +
           std::string(ddmmyyyy.substr(0, 2));
}

}  // namespace

bool hasComplaint(const RegistrationForm& form) {
    return form.journey == Journey::Returnee && form.choice(C::Complaint).value_or(0) != 0;
}

std::vector<core::Desk> returneeDesks(const RegistrationForm& form) {
    using D = core::Desk;
    const std::string complaint = chosenCode(C::Complaint, form, {});
    const std::string reason = chosenCode(C::ReturnReason, form, {});
    const auto any = [&](ChipField f) { return form.ticked(f).any(); };
    const auto has = [&](ChipField f, std::string_view code) { return tickedCode(form, f, code); };
    std::vector<D> desks;
    if (hasComplaint(form) || any(P::Rights) || has(P::Needs, "need.transport_home") || has(P::Needs, "need.shelter"))
        desks.push_back(D::ComplaintsInformation);
    if (complaint == "complaint.trafficking" || complaint == "complaint.violence" || has(P::Rights, "rights.violence"))
        desks.push_back(D::Police);
    if (reason == "return_reason.deportation" || complaint == "complaint.documents_held" ||
        has(P::Rights, "rights.documents_held"))
        desks.push_back(D::Immigration);
    if (has(P::Needs, "need.health_check") || has(P::Needs, "need.medical_treatment") ||
        has(P::Needs, "need.counselling") || reason == "return_reason.accident_or_illness")
        desks.push_back(D::Health);
    if (has(P::Rights, "rights.insurance_claim")) desks.push_back(D::SocialSecurity);
    if (has(P::Interests, "interest.kur_credit") || has(P::Interests, "interest.financial_literacy"))
        desks.push_back(D::Banking);
    if (has(P::Interests, "interest.entrepreneurship") || has(P::Interests, "interest.export") ||
        has(P::Interests, "interest.domestic_job") || has(P::Interests, "interest.remigration") || desks.empty())
        desks.push_back(D::Employment);
    return desks;
}

std::string returneePayload(const RegistrationForm& form, const Catalogue& catalogue, Date today,
                            const PayloadExtras& extras) {
    Json j;
    payloadHead(j, "returnee_checkin", "checkin", form, extras);

    j.object("identity");
    const auto nik = core::checkNik(form.text(F::Nik), today);
    j.optionalText("nik", nik.valid() ? std::string_view(nik.digits) : std::string_view());
    passportMember(j, form, today);
    std::optional<core::ReceiptToken> token;
    if (!form.receiptCode.empty())
        if (auto parsed = core::parseReceiptToken(form.receiptCode.view())) token = *parsed;
    if (token) {
        j.object("registration_receipt");
        j.field("number", token->claim.number.text());
        j.field("token", form.receiptCode.view());
        j.close();
    } else {
        j.null("registration_receipt");
    }
    j.close();

    j.object("personal");
    j.field("name", form.text(F::Name));
    j.field("regency_code", chosenCode(C::HomeRegion, form, catalogue));
    j.field("phone", form.text(F::Phone));
    j.field("children_left_behind", afterDot(chosenCode(C::Children, form, catalogue)));
    j.close();

    j.object("work");
    j.field("country", afterDot(chosenCode(C::WorkCountry, form, catalogue)));
    j.field("city", form.text(F::WorkCity));
    j.optionalText("employer", form.text(F::Employer));
    j.optionalText("agency", form.text(F::Agency));
    j.field("position", form.text(F::Position));
    j.optionalText("contract_start", isoMonth(form.text(F::ContractStart)));
    j.optionalText("contract_end", isoMonth(form.text(F::ContractEnd)));
    j.close();

    j.object("return");
    j.field("arrival_date", isoDay(form.text(F::ArrivalDate)));
    j.field("port", afterDot(chosenCode(C::ArrivalPort, form, catalogue)));
    j.field("reason", afterDot(chosenCode(C::ReturnReason, form, catalogue)));
    j.close();

    tickedArray(j, "rights_issues", form, P::Rights);
    if (hasComplaint(form)) {
        j.object("complaint");
        j.field("category", afterDot(chosenCode(C::Complaint, form, catalogue)));
        j.field("text", form.text(F::ComplaintText));
        j.boolean("priority", true);
        j.close();
    } else {
        j.null("complaint");
    }
    tickedArray(j, "needs", form, P::Needs);
    tickedArray(j, "interests", form, P::Interests);
    j.array("desks");
    for (const auto desk : returneeDesks(form)) j.item(core::deskCode(desk));
    j.endArray();
    j.close();
    return j.take();
}

}  // namespace kiosk::flow
