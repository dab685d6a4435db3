#pragma once
// The languages the kiosk speaks. Bahasa Indonesia is the default; every screen offers the switch.

#include <array>
#include <optional>
#include <string_view>

namespace kiosk::flow {

enum class Language { Indonesian, English };

inline constexpr Language kDefaultLanguage = Language::Indonesian;
// In the order the kiosk offers them.
inline constexpr std::array kLanguages = {Language::Indonesian, Language::English};

// The catalogue file name, the --lang value and the speech voice: "id", "en".
constexpr std::string_view languageCode(Language language) {
    switch (language) {
    case Language::Indonesian: return "id";
    case Language::English: return "en";
    }
    return "id";
}

constexpr std::optional<Language> languageFromCode(std::string_view code) {
    for (const Language l : kLanguages)
        if (languageCode(l) == code) return l;
    return std::nullopt;
}

}  // namespace kiosk::flow
