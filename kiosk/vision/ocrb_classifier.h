#pragma once
// A classifier for the 37 OCR-B characters of the MRZ: a cosine, in a whitened space learnt from
// the font (ocrb_training.h), against templates in several stroke weights and blurs, at a few
// pixel shifts, so that a camera's blur and a grid off by a pixel still match. Scores lie in
// -1..1 like a normalised correlation. Private to kiosk/vision (it speaks cv::Mat); built once
// (the learning takes a second or so on the first read) and then only read, so one instance may
// serve every reader on the camera thread.

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
    // With `every` above 1 only every so many cells are scored (the rest score -1 throughout): a
    // quick measure of how well a cut fits.
    std::vector<MrzCharScores> classifyLine(const cv::Mat& line, int count, int every = 1) const;

private:
    // Scores against every template of the cell at each of `at` moved by each of `shifts`: one
    // row per (cell, shift), one column per template.
    cv::Mat correlate(const cv::Mat& ink, const std::vector<cv::Point>& at, const std::vector<cv::Point>& shifts) const;

    cv::Mat projection_;        // cell pixels -> the dimensions compared (ocrb_training.h)
    cv::Mat templates_;         // one unit-length template per row, in those dimensions (CV_32F)
    std::vector<int> classOf_;  // template row -> character index
    cv::Mat meanGlyph_;         // the average character, to align a cell before it is scored
};

// The classifier built once from the font.
const OcrbClassifier& ocrbClassifier();

}  // namespace kiosk::vision
