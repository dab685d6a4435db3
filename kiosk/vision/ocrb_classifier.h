#pragma once
// A classifier for the 37 OCR-B characters of the MRZ: normalised cross-correlation against
// templates rendered from the font (ocrb_glyphs.h) in several stroke weights and blurs, at a few
// pixel shifts, so that a camera's blur and a grid off by a pixel still match. Private to
// kiosk/vision (it speaks cv::Mat); built once and then only read, so one instance may serve
// every reader on the camera thread.

#include <opencv2/core.hpp>

#include <array>
#include <vector>

#include "kiosk/vision/mrz_scores.h"

namespace kiosk::vision {

class OcrbClassifier {
public:
    // A character cell as the classifier sees it: one pitch wide, the ink height tall.
    static constexpr int kCellWidth = 16;
    static constexpr int kCellHeight = 18;
    // Cells are cut this far around the grid position so that shifts can be tried.
    static constexpr int kMargin = 3;

    OcrbClassifier();

    // Scores every character for each cell of a rectified line. `line` is 8-bit luma scaled so
    // that the pitch is kCellWidth and the ink height kCellHeight, with the ink's top at row
    // kMargin and character i's cell starting at column kMargin + i * kCellWidth.
    std::vector<MrzCharScores> classifyLine(const cv::Mat& line, int count) const;

private:
    // Scores against every template of the cell at each of `at` moved by each of `shifts`: one
    // row per (cell, shift), one column per template.
    cv::Mat correlate(const cv::Mat& ink, const std::vector<cv::Point>& at, const std::vector<cv::Point>& shifts) const;

    cv::Mat templates_;         // one normalised template per row (CV_32F)
    std::vector<int> classOf_;  // template row -> character index
    cv::Mat meanGlyph_;         // the average character, to align a cell before it is scored
};

// The classifier built once from the font.
const OcrbClassifier& ocrbClassifier();

}  // namespace kiosk::vision
