#pragma once
// OCR repair of MRZ text. OCR-B look-alikes (0/O, 1/I, 8/B, 5/S, 2/Z, 6/G) are undone only where
// the ICAO field type or the check digits leave exactly one reading. Anything else stays as read
// and is reported, because a wrong read accepted is far worse than asking for another frame.
//
// Callers normally use readMrz() (mrz.h); this header is the vocabulary it shares with the repair:
// what each position may hold and which check digit guards which characters.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/result.h"

namespace kiosk::core {

// ICAO 9303 check digit: 0-9 count 0-9, A-Z count 10-35, '<' counts 0; weights 7, 3, 1 repeating;
// the sum mod 10. nullopt when `field` holds any other character.
std::optional<int> mrzCheckDigit(std::string_view field);

// One character the repair changed. `line` and `column` are 0-based indexes into the normalised
// lines (Mrz::lines), so the UI can highlight exactly what it asks the person to confirm.
struct MrzCorrection {
    std::size_t line = 0;
    std::size_t column = 0;
    char from = 0;
    char to = 0;

    friend bool operator==(const MrzCorrection&, const MrzCorrection&) = default;
};

// What ICAO allows at one position.
enum class MrzCharKind : char {
    Letter = 'A',  // A-Z or '<': document code, issuer, nationality, names
    Digit = '9',   // 0-9 (or '<' where a rule allows it): dates and check digits
    Either = 'X',  // A-Z, 0-9 or '<': document number, personal number, optional data
    Sex = 'S',     // M, F or '<'
};

struct MrzSpan {
    std::size_t line = 0;
    std::size_t from = 0;
    std::size_t length = 0;
};

// A check digit and the characters it guards; the 7-3-1 weights run on from one span to the next.
struct MrzCheckRule {
    std::vector<MrzSpan> covers;
    MrzSpan digit;               // length 1
    bool fillerIfEmpty = false;  // '<' is a valid digit when every covered character is '<'
    bool guardsOneField = true;  // false for the composite: it cannot tell which field is wrong
};

bool mrzCheckPasses(const std::vector<std::string>& lines, const MrzCheckRule& rule);

// One format as the repair sees it: `kinds` has the shape of the lines.
struct MrzLayout {
    std::vector<std::vector<MrzCharKind>> kinds;
    std::vector<MrzCheckRule> checks;
};

// Bounds the search: 2^10 - 1 = 1023 alternative readings at most, whatever the input.
inline constexpr std::size_t kMaxSearchedChars = 10;

struct MrzRepair {
    std::vector<std::string> lines;
    std::vector<MrzCorrection> corrections;  // in the order made; empty when nothing changed
    std::vector<Error> problems;             // "mrz.ambiguous" when the check digits cannot decide
};

// Two steps. (1) Field type: a letter in a Digit position becomes its digit twin, a digit in a
// Letter position its letter twin; nothing else is legal there. (2) Check digits: only when a
// check that guards one field fails, the look-alikes in the Either positions it covers are tried
// both ways (at most kMaxSearchedChars of them). A reading is taken only when it is the single one
// that passes every check in the layout; two or more, or too many characters to try, leaves the
// text as read with "mrz.ambiguous". 6/G is never tried here: their values differ by 10, so no
// check digit can tell them apart. Optional data guarded only by the composite is never changed.
// `lines` must have the shape of `layout.kinds`.
MrzRepair repairMrz(std::vector<std::string> lines, const MrzLayout& layout);

}  // namespace kiosk::core
