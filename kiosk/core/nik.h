#pragma once
// NIK, the 16-digit Indonesian population number: PP RR DD dd mm yy SSSS (DOMAIN.md).
// Hard errors make a NIK unusable; warnings are routed to staff and never reject a person,
// because codes record where the NIK was first issued and a NIK is not re-issued when a birth
// date is corrected.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/date.h"
#include "kiosk/base/result.h"
#include "kiosk/core/province_table.h"
#include "kiosk/core/sex.h"

namespace kiosk::core {

// Everything that could be read, even from an invalid NIK: an operator wants to see that the
// birth date parsed although the serial is 0000.
struct NikCheck {
    std::string digits;  // the 16 digits once spaces, dots and dashes are gone; empty otherwise
    std::optional<std::string> provinceCode;
    std::optional<std::string> provinceName;
    std::optional<std::string> regencyCode;
    std::optional<std::string> districtCode;
    std::optional<Date> birthDate;
    std::optional<Sex> sex;
    std::optional<std::string> serial;
    std::vector<Error> errors;
    std::vector<Error> warnings;

    bool valid() const { return errors.empty(); }
};

// `reference` is the day the check is made: it resolves the two-digit birth year so that the
// birth date is not in the future (the person is then 0 to 99 years old).
NikCheck checkNik(std::string_view text, Date reference, const ProvinceTable& provinces = ProvinceTable::builtIn());

// Warnings when the NIK and the passport disagree on birth date or sex. Empty when they agree or
// when either side is unknown. Never a reason to reject: staff decide.
std::vector<Error> compareNikWithPassport(std::optional<Date> nikBirth, std::optional<Sex> nikSex,
                                          std::optional<Date> passportBirth, std::optional<Sex> passportSex);

}  // namespace kiosk::core
