// The placement intent against made-up official openings: every finding code, the order and the
// concern they carry, the openings a picker lists, the missing certificates and language levels,
// and the training programmes suggested for them, nearest first.

#include "kiosk/core/placement.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace std::chrono;
using kiosk::Date;
using namespace kiosk::core;

namespace {

Date d(int y, unsigned m, unsigned dd) { return Date{year{y}, month{m}, day{dd}}; }

const Date kToday = d(2026, 11, 29);

Money monthly(std::int64_t amount, std::string currency) { return {amount, std::move(currency), PayPeriod::Month}; }
Money once(std::int64_t amount, std::string currency) { return {amount, std::move(currency), PayPeriod::None}; }

JobOpening opening(std::string id, std::string country, std::string sector, Money salary, Money fee, Date until) {
    JobOpening o;
    o.id = std::move(id);
    o.country = std::move(country);
    o.city = "Kota Contoh";
    o.employer = "Majikan Contoh";
    o.agency = "PT Penempatan Uji Satu";
    o.position = "Operator";
    o.sector = std::move(sector);
    o.salary = std::move(salary);
    o.placementFee = std::move(fee);
    o.validUntil = until;
    return o;
}

std::vector<JobOpening> catalogue() {
    auto plantation = opening("JO-MY-1", "MY", "plantation", monthly(1700, "MYR"), once(0, "IDR"), d(2027, 3, 31));
    plantation.certificates = {"cert.plantation_basic"};
    plantation.language = LanguageRequirement{"ms", "basic"};
    auto factory =
        opening("JO-TW-1", "TW", "manufacturing", monthly(28590, "TWD"), once(17500000, "IDR"), d(2027, 3, 15));
    factory.agency = "PT Penempatan Uji Empat";
    auto expired = opening("JO-MY-2", "MY", "manufacturing", monthly(1800, "MYR"), once(0, "IDR"), d(2026, 11, 28));
    auto lastDay = opening("JO-MY-3", "MY", "plantation", monthly(1650, "MYR"), once(0, "IDR"), kToday);
    return {plantation, factory, expired, lastDay};
}

// What the person says about the plantation opening, all of it matching the catalogue.
PlacementIntent honestIntent() {
    PlacementIntent intent;
    intent.destination = "MY";
    intent.sector = "plantation";
    intent.position = "Pemanen";
    intent.scheme = PlacementScheme::Agency;
    intent.agencyName = "PT Penempatan Uji Satu";
    intent.agencyLicence = "LIC-UJI-001";
    intent.jobOrderId = "JO-MY-1";
    intent.promisedSalary = monthly(1700, "MYR");
    intent.feeAsked = once(0, "IDR");
    return intent;
}

std::vector<std::string> codes(const OfferCheck& check) {
    std::vector<std::string> out;
    for (const auto& f : check.findings) out.push_back(f.code);
    return out;
}

TEST(CheckOffer, AnOfferAsTheCatalogueStatesItHasNoFindings) {
    const auto check = checkOffer(honestIntent(), catalogue(), kToday);
    EXPECT_TRUE(check.findings.empty()) << check.findings.front().code;
    EXPECT_EQ(check.concern, OfferConcern::None);
    ASSERT_TRUE(check.opening);
    EXPECT_EQ(check.opening->id, "JO-MY-1");
}

struct OfferCase {
    const char* name;
    void (*change)(PlacementIntent&);
    std::vector<std::string> codes;
    OfferConcern concern;
};

class CheckOfferCases : public testing::TestWithParam<OfferCase> {};

TEST_P(CheckOfferCases, FindsWhatDiffersFromTheCatalogue) {
    auto intent = honestIntent();
    GetParam().change(intent);
    const auto check = checkOffer(intent, catalogue(), kToday);
    EXPECT_EQ(codes(check), GetParam().codes);
    EXPECT_EQ(check.concern, GetParam().concern);
    for (const auto& f : check.findings) {
        EXPECT_EQ(f.severity, Severity::Warning) << f.code;
        EXPECT_FALSE(f.detail.empty()) << f.code;
        EXPECT_EQ(offerConcern(f.code) == OfferConcern::None, false) << f.code;
    }
}

const OfferCase kOfferCases[] = {
    {"UnknownJobOrder",
     [](PlacementIntent& i) { i.jobOrderId = "JO-XX-9"; },
     {"offer.not_in_catalogue"},
     OfferConcern::Lure},
    {"JobOrderIgnoresCaseAndSpaces", [](PlacementIntent& i) { i.jobOrderId = "  jo-my-1 "; }, {}, OfferConcern::None},
    {"ExpiredOpening",
     [](PlacementIntent& i) {
         i.jobOrderId = "JO-MY-2";
         i.sector = "manufacturing";
         i.promisedSalary = monthly(1800, "MYR");
     },
     {"offer.opening_expired"},
     OfferConcern::Check},
    {"ValidOnItsLastDay",
     [](PlacementIntent& i) {
         i.jobOrderId = "JO-MY-3";
         i.promisedSalary = monthly(1650, "MYR");
     },
     {},
     OfferConcern::None},
    {"OtherAgency",
     [](PlacementIntent& i) { i.agencyName = "PT Sukses Selalu Contoh"; },
     {"offer.agency_differs"},
     OfferConcern::Lure},
    {"AgencyWithoutPtAndInOtherCase",
     [](PlacementIntent& i) { i.agencyName = "penempatan uji  satu."; },
     {},
     OfferConcern::None},
    {"AgencyWithPunctuation",
     [](PlacementIntent& i) { i.agencyName = "PT. Penempatan Uji Satu"; },
     {},
     OfferConcern::None},
    {"AgencyNotNamed", [](PlacementIntent& i) { i.agencyName.clear(); }, {"offer.agency_missing"}, OfferConcern::Check},
    {"LowerSalary",
     [](PlacementIntent& i) { i.promisedSalary = monthly(1500, "MYR"); },
     {"offer.salary_below_catalogue"},
     OfferConcern::Lure},
    {"HigherSalary",
     [](PlacementIntent& i) { i.promisedSalary = monthly(2500, "MYR"); },
     {"offer.salary_above_catalogue"},
     OfferConcern::Check},
    {"SalaryInRupiah",
     [](PlacementIntent& i) { i.promisedSalary = monthly(6000000, "IDR"); },
     {"offer.salary_currency_differs"},
     OfferConcern::Lure},
    {"SalaryPerWeek",
     [](PlacementIntent& i) {
         i.promisedSalary = Money{425, "MYR", PayPeriod::Week};
     },
     {"offer.salary_period_differs"},
     OfferConcern::Check},
    {"FeeWhereTheLawBarsIt",
     [](PlacementIntent& i) { i.feeAsked = once(15000000, "IDR"); },
     {"offer.fee_charged_where_free"},
     OfferConcern::Lure},
    {"FeeInAnotherCurrencyWhereFree",
     [](PlacementIntent& i) { i.feeAsked = once(3000, "MYR"); },
     {"offer.fee_charged_where_free"},
     OfferConcern::Lure},
    {"NoFeeAskedIsFine", [](PlacementIntent& i) { i.feeAsked.reset(); }, {}, OfferConcern::None},
    {"OtherDestinationAndSector",
     [](PlacementIntent& i) {
         i.destination = "SG";
         i.sector = "domestic_work";
     },
     {"offer.destination_differs", "offer.sector_differs"},
     OfferConcern::Check},
    {"AgencyWithoutJobOrder",
     [](PlacementIntent& i) { i.jobOrderId.clear(); },
     {"offer.job_order_missing"},
     OfferConcern::Check},
    {"GovernmentToGovernmentWithoutJobOrder",
     [](PlacementIntent& i) {
         i.scheme = PlacementScheme::GovernmentToGovernment;
         i.agencyName.clear();
         i.jobOrderId.clear();
     },
     {"offer.job_order_missing"},
     OfferConcern::Check},
    {"IndependentWithoutJobOrderOrAgency",
     [](PlacementIntent& i) {
         i.scheme = PlacementScheme::Independent;
         i.agencyName.clear();
         i.jobOrderId.clear();
     },
     {},
     OfferConcern::None},
    {"IndependentWithAJobOrderIsStillChecked",
     [](PlacementIntent& i) {
         i.scheme = PlacementScheme::Independent;
         i.agencyName.clear();
         i.promisedSalary = monthly(1000, "MYR");
     },
     {"offer.salary_below_catalogue"},
     OfferConcern::Lure},
    {"StrongestFirst",
     [](PlacementIntent& i) {
         i.sector = "manufacturing";
         i.agencyName = "PT Lain Contoh";
         i.promisedSalary = monthly(1200, "MYR");
         i.feeAsked = once(20000000, "IDR");
     },
     {"offer.fee_charged_where_free", "offer.salary_below_catalogue", "offer.agency_differs", "offer.sector_differs"},
     OfferConcern::Lure},
};

INSTANTIATE_TEST_SUITE_P(Table, CheckOfferCases, testing::ValuesIn(kOfferCases),
                         [](const auto& p) { return std::string(p.param.name); });

struct FeeCase {
    const char* name;
    Money asked;
    const char* code;  // empty: no finding
};

class FeeWhereTheCatalogueChargesOne : public testing::TestWithParam<FeeCase> {};

TEST_P(FeeWhereTheCatalogueChargesOne, ComparesWithTheOfficialFee) {
    auto intent = honestIntent();
    intent.destination = "TW";
    intent.sector = "manufacturing";
    intent.agencyName = "PT Penempatan Uji Empat";
    intent.jobOrderId = "JO-TW-1";
    intent.promisedSalary = monthly(28590, "TWD");
    intent.feeAsked = GetParam().asked;
    const auto check = checkOffer(intent, catalogue(), kToday);
    if (std::string_view(GetParam().code).empty()) {
        EXPECT_TRUE(check.findings.empty());
    } else {
        ASSERT_EQ(check.findings.size(), 1u);
        EXPECT_EQ(check.findings[0].code, GetParam().code);
    }
}

INSTANTIATE_TEST_SUITE_P(Table, FeeWhereTheCatalogueChargesOne,
                         testing::Values(FeeCase{"Same", once(17500000, "IDR"), ""},
                                         FeeCase{"Higher", once(25000000, "IDR"), "offer.fee_above_catalogue"},
                                         FeeCase{"Lower", once(10000000, "IDR"), "offer.fee_below_catalogue"},
                                         FeeCase{"OtherCurrency", once(35000, "TWD"), "offer.fee_currency_differs"},
                                         FeeCase{"Nothing", once(0, "IDR"), ""}),
                         [](const auto& p) { return std::string(p.param.name); });

TEST(CheckOffer, SaysByHowMuchTheSalaryFallsShortWithoutWhatThePersonTyped) {
    auto intent = honestIntent();
    intent.promisedSalary = monthly(1500, "MYR");
    const auto check = checkOffer(intent, catalogue(), kToday);
    ASSERT_EQ(check.findings.size(), 1u);
    EXPECT_EQ(check.findings[0].detail, "200 MYR per month (11%) below opening JO-MY-1");

    intent = honestIntent();
    intent.jobOrderId = "JO-FAKE-LURE-77";
    intent.agencyName = "PT Agen Palsu Contoh";
    const auto unknown = checkOffer(intent, catalogue(), kToday);
    ASSERT_EQ(unknown.findings.size(), 1u);
    EXPECT_EQ(unknown.findings[0].detail.find("FAKE"), std::string::npos);
    EXPECT_EQ(unknown.findings[0].detail.find("Palsu"), std::string::npos);
    EXPECT_FALSE(unknown.opening);
}

TEST(CheckOffer, HugeAmountsDoNotOverflow) {
    auto intent = honestIntent();
    intent.promisedSalary = monthly(INT64_MAX, "MYR");
    intent.feeAsked = once(INT64_MAX, "IDR");
    const auto check = checkOffer(intent, catalogue(), kToday);
    EXPECT_TRUE(check.has("offer.salary_above_catalogue"));
    EXPECT_TRUE(check.has("offer.fee_charged_where_free"));
}

TEST(OfferConcern, EveryDocumentedCodeHasOneAndOthersNone) {
    EXPECT_EQ(offerConcern("offer.fee_charged_where_free"), OfferConcern::Lure);
    EXPECT_EQ(offerConcern("offer.salary_above_catalogue"), OfferConcern::Check);
    EXPECT_EQ(offerConcern("age.below_minimum"), OfferConcern::None);
}

std::vector<std::string> ids(const std::vector<JobOpening>& openings) {
    std::vector<std::string> out;
    for (const auto& o : openings) out.push_back(o.id);
    return out;
}

TEST(OpeningsFor, ListsValidOpeningsOfTheCountryAndSectorInCatalogueOrder) {
    using V = std::vector<std::string>;
    EXPECT_EQ(ids(openingsFor("MY", "plantation", catalogue(), kToday)), (V{"JO-MY-1", "JO-MY-3"}));
    EXPECT_EQ(ids(openingsFor("MY", "", catalogue(), kToday)), (V{"JO-MY-1", "JO-MY-3"}));
    EXPECT_EQ(ids(openingsFor("MY", "", catalogue(), d(2026, 11, 28))), (V{"JO-MY-1", "JO-MY-2", "JO-MY-3"}));
    EXPECT_EQ(ids(openingsFor("MY", "manufacturing", catalogue(), kToday)), V{});
    EXPECT_EQ(ids(openingsFor("TW", "manufacturing", catalogue(), kToday)), V{"JO-TW-1"});
    EXPECT_EQ(ids(openingsFor("SG", "", catalogue(), kToday)), V{});
}

struct LevelCase {
    const char* held;
    const char* required;
    bool meets;
};

class LanguageLevels : public testing::TestWithParam<LevelCase> {};

TEST_P(LanguageLevels, Meets) {
    EXPECT_EQ(languageLevelMeets(GetParam().held, GetParam().required), GetParam().meets)
        << GetParam().held << " for " << GetParam().required;
}

INSTANTIATE_TEST_SUITE_P(
    Table, LanguageLevels,
    testing::Values(LevelCase{"basic", "basic", true}, LevelCase{"advanced", "basic", true},
                    LevelCase{"basic", "intermediate", false}, LevelCase{"intermediate", "advanced", false},
                    LevelCase{"jlpt_n3", "jlpt_n4", true}, LevelCase{"jlpt_n5", "jlpt_n4", false},
                    LevelCase{"jlpt_n4", "basic", true}, LevelCase{"jlpt_n4", "intermediate", false},
                    LevelCase{"jlpt_n2", "advanced", true}, LevelCase{"advanced", "jlpt_n4", false},
                    LevelCase{"eps_topik", "eps_topik", true}, LevelCase{"advanced", "eps_topik", false},
                    LevelCase{"eps_topik", "basic", true}, LevelCase{"jlpt_n1", "eps_topik", false},
                    LevelCase{"toeic_600", "toeic_600", true}, LevelCase{"toeic_600", "basic", false},
                    LevelCase{"", "basic", false}));

JobOpening caregiverInJapan() {
    auto o = opening("JO-JP-1", "JP", "caregiving", monthly(185000, "JPY"), once(0, "IDR"), d(2027, 3, 31));
    o.certificates = {"cert.ssw_kaigo", "cert.caregiver"};
    o.language = LanguageRequirement{"ja", "jlpt_n4"};
    return o;
}

TEST(MissingRequirements, NamesEachMissingCertificateThenTheLanguage) {
    Skills skills;
    skills.certificates = {"cert.caregiver"};
    skills.languages = {{"en", "advanced"}, {"ja", "jlpt_n5"}};
    const std::vector<MissingItem> expected{{MissingKind::Certificate, "cert.ssw_kaigo", "", ""},
                                            {MissingKind::Language, "lang.ja", "jlpt_n4", "jlpt_n5"}};
    EXPECT_EQ(missingRequirements(caregiverInJapan(), skills), expected);
}

TEST(MissingRequirements, ALanguageThePersonDoesNotSpeakAtAll) {
    const auto missing = missingRequirements(caregiverInJapan(), Skills{{"cert.caregiver", "cert.ssw_kaigo"}, {}});
    ASSERT_EQ(missing.size(), 1u);
    EXPECT_EQ(missing[0], (MissingItem{MissingKind::Language, "lang.ja", "jlpt_n4", ""}));
}

TEST(MissingRequirements, NothingWhenEverythingIsHeld) {
    const Skills skills{{"cert.ssw_kaigo", "cert.caregiver", "cert.other"}, {{"ja", "jlpt_n3"}}};
    EXPECT_TRUE(missingRequirements(caregiverInJapan(), skills).empty());
    auto noLanguage = caregiverInJapan();
    noLanguage.language.reset();
    EXPECT_TRUE(missingRequirements(noLanguage, Skills{{"cert.ssw_kaigo", "cert.caregiver"}, {}}).empty());
}

TrainingProgramme programme(std::string id, std::string regency, std::vector<std::string> covers, Date starts) {
    return {std::move(id), "Pelatihan " + id, "LPK Contoh", std::move(regency), std::move(covers),
            starts,        once(0, "IDR")};
}

std::vector<TrainingProgramme> programmes() {
    return {
        programme("ELSEWHERE", "3273", {"cert.caregiver"}, d(2027, 1, 4)),
        programme("PROVINCE-LATE", "3507", {"cert.caregiver", "lang.zh"}, d(2027, 2, 1)),
        programme("PROVINCE-EARLY", "3510", {"cert.caregiver"}, d(2027, 1, 11)),
        programme("HOME", "3578", {"cert.caregiver"}, d(2027, 3, 1)),
        programme("STARTED", "3578", {"cert.caregiver"}, d(2026, 11, 20)),
        programme("TOO-FAR", "3578", {"cert.caregiver"}, d(2027, 9, 1)),
        programme("LANGUAGE", "5203", {"lang.zh"}, d(2026, 12, 7)),
    };
}

std::vector<std::string> ids(const TrainingSuggestion& s) {
    std::vector<std::string> out;
    for (const auto& o : s.options) out.push_back(o.programme.id);
    return out;
}

TEST(TrainingFor, NearestFirstThenEarliestAndOnlyThoseThatCanStillBeJoined) {
    const std::vector<MissingItem> missing{{MissingKind::Certificate, "cert.caregiver", "", ""},
                                           {MissingKind::Language, "lang.zh", "basic", ""},
                                           {MissingKind::Certificate, "cert.bst_fishing", "", ""}};
    const auto suggestions = trainingFor(missing, programmes(), "3578", kToday);
    ASSERT_EQ(suggestions.size(), 3u);
    using V = std::vector<std::string>;
    EXPECT_EQ(suggestions[0].item, missing[0]);
    EXPECT_EQ(ids(suggestions[0]), (V{"HOME", "PROVINCE-EARLY", "PROVINCE-LATE", "ELSEWHERE"}));
    EXPECT_EQ(suggestions[0].options[0].nearness, Nearness::SameRegency);
    EXPECT_EQ(suggestions[0].options[1].nearness, Nearness::SameProvince);
    EXPECT_EQ(suggestions[0].options[3].nearness, Nearness::Elsewhere);
    EXPECT_EQ(ids(suggestions[1]), (V{"PROVINCE-LATE", "LANGUAGE"}));
    EXPECT_TRUE(suggestions[2].options.empty());
}

TEST(TrainingFor, TheWindowDecidesWhatCanBeJoined) {
    const std::vector<MissingItem> missing{{MissingKind::Certificate, "cert.caregiver", "", ""}};
    const auto wide = trainingFor(missing, programmes(), "3578", kToday, TrainingWindow{days{14}, days{365}});
    using V = std::vector<std::string>;
    EXPECT_EQ(ids(wide[0]), (V{"STARTED", "HOME", "TOO-FAR", "PROVINCE-EARLY", "PROVINCE-LATE", "ELSEWHERE"}));
    const auto startsToday =
        trainingFor(missing, {programme("TODAY", "3578", {"cert.caregiver"}, kToday)}, "3578", kToday);
    EXPECT_EQ(ids(startsToday[0]), V{"TODAY"});
}

TEST(TrainingFor, WithoutAHomeRegencyEverythingIsElsewhere) {
    const std::vector<MissingItem> missing{{MissingKind::Certificate, "cert.caregiver", "", ""}};
    const auto suggestions = trainingFor(missing, programmes(), "", kToday);
    using V = std::vector<std::string>;
    EXPECT_EQ(ids(suggestions[0]), (V{"ELSEWHERE", "PROVINCE-EARLY", "PROVINCE-LATE", "HOME"}));
    EXPECT_TRUE(std::all_of(suggestions[0].options.begin(), suggestions[0].options.end(),
                            [](const TrainingOption& o) { return o.nearness == Nearness::Elsewhere; }));
}

TEST(PayPeriod, CodesRoundTrip) {
    for (const auto p : {PayPeriod::Hour, PayPeriod::Day, PayPeriod::Week, PayPeriod::Month, PayPeriod::Year})
        EXPECT_EQ(payPeriodFromCode(payPeriodCode(p)), p);
    EXPECT_EQ(payPeriodFromCode(""), std::nullopt);
    EXPECT_EQ(payPeriodFromCode("fortnight"), std::nullopt);
}

}  // namespace
