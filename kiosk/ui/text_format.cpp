#include "kiosk/ui/text_format.h"

#include <algorithm>

namespace kiosk::ui {
namespace {

bool isNameChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

// The placeholder starting at `open` (a '{'), as the name between the braces; empty when the
// brace does not start one.
std::string_view placeholderAt(std::string_view s, std::size_t open) {
    const auto close = s.find('}', open + 1);
    if (close == std::string_view::npos || close == open + 1) return {};
    const auto name = s.substr(open + 1, close - open - 1);
    return std::all_of(name.begin(), name.end(), isNameChar) ? name : std::string_view{};
}

}  // namespace

std::string formatText(std::string_view pattern, std::initializer_list<Placeholder> values) {
    std::string out;
    out.reserve(pattern.size());
    std::size_t pos = 0;
    while (pos < pattern.size()) {
        const auto open = pattern.find('{', pos);
        if (open == std::string_view::npos) break;
        out.append(pattern.substr(pos, open - pos));
        const auto name = placeholderAt(pattern, open);
        const auto value = std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first == name; });
        if (name.empty() || value == values.end()) {
            out.push_back('{');
            pos = open + 1;
            continue;
        }
        out.append(value->second);
        pos = open + name.size() + 2;
    }
    if (pos < pattern.size()) out.append(pattern.substr(pos));
    return out;
}

std::set<std::string> placeholdersOf(std::string_view pattern) {
    std::set<std::string> names;
    for (auto open = pattern.find('{'); open != std::string_view::npos; open = pattern.find('{', open + 1))
        if (const auto name = placeholderAt(pattern, open); !name.empty()) names.emplace(name);
    return names;
}

}  // namespace kiosk::ui
