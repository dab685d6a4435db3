#pragma once
// From character scores to an MRZ text, or a refusal. Plain values only (no OpenCV), so the rules
// are tested with made-up scores.
//
// A wrong read accepted is far worse than asking for another frame. So: each position takes the
// best character its field allows (a letter is never read in a date, a digit never in a name);
// a character counts as uncertain when its score is low or its runner-up is close; an uncertain
// character that no check digit guards refuses the read; where a check fails, only uncertain
// characters may change to their runner-up, and only when exactly one such change makes every
// check pass; a read that passes while another reading of its uncertain characters passes too is
// ambiguous and refused.

#include <string>
#include <vector>

#include "kiosk/core/mrz_correction.h"
#include "kiosk/vision/mrz_scores.h"

namespace kiosk::vision {

// A character is certain when its best score is at least minScore and the runner-up lies clearly
// further away: with distances d = 1 - score, d2 - d1 >= minGain * d1 + minGap. The best match's
// own distance measures the frame's noise, so a noisy cell needs a wider gap than a clean one.
struct MrzDecisionRules {
    float minScore = 0.45f;
    float minGain = 0.35f;
    float minGap = 0.015f;

    bool certain(float best, float runnerUp) const {
        const float d1 = 1 - best, d2 = 1 - runnerUp;
        return best >= minScore && d2 - d1 >= minGain * d1 + minGap;
    }
};

struct MrzVerdict {
    bool accepted = false;
    std::vector<std::string> lines;                // the reading (also when refused)
    std::vector<core::MrzCorrection> corrections;  // runner-ups taken because a check digit asked
    std::string reason;                            // why refused: "shape", "unsure", "checks", "ambiguous", "fields"
    int checksPassing = 0;                         // how close a refused reading came
};

MrzVerdict decideMrz(const MrzObservation& observation, const MrzDecisionRules& rules = {});

// The per-character average of several frames' scores of one zone (all of the same shape).
MrzObservation averageObservations(const std::vector<const MrzObservation*>& frames);

}  // namespace kiosk::vision
