#pragma once
// Finding the MRZ in a camera frame: the two or three long, parallel, evenly spaced lines of
// dense print near a document's edge. Private to kiosk/vision (it speaks cv::Mat).
//
// Text lines are found on a half-size luma image (black-hat to keep dark print on light paper,
// a horizontal closing to join characters into lines), then grouped into zones by angle, length
// and spacing. Candidates come best first; the reading decides, by the check digits, which one is
// an MRZ.

#include <opencv2/core.hpp>

#include <vector>

namespace kiosk::vision {

// One printed line in frame coordinates: its centre line from `start` to `end` (left to right as
// the text reads, whatever the document's rotation) and the height of its print.
struct TextLine {
    cv::Point2f start;
    cv::Point2f end;
    float height = 0;

    float length() const;
};

struct MrzZoneCandidate {
    std::vector<TextLine> lines;  // top to bottom
};

// At most `limit` candidates, best first.
std::vector<MrzZoneCandidate> findMrzZones(const cv::Mat& luma, std::size_t limit);

}  // namespace kiosk::vision
