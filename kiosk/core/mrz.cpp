#include "kiosk/core/mrz.h"

#include <algorithm>
#include <array>
#include <tuple>
#include <utility>

namespace kiosk::core {

namespace {

using Span = MrzSpan;
using Lines = std::vector<std::string>;

// Where each field sits in one format (0-based line, first column, length). A field the format
// lacks has length 0.
struct Layout {
    MrzFormat format;
    std::size_t lineCount;
    std::size_t lineLength;
    Span code, issuer, names, number, numberCheck, nationality, birth, birthCheck, sex, expiry, expiryCheck;
    Span personal, personalCheck, optional, optional2, composite;
    std::array<Span, 4> compositeCovers;
    bool numberMayOverflow;  // a document number longer than 9 characters continues in `optional`
};

// One format per block, laid out like the tables of Doc 9303.
// clang-format off
constexpr Layout kTd1{
    .format = MrzFormat::Td1, .lineCount = 3, .lineLength = 30,
    .code = {0, 0, 2}, .issuer = {0, 2, 3}, .names = {2, 0, 30},
    .number = {0, 5, 9}, .numberCheck = {0, 14, 1}, .nationality = {1, 15, 3},
    .birth = {1, 0, 6}, .birthCheck = {1, 6, 1}, .sex = {1, 7, 1}, .expiry = {1, 8, 6}, .expiryCheck = {1, 14, 1},
    .personal = {}, .personalCheck = {}, .optional = {0, 15, 15}, .optional2 = {1, 18, 11},
    .composite = {1, 29, 1}, .compositeCovers = {{{0, 5, 25}, {1, 0, 7}, {1, 8, 7}, {1, 18, 11}}},
    .numberMayOverflow = true};

constexpr Layout kTd2{
    .format = MrzFormat::Td2, .lineCount = 2, .lineLength = 36,
    .code = {0, 0, 2}, .issuer = {0, 2, 3}, .names = {0, 5, 31},
    .number = {1, 0, 9}, .numberCheck = {1, 9, 1}, .nationality = {1, 10, 3},
    .birth = {1, 13, 6}, .birthCheck = {1, 19, 1}, .sex = {1, 20, 1}, .expiry = {1, 21, 6}, .expiryCheck = {1, 27, 1},
    .personal = {}, .personalCheck = {}, .optional = {1, 28, 7}, .optional2 = {},
    .composite = {1, 35, 1}, .compositeCovers = {{{1, 0, 10}, {1, 13, 7}, {1, 21, 14}, {}}},
    .numberMayOverflow = true};

constexpr Layout kTd3{
    .format = MrzFormat::Td3, .lineCount = 2, .lineLength = 44,
    .code = {0, 0, 2}, .issuer = {0, 2, 3}, .names = {0, 5, 39},
    .number = {1, 0, 9}, .numberCheck = {1, 9, 1}, .nationality = {1, 10, 3},
    .birth = {1, 13, 6}, .birthCheck = {1, 19, 1}, .sex = {1, 20, 1}, .expiry = {1, 21, 6}, .expiryCheck = {1, 27, 1},
    .personal = {1, 28, 14}, .personalCheck = {1, 42, 1}, .optional = {}, .optional2 = {},
    .composite = {1, 43, 1}, .compositeCovers = {{{1, 0, 10}, {1, 13, 7}, {1, 21, 22}, {}}},
    .numberMayOverflow = false};

// Visas have no composite check and no personal number field (Doc 9303 part 7).
constexpr Layout kMrvA{
    .format = MrzFormat::MrvA, .lineCount = 2, .lineLength = 44,
    .code = {0, 0, 2}, .issuer = {0, 2, 3}, .names = {0, 5, 39},
    .number = {1, 0, 9}, .numberCheck = {1, 9, 1}, .nationality = {1, 10, 3},
    .birth = {1, 13, 6}, .birthCheck = {1, 19, 1}, .sex = {1, 20, 1}, .expiry = {1, 21, 6}, .expiryCheck = {1, 27, 1},
    .personal = {}, .personalCheck = {}, .optional = {1, 28, 16}, .optional2 = {},
    .composite = {}, .compositeCovers = {}, .numberMayOverflow = false};

constexpr Layout kMrvB{
    .format = MrzFormat::MrvB, .lineCount = 2, .lineLength = 36,
    .code = {0, 0, 2}, .issuer = {0, 2, 3}, .names = {0, 5, 31},
    .number = {1, 0, 9}, .numberCheck = {1, 9, 1}, .nationality = {1, 10, 3},
    .birth = {1, 13, 6}, .birthCheck = {1, 19, 1}, .sex = {1, 20, 1}, .expiry = {1, 21, 6}, .expiryCheck = {1, 27, 1},
    .personal = {}, .personalCheck = {}, .optional = {1, 28, 8}, .optional2 = {},
    .composite = {}, .compositeCovers = {}, .numberMayOverflow = false};
// clang-format on

constexpr std::array<const Layout*, 5> kLayouts{&kTd1, &kTd2, &kTd3, &kMrvA, &kMrvB};

constexpr std::size_t kMaxLines = 3;
constexpr std::size_t kLongestLine = 90;  // a whole TD1 sent as one line

bool isVisa(MrzFormat format) { return format == MrzFormat::MrvA || format == MrzFormat::MrvB; }

bool isMrzChar(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '<'; }

std::string_view at(const Lines& lines, Span span) {
    return std::string_view(lines[span.line]).substr(span.from, span.length);
}

// One pass, stopping early, so that a megabyte of garbage costs no more than reading it once.
Result<Lines> splitLines(std::string_view text) {
    Lines lines(1);
    for (const char raw : text) {
        if (raw == '\n' || raw == '\r') {
            if (!lines.back().empty()) lines.emplace_back();
            continue;
        }
        if (raw == ' ' || raw == '\t' || raw == '\v' || raw == '\f') continue;  // OCR splits words
        const char c = raw >= 'a' && raw <= 'z' ? static_cast<char>(raw - 'a' + 'A') : raw;
        if (!isMrzChar(c)) return makeError("mrz.characters", "a character other than A-Z, 0-9, '<' and white space");
        if (lines.size() > kMaxLines) return makeError("mrz.shape", "more than 3 lines");
        lines.back().push_back(c);
        if (lines.back().size() > kLongestLine) return makeError("mrz.shape", "a line longer than 90 characters");
    }
    if (lines.back().empty()) lines.pop_back();
    if (lines.empty()) return makeError("mrz.empty", "no MRZ characters in the text");
    return lines;
}

// Some readers send the whole zone without line breaks.
Lines cutSingleLine(Lines lines) {
    if (lines.size() != 1) return lines;
    for (const Layout* layout : kLayouts) {
        if (lines[0].size() != layout->lineCount * layout->lineLength) continue;
        Lines cut;
        for (std::size_t i = 0; i < layout->lineCount; ++i)
            cut.push_back(lines[0].substr(i * layout->lineLength, layout->lineLength));
        return cut;
    }
    return lines;
}

const Layout* layoutOf(const Lines& lines) {
    const bool visa = lines[0][0] == 'V';
    for (const Layout* layout : kLayouts) {
        const bool sized = lines.size() == layout->lineCount &&
                           std::all_of(lines.begin(), lines.end(),
                                       [&](const std::string& l) { return l.size() == layout->lineLength; });
        // No TD1 visa exists, so a 3 x 30 zone is a TD1 whatever its document code.
        if (sized && (layout->format == MrzFormat::Td1 || visa == isVisa(layout->format))) return layout;
    }
    return nullptr;
}

std::string describeShape(const Lines& lines) {
    std::string text = std::to_string(lines.size()) + (lines.size() == 1 ? " line of" : " lines of");
    for (std::size_t i = 0; i < lines.size(); ++i) text += (i == 0 ? " " : ", ") + std::to_string(lines[i].size());
    return text + " characters; an MRZ has 3 x 30, 2 x 36 or 2 x 44";
}

struct MrzText {
    const Layout* layout;
    Lines lines;
};

Result<MrzText> normalise(std::string_view text) {
    auto split = splitLines(text);
    if (!split) return split.error();
    Lines lines = cutSingleLine(std::move(*split));
    const Layout* layout = layoutOf(lines);
    if (!layout) return makeError("mrz.shape", describeShape(lines));
    return MrzText{layout, std::move(lines)};
}

// Doc 9303 parts 5 and 6: a document number longer than 9 characters puts '<' where its check
// digit would be and continues in the optional data, followed by its check digit.
struct NumberParts {
    std::vector<Span> data;
    Span check;
    Span optional;  // the optional data left after the number
};

NumberParts numberPartsOf(const Layout& f, const Lines& lines) {
    NumberParts parts{{f.number}, f.numberCheck, f.optional};
    const auto first = at(lines, f.number);
    const auto rest = at(lines, f.optional);
    if (!f.numberMayOverflow || at(lines, f.numberCheck) != "<" || first.back() == '<' || rest.front() == '<')
        return parts;
    const std::size_t run = std::min(rest.find('<'), rest.size());
    if (run < 2) return parts;  // a continuation needs at least one character and its check digit
    parts.data.push_back({f.optional.line, f.optional.from, run - 1});
    parts.check = {f.optional.line, f.optional.from + run - 1, 1};
    parts.optional = {f.optional.line, f.optional.from + run, f.optional.length - run};
    return parts;
}

struct CheckName {
    bool MrzChecks::*flag;
    std::string_view code;
};

// The checks and position kinds of one text: fixed by the format, except where an overflowing
// document number moves its check digit.
struct Rules {
    NumberParts number;
    MrzLayout layout;
    std::vector<CheckName> names;  // parallel to layout.checks
};

Rules rulesOf(const Layout& f, const Lines& lines) {
    Rules rules{numberPartsOf(f, lines), {}, {}};
    auto& kinds = rules.layout.kinds;
    kinds.assign(f.lineCount, std::vector<MrzCharKind>(f.lineLength, MrzCharKind::Either));
    const auto mark = [&](Span s, MrzCharKind kind) {
        std::fill_n(kinds[s.line].begin() + static_cast<std::ptrdiff_t>(s.from), s.length, kind);
    };
    for (const Span s : {f.code, f.issuer, f.names, f.nationality}) mark(s, MrzCharKind::Letter);
    for (const Span s :
         {f.birth, f.birthCheck, f.expiry, f.expiryCheck, f.personalCheck, f.composite, rules.number.check})
        mark(s, MrzCharKind::Digit);
    mark(f.sex, MrzCharKind::Sex);

    const auto add = [&](bool MrzChecks::*flag, std::string_view code, MrzCheckRule rule) {
        rules.layout.checks.push_back(std::move(rule));
        rules.names.push_back({flag, code});
    };
    add(&MrzChecks::documentNumber, "mrz.check_digit.document_number", {rules.number.data, rules.number.check});
    add(&MrzChecks::birthDate, "mrz.check_digit.birth_date", {{f.birth}, f.birthCheck});
    add(&MrzChecks::expiryDate, "mrz.check_digit.expiry_date", {{f.expiry}, f.expiryCheck});
    if (f.personal.length > 0)
        add(&MrzChecks::personalNumber, "mrz.check_digit.personal_number",
            {.covers = {f.personal}, .digit = f.personalCheck, .fillerIfEmpty = true, .guardsOneField = true});
    if (f.composite.length > 0) {
        std::vector<Span> covers;
        std::copy_if(f.compositeCovers.begin(), f.compositeCovers.end(), std::back_inserter(covers),
                     [](Span s) { return s.length > 0; });
        add(&MrzChecks::composite, "mrz.check_digit.composite",
            {.covers = covers, .digit = f.composite, .fillerIfEmpty = false, .guardsOneField = false});
    }
    return rules;
}

std::string trimFillers(std::string_view field) {
    const auto first = field.find_first_not_of('<');
    if (first == std::string_view::npos) return {};
    return std::string(field.substr(first, field.find_last_not_of('<') - first + 1));
}

// '<' separates words; "<<" separates the surname (primary identifier) from the given names.
std::string words(std::string_view part) {
    std::string out;
    for (const char c : part) {
        if (c != '<')
            out.push_back(c);
        else if (!out.empty() && out.back() != ' ')
            out.push_back(' ');
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

struct Yymmdd {
    int yy;
    unsigned month;
    unsigned day;
};

std::optional<Yymmdd> readYymmdd(std::string_view six) {
    if (!std::all_of(six.begin(), six.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
    const auto two = [&](std::size_t i) { return (six[i] - '0') * 10 + (six[i + 1] - '0'); };
    return Yymmdd{two(0), static_cast<unsigned>(two(2)), static_cast<unsigned>(two(4))};
}

std::optional<Date> calendarDate(int year, unsigned month, unsigned day) {
    const Date date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    if (!date.ok()) return std::nullopt;
    return date;
}

// The century that keeps the birth date on or before the reference day (age 0 to 99). Compared
// as numbers, not dates, so that 29 February picks its century before its validity is judged.
std::optional<Date> birthDateOf(std::string_view six, Date reference) {
    const auto d = readYymmdd(six);
    if (!d) return std::nullopt;
    const int referenceYear = static_cast<int>(reference.year());
    int year = referenceYear - referenceYear % 100 + d->yy;
    if (std::tuple{year, d->month, d->day} >
        std::tuple{referenceYear, static_cast<unsigned>(reference.month()), static_cast<unsigned>(reference.day())})
        year -= 100;
    return calendarDate(year, d->month, d->day);
}

std::optional<Date> expiryDateOf(std::string_view six) {
    const auto d = readYymmdd(six);
    if (!d) return std::nullopt;
    return calendarDate(2000 + d->yy, d->month, d->day);
}

std::optional<Sex> sexOf(char c) {
    switch (c) {
    case 'M': return Sex::Male;
    case 'F': return Sex::Female;
    case '<':
    case 'X': return Sex::Unspecified;  // some issuers print X, as in the visual zone
    default: return std::nullopt;
    }
}

std::string positionOf(Span s) {
    return "line " + std::to_string(s.line + 1) + " position " + std::to_string(s.from + 1);
}

void runChecks(Mrz& mrz, const Rules& rules) {
    // Not applicable unless the format has them.
    mrz.checks.personalNumber = true;
    mrz.checks.composite = true;
    for (std::size_t i = 0; i < rules.layout.checks.size(); ++i) {
        const auto& rule = rules.layout.checks[i];
        const bool passes = mrzCheckPasses(mrz.lines, rule);
        mrz.checks.*rules.names[i].flag = passes;
        if (!passes)
            mrz.problems.push_back(makeError(std::string(rules.names[i].code),
                                             "check digit at " + positionOf(rule.digit) + " does not match"));
    }
}

void requireLetters(Mrz& mrz, Span span, std::string_view code) {
    const auto field = at(mrz.lines, span);
    if (std::all_of(field.begin(), field.end(), [](char c) { return c == '<' || (c >= 'A' && c <= 'Z'); })) return;
    mrz.problems.push_back(
        makeError(std::string(code), "a digit at " + positionOf(span) + " where only letters are allowed"));
}

Mrz fieldsOf(const Layout& f, Lines lines, Date reference) {
    Mrz mrz;
    mrz.format = f.format;
    mrz.lines = std::move(lines);
    const Lines& l = mrz.lines;
    const Rules rules = rulesOf(f, l);
    runChecks(mrz, rules);

    mrz.documentCode = trimFillers(at(l, f.code));
    mrz.issuer = trimFillers(at(l, f.issuer));
    const auto names = at(l, f.names);
    const auto split = names.find("<<");
    mrz.surname = words(names.substr(0, split));
    mrz.givenNames = split == std::string_view::npos ? std::string() : words(names.substr(split + 2));
    std::string number;
    for (const Span s : rules.number.data) number += at(l, s);
    mrz.documentNumber = trimFillers(number);
    mrz.nationality = trimFillers(at(l, f.nationality));
    mrz.birthDate = birthDateOf(at(l, f.birth), reference);
    mrz.sex = sexOf(at(l, f.sex).front());
    mrz.expiryDate = expiryDateOf(at(l, f.expiry));
    mrz.personalNumber = trimFillers(at(l, f.personal));
    mrz.optionalData = trimFillers(at(l, rules.number.optional));
    mrz.optionalData2 = trimFillers(at(l, f.optional2));

    requireLetters(mrz, f.code, "mrz.document_code");
    requireLetters(mrz, f.issuer, "mrz.issuer");
    requireLetters(mrz, f.nationality, "mrz.nationality");
    requireLetters(mrz, f.names, "mrz.names");
    if (!mrz.birthDate) mrz.problems.push_back(makeError("mrz.birth_date", "birth date is not a calendar date"));
    if (!mrz.expiryDate) mrz.problems.push_back(makeError("mrz.expiry_date", "expiry date is not a calendar date"));
    if (!mrz.sex) mrz.problems.push_back(makeError("mrz.sex", "sex is not M, F or '<'"));
    return mrz;
}

}  // namespace

std::string_view mrzFormatName(MrzFormat format) {
    switch (format) {
    case MrzFormat::Td1: return "TD1";
    case MrzFormat::Td2: return "TD2";
    case MrzFormat::Td3: return "TD3";
    case MrzFormat::MrvA: return "MRVA";
    case MrzFormat::MrvB: return "MRVB";
    }
    return "TD3";
}

std::string Mrz::text() const {
    std::string joined;
    for (const auto& line : lines) {
        if (!joined.empty()) joined += '\n';
        joined += line;
    }
    return joined;
}

Result<Mrz> parseMrz(std::string_view text, Date reference) {
    auto normal = normalise(text);
    if (!normal) return normal.error();
    return fieldsOf(*normal->layout, std::move(normal->lines), reference);
}

Result<Mrz> readMrz(std::string_view text, Date reference) {
    auto normal = normalise(text);
    if (!normal) return normal.error();
    // Repair keeps every '<' where it is, so the rules (and any number overflow) stay the same.
    const Rules rules = rulesOf(*normal->layout, normal->lines);
    auto repair = repairMrz(std::move(normal->lines), rules.layout);
    Mrz mrz = fieldsOf(*normal->layout, std::move(repair.lines), reference);
    mrz.corrections = std::move(repair.corrections);
    mrz.problems.insert(mrz.problems.end(), repair.problems.begin(), repair.problems.end());
    return mrz;
}

Result<MrzLayout> mrzLayoutOf(std::string_view text) {
    auto normal = normalise(text);
    if (!normal) return normal.error();
    return rulesOf(*normal->layout, normal->lines).layout;
}

}  // namespace kiosk::core
