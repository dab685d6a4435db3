#pragma once
// What the tests of the pure visit flow share: looking for a command among a step's, and a
// made-up passport's MRZ with correct check digits.

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

#include "kiosk/core/flow/visit_flow.h"
#include "kiosk/core/mrz_correction.h"

namespace kiosk::flow::testing {

template <class C>
bool has(const Step& step) {
    return std::any_of(step.commands.begin(), step.commands.end(),
                       [](const Command& c) { return std::holds_alternative<C>(c); });
}

template <class C>
const C* find(const Step& step) {
    for (const auto& c : step.commands)
        if (const auto* found = std::get_if<C>(&c)) return found;
    return nullptr;
}

// A TD3 MRZ of a made-up Indonesian passport: `names` is the first line after "P<IDN" (for example
// "CONTOH<<SITI<AMINAH"), `birth` and `expiry` are YYMMDD.
inline std::vector<std::string> passport(std::string names, std::string number, std::string birth, char sex,
                                         std::string expiry) {
    const auto check = [](const std::string& f) { return static_cast<char>('0' + core::mrzCheckDigit(f).value_or(0)); };
    number.resize(9, '<');
    const std::string personal(14, '<');
    std::string line1 = "P<IDN" + names;
    line1.resize(44, '<');
    std::string line2 = number + check(number) + "IDN" + birth + check(birth) + sex + expiry + check(expiry) + personal +
                        check(personal);
    const std::string composite = line2.substr(0, 10) + line2.substr(13, 7) + line2.substr(21, 22);
    line2 += check(composite);
    return {line1, line2};
}

}  // namespace kiosk::flow::testing
