// The catalogues and the config document as the national-server simulator serves them
// (tests/national_server/data) read into the domain's values, and malformed variants of them
// refused with an error that names the item and the field.

#include "kiosk/sync/catalogue_reader.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <fstream>
#include <functional>
#include <sstream>

#include <nlohmann/json.hpp>

namespace kiosk::sync {
namespace {

using Json = nlohmann::json;
using namespace std::chrono;

const std::string kData = LOKET_SOURCE_DIR "/tests/national_server/data/";

std::string readFile(const std::string& path) {
    std::ifstream in(path);
    EXPECT_TRUE(in) << path;
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

Json catalogueFile(const std::string& name) { return Json::parse(readFile(kData + "catalogues/" + name + ".json")); }

Date d(int y, unsigned m, unsigned dd) { return Date{year{y}, month{m}, day{dd}}; }

TEST(ReadJobOpenings, TheSimulatorsCatalogue) {
    const auto openings = readJobOpenings(catalogueFile("job_openings").dump());
    ASSERT_TRUE(openings) << openings.error().detail;
    ASSERT_EQ(openings->size(), 11u);
    const auto& first = openings->front();
    EXPECT_EQ(first.id, "JO-2026-MY-0001");
    EXPECT_EQ(first.country, "MY");
    EXPECT_EQ(first.city, "Sandakan");
    EXPECT_EQ(first.agency, "PT Penempatan Uji Satu");
    EXPECT_EQ(first.sector, "plantation");
    EXPECT_EQ(first.salary, (core::Money{1700, "MYR", core::PayPeriod::Month}));
    EXPECT_EQ(first.placementFee, (core::Money{0, "IDR", core::PayPeriod::None}));
    EXPECT_EQ(first.certificates, std::vector<std::string>{"cert.plantation_basic"});
    EXPECT_EQ(first.language, (core::LanguageRequirement{"ms", "basic"}));
    EXPECT_EQ(first.validUntil, d(2027, 3, 31));
    const auto& fishing = (*openings)[8];
    EXPECT_EQ(fishing.id, "JO-2026-KR-0002");
    EXPECT_EQ(fishing.certificates, (std::vector<std::string>{"cert.bst_fishing", "cert.eps_topik"}));
    EXPECT_EQ((*openings)[4].placementFee.amount, 17500000);
}

TEST(ReadJobOpenings, AsTheServerSignsItWithNameAndIssuedAt) {
    auto doc = catalogueFile("job_openings");
    doc["name"] = "job_openings";
    doc["issued_at"] = "2026-11-29T00:00:00Z";
    doc["items"][0]["a_member_added_later"] = {1, 2, 3};
    EXPECT_TRUE(readJobOpenings(doc.dump()));
    doc["name"] = "training_programmes";
    EXPECT_EQ(readJobOpenings(doc.dump()).error().code, "catalogue.wrong_name");
}

TEST(ReadTrainingProgrammes, TheSimulatorsCatalogue) {
    const auto programmes = readTrainingProgrammes(catalogueFile("training_programmes").dump());
    ASSERT_TRUE(programmes) << programmes.error().detail;
    ASSERT_EQ(programmes->size(), 6u);
    const auto& first = programmes->front();
    EXPECT_EQ(first.id, "TP-3578-001");
    EXPECT_EQ(first.provider, "LPK Contoh Surabaya");
    EXPECT_EQ(first.regencyCode, "3578");
    EXPECT_EQ(first.covers, (std::vector<std::string>{"cert.caregiver", "lang.zh"}));
    EXPECT_EQ(first.starts, d(2027, 1, 11));
    EXPECT_EQ((*programmes)[3].cost, (core::Money{1500000, "IDR", core::PayPeriod::None}));
}

TEST(ReadRegencies, TheSimulatorsCatalogue) {
    const auto regencies = readRegencies(catalogueFile("regencies").dump());
    ASSERT_TRUE(regencies) << regencies.error().detail;
    ASSERT_EQ(regencies->size(), 16u);
    EXPECT_EQ(regencies->front(), (core::Regency{"1271", "Kota Medan", "12"}));
    EXPECT_EQ(regencies->back(), (core::Regency{"5371", "Kota Kupang", "53"}));
}

// The simulator's catalogues together answer a person's question end to end.
TEST(Catalogues, ACaregiverFromSurabayaFindsTrainingForTaiwan) {
    const auto openings = readJobOpenings(catalogueFile("job_openings").dump());
    const auto programmes = readTrainingProgrammes(catalogueFile("training_programmes").dump());
    ASSERT_TRUE(openings && programmes);
    const auto today = d(2026, 11, 29);
    const auto taiwan = core::openingsFor("TW", "caregiving", *openings, today);
    ASSERT_EQ(taiwan.size(), 1u);
    const auto missing = core::missingRequirements(taiwan[0], core::Skills{});
    ASSERT_EQ(missing.size(), 2u);
    const auto suggestions = core::trainingFor(missing, *programmes, "3578", today);
    ASSERT_EQ(suggestions.size(), 2u);
    ASSERT_EQ(suggestions[0].options.size(), 1u);
    EXPECT_EQ(suggestions[0].options[0].programme.id, "TP-3578-001");
    EXPECT_EQ(suggestions[0].options[0].nearness, core::Nearness::SameRegency);
    ASSERT_EQ(suggestions[1].options.size(), 2u);
    EXPECT_EQ(suggestions[1].options[1].programme.id, "TP-3507-001");
    EXPECT_EQ(suggestions[1].options[1].nearness, core::Nearness::SameProvince);
}

// A broker's offer for Singapore held against the simulator's catalogue: a fee where the law bars
// one, and a lower wage, come first; the G-to-G programme's name matches however it is written.
TEST(Catalogues, AFeeForDomesticWorkInSingaporeIsALure) {
    const auto openings = readJobOpenings(catalogueFile("job_openings").dump());
    ASSERT_TRUE(openings);
    core::PlacementIntent intent;
    intent.destination = "SG";
    intent.sector = "domestic_work";
    intent.agencyName = "PT Penempatan Uji Tiga";
    intent.jobOrderId = "jo-2026-sg-0001";
    intent.promisedSalary = core::Money{550, "SGD", core::PayPeriod::Month};
    intent.feeAsked = core::Money{12000000, "IDR", core::PayPeriod::None};
    const auto check = core::checkOffer(intent, *openings, d(2026, 11, 29));
    ASSERT_EQ(check.findings.size(), 2u);
    EXPECT_EQ(check.findings[0].code, "offer.fee_charged_where_free");
    EXPECT_EQ(check.findings[1].code, "offer.salary_below_catalogue");
    EXPECT_EQ(check.concern, core::OfferConcern::Lure);

    core::PlacementIntent korea;
    korea.destination = "KR";
    korea.sector = "fishing";
    korea.scheme = core::PlacementScheme::GovernmentToGovernment;
    korea.agencyName = "program G-to-G (UJI)";
    korea.jobOrderId = "JO-2026-KR-0002";
    EXPECT_TRUE(core::checkOffer(korea, *openings, d(2026, 11, 29)).findings.empty());
}

struct Malformed {
    const char* name;
    const char* catalogue;
    std::function<void(Json&)> spoil;
    const char* code;
    const char* detail;  // the error's detail must contain this
};

class MalformedCatalogue : public testing::TestWithParam<Malformed> {};

Error errorReading(const std::string& catalogue, const std::string& document) {
    if (catalogue == "job_openings") {
        auto r = readJobOpenings(document);
        return r ? Error{} : r.error();
    }
    if (catalogue == "training_programmes") {
        auto r = readTrainingProgrammes(document);
        return r ? Error{} : r.error();
    }
    auto r = readRegencies(document);
    return r ? Error{} : r.error();
}

TEST_P(MalformedCatalogue, IsRefusedNamingTheItemAndField) {
    auto doc = catalogueFile(GetParam().catalogue);
    GetParam().spoil(doc);
    const auto error = errorReading(GetParam().catalogue, doc.dump());
    EXPECT_EQ(error.code, GetParam().code);
    EXPECT_NE(error.detail.find(GetParam().detail), std::string::npos) << error.detail;
}

const Malformed kMalformed[] = {
    {"NoItems", "job_openings", [](Json& j) { j.erase("items"); }, "catalogue.no_items", "job_openings"},
    {"ItemsNotArray", "regencies", [](Json& j) { j["items"] = Json::object(); }, "catalogue.no_items", "regencies"},
    {"ItemNotObject", "job_openings", [](Json& j) { j["items"][2] = "JO"; }, "catalogue.item_invalid",
     "job_openings item 2: the item is not an object"},
    {"MissingSalary", "job_openings", [](Json& j) { j["items"][3].erase("salary"); }, "catalogue.item_invalid",
     "job_openings item 3 (JO-2026-HK-0001): salary is missing"},
    {"SalaryAsText", "job_openings", [](Json& j) { j["items"][0]["salary"]["amount"] = "1700"; },
     "catalogue.item_invalid", "job_openings item 0 (JO-2026-MY-0001): salary.amount is not a whole number"},
    {"SalaryWithCents", "job_openings", [](Json& j) { j["items"][0]["salary"]["amount"] = 1700.5; },
     "catalogue.item_invalid", "salary.amount is not a whole number"},
    {"SalaryZero", "job_openings", [](Json& j) { j["items"][0]["salary"]["amount"] = 0; }, "catalogue.item_invalid",
     "salary.amount is below 1"},
    {"SalaryTooBig", "job_openings", [](Json& j) { j["items"][0]["salary"]["amount"] = 18446744073709551615u; },
     "catalogue.item_invalid", "salary.amount is out of range"},
    {"SalaryPeriodUnknown", "job_openings", [](Json& j) { j["items"][1]["salary"]["period"] = "moon"; },
     "catalogue.item_invalid", "job_openings item 1 (JO-2026-MY-0002): salary.period is not hour"},
    {"NegativeFee", "job_openings", [](Json& j) { j["items"][4]["placement_fee"]["amount"] = -5; },
     "catalogue.item_invalid", "job_openings item 4 (JO-2026-TW-0001): placement_fee.amount is below 0"},
    {"FeeCurrencyLowerCase", "job_openings", [](Json& j) { j["items"][0]["placement_fee"]["currency"] = "idr"; },
     "catalogue.item_invalid", "placement_fee.currency is not an ISO 4217 currency code"},
    {"CountryAlpha3", "job_openings", [](Json& j) { j["items"][0]["country"] = "MYS"; }, "catalogue.item_invalid",
     "country is not an ISO 3166-1 alpha-2 code"},
    {"BadDate", "job_openings", [](Json& j) { j["items"][10]["valid_until"] = "2027-02-30"; }, "catalogue.item_invalid",
     "job_openings item 10 (JO-2026-JP-0002): valid_until is not a date YYYY-MM-DD"},
    {"CertificatesNotArray", "job_openings",
     [](Json& j) { j["items"][0]["requirements"]["certificates"] = "cert.plantation_basic"; }, "catalogue.item_invalid",
     "requirements.certificates is not an array"},
    {"EmptyCertificate", "job_openings", [](Json& j) { j["items"][8]["requirements"]["certificates"][1] = ""; },
     "catalogue.item_invalid", "requirements.certificates[1] is not a non-empty string"},
    {"LanguageWithoutLevel", "job_openings", [](Json& j) { j["items"][0]["requirements"]["language"].erase("level"); },
     "catalogue.item_invalid", "requirements.language.level is missing"},
    {"EmptyId", "job_openings", [](Json& j) { j["items"][5]["id"] = ""; }, "catalogue.item_invalid",
     "job_openings item 5: id is not a non-empty string"},
    {"DuplicateId", "job_openings", [](Json& j) { j["items"][1]["id"] = "JO-2026-MY-0001"; }, "catalogue.duplicate_id",
     "job_openings item 1 (JO-2026-MY-0001): the id appears twice"},
    {"ProgrammeCoversNothing", "training_programmes", [](Json& j) { j["items"][2]["covers"] = Json::array(); },
     "catalogue.item_invalid", "training_programmes item 2 (TP-3329-001): covers is not a non-empty array"},
    {"ProgrammeRegencyShort", "training_programmes", [](Json& j) { j["items"][0]["regency_code"] = "357"; },
     "catalogue.item_invalid", "regency_code is not 4 digits"},
    {"ProgrammeNoStart", "training_programmes", [](Json& j) { j["items"][5]["starts"] = nullptr; },
     "catalogue.item_invalid", "training_programmes item 5 (TP-3273-001): starts is missing"},
    {"ProgrammeCostNotObject", "training_programmes", [](Json& j) { j["items"][1]["cost"] = 0; },
     "catalogue.item_invalid", "cost is not an object"},
    {"RegencyProvinceMismatch", "regencies", [](Json& j) { j["items"][4]["province_code"] = "33"; },
     "catalogue.item_invalid", "regencies item 4 (3212): province_code is not the first two digits of code"},
    {"RegencyCodeWithLetters", "regencies", [](Json& j) { j["items"][0]["code"] = "12A1"; }, "catalogue.item_invalid",
     "regencies item 0 (12A1): code is not 4 digits"},
    {"RegencyTwice", "regencies", [](Json& j) { j["items"].push_back(j["items"][0]); }, "catalogue.duplicate_id",
     "regencies item 16 (1271): the id appears twice"},
};

INSTANTIATE_TEST_SUITE_P(Table, MalformedCatalogue, testing::ValuesIn(kMalformed),
                         [](const auto& p) { return std::string(p.param.name); });

TEST(ReadCatalogue, NotJsonAtAll) {
    EXPECT_EQ(readJobOpenings("{\"items\": [").error().code, "catalogue.not_json");
    EXPECT_EQ(readRegencies("[]").error().code, "catalogue.not_json");
    EXPECT_EQ(readTrainingProgrammes("").error().code, "catalogue.not_json");
}

TEST(ReadCatalogue, AnEmptyCatalogueIsEmpty) {
    const auto openings = readJobOpenings(R"({"version": 2, "items": []})");
    ASSERT_TRUE(openings);
    EXPECT_TRUE(openings->empty());
}

Json configTemplate() { return Json::parse(readFile(kData + "config_template.json")); }

TEST(ReadMinimumAges, TheSimulatorsConfig) {
    const auto policy = readMinimumAges(configTemplate().dump());
    ASSERT_TRUE(policy) << policy.error().detail;
    EXPECT_EQ(policy->minimumAge("SG", "domestic_work"), 21);
    EXPECT_EQ(policy->minimumAge("HK", "domestic_work"), 21);
    EXPECT_EQ(policy->minimumAge("MY", "plantation"), 18);
}

TEST(ReadMinimumAges, WildcardsDefaultsAndSpecificRules) {
    auto config = configTemplate();
    config["settings"]["minimum_ages"] = {{{"destination", "*"}, {"sector", "*"}, {"age", 19}},
                                          {{"destination", "SA"}, {"sector", "*"}, {"age", 21}},
                                          {{"destination", "SA"}, {"sector", "domestic_work"}, {"age", 25}}};
    const auto policy = readMinimumAges(config.dump());
    ASSERT_TRUE(policy) << policy.error().detail;
    EXPECT_EQ(policy->minimumAge("MY", "plantation"), 19);
    EXPECT_EQ(policy->minimumAge("SA", "manufacturing"), 21);
    EXPECT_EQ(policy->minimumAge("SA", "domestic_work"), 25);

    config["settings"].erase("minimum_ages");
    const auto lawOnly = readMinimumAges(config.dump());
    ASSERT_TRUE(lawOnly);
    EXPECT_EQ(lawOnly->minimumAge("SA", "domestic_work"), 18);
}

struct MalformedAges {
    const char* name;
    Json rules;
    const char* code;
    const char* detail;
};

class MalformedMinimumAges : public testing::TestWithParam<MalformedAges> {};

TEST_P(MalformedMinimumAges, AreRefused) {
    auto config = configTemplate();
    config["settings"]["minimum_ages"] = GetParam().rules;
    const auto policy = readMinimumAges(config.dump());
    ASSERT_FALSE(policy);
    EXPECT_EQ(policy.error().code, GetParam().code);
    EXPECT_NE(policy.error().detail.find(GetParam().detail), std::string::npos) << policy.error().detail;
}

INSTANTIATE_TEST_SUITE_P(
    Table, MalformedMinimumAges,
    testing::Values(MalformedAges{"NotArray", Json::object(), "config.minimum_ages_invalid",
                                  "settings.minimum_ages is not an array"},
                    MalformedAges{"BelowLaw",
                                  Json::array({{{"destination", "*"}, {"sector", "*"}, {"age", 18}},
                                               {{"destination", "MY"}, {"sector", "*"}, {"age", 17}}}),
                                  "age_policy.below_law", "settings.minimum_ages[1]: age 17 is below 18"},
                    MalformedAges{"AgeAsText", Json::array({{{"destination", "*"}, {"sector", "*"}, {"age", "18"}}}),
                                  "config.minimum_ages_invalid", "settings.minimum_ages[0]: age is not a whole number"},
                    MalformedAges{"NoSector", Json::array({{{"destination", "*"}, {"age", 18}}}),
                                  "config.minimum_ages_invalid", "settings.minimum_ages[0]: sector is missing"},
                    MalformedAges{"NotAnAge", Json::array({{{"destination", "*"}, {"sector", "*"}, {"age", 180}}}),
                                  "config.minimum_ages_invalid", "age 180 is not an age"},
                    MalformedAges{"Twice",
                                  Json::array({{{"destination", "*"}, {"sector", "domestic_work"}, {"age", 21}},
                                               {{"destination", "*"}, {"sector", "domestic_work"}, {"age", 23}}}),
                                  "config.minimum_ages_invalid", "settings.minimum_ages[1]: a second rule"},
                    MalformedAges{"RuleNotObject", Json::array({18}), "config.minimum_ages_invalid",
                                  "settings.minimum_ages[0]: the rule is not an object"}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(ReadMinimumAges, ConfigWithoutSettings) {
    const auto policy = readMinimumAges(R"({"version": 1, "staff": []})");
    ASSERT_FALSE(policy);
    EXPECT_EQ(policy.error().code, "config.minimum_ages_invalid");
    EXPECT_EQ(readMinimumAges("not json").error().code, "config.not_json");
}

// As the simulator makes them (tests/national_server/signed_documents.cpp), with the smallest
// limits libsodium allows so that the test stays quick.
std::string pinHash(const std::string& pin) {
    EXPECT_GE(sodium_init(), 0);
    char hash[crypto_pwhash_STRBYTES];
    EXPECT_EQ(crypto_pwhash_str(hash, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN),
              0);
    return hash;
}

Json configWithPins() {
    auto config = configTemplate();
    for (auto& member : config["staff"]) member["pin_hash"] = pinHash("135790");
    return config;
}

TEST(ReadStaff, TheSimulatorsConfigWithPinHashes) {
    const auto config = configWithPins();
    const auto staff = readStaff(config.dump());
    ASSERT_TRUE(staff) << staff.error().detail;
    ASSERT_EQ(staff->size(), 4u);
    EXPECT_EQ((*staff)[0].staffId, "STF-0001");
    EXPECT_EQ((*staff)[0].badgeId, "B-10001");
    EXPECT_EQ((*staff)[0].displayName, "Petugas A");
    EXPECT_EQ((*staff)[0].role, core::StaffRole::Officer);
    EXPECT_EQ((*staff)[2].role, core::StaffRole::Supervisor);
    EXPECT_EQ((*staff)[3].role, core::StaffRole::Admin);
    const auto& hash = (*staff)[1].pinHash;
    EXPECT_EQ(hash, config["staff"][1]["pin_hash"].get<std::string>());
    EXPECT_EQ(crypto_pwhash_str_verify(hash.c_str(), "135790", 6), 0);
}

TEST(ReadStaff, TheTemplateWithoutHashesIsRefused) {
    const auto staff = readStaff(configTemplate().dump());
    ASSERT_FALSE(staff);
    EXPECT_EQ(staff.error().code, "config.staff_invalid");
    EXPECT_EQ(staff.error().detail, "config staff item 0 (STF-0001): pin_hash is missing");
}

TEST(ReadStaff, AnEmptyListIsEmpty) {
    const auto staff = readStaff(R"({"version": 8, "staff": []})");
    ASSERT_TRUE(staff);
    EXPECT_TRUE(staff->empty());
}

struct MalformedMember {
    const char* name;
    std::function<void(Json&)> spoil;
    const char* code;
    const char* detail;
};

class MalformedStaff : public testing::TestWithParam<MalformedMember> {};

TEST_P(MalformedStaff, IsRefused) {
    static const Json kConfig = configWithPins();
    auto config = kConfig;
    GetParam().spoil(config);
    const auto staff = readStaff(config.dump());
    ASSERT_FALSE(staff);
    EXPECT_EQ(staff.error().code, GetParam().code);
    EXPECT_NE(staff.error().detail.find(GetParam().detail), std::string::npos) << staff.error().detail;
}

INSTANTIATE_TEST_SUITE_P(
    Table, MalformedStaff,
    testing::Values(
        MalformedMember{"NoList", [](Json& c) { c.erase("staff"); }, "config.staff_invalid", "staff is not an array"},
        MalformedMember{"UnknownRole", [](Json& c) { c["staff"][2]["role"] = "director"; }, "config.staff_invalid",
                        "config staff item 2 (STF-0003): role is not officer, supervisor or admin"},
        MalformedMember{"PinInTheClear", [](Json& c) { c["staff"][1]["pin_hash"] = "135790"; }, "config.staff_invalid",
                        "config staff item 1 (STF-0002): pin_hash is not a crypto_pwhash_str"},
        MalformedMember{"CutHash",
                        [](Json& c) {
                            auto h = c["staff"][0]["pin_hash"].get<std::string>();
                            c["staff"][0]["pin_hash"] = h.substr(0, h.size() / 2);
                        },
                        "config.staff_invalid", "pin_hash is not a crypto_pwhash_str"},
        MalformedMember{"NoBadge", [](Json& c) { c["staff"][3].erase("badge_id"); }, "config.staff_invalid",
                        "config staff item 3 (STF-0004): badge_id is missing"},
        MalformedMember{"MemberNotObject", [](Json& c) { c["staff"][0] = "STF-0001"; }, "config.staff_invalid",
                        "config staff item 0: the member is not an object"},
        MalformedMember{"SameBadgeTwice", [](Json& c) { c["staff"][3]["badge_id"] = "B-10001"; },
                        "config.duplicate_staff", "config staff item 3 (STF-0004)"},
        MalformedMember{"SameIdTwice", [](Json& c) { c["staff"][1]["staff_id"] = "STF-0001"; },
                        "config.duplicate_staff", "config staff item 1 (STF-0001)"}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(ReadHotline, TheSimulatorsConfigNamesOne) {
    const auto hotline = readHotline(configTemplate().dump());
    ASSERT_TRUE(hotline) << hotline.error().detail;
    EXPECT_EQ(hotline->value_or(""), "0800 000 0000");
}

TEST(ReadHotline, NoneIsNotAnErrorButNothingIsMadeUp) {
    auto config = configTemplate();
    config["settings"].erase("hotline");
    const auto hotline = readHotline(config.dump());
    ASSERT_TRUE(hotline);
    EXPECT_FALSE(*hotline);
}

TEST(ReadHotline, AnythingPeopleCannotDialIsRefused) {
    for (const Json& bad : {Json(12345), Json(""), Json("12"), Json("call 0800 1000"), Json("0800;1000"),
                           Json("+62 000 0000 0000 0000 0000 00"), Json("- -")}) {
        auto config = configTemplate();
        config["settings"]["hotline"] = bad;
        const auto hotline = readHotline(config.dump());
        ASSERT_FALSE(hotline) << bad.dump();
        EXPECT_EQ(hotline.error().code, "config.hotline_invalid");
    }
    auto config = configTemplate();
    config["settings"]["hotline"] = "+62 21 000 000";
    EXPECT_TRUE(readHotline(config.dump()));
}

}  // namespace
}  // namespace kiosk::sync
