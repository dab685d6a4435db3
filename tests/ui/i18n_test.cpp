// The catalogues are complete both ways: every key the code names has a text in every language,
// every text in a catalogue is used by the code, and each language fills the same placeholders.
// "Used" means named in the sources: text_keys.h registers each key as a Text enumerator (whose
// name is the key in CamelCase), and some file under kiosk/ must say Text::<that name>.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "kiosk/ui/journey_texts.h"
#include "kiosk/ui/language.h"
#include "kiosk/ui/text_format.h"
#include "kiosk/ui/text_keys.h"

namespace kiosk::ui {
namespace {

const std::filesystem::path kSource = LOKET_SOURCE_DIR;

std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

nlohmann::json catalogue(Language language) {
    return nlohmann::json::parse(readFile(kSource / "assets/i18n" / (std::string(languageCode(language)) + ".json")));
}

// "language_choice.selected" -> "LanguageChoiceSelected"
std::string camelName(std::string_view key) {
    std::string name;
    bool upper = true;
    for (const char c : key) {
        if (c == '.' || c == '_') {
            upper = true;
            continue;
        }
        name.push_back(upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
        upper = false;
    }
    return name;
}

// The enumerators of `enum class Text`, in order, read from the header itself.
std::vector<std::string> textEnumerators() {
    const std::string header = readFile(kSource / "kiosk/ui/text_keys.h");
    const auto begin = header.find("enum class Text {");
    const auto end = header.find("kCount", begin);
    std::string body = header.substr(begin + 17, end - begin - 17);
    body = std::regex_replace(body, std::regex("//[^\n]*"), "");
    std::vector<std::string> names;
    const std::regex name("([A-Za-z0-9_]+)\\s*,");
    for (auto it = std::sregex_iterator(body.begin(), body.end(), name); it != std::sregex_iterator(); ++it)
        names.push_back((*it)[1]);
    return names;
}

// Every C++ source under kiosk/ except the registry itself, concatenated.
std::string kioskSources() {
    std::string all;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(kSource / "kiosk")) {
        const auto ext = entry.path().extension();
        if ((ext == ".h" || ext == ".cpp") && entry.path().filename() != "text_keys.h")
            all += readFile(entry.path()) + '\n';
    }
    return all;
}

TEST(I18n, EachEnumeratorIsItsKeyInCamelCaseInTheSameOrder) {
    const auto names = textEnumerators();
    ASSERT_EQ(names.size(), kTextKeys.size()) << "text_keys.h: enumerators and keys differ in number";
    for (std::size_t i = 0; i < names.size(); ++i)
        EXPECT_EQ(names[i], camelName(kTextKeys[i])) << "position " << i << ": key \"" << kTextKeys[i] << "\"";
}

// The names after "Text::" anywhere in the sources.
std::set<std::string> namedTexts(const std::string& sources) {
    std::set<std::string> names;
    const std::string_view prefix = "Text::";
    for (auto at = sources.find(prefix); at != std::string::npos; at = sources.find(prefix, at + 1)) {
        auto end = at + prefix.size();
        while (end < sources.size() &&
               (std::isalnum(static_cast<unsigned char>(sources[end])) != 0 || sources[end] == '_'))
            ++end;
        names.insert(sources.substr(at + prefix.size(), end - at - prefix.size()));
    }
    return names;
}

TEST(I18n, EveryRegisteredKeyIsUsedByTheCode) {
    const auto used = namedTexts(kioskSources());
    for (const auto& name : textEnumerators()) EXPECT_TRUE(used.contains(name)) << "unused text: Text::" << name;
}

// The journeys' keys come from their own tables (journey_texts.h); each fixed one is used by name.
TEST(I18n, EveryFixedJourneyKeyIsLookedUpByTheCode) {
    const std::string sources = kioskSources();
    for (const auto key : journeyFixedKeys())
        EXPECT_NE(sources.find("lookup(\"" + std::string(key) + "\")"), std::string::npos) << "unused text: " << key;
}

TEST(I18n, EveryKeyHasATextInEveryLanguageAndNoTextIsUnregistered) {
    std::set<std::string> registered(kTextKeys.begin(), kTextKeys.end());
    for (auto& key : journeyTextKeys()) registered.insert(std::move(key));
    for (const Language language : kLanguages) {
        const auto texts = catalogue(language);
        for (const auto& key : registered)
            EXPECT_TRUE(texts.contains(key)) << languageCode(language) << ".json misses \"" << key << "\"";
        for (const auto& [key, value] : texts.items())
            EXPECT_TRUE(registered.contains(key)) << languageCode(language) << ".json: \"" << key << "\" is unused";
    }
}

TEST(I18n, KeysLookedUpByNameExistInEveryLanguage) {
    const std::string sources = kioskSources();
    const std::string_view call = "lookup(\"";
    std::set<std::string> keys;
    for (auto at = sources.find(call); at != std::string::npos; at = sources.find(call, at + 1)) {
        const auto begin = at + call.size();
        keys.insert(sources.substr(begin, sources.find('"', begin) - begin));
    }
    for (const Language language : kLanguages) {
        const auto texts = catalogue(language);
        for (const auto& key : keys) EXPECT_TRUE(texts.contains(key)) << languageCode(language) << ": " << key;
    }
}

TEST(I18n, BothLanguagesFillTheSamePlaceholders) {
    const auto indonesian = catalogue(Language::Indonesian);
    const auto english = catalogue(Language::English);
    for (const auto& [key, value] : indonesian.items()) {
        if (!english.contains(key)) continue;  // reported by the completeness test
        EXPECT_EQ(placeholdersOf(value.get<std::string>()), placeholdersOf(english[key].get<std::string>())) << key;
    }
}

TEST(I18n, TheCheckSpotsAnUnusedAndAMisnamedKey) {
    // The two checks above must be able to fail: a made-up enumerator is found nowhere in the
    // sources, and a name that is not its key's CamelCase is told apart.
    EXPECT_FALSE(namedTexts(kioskSources()).contains("NoSuchTextAnywhere"));
    EXPECT_EQ(namedTexts("a Text::CommonBack, Text::Step_2)"), (std::set<std::string>{"CommonBack", "Step_2"}));
    EXPECT_EQ(camelName("field.error.nik_length"), "FieldErrorNikLength");
    EXPECT_NE(camelName("common.back"), "CommonNext");
}

}  // namespace
}  // namespace kiosk::ui
