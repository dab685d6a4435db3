#include "kiosk/vision/mrz_decision.h"

#include <algorithm>
#include <cstdint>

#include "kiosk/core/mrz.h"

namespace kiosk::vision {
namespace {

using core::MrzCharKind;
using Lines = std::vector<std::string>;

bool allowed(MrzCharKind kind, char c) {
    const bool digit = c >= '0' && c <= '9';
    const bool letter = c >= 'A' && c <= 'Z';
    switch (kind) {
    case MrzCharKind::Letter: return letter || c == '<';
    case MrzCharKind::Digit: return digit || c == '<';
    case MrzCharKind::Sex: return c == 'M' || c == 'F' || c == '<';
    case MrzCharKind::Either: return true;
    }
    return true;
}

struct Pick {
    char best = '<';
    char second = '<';
    float score = -1;
    float margin = 0;
};

Pick pickOf(const MrzCharScores& s, MrzCharKind kind) {
    Pick p;
    float runnerUp = -1;
    for (std::size_t k = 0; k < kMrzClasses; ++k) {
        const char c = kMrzAlphabet[k];
        if (!allowed(kind, c)) continue;
        if (s[k] > p.score) {
            runnerUp = p.score;
            p.second = p.best;
            p.score = s[k];
            p.best = c;
        } else if (s[k] > runnerUp) {
            runnerUp = s[k];
            p.second = c;
        }
    }
    p.margin = p.score - runnerUp;
    return p;
}

std::string joined(const Lines& lines) {
    std::string text;
    for (const auto& l : lines) text += l + '\n';
    return text;
}

struct Position {
    std::size_t line;
    std::size_t column;
};

struct Reading {
    Lines text;
    std::vector<std::vector<Pick>> picks;
};

Reading readUnder(const MrzObservation& o, const core::MrzLayout& layout) {
    Reading r;
    for (std::size_t l = 0; l < o.lines.size(); ++l) {
        r.text.emplace_back();
        r.picks.emplace_back();
        for (std::size_t c = 0; c < o.lines[l].size(); ++c) {
            const Pick p = pickOf(o.lines[l][c], layout.kinds[l][c]);
            r.text.back().push_back(p.best);
            r.picks.back().push_back(p);
        }
    }
    return r;
}

std::vector<std::vector<bool>> coverage(const core::MrzLayout& layout) {
    std::vector<std::vector<bool>> covered;
    for (const auto& k : layout.kinds) covered.emplace_back(k.size(), false);
    for (const auto& rule : layout.checks) {
        for (const auto& span : rule.covers)
            for (std::size_t c = span.from; c < span.from + span.length; ++c) covered[span.line][c] = true;
        covered[rule.digit.line][rule.digit.from] = true;
    }
    return covered;
}

int passing(const Lines& lines, const core::MrzLayout& layout) {
    return static_cast<int>(std::count_if(layout.checks.begin(), layout.checks.end(),
                                          [&](const core::MrzCheckRule& r) { return core::mrzCheckPasses(lines, r); }));
}

// A name field is the names, then fillers to the end: a letter after three fillers is a misread.
bool namesWellFormed(const Lines& lines) {
    const std::string_view names =
        lines.size() == 3 ? std::string_view(lines[2]) : std::string_view(lines[0]).substr(5);
    const auto end = names.find("<<<");
    return end == std::string_view::npos || names.find_first_not_of('<', end) == std::string_view::npos;
}

// A state code is letters with fillers only after them ("D<<"); a document code starts with the
// letter of its kind (Doc 9303: A, C or I for cards, P for passports, V for visas). Nothing guards
// these characters but their form, and a line read one cell off breaks it.
bool codesWellFormed(const Lines& lines) {
    const auto stateCode = [](std::string_view code) {
        const auto fill = code.find('<');
        return fill != 0 &&
               (fill == std::string_view::npos || code.find_first_not_of('<', fill) == std::string_view::npos);
    };
    const std::string_view nationality = std::string_view(lines[1]).substr(lines.size() == 3 ? 15 : 10, 3);
    return std::string_view("ACIPV").find(lines[0][0]) != std::string_view::npos &&
           stateCode(std::string_view(lines[0]).substr(2, 3)) && stateCode(nationality);
}

bool fieldsValid(const Lines& lines) {
    // The reference day only picks a birth century; validity does not depend on it.
    const auto mrz =
        core::parseMrz(joined(lines), Date{std::chrono::year{2026}, std::chrono::January, std::chrono::day{1}});
    return mrz && mrz->valid() && namesWellFormed(lines) && codesWellFormed(lines);
}

void swapAt(Lines& text, const std::vector<Position>& at, const Reading& r, std::uint32_t mask) {
    for (std::size_t i = 0; i < at.size(); ++i) {
        const auto& p = at[i];
        const Pick& pick = r.picks[p.line][p.column];
        text[p.line][p.column] = (mask >> i & 1u) ? pick.second : pick.best;
    }
}

}  // namespace

MrzVerdict decideMrz(const MrzObservation& o, const MrzDecisionRules& rules) {
    MrzVerdict v;
    Lines raw;
    for (const auto& line : o.lines) {
        raw.emplace_back();
        for (const auto& s : line)
            raw.back().push_back(
                kMrzAlphabet[static_cast<std::size_t>(std::max_element(s.begin(), s.end()) - s.begin())]);
    }
    v.lines = raw;
    auto layout = core::mrzLayoutOf(joined(raw));
    if (!layout) {
        v.reason = "shape";
        return v;
    }
    Reading r = readUnder(o, *layout);
    // A TD1 number that overflows moves its check digit: the kinds follow the text as picked.
    if (auto again = core::mrzLayoutOf(joined(r.text)); again && again->kinds != layout->kinds) {
        layout = std::move(again);
        r = readUnder(o, *layout);
    }
    v.lines = r.text;
    v.checksPassing = passing(r.text, *layout);

    const auto covered = coverage(*layout);
    std::vector<Position> doubtful;
    for (std::size_t l = 0; l < r.picks.size(); ++l) {
        for (std::size_t c = 0; c < r.picks[l].size(); ++c) {
            const Pick& p = r.picks[l][c];
            if (rules.certain(p.score, p.score - p.margin)) continue;
            if (!covered[l][c]) {
                v.reason = "unsure";
                return v;
            }
            doubtful.push_back({l, c});
        }
    }
    if (doubtful.size() > core::kMaxSearchedChars) {
        v.reason = "unsure";
        return v;
    }

    // Every reading of the doubtful characters (best or runner-up each) that passes every check.
    std::vector<std::uint32_t> passes;
    Lines trial = r.text;
    const std::uint32_t readings = 1u << doubtful.size();
    for (std::uint32_t mask = 0; mask < readings; ++mask) {
        swapAt(trial, doubtful, r, mask);
        if (passing(trial, *layout) == static_cast<int>(layout->checks.size())) passes.push_back(mask);
    }
    if (passes.size() != 1) {
        v.reason = passes.empty() ? "checks" : "ambiguous";
        return v;
    }
    swapAt(trial, doubtful, r, passes.front());
    for (std::size_t i = 0; i < doubtful.size(); ++i) {
        if ((passes.front() >> i & 1u) == 0) continue;
        const auto& p = doubtful[i];
        v.corrections.push_back({p.line, p.column, r.text[p.line][p.column], trial[p.line][p.column]});
    }
    v.lines = trial;
    v.checksPassing = static_cast<int>(layout->checks.size());
    if (!fieldsValid(trial)) {
        v.reason = "fields";
        return v;
    }
    v.accepted = true;
    return v;
}

MrzObservation averageObservations(const std::vector<const MrzObservation*>& frames) {
    MrzObservation mean;
    if (frames.empty()) return mean;
    mean = *frames.front();
    for (std::size_t f = 1; f < frames.size(); ++f)
        for (std::size_t l = 0; l < mean.lines.size(); ++l)
            for (std::size_t c = 0; c < mean.lines[l].size(); ++c)
                for (std::size_t k = 0; k < kMrzClasses; ++k) mean.lines[l][c][k] += frames[f]->lines[l][c][k];
    const auto n = static_cast<float>(frames.size());
    for (auto& line : mean.lines)
        for (auto& s : line)
            for (auto& x : s) x /= n;
    return mean;
}

}  // namespace kiosk::vision
