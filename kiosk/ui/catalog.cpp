#include "kiosk/ui/catalog.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <utility>

namespace kiosk::ui {

Catalog::Catalog(std::map<std::string, std::string, std::less<>> texts) : texts_(std::move(texts)) {}

Result<Catalog> Catalog::parse(std::string_view json) {
    // nlohmann throws on malformed input; the exception stops here and becomes a value.
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(json);
    } catch (const nlohmann::json::parse_error& e) {
        return makeError("i18n.json", e.what());
    }
    if (!doc.is_object()) return makeError("i18n.json", "a catalogue is one JSON object");
    std::map<std::string, std::string, std::less<>> texts;
    for (const auto& [key, value] : doc.items()) {
        if (!value.is_string()) return makeError("i18n.json", "the value of \"" + key + "\" is not a string");
        texts.emplace(key, value.get<std::string>());
    }
    return Catalog(std::move(texts));
}

Result<Catalog> Catalog::load(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return makeError("i18n.read", "cannot read " + file.string());
    const std::string json{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    auto catalog = parse(json);
    if (!catalog) return makeError(catalog.error().code, file.string() + ": " + catalog.error().detail);
    return catalog;
}

std::string_view Catalog::lookup(std::string_view key) const {
    if (const auto found = texts_.find(key); found != texts_.end()) return found->second;
    ++missingLookups_;
    const std::string shown = "[" + std::string(key) + "]";
    auto [it, first] = missing_.insert(shown);
    if (first) std::cerr << "kiosk: i18n: no text for key \"" << key << "\"\n";
    return *it;
}

Result<Catalogs> Catalogs::load(const std::filesystem::path& i18nDir) {
    auto id = Catalog::load(i18nDir / "id.json");
    if (!id) return id.error();
    auto en = Catalog::load(i18nDir / "en.json");
    if (!en) return en.error();
    return Catalogs{std::move(id).value(), std::move(en).value()};
}

}  // namespace kiosk::ui
