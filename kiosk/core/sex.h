#pragma once

#include <string_view>

namespace kiosk::core {

// As printed in an MRZ: M, F, or '<' (unspecified), shown as X.
enum class Sex { Male, Female, Unspecified };

constexpr std::string_view sexLetter(Sex sex) {
    switch (sex) {
    case Sex::Male: return "M";
    case Sex::Female: return "F";
    case Sex::Unspecified: return "X";
    }
    return "X";
}

}  // namespace kiosk::core
