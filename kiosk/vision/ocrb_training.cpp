#include "kiosk/vision/ocrb_training.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "kiosk/vision/mrz_scores.h"
#include "kiosk/vision/ocrb_glyphs.h"

namespace kiosk::vision {
namespace {

// Prints per character, stroke weight and blur band: about 7000 in all, enough for a stable
// covariance of a 288-pixel cell.
constexpr int kPrintsPerGroup = 24;
// The whitening adds this share of the average spread to every axis, so that an axis no print
// varies along (a corner pixel that is always paper) is not blown up into noise.
constexpr double kRegularisation = 1.0;
// The whitened templates' leading axes that are compared. Fewer would merge 0 and O; more bring
// back the noise the whitening left on the other axes (measured on a document set of another
// seed than the benchmark's).
constexpr int kKeptDimensions = 48;
constexpr std::uint64_t kSeed = 0x0CB'2026;

void normaliseRow(cv::Mat row) {
    row -= cv::mean(row)[0];
    const double norm = cv::norm(row);
    if (norm > 1e-6) row /= norm;
}

cv::Mat glyphInk(std::size_t index) {
    const auto& g = kOcrbGlyphs;
    const auto cell = static_cast<std::size_t>(g.width * g.height);
    cv::Mat ink(g.height, g.width, CV_8UC1);
    std::copy_n(g.ink.begin() + static_cast<std::ptrdiff_t>(index * cell), cell, ink.ptr<unsigned char>());
    return ink;
}

// A print's strokes come out thinner or heavier than the font's: four weights of every glyph.
std::array<cv::Mat, 4> weightsOf(const cv::Mat& ink) {
    std::array<cv::Mat, 4> w;
    cv::erode(ink, w[0], cv::getStructuringElement(cv::MORPH_ELLIPSE, {5, 5}));
    w[1] = ink;
    cv::dilate(ink, w[2], cv::getStructuringElement(cv::MORPH_ELLIPSE, {3, 3}));
    cv::dilate(ink, w[3], cv::getStructuringElement(cv::MORPH_ELLIPSE, {7, 7}));
    return w;
}

struct Printer {
    int cellW;
    int cellH;
    std::vector<std::array<cv::Mat, 4>> glyphs;  // per character, per weight, at the font's size
    cv::RNG rng{kSeed};

    double between(double lo, double hi) { return rng.uniform(lo, hi); }

