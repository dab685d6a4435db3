#pragma once
// Reading a candidate zone: each line cut straight out of the frame along its own axis, its ink
// band and first and last characters measured, the fixed pitch (44, 36 or 30 characters a line)
// laid over it, and every cell scored by the OCR-B classifier. Private to kiosk/vision.

#include <opencv2/core.hpp>

#include <optional>
#include <vector>

#include "kiosk/vision/mrz_decision.h"
#include "kiosk/vision/mrz_scores.h"
#include "kiosk/vision/mrz_zone_finder.h"

namespace kiosk::vision {

// The observation of `zone` as lines of `charsPerLine`; nullopt when a line's print does not fit
// that pitch (too short, too tall for it, or missing).
std::optional<MrzObservation> observeZone(const cv::Mat& luma, const MrzZoneCandidate& zone, int charsPerLine);

struct ZoneReading {
    MrzObservation observation;
    MrzVerdict verdict;
};

// The frame's MRZ: the first candidate zone whose reading is accepted, else the refused reading
// that came closest (for "hold still" feedback), else nullopt when no zone looked like an MRZ.
std::optional<ZoneReading> readMrzZone(const cv::Mat& luma, const MrzDecisionRules& rules);

}  // namespace kiosk::vision
