#pragma once
// The one list of catalogue keys the screens use. Code names a text by `Text`, never by a string,
// so a key cannot be used without being listed here; ui_tests checks that every catalogue holds
// exactly these keys (none missing, none unused).

#include <array>
#include <cstddef>
#include <string_view>

namespace kiosk::ui {

enum class Text {
    AppName,
    AppSubtitle,
    LanguageName,  // each catalogue's own name for its language, shown on the language buttons
    AttractWelcome,
    AttractBody,
    AttractFreeNotice,
    AttractStart,
    AttractLanguageLabel,
    LanguageChoiceTitle,
    LanguageChoicePrompt,
    LanguageChoiceSelected,
    CommonBack,
    HelpAskStaff,
    kCount,
};

inline constexpr auto kTextKeys = std::to_array<std::string_view>({
    "app.name",
    "app.subtitle",
    "language.name",
    "attract.welcome",
    "attract.body",
    "attract.free_notice",
    "attract.start",
    "attract.language_label",
    "language_choice.title",
    "language_choice.prompt",
    "language_choice.selected",
    "common.back",
    "help.ask_staff",
});

static_assert(kTextKeys.size() == static_cast<std::size_t>(Text::kCount), "one key per Text, in order");
static_assert(
    [] {
        for (std::size_t i = 0; i < kTextKeys.size(); ++i) {
            if (kTextKeys[i].empty()) return false;
            for (std::size_t j = i + 1; j < kTextKeys.size(); ++j)
                if (kTextKeys[i] == kTextKeys[j]) return false;
        }
        return true;
    }(),
    "keys are non-empty and distinct");

constexpr std::string_view textKey(Text text) { return kTextKeys[static_cast<std::size_t>(text)]; }

}  // namespace kiosk::ui
