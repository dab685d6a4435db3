#pragma once
// Made-up holders and their MRZ lines for the generated document images: names put together from
// syllables, random numbers and dates, check digits from kiosk/core. Nobody real.

#include <algorithm>
#include <array>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "kiosk/core/mrz_correction.h"

namespace kiosk::testimages {

struct FakeIdentity {
    std::string format;  // "TD3", "TD1", "TD2"
    std::string issuer;
    std::string nationality;
    std::string surname;
    std::string givenNames;  // words separated by ' '
    std::string number;      // the document number, up to 9 characters
    std::string birth;       // YYMMDD
    char sex = 'F';
    std::string expiry;    // YYMMDD
    std::string personal;  // TD3 personal number or TD1 optional data; may be empty
    std::vector<std::string> lines;
};

namespace detail {

inline int pick(std::mt19937_64& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }

inline std::string fakeName(std::mt19937_64& rng) {
    static constexpr std::array<const char*, 24> kSyllables{"SU",  "TI", "MAR", "WA",  "NI",  "RA", "DE",  "WI",
                                                            "AN",  "TO", "YU",  "LI",  "KAR", "SE", "PUT", "RI",
                                                            "HAN", "DA", "YA",  "GUS", "NUR", "FA", "IK",  "BA"};
    std::string name;
    for (int i = 0, n = pick(rng, 2, 4); i < n; ++i) name += kSyllables[static_cast<std::size_t>(pick(rng, 0, 23))];
    return name;
}

inline std::string digits(std::mt19937_64& rng, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s.push_back(static_cast<char>('0' + pick(rng, 0, 9)));
    return s;
}

inline std::string yymmdd(std::mt19937_64& rng, int yearLo, int yearHi) {
    const int year = pick(rng, yearLo, yearHi) % 100;
    const int month = pick(rng, 1, 12);
    const int day = pick(rng, 1, 28);
    char text[8];
    std::snprintf(text, sizeof text, "%02d%02d%02d", year, month, day);
    return text;
}

inline std::string fit(std::string s, std::size_t n) {
    s.resize(n, '<');
    return s;
}

inline char check(const std::string& field) { return static_cast<char>('0' + core::mrzCheckDigit(field).value_or(0)); }

inline std::string names(const FakeIdentity& id, std::size_t n) {
    std::string given = id.givenNames;
    for (char& c : given)
        if (c == ' ') c = '<';
    return fit(id.surname + (given.empty() ? "" : "<<" + given), n);
}

}  // namespace detail

// A holder with valid check digits in every field; `format` is "TD3", "TD1" or "TD2".
inline FakeIdentity makeFakeIdentity(std::mt19937_64& rng, const std::string& format) {
    using namespace detail;
    static constexpr std::array<const char*, 8> kStates{"IDN", "IDN", "IDN", "UTO", "MYS", "PHL", "D<<", "SGP"};
    FakeIdentity id;
    id.format = format;
    id.issuer = kStates[static_cast<std::size_t>(pick(rng, 0, 7))];
    id.nationality = pick(rng, 0, 3) == 0 ? kStates[static_cast<std::size_t>(pick(rng, 0, 7))] : id.issuer;
    id.surname = fakeName(rng);
    for (int i = 0, n = pick(rng, 0, 2); i < n; ++i) id.givenNames += (i ? " " : "") + fakeName(rng);
    const std::string letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
    id.number = std::string(1, letters[static_cast<std::size_t>(pick(rng, 0, 22))]) + digits(rng, pick(rng, 6, 8));
    if (pick(rng, 0, 3) == 0) id.number[1] = letters[static_cast<std::size_t>(pick(rng, 0, 22))];
    id.birth = yymmdd(rng, 1962, 2007);
    id.sex = "MF<"[pick(rng, 0, 9) == 0 ? 2 : pick(rng, 0, 1)];
    id.expiry = yymmdd(rng, 2026, 2036);
    if (pick(rng, 0, 2) == 0) id.personal = digits(rng, format == "TD3" ? 14 : pick(rng, 4, 11));

    const std::string number = fit(id.number, 9);
    if (format == "TD3") {
        const std::string personal = fit(id.personal, 14);
        const char personalCheck = id.personal.empty() ? '<' : check(personal);
        const std::string line2 = number + check(number) + id.nationality + id.birth + check(id.birth) + id.sex +
                                  id.expiry + check(id.expiry) + personal + personalCheck;
        const std::string composite = line2.substr(0, 10) + line2.substr(13, 7) + line2.substr(21, 22);
        id.lines = {"P<" + id.issuer + names(id, 39), line2 + check(composite)};
    } else if (format == "TD1") {
        const std::string line1 = "I<" + id.issuer + number + check(number) + fit(id.personal, 15);
        const std::string line2 =
            id.birth + check(id.birth) + id.sex + id.expiry + check(id.expiry) + id.nationality + fit("", 11);
        const std::string composite =
            line1.substr(5, 25) + line2.substr(0, 7) + line2.substr(8, 7) + line2.substr(18, 11);
        id.lines = {line1, line2 + check(composite), names(id, 30)};
    } else {
        const std::string line2 = number + check(number) + id.nationality + id.birth + check(id.birth) + id.sex +
                                  id.expiry + check(id.expiry) +
                                  fit(id.personal.substr(0, std::min<std::size_t>(7, id.personal.size())), 7);
        const std::string composite = line2.substr(0, 10) + line2.substr(13, 7) + line2.substr(21, 14);
        id.lines = {"I<" + id.issuer + names(id, 31), line2 + check(composite)};
    }
    return id;
}

}  // namespace kiosk::testimages
