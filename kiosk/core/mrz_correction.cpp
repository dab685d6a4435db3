#include "kiosk/core/mrz_correction.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace kiosk::core {

namespace {

struct LookAlike {
    char digit;
    char letter;
    bool checkDigitCanTell;  // false when the two values differ by a multiple of 10
};

// The confusions OCR-B readers make. 6/G is only fixed by field type: G counts 16 and 6 counts 6,
// so every 7-3-1 weight gives the same check digit for both.
constexpr std::array<LookAlike, 6> kLookAlikes{{
    {'0', 'O', true},
    {'1', 'I', true},
    {'8', 'B', true},
    {'5', 'S', true},
    {'2', 'Z', true},
    {'6', 'G', false},
}};

constexpr std::array<int, 3> kWeights{7, 3, 1};

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isLetter(char c) { return c >= 'A' && c <= 'Z'; }

int charValue(char c) {
    if (isDigit(c)) return c - '0';
    if (isLetter(c)) return c - 'A' + 10;
    if (c == '<') return 0;
    return -1;
}

std::optional<char> twinOf(char c, bool onlyWhereCheckDigitCanTell) {
    for (const auto& pair : kLookAlikes) {
        if (onlyWhereCheckDigitCanTell && !pair.checkDigitCanTell) continue;
        if (c == pair.digit) return pair.letter;
        if (c == pair.letter) return pair.digit;
    }
    return std::nullopt;
}

struct Position {
    std::size_t line;
    std::size_t column;

    friend auto operator<=>(const Position&, const Position&) = default;
};

// Step 1: a character that the position cannot legally hold, with a twin that it can.
void repairByFieldType(MrzRepair& repair, const MrzLayout& layout) {
    for (std::size_t l = 0; l < layout.kinds.size(); ++l) {
        for (std::size_t c = 0; c < layout.kinds[l].size(); ++c) {
            char& ch = repair.lines[l][c];
            const auto kind = layout.kinds[l][c];
            const bool wrong =
                (kind == MrzCharKind::Digit && isLetter(ch)) || (kind == MrzCharKind::Letter && isDigit(ch));
            if (!wrong) continue;
            if (const auto twin = twinOf(ch, false)) {
                repair.corrections.push_back({l, c, ch, *twin});
                ch = *twin;
            }
        }
    }
}

// The Either positions holding a look-alike under a failing check of a single field. A field whose
// own check passes is left alone: it reads consistently, and trying it would only find look-alike
// readings that pass by chance.
std::vector<Position> doubtfulPositions(const std::vector<std::string>& lines, const MrzLayout& layout) {
    std::vector<Position> doubtful;
    for (const auto& rule : layout.checks) {
        if (!rule.guardsOneField || mrzCheckPasses(lines, rule)) continue;
        for (const auto& span : rule.covers) {
            for (std::size_t c = span.from; c < span.from + span.length; ++c) {
                if (layout.kinds[span.line][c] == MrzCharKind::Either && twinOf(lines[span.line][c], true))
                    doubtful.push_back({span.line, c});
            }
        }
    }
    std::sort(doubtful.begin(), doubtful.end());
    doubtful.erase(std::unique(doubtful.begin(), doubtful.end()), doubtful.end());
    return doubtful;
}

bool everyCheckPasses(const std::vector<std::string>& lines, const MrzLayout& layout) {
    return std::all_of(layout.checks.begin(), layout.checks.end(),
                       [&](const MrzCheckRule& rule) { return mrzCheckPasses(lines, rule); });
}

// Swapping a look-alike for its twin twice gives the character back, so this both applies and undoes.
void swapTwins(std::vector<std::string>& lines, const std::vector<Position>& positions, std::uint32_t which) {
    for (std::size_t i = 0; i < positions.size(); ++i) {
        if ((which >> i & 1u) == 0) continue;
        char& ch = lines[positions[i].line][positions[i].column];
        ch = twinOf(ch, true).value_or(ch);
    }
}

std::string describe(const std::vector<Position>& positions) {
    std::string text;
    for (const auto& p : positions) {
        if (!text.empty()) text += ", ";
        text += "line " + std::to_string(p.line + 1) + " position " + std::to_string(p.column + 1);
    }
    return text;
}

// Step 2: every combination of twins over the doubtful positions; only a single passing reading
// is taken.
void repairByCheckDigits(MrzRepair& repair, const MrzLayout& layout) {
    const auto doubtful = doubtfulPositions(repair.lines, layout);
    if (doubtful.empty()) return;
    if (doubtful.size() > kMaxSearchedChars) {
        repair.problems.push_back(
            makeError("mrz.ambiguous", std::to_string(doubtful.size()) +
                                           " look-alike characters under failing checks; more than " +
                                           std::to_string(kMaxSearchedChars) + " are never tried"));
        return;
    }
    std::optional<std::uint32_t> found;
    const std::uint32_t readings = 1u << doubtful.size();
    for (std::uint32_t which = 1; which < readings; ++which) {
        swapTwins(repair.lines, doubtful, which);
        const bool passes = everyCheckPasses(repair.lines, layout);
        swapTwins(repair.lines, doubtful, which);
        if (!passes) continue;
        if (found) {
            repair.problems.push_back(makeError(
                "mrz.ambiguous", "more than one reading passes every check; look-alikes at " + describe(doubtful)));
            return;
        }
        found = which;
    }
    if (!found) return;
    for (std::size_t i = 0; i < doubtful.size(); ++i) {
        if ((*found >> i & 1u) == 0) continue;
        char& ch = repair.lines[doubtful[i].line][doubtful[i].column];
        const char twin = twinOf(ch, true).value_or(ch);
        repair.corrections.push_back({doubtful[i].line, doubtful[i].column, ch, twin});
        ch = twin;
    }
}

}  // namespace

std::optional<int> mrzCheckDigit(std::string_view field) {
    int sum = 0;
    for (std::size_t i = 0; i < field.size(); ++i) {
        const int value = charValue(field[i]);
        if (value < 0) return std::nullopt;
        sum = (sum + value * kWeights[i % 3]) % 10;
    }
    return sum;
}

bool mrzCheckPasses(const std::vector<std::string>& lines, const MrzCheckRule& rule) {
    int sum = 0;
    std::size_t index = 0;
    bool allFillers = true;
    for (const auto& span : rule.covers) {
        for (const char c : std::string_view(lines[span.line]).substr(span.from, span.length)) {
            const int value = charValue(c);
            if (value < 0) return false;
            sum = (sum + value * kWeights[index++ % 3]) % 10;
            allFillers = allFillers && c == '<';
        }
    }
    const char digit = lines[rule.digit.line][rule.digit.from];
    if (digit == '<') return rule.fillerIfEmpty && allFillers;
    return digit == static_cast<char>('0' + sum);
}

MrzRepair repairMrz(std::vector<std::string> lines, const MrzLayout& layout) {
    MrzRepair repair{std::move(lines), {}, {}};
    repairByFieldType(repair, layout);
    repairByCheckDigits(repair, layout);
    return repair;
}

}  // namespace kiosk::core
