#pragma once
// Fills the placeholders of a catalogue text: "Langkah {current} dari {total}". Each language
// puts the values where its grammar wants them; ui_tests checks that both catalogues name the
// same placeholders for every key.

#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <utility>

namespace kiosk::ui {

using Placeholder = std::pair<std::string_view, std::string_view>;  // name, value

// Replaces every "{name}" with its value. A placeholder without a value stays as written, so a
// tester sees it; braces that do not enclose a name are copied as they are.
std::string formatText(std::string_view pattern, std::initializer_list<Placeholder> values);

// The names of the placeholders in a text: "{current}" -> "current".
std::set<std::string> placeholdersOf(std::string_view pattern);

}  // namespace kiosk::ui
