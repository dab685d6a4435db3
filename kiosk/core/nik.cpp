#include "kiosk/core/nik.h"

namespace kiosk::core {

namespace {

constexpr std::size_t kNikLength = 16;
constexpr unsigned kFemaleDayOffset = 40;

unsigned twoDigits(std::string_view digits, std::size_t at) {
    return static_cast<unsigned>((digits[at] - '0') * 10 + (digits[at + 1] - '0'));
}

// Spaces, dots and dashes are how people and printed cards group the digits; anything else is
// not a NIK. Returns nullopt when a character other than those is present.
std::optional<std::string> stripSeparators(std::string_view text) {
    std::string digits;
    for (const char c : text) {
        if (c >= '0' && c <= '9')
            digits.push_back(c);
        else if (c != ' ' && c != '.' && c != '-' && c != '\t')
            return std::nullopt;
        if (digits.size() > kNikLength) break;  // long input: the length error is all we need
    }
    return digits;
}

// Century: 20YY unless that date lies after the reference day, then 19YY.
std::optional<Date> resolveBirthDate(unsigned yy, unsigned month, unsigned day, Date reference) {
    using namespace std::chrono;
    const Date recent{year{2000 + static_cast<int>(yy)}, std::chrono::month{month}, std::chrono::day{day}};
    if (recent.ok() && sys_days{recent} <= sys_days{reference}) return recent;
    const Date older{year{1900 + static_cast<int>(yy)}, std::chrono::month{month}, std::chrono::day{day}};
    if (older.ok()) return older;
    return std::nullopt;
}

void readBirth(NikCheck& check, Date reference) {
    const auto& d = check.digits;
    const unsigned rawDay = twoDigits(d, 6);
    const unsigned month = twoDigits(d, 8);
    const unsigned yy = twoDigits(d, 10);
    const bool female = rawDay > kFemaleDayOffset;
    const unsigned day = female ? rawDay - kFemaleDayOffset : rawDay;

    if (rawDay >= 1 && rawDay <= 71 && rawDay != kFemaleDayOffset && !(rawDay > 31 && rawDay < 41))
        check.sex = female ? Sex::Female : Sex::Male;

    if (month < 1 || month > 12) {
        check.errors.push_back(makeError("nik.month", "birth month (digits 9-10) is not 01-12"));
        return;
    }
    if (!check.sex) {
        check.errors.push_back(makeError("nik.day", "birth day (digits 7-8) is neither 01-31 nor 41-71"));
        return;
    }
    check.birthDate = resolveBirthDate(yy, month, day, reference);
    if (!check.birthDate) check.errors.push_back(makeError("nik.date", "digits 7-12 are not a calendar date"));
}

}  // namespace

NikCheck checkNik(std::string_view text, Date reference, const ProvinceTable& provinces) {
    NikCheck check;
    const auto digits = stripSeparators(text);
    if (!digits) {
        check.errors.push_back(makeError("nik.characters", "a NIK has only digits (spaces, dots and dashes allowed)"));
        return check;
    }
    if (digits->size() != kNikLength) {
        check.errors.push_back(makeError("nik.length", digits->size() > kNikLength
                                                           ? "more than 16 digits"
                                                           : std::to_string(digits->size()) + " digits, need 16"));
        return check;
    }
    check.digits = *digits;
    const auto& d = check.digits;

    check.provinceCode = d.substr(0, 2);
    check.regencyCode = d.substr(2, 2);
    check.districtCode = d.substr(4, 2);
    check.serial = d.substr(12, 4);

    if (const auto name = provinces.name(*check.provinceCode))
        check.provinceName = std::string(*name);
    else
        check.warnings.push_back(makeError("nik.province_unknown", "province code is not in the table"));
    if (*check.regencyCode == "00") check.errors.push_back(makeError("nik.regency", "regency code 00"));
    if (*check.districtCode == "00") check.errors.push_back(makeError("nik.district", "district code 00"));
    readBirth(check, reference);
    if (*check.serial == "0000") check.errors.push_back(makeError("nik.serial", "serial 0000"));
    return check;
}

std::vector<Error> compareNikWithPassport(std::optional<Date> nikBirth, std::optional<Sex> nikSex,
                                          std::optional<Date> passportBirth, std::optional<Sex> passportSex) {
    std::vector<Error> warnings;
    if (nikBirth && passportBirth && *nikBirth != *passportBirth)
        warnings.push_back(makeError("identity.birth_date_mismatch", "NIK birth date differs from the passport"));
    if (nikSex && passportSex && *passportSex != Sex::Unspecified && *nikSex != *passportSex)
        warnings.push_back(makeError("identity.sex_mismatch", "NIK sex differs from the passport"));
    return warnings;
}

}  // namespace kiosk::core