    // One camera-like print of character `c` in weight `weight`, blurred within [blurLo, blurHi]
    // (cell pixels), as a normalised row.
    cv::Mat print(std::size_t c, std::size_t weight, double blurLo, double blurHi) {
        const auto& g = kOcrbGlyphs;
        const auto neighbour = [&]() -> cv::Mat {
            // Now and then the line's end: paper beside the character.
            if (rng.uniform(0.0, 1.0) < 0.15) return cv::Mat::zeros(g.height, g.width, CV_8UC1);
            return glyphs[static_cast<std::size_t>(rng.uniform(0, static_cast<int>(glyphs.size())))][weight];
        };
        cv::Mat strip;
        cv::hconcat(std::vector<cv::Mat>{neighbour(), glyphs[c][weight], neighbour()}, strip);
        const int pad = g.height / 3;
        cv::copyMakeBorder(strip, strip, pad, pad, 0, 0, cv::BORDER_CONSTANT, 0);
        const double toCellY = static_cast<double>(cellH) / g.height;
        cv::Mat small;
        cv::resize(strip, small, {3 * cellW, static_cast<int>(std::lround(strip.rows * toCellY))}, 0, 0,
                   cv::INTER_AREA);
        small.convertTo(small, CV_32F, 1.0 / 255);
        if (const double sigma = between(blurLo, blurHi); sigma > 0.05) cv::GaussianBlur(small, small, {0, 0}, sigma);

        // A cell as the reader cuts it: off by a fraction of a pixel, a few per cent too wide or
        // tall, turned or slanted by the residue of deskewing.
        const double angle = between(-0.03, 0.03);
        const double shear = between(-0.05, 0.05);
        const double sx = between(0.93, 1.07);
        const double sy = between(0.93, 1.07);
        const double ca = std::cos(angle), sa = std::sin(angle);
        const cv::Matx22d a = cv::Matx22d(ca, -sa, sa, ca) * cv::Matx22d(sx, shear, 0, sy);
        const cv::Point2d from(cellW / 2.0, cellH / 2.0);
        const cv::Point2d to(1.5 * cellW + between(-0.6, 0.6), pad * toCellY + cellH / 2.0 + between(-0.6, 0.6));
        const cv::Matx23d m(a(0, 0), a(0, 1), to.x - a(0, 0) * from.x - a(0, 1) * from.y,  //
                            a(1, 0), a(1, 1), to.y - a(1, 0) * from.x - a(1, 1) * from.y);
        cv::Mat cell;
        cv::warpAffine(small, cell, cv::Mat(m), {cellW, cellH}, cv::INTER_LINEAR | cv::WARP_INVERSE_MAP,
                       cv::BORDER_CONSTANT, 0);

        // Uneven light across the cell, and grain.
        const double gx = between(-0.03, 0.03), gy = between(-0.03, 0.03);
        const double grain = between(0.0, 0.08);
        for (int y = 0; y < cellH; ++y) {
            auto* p = cell.ptr<float>(y);
            for (int x = 0; x < cellW; ++x)
                p[x] += static_cast<float>(gx * (x - cellW / 2.0) + gy * (y - cellH / 2.0) + rng.gaussian(grain));
        }
        cv::Mat row = cell.reshape(1, 1).clone();
        normaliseRow(row);
        return row;
    }
};

}  // namespace

OcrbModel trainOcrbModel(int cellWidth, int cellHeight) {
    const std::size_t classes = kOcrbGlyphs.alphabet.size();
    Printer printer{cellWidth, cellHeight, {}};
    for (std::size_t c = 0; c < classes; ++c) printer.glyphs.push_back(weightsOf(glyphInk(c)));

    OcrbModel model;
    const int pixels = cellWidth * cellHeight;
    constexpr std::array<std::array<double, 2>, 2> kBlurBands{{{0.0, 0.6}, {0.6, 1.4}}};
    std::vector<cv::Mat> means;
    cv::Mat residuals(static_cast<int>(classes * 4 * kBlurBands.size()) * kPrintsPerGroup, pixels, CV_32F);
    int r = 0;
    for (std::size_t c = 0; c < classes; ++c) {
        const int cls = static_cast<int>(kMrzAlphabet.find(kOcrbGlyphs.alphabet[c]));
        for (std::size_t w = 0; w < 4; ++w) {
            for (const auto& band : kBlurBands) {
                const int first = r;
                cv::Mat mean = cv::Mat::zeros(1, pixels, CV_32F);
                for (int k = 0; k < kPrintsPerGroup; ++k) {
                    cv::Mat dst = residuals.row(r++);
                    printer.print(c, w, band[0], band[1]).copyTo(dst);
                    mean += dst;
                }
                mean /= kPrintsPerGroup;
                for (int k = first; k < r; ++k) residuals.row(k) -= mean;
                means.push_back(mean);
                model.classOf.push_back(cls);
            }
        }
    }

    cv::Mat spread;
    cv::mulTransposed(residuals, spread, true);
    spread /= static_cast<double>(residuals.rows);
    cv::Mat values, vectors;
    cv::eigen(spread, values, vectors);  // rows of `vectors` are the axes
    const double floor = kRegularisation * cv::mean(values)[0];
    cv::Mat whitening = cv::Mat::zeros(vectors.rows, vectors.cols, CV_32F);
    for (int i = 0; i < values.rows; ++i) {
        const double e = std::max(0.0, static_cast<double>(values.at<float>(i)));
        whitening += vectors.row(i).t() * vectors.row(i) * (1.0 / std::sqrt(e + floor));
    }
    cv::Mat whitened;
    for (auto& mean : means) {
        cv::Mat t = mean * whitening;
        t /= std::max(1e-6, cv::norm(t));
        whitened.push_back(t);
    }
    // The templates' leading axes: what lies outside them no character has, so it is left out
    // of the comparison along with most of the cost of making it.
    cv::Mat basis;
    cv::SVD::compute(whitened, values, cv::noArray(), basis);
    basis = basis.rowRange(0, std::min(kKeptDimensions, basis.rows));
    model.projection = basis * whitening;  // `whitening` is symmetric
    for (int i = 0; i < whitened.rows; ++i) {
        cv::Mat t = whitened.row(i) * basis.t();
        t /= std::max(1e-6, cv::norm(t));
        model.templates.push_back(t);
    }

    cv::Mat average = cv::Mat::zeros(cellHeight, cellWidth, CV_32F);
    for (const auto& glyph : printer.glyphs) {
        cv::Mat small;
        cv::resize(glyph[2], small, {cellWidth, cellHeight}, 0, 0, cv::INTER_AREA);
        small.convertTo(small, CV_32F, 1.0 / 255);
        average += small;
    }
    model.meanGlyph = average / static_cast<double>(classes);
    return model;
}

}  // namespace kiosk::vision
