#include "kiosk/vision/ocrb_classifier.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

#include "kiosk/vision/ocrb_training.h"

namespace kiosk::vision {
namespace {

// Zero mean, unit length: the dot product of two such rows is their normalised correlation.
void normaliseRow(cv::Mat row) {
    const double mean = cv::mean(row)[0];
    row -= mean;
    const double norm = cv::norm(row);
    if (norm > 1e-6) row /= norm;
}

// Ink positive: dark print on light paper becomes high values.
cv::Mat inkOf(const cv::Mat& line) {
    cv::Mat ink;
    line.convertTo(ink, CV_32F, -1.0 / 255, 1.0);
    return ink;
}

// A straight line through the per-cell alignments, fitted by taking medians of slopes between
// cells far apart: one badly aligned cell (a '<' among letters) does not move its neighbours.
std::vector<double> smoothedShifts(const std::vector<cv::Point>& best) {
    const auto n = best.size();
    std::vector<double> slopes, out(n);
    for (std::size_t i = 0; i + n / 2 < n; ++i)
        slopes.push_back(static_cast<double>(best[i + n / 2].x - best[i].x) / static_cast<double>(n / 2));
    std::nth_element(slopes.begin(), slopes.begin() + static_cast<std::ptrdiff_t>(slopes.size() / 2), slopes.end());
    const double slope = slopes.empty() ? 0.0 : slopes[slopes.size() / 2];
    std::vector<double> offsets;
    for (std::size_t i = 0; i < n; ++i) offsets.push_back(best[i].x - slope * static_cast<double>(i));
    std::nth_element(offsets.begin(), offsets.begin() + static_cast<std::ptrdiff_t>(n / 2), offsets.end());
    const double offset = offsets[n / 2];
    for (std::size_t i = 0; i < n; ++i) out[i] = offset + slope * static_cast<double>(i);
    return out;
}

}  // namespace

OcrbClassifier::OcrbClassifier() {
    auto model = trainOcrbModel(kCellWidth, kCellHeight);
    projection_ = std::move(model.projection);
    templates_ = std::move(model.templates);
    classOf_ = std::move(model.classOf);
    meanGlyph_ = std::move(model.meanGlyph);
}

cv::Mat OcrbClassifier::correlate(const cv::Mat& ink, const std::vector<cv::Point>& at,
                                  const std::vector<cv::Point>& shifts) const {
    cv::Mat cells(static_cast<int>(at.size() * shifts.size()), kCellWidth * kCellHeight, CV_32F);
    int r = 0;
    for (const auto& a : at) {
        for (const auto& d : shifts) {
            const int x = std::clamp(a.x + d.x, 0, ink.cols - kCellWidth);
            const int y = std::clamp(a.y + d.y, 0, ink.rows - kCellHeight);
            cv::Mat dst = cells.row(r++);
            ink(cv::Rect(x, y, kCellWidth, kCellHeight)).clone().reshape(1, 1).copyTo(dst);
            normaliseRow(dst);
        }
    }
    cv::Mat kept;
    cv::gemm(cells, projection_, 1.0, cv::noArray(), 0.0, kept, cv::GEMM_2_T);
    for (int i = 0; i < kept.rows; ++i) {
        cv::Mat row = kept.row(i);
        row /= std::max(1e-6, cv::norm(row));
    }
    cv::Mat scores;
    cv::gemm(kept, templates_, 1.0, cv::noArray(), 0.0, scores, cv::GEMM_2_T);
    return scores;
}

std::vector<MrzCharScores> OcrbClassifier::classifyLine(const cv::Mat& line, int count, int every) const {
    const cv::Mat ink = inkOf(line);
    const int span = 2 * kMargin;
    // Where each cell sits best across, against the average character; smoothed along the line.
    std::vector<cv::Point> best(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        const cv::Rect window(i * kCellWidth, 0, kCellWidth + span, kCellHeight + span);
        cv::Mat result;
        cv::matchTemplate(ink(window & cv::Rect(0, 0, ink.cols, ink.rows)), meanGlyph_, result, cv::TM_CCORR_NORMED);
        cv::minMaxLoc(result, nullptr, nullptr, nullptr, &best[static_cast<std::size_t>(i)]);
    }
    const auto columns = smoothedShifts(best);
    std::vector<cv::Point> at;
    for (int i = 0; i < count; ++i)
        at.emplace_back(i * kCellWidth + static_cast<int>(std::lround(columns[static_cast<std::size_t>(i)])), kMargin);

    // The line's row, from the best template over a few rows at a sample of cells: the real
    // characters decide, so a line of fillers is placed as well as a line of letters.
    std::vector<cv::Point> sample;
    for (int i = 0; i < count; i += std::max(1, count / 8)) sample.push_back(at[static_cast<std::size_t>(i)]);
    std::vector<cv::Point> rows;
    for (int dy = -2; dy <= 2; ++dy) rows.emplace_back(0, dy);
    const cv::Mat probe = correlate(ink, sample, rows);
    std::vector<int> bestRows;
    for (std::size_t i = 0; i < sample.size(); ++i) {
        double top = -2;
        int row = 0;
        for (std::size_t k = 0; k < rows.size(); ++k) {
            double m;
            cv::minMaxLoc(probe.row(static_cast<int>(i * rows.size() + k)), nullptr, &m);
            if (m > top) top = m, row = rows[k].y;
        }
        bestRows.push_back(row);
    }
    std::nth_element(bestRows.begin(), bestRows.begin() + static_cast<std::ptrdiff_t>(bestRows.size() / 2),
                     bestRows.end());
    const int dy = bestRows[bestRows.size() / 2];

    const std::vector<cv::Point> shifts{{0, dy}, {-1, dy}, {1, dy}, {0, dy - 1}, {0, dy + 1}};
    std::vector<cv::Point> scored;
    for (int i = 0; i < count; i += every) scored.push_back(at[static_cast<std::size_t>(i)]);
    const cv::Mat scores = correlate(ink, scored, shifts);
    std::vector<MrzCharScores> out(static_cast<std::size_t>(count));
    for (auto& s : out) s.fill(-1.0f);
    for (int i = 0; i < static_cast<int>(scored.size()); ++i) {
        auto& s = out[static_cast<std::size_t>(i * every)];
        for (int k = 0; k < static_cast<int>(shifts.size()); ++k) {
            const float* p = scores.ptr<float>(i * static_cast<int>(shifts.size()) + k);
            for (int t = 0; t < scores.cols; ++t) {
                float& slot = s[static_cast<std::size_t>(classOf_[static_cast<std::size_t>(t)])];
                slot = std::max(slot, p[t]);
            }
        }
    }
    return out;
}

const OcrbClassifier& ocrbClassifier() {
    static const OcrbClassifier classifier;
    return classifier;
}

}  // namespace kiosk::vision
