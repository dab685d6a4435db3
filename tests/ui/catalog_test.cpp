// The i18n catalogues hold exactly the keys the screens use, in both languages, and a missing key
// shows itself instead of crashing.

#include "kiosk/ui/catalog.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "kiosk/ui/journey_texts.h"
#include "kiosk/ui/text_keys.h"

namespace kiosk::flow {

// For gtest's messages (found by argument-dependent lookup in Language's own namespace).
static void PrintTo(Language language, std::ostream* os) { *os << languageCode(language); }

}  // namespace kiosk::flow

namespace kiosk::ui {

namespace {

const std::filesystem::path kI18n = std::filesystem::path(LOKET_SOURCE_ASSETS_DIR) / "i18n";

nlohmann::json readJson(const std::string& code) {
    std::ifstream in(kI18n / (code + ".json"));
    return nlohmann::json::parse(in);
}

std::set<std::string> keysOf(const nlohmann::json& j) {
    std::set<std::string> keys;
    for (const auto& [key, value] : j.items()) keys.insert(key);
    return keys;
}

std::set<std::string> codeKeys() {
    std::set<std::string> keys(kTextKeys.begin(), kTextKeys.end());
    for (auto& key : journeyTextKeys()) keys.insert(std::move(key));
    return keys;
}

class CatalogFile : public ::testing::TestWithParam<Language> {};

TEST_P(CatalogFile, HoldsExactlyTheKeysTheCodeUses) {
    const auto j = readJson(std::string(languageCode(GetParam())));
    ASSERT_TRUE(j.is_object());
    const auto keys = keysOf(j);
    for (const auto& key : codeKeys()) EXPECT_TRUE(keys.contains(key)) << "missing: " << key;
    for (const auto& key : keys) EXPECT_TRUE(codeKeys().contains(key)) << "unused: " << key;
}

TEST_P(CatalogFile, EveryTextIsANonEmptyString) {
    const auto j = readJson(std::string(languageCode(GetParam())));
    for (const auto& [key, value] : j.items()) {
        ASSERT_TRUE(value.is_string()) << key;
        EXPECT_FALSE(value.get<std::string>().empty()) << key;
        EXPECT_EQ(value.get<std::string>().find_first_not_of(" \t\n"), 0U) << key << " starts with a space";
    }
}

TEST_P(CatalogFile, LoadsAndAnswersEveryText) {
    auto catalog = Catalog::load(kI18n / (std::string(languageCode(GetParam())) + ".json"));
    ASSERT_TRUE(catalog) << catalog.error().detail;
    for (std::size_t i = 0; i < kTextKeys.size(); ++i) EXPECT_FALSE(catalog->text(static_cast<Text>(i)).empty());
    EXPECT_EQ(catalog->missingLookups(), 0U);
}

INSTANTIATE_TEST_SUITE_P(Languages, CatalogFile, ::testing::ValuesIn(kLanguages),
                         [](const auto& p) { return std::string(languageCode(p.param)); });

TEST(Catalogs, BothLanguagesHaveTheSameKeys) { EXPECT_EQ(keysOf(readJson("id")), keysOf(readJson("en"))); }

TEST(Catalogs, IndonesianIsTranslatedNotCopiedFromEnglish) {
    const auto id = readJson("id");
    const auto en = readJson("en");
    // The kiosk's name, names the two languages happen to share (countries, airports and ports), the
    // names of certificates, and lines that are only placeholders.
    const std::set<std::string> sameInBoth = {"app.name",
                                              "staff.report_page",
                                              "staff.report_prompt",
                                              "month.april",
                                              "month.september",
                                              "month.november",
                                              "country.malaysia",
                                              "country.taiwan",
                                              "country.hong_kong",
                                              "option.destination.MY",
                                              "option.destination.TW",
                                              "option.destination.HK",
                                              "option.education.diploma",
                                              "option.lang.zh",
                                              "option.cert.eps_topik",
                                              "option.cert.ssw_kaigo",
                                              "receipt.missing_item",
                                              "correction.item",
                                              "staff.record_nik",
                                              "option.country.BN",
                                              "option.country.HK",
                                              "option.country.KW",
                                              "option.country.MY",
                                              "option.country.QA",
                                              "option.country.TW",
                                              "option.port.cgk",
                                              "option.port.dps",
                                              "option.port.dumai",
                                              "option.port.kno",
                                              "option.port.lop",
                                              "option.port.nunukan",
                                              "option.port.sub",
                                              "option.port.tanjung_pinang",
                                              "option.port.batam",
                                              "option.port.entikong"};
    for (const auto& [key, value] : id.items())
        if (!sameInBoth.contains(key)) {
            EXPECT_NE(value, en[key]) << key;
        }
}

TEST(Catalogs, EachLanguageNamesItself) {
    auto texts = Catalogs::load(kI18n);
    ASSERT_TRUE(texts) << texts.error().detail;
    EXPECT_EQ(texts->in(Language::Indonesian).text(Text::LanguageName), "Bahasa Indonesia");
    EXPECT_EQ(texts->in(Language::English).text(Text::LanguageName), "English");
}

TEST(Catalog, AMissingKeyShowsInBracketsAndIsCounted) {
    auto catalog = Catalog::parse(R"({"common.back": "Kembali"})");
    ASSERT_TRUE(catalog);
    EXPECT_EQ(catalog->text(Text::CommonBack), "Kembali");
    EXPECT_EQ(catalog->missingLookups(), 0U);
    EXPECT_EQ(catalog->text(Text::AttractStart), "[attract.start]");
    EXPECT_EQ(catalog->lookup("error.nik.length"), "[error.nik.length]");
    EXPECT_EQ(catalog->text(Text::AttractStart), "[attract.start]");
    EXPECT_EQ(catalog->missingLookups(), 3U);
}

TEST(Catalog, RejectsWhatIsNotAFlatObjectOfStrings) {
    for (const char* bad : {"", "[]", R"({"a": 1})", R"({"a": {"b": "c"}})", R"({"a": "b")"}) {
        const auto catalog = Catalog::parse(bad);
        ASSERT_FALSE(catalog) << bad;
        EXPECT_EQ(catalog.error().code, "i18n.json") << bad;
    }
}

TEST(Catalog, AMissingFileIsAnError) {
    const auto catalog = Catalog::load(kI18n / "xx.json");
    ASSERT_FALSE(catalog);
    EXPECT_EQ(catalog.error().code, "i18n.read");
}

}  // namespace
}  // namespace kiosk::ui
