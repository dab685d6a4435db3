#pragma once
// Machine-readable zones (ICAO Doc 9303): TD1 ID cards (3 x 30), TD2 (2 x 36), TD3 passports
// (2 x 44), MRV-A (2 x 44) and MRV-B (2 x 36) visas, told apart by line count, line length and a
// document code starting with V.
//
// Text that is not an MRZ at all is an Error ("mrz.empty", "mrz.characters", "mrz.shape").
// Anything with the right shape comes back as an Mrz with every field that could be read, each
// check reported separately, and a list of problems; it is valid only when that list is empty.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/date.h"
#include "kiosk/base/result.h"
#include "kiosk/core/mrz_correction.h"
#include "kiosk/core/sex.h"

namespace kiosk::core {

enum class MrzFormat { Td1, Td2, Td3, MrvA, MrvB };

// "TD1", "TD2", "TD3", "MRVA", "MRVB".
std::string_view mrzFormatName(MrzFormat format);

// One flag per check digit. A check the format does not have is reported as passing: the
// personal number on everything but TD3, the composite on MRV-A and MRV-B.
struct MrzChecks {
    bool documentNumber = false;
    bool birthDate = false;
    bool expiryDate = false;
    bool personalNumber = false;
    bool composite = false;

    bool all() const { return documentNumber && birthDate && expiryDate && personalNumber && composite; }
    friend bool operator==(const MrzChecks&, const MrzChecks&) = default;
};

struct Mrz {
    MrzFormat format = MrzFormat::Td3;
    // Text fields have their '<' fillers removed at the end ("P<" is "P", "D<<" is "D").
    std::string documentCode;
    std::string issuer;
    std::string surname;         // '<' between words becomes a space: "VAN DER BERG"
    std::string givenNames;      // "ANNA MARIA"; empty for a single name
    std::string documentNumber;  // a TD1/TD2 number longer than 9 characters is joined up whole
    std::string nationality;
    std::optional<Date> birthDate;   // nullopt when not a calendar date; century from the reference
    std::optional<Sex> sex;          // nullopt when the character is not M, F, '<' (or X)
    std::optional<Date> expiryDate;  // always 20YY
    std::string personalNumber;      // TD3 only; empty on the other formats
    std::string optionalData;        // TD1 line 1 (after any number overflow), TD2, MRV-A, MRV-B
    std::string optionalData2;       // TD1 line 2
    MrzChecks checks;
    std::vector<MrzCorrection> corrections;  // what readMrz changed; the UI asks the person to confirm
    std::vector<Error> problems;             // codes listed at parseMrz
    std::vector<std::string> lines;          // normalised, after any correction

    bool valid() const { return problems.empty(); }
    bool corrected() const { return !corrections.empty(); }
    std::string text() const;  // the lines joined by '\n'
};

// Reads the text exactly as given, apart from normalising: spaces, tabs, blank lines and CR are
// dropped, lower case is raised, and a single line of 90, 72 or 88 characters is cut into lines.
// `reference` is the day of the reading: a birth date is never after it (20YY, else 19YY).
// Problem codes: "mrz.check_digit.document_number" (and .birth_date, .expiry_date,
// .personal_number, .composite), "mrz.birth_date" and "mrz.expiry_date" (not a calendar date),
// "mrz.sex", and "mrz.document_code", "mrz.issuer", "mrz.nationality", "mrz.names" (a character
// other than A-Z and '<'). A TD3 personal number of fillers only may have '<' or '0' as its check.
Result<Mrz> parseMrz(std::string_view text, Date reference);

// The reading entry point: as parseMrz, after OCR repair (repairMrz). A repaired result has
// corrected() true and lists each changed character; when the check digits cannot decide it
// keeps the text as read and adds "mrz.ambiguous". Asking for another frame is always safe.
Result<Mrz> readMrz(std::string_view text, Date reference);

// What each position of a text of this shape may hold and which check digit guards which
// characters, for an OCR that picks among its own alternatives per character. Errors as parseMrz.
Result<MrzLayout> mrzLayoutOf(std::string_view text);

}  // namespace kiosk::core
