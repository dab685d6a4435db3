#pragma once
// What the MRZ reader's classifier says about each character of a zone: a score per character of
// the MRZ alphabet (higher is more alike). Plain values, shared by the reading and the decision.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace kiosk::vision {

inline constexpr std::string_view kMrzAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<";
inline constexpr std::size_t kMrzClasses = 37;

// Normalised cross-correlation, -1..1, one per character of kMrzAlphabet.
using MrzCharScores = std::array<float, kMrzClasses>;

inline std::optional<std::size_t> mrzClassOf(char c) {
    const auto at = kMrzAlphabet.find(c);
    if (at == std::string_view::npos) return std::nullopt;
    return at;
}

// One frame's reading of a zone: lines of character scores (2 x 44, 2 x 36 or 3 x 30).
struct MrzObservation {
    std::vector<std::vector<MrzCharScores>> lines;

    bool sameShape(const MrzObservation& other) const {
        if (lines.size() != other.lines.size()) return false;
        for (std::size_t i = 0; i < lines.size(); ++i)
            if (lines[i].size() != other.lines[i].size()) return false;
        return true;
    }
};

}  // namespace kiosk::vision
