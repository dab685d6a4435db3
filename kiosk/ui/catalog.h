#pragma once
// i18n catalogues: flat JSON objects, key -> text, one file per language (assets/i18n/<code>.json).
// A missing key never crashes a screen: it shows as "[key]" so a tester sees it, and it is counted
// and logged once so that ui_tests and the logs catch it.

#include <cstddef>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "kiosk/base/result.h"
#include "kiosk/ui/language.h"
#include "kiosk/ui/text_keys.h"

namespace kiosk::ui {

// Lives on the UI thread (lookups record misses).
class Catalog {
public:
    Catalog() = default;
    explicit Catalog(std::map<std::string, std::string, std::less<>> texts);

    // Errors: "i18n.read" (file), "i18n.json" (not a flat object of strings).
    static Result<Catalog> load(const std::filesystem::path& file);
    static Result<Catalog> parse(std::string_view json);

    std::string_view text(Text key) const { return lookup(textKey(key)); }
    // For keys built at run time (later: error codes such as "error.nik.length").
    std::string_view lookup(std::string_view key) const;

    const std::map<std::string, std::string, std::less<>>& entries() const { return texts_; }
    // Lookups that found no text, counting repeats; each distinct key is logged only once.
    std::size_t missingLookups() const { return missingLookups_; }

private:
    std::map<std::string, std::string, std::less<>> texts_;
    mutable std::set<std::string, std::less<>> missing_;  // holds the "[key]" shown for each
    mutable std::size_t missingLookups_ = 0;
};

// Both catalogues: the screen speaks the visitor's language, and each language button speaks its own.
struct Catalogs {
    Catalog indonesian;
    Catalog english;

    const Catalog& in(Language language) const { return language == Language::English ? english : indonesian; }
    // Loads <dir>/id.json and <dir>/en.json.
    static Result<Catalogs> load(const std::filesystem::path& i18nDir);
};

}  // namespace kiosk::ui
