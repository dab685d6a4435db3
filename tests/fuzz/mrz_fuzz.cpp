// Any bytes in, never a crash, and what readMrz says holds: a valid zone passes every check and
// has real dates, lines are legal MRZ text of the format's shape, each reported correction is a
// look-alike swap that explains exactly how the text as read became the text returned and that
// was needed, and repair never touches a zone that already parses valid.

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kiosk/core/mrz.h"

namespace {

using kiosk::core::Mrz;
using kiosk::core::MrzFormat;

void require(bool holds) {
    if (!holds) std::abort();
}

bool legalLine(const std::string& line, std::size_t length) {
    if (line.size() != length) return false;
    for (const char c : line)
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '<')) return false;
    return true;
}

void requireShape(const Mrz& mrz) {
    const bool threeLines = mrz.format == MrzFormat::Td1;
    const std::size_t length = threeLines                                                        ? 30
                               : (mrz.format == MrzFormat::Td3 || mrz.format == MrzFormat::MrvA) ? 44
                                                                                                 : 36;
    require(mrz.lines.size() == (threeLines ? 3u : 2u));
    for (const auto& line : mrz.lines) require(legalLine(line, length));
}

void requireValidMeansValid(const Mrz& mrz, kiosk::Date reference) {
    if (!mrz.valid()) return;
    require(mrz.checks.all());
    require(mrz.birthDate && mrz.birthDate->ok() && mrz.expiryDate && mrz.expiryDate->ok() && mrz.sex);
    const int age = kiosk::ageInYears(*mrz.birthDate, reference);
    require(age >= 0 && age <= 100);
}

// Every failed check is named in the problems, and no passing check is.
void requireChecksMatchProblems(const Mrz& mrz) {
    const auto named = [&](std::string_view check) {
        for (const auto& p : mrz.problems)
            if (p.code == "mrz.check_digit." + std::string(check)) return true;
        return false;
    };
    require(named("document_number") != mrz.checks.documentNumber);
    require(named("birth_date") != mrz.checks.birthDate);
    require(named("expiry_date") != mrz.checks.expiryDate);
    require(named("personal_number") != mrz.checks.personalNumber);
    require(named("composite") != mrz.checks.composite);
}

bool lookAlikes(char a, char b) {
    constexpr std::string_view kPairs[] = {"0O", "1I", "8B", "5S", "2Z", "6G"};
    for (const auto pair : kPairs)
        if ((a == pair[0] && b == pair[1]) || (a == pair[1] && b == pair[0])) return true;
    return false;
}

// Undoing the corrections in reverse order gives back the text as read.
void requireCorrectionsExplain(const Mrz& read, const Mrz& asRead) {
    auto lines = read.lines;
    for (auto it = read.corrections.rbegin(); it != read.corrections.rend(); ++it) {
        require(it->line < lines.size() && it->column < lines[it->line].size());
        require(lines[it->line][it->column] == it->to && lookAlikes(it->from, it->to));
        lines[it->line][it->column] = it->from;
    }
    require(lines == asRead.lines);
}

// A repair is never more than it must be: undoing any one correction of a valid result gives a
// zone that is not valid, or that reading would have been a second candidate.
void requireEveryCorrectionNeeded(const Mrz& read, kiosk::Date reference) {
    if (!read.valid()) return;
    for (const auto& correction : read.corrections) {
        auto lines = read.lines;
        lines[correction.line][correction.column] = correction.from;
        std::string text;
        for (const auto& line : lines) text += line + "\n";
        const auto undone = kiosk::core::parseMrz(text, reference);
        require(undone && !undone->valid());
    }
}

char twinOf(char c) {
    constexpr std::string_view kPairs[] = {"0O", "1I", "8B", "5S", "2Z", "6G"};
    for (const auto pair : kPairs) {
        if (c == pair[0]) return pair[1];
        if (c == pair[1]) return pair[0];
    }
    return c;
}

// The promise that matters most: one look-alike misread of a valid zone is repaired back to that
// zone, left as read, or refused; it is never "corrected" into a different valid document.
void requireNoRepairIntoAnotherDocument(const Mrz& valid, kiosk::Date reference) {
    if (!valid.valid()) return;
    for (std::size_t l = 0; l < valid.lines.size(); ++l) {
        for (std::size_t c = 0; c < valid.lines[l].size(); ++c) {
            auto lines = valid.lines;
            if (twinOf(lines[l][c]) == lines[l][c]) continue;
            lines[l][c] = twinOf(lines[l][c]);
            std::string text;
            for (const auto& line : lines) text += line + "\n";
            const auto misread = kiosk::core::readMrz(text, reference);
            require(misread.ok());
            if (misread->valid() && misread->corrected()) require(misread->lines == valid.lines);
        }
    }
}

void requireSameFields(const Mrz& a, const Mrz& b) {
    require(a.format == b.format && a.documentCode == b.documentCode && a.issuer == b.issuer &&
            a.surname == b.surname && a.givenNames == b.givenNames && a.documentNumber == b.documentNumber &&
            a.nationality == b.nationality && a.birthDate == b.birthDate && a.sex == b.sex &&
            a.expiryDate == b.expiryDate && a.personalNumber == b.personalNumber && a.optionalData == b.optionalData &&
            a.optionalData2 == b.optionalData2 && a.checks == b.checks && a.lines == b.lines);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace std::chrono;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const kiosk::Date reference{year{2026}, month{11}, day{28}};

    const auto read = kiosk::core::readMrz(text, reference);
    const auto asRead = kiosk::core::parseMrz(text, reference);
    require(read.ok() == asRead.ok());
    if (!read) {
        require(read.error().code == asRead.error().code);
        require(read.error().code == "mrz.empty" || read.error().code == "mrz.characters" ||
                read.error().code == "mrz.shape");
        return 0;
    }
    for (const Mrz* mrz : {&*read, &*asRead}) {
        requireShape(*mrz);
        requireValidMeansValid(*mrz, reference);
        requireChecksMatchProblems(*mrz);
    }
    require(asRead->corrections.empty());
    requireCorrectionsExplain(*read, *asRead);
    if (asRead->valid()) {
        require(!read->corrected());
        requireSameFields(*read, *asRead);
    }
    requireEveryCorrectionNeeded(*read, reference);
    requireNoRepairIntoAnotherDocument(*read, reference);
    if (read->valid()) {
        // The repaired text is itself a valid zone with the same fields.
        const auto again = kiosk::core::parseMrz(read->text(), reference);
        require(again && again->valid());
        requireSameFields(*again, *read);
    }
    return 0;
}
