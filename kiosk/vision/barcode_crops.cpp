#include "kiosk/vision/barcode_crops.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace kiosk::vision {
namespace {

// The grey level below which `share` of the pixels lie.
int percentile(const cv::Mat& luma, double share) {
    std::array<long, 256> histogram{};
    for (int y = 0; y < luma.rows; ++y) {
        const auto* row = luma.ptr<std::uint8_t>(y);
        for (int x = 0; x < luma.cols; ++x) ++histogram[row[x]];
    }
    const auto wanted = static_cast<long>(share * static_cast<double>(luma.total()));
    long seen = 0;
    std::size_t level = 0;
    while (level < 255 && (seen += histogram[level]) < wanted) ++level;
    return static_cast<int>(level);
}

// Counts runs of equal pixels along `line` (a row or a column of a binary image).
void countRuns(const cv::Mat& line, double& length, double& runs) {
    const auto* p = line.ptr<std::uint8_t>();
    const auto n = static_cast<int>(line.total());
    const int step = line.rows == 1 ? 1 : static_cast<int>(line.step[0]);
    int changes = 0;
    for (int i = 1; i < n; ++i) changes += p[i * step] != p[(i - 1) * step];
    length += n;
    runs += changes + 1;
}

}  // namespace

double moduleSize(const cv::Mat& luma, const cv::RotatedRect& box) {
    // The middle half of the box: inside the code, away from the quiet zone and the surroundings.
    const cv::Rect whole = box.boundingRect() & cv::Rect(0, 0, luma.cols, luma.rows);
    const cv::Rect middle(whole.x + whole.width / 4, whole.y + whole.height / 4, std::max(1, whole.width / 2),
                          std::max(1, whole.height / 2));
    if (middle.width < 4 || middle.height < 4) return 1;
    cv::Mat binary;
    cv::threshold(luma(middle), binary, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    double length = 0, runs = 0;
    for (int k = 1; k <= 5; ++k) {
        countRuns(binary.row(binary.rows * k / 6), length, runs);
        countRuns(binary.col(binary.cols * k / 6), length, runs);
    }
    return std::clamp(length / runs / 2, 1.0, 32.0);
}

double moduleEdgeAxis(const cv::Mat& gx, const cv::Mat& gy) {
    // A gradient g = |g| e^(i t) votes |g| e^(4 i t) = g^4 / |g|^3: the fourth power of the complex
    // number needs no trigonometry, which a pixel loop would pay for many times a frame.
    double c = 0, s = 0;
    for (int y = 0; y < gx.rows; ++y) {
        const auto* px = gx.ptr<float>(y);
        const auto* py = gy.ptr<float>(y);
        for (int x = 0; x < gx.cols; ++x) {
            const double a = px[x], b = py[x];
            const double m2 = a * a + b * b;
            if (m2 < 1) continue;
            const double re2 = a * a - b * b, im2 = 2 * a * b;  // g^2
            const double weight = 1 / (m2 * std::sqrt(m2));
            c += (re2 * re2 - im2 * im2) * weight;
            s += 2 * re2 * im2 * weight;
        }
    }
    if (c == 0 && s == 0) return 0;
    return std::atan2(s, c) / 4 * 180 / CV_PI;
}

cv::RotatedRect squaredToModules(const cv::Mat& luma, cv::RotatedRect box) {
    const cv::Rect whole = box.boundingRect() & cv::Rect(0, 0, luma.cols, luma.rows);
    const cv::Rect middle(whole.x + whole.width / 4, whole.y + whole.height / 4, whole.width / 2, whole.height / 2);
    if (middle.width < 8 || middle.height < 8) return box;
    cv::Mat gx, gy;
    cv::Sobel(luma(middle), gx, CV_32F, 1, 0);
    cv::Sobel(luma(middle), gy, CV_32F, 0, 1);
    const double axis = moduleEdgeAxis(gx, gy);
    // The turn from the box's angle to the modules' axis, the short way round.
    double turn = std::fmod(axis - box.angle, 90.0);
    if (turn < -45) turn += 90;
    if (turn >= 45) turn -= 90;
    box.angle += static_cast<float>(turn);
    return box;
}

Crop cropAround(const cv::Mat& luma, cv::RotatedRect box, double scale, bool isolate) {
    // Turned so that the longer side runs across: a linear code's bars then stand upright, where
    // the rows ZXing scans cross all of them.
    if (box.size.width < box.size.height) {
        std::swap(box.size.width, box.size.height);
        box.angle += 90;
    }
    // Room for the quiet zone and for a box that clipped the code's edge.
    const double width = (box.size.width * 1.3 + 24) * scale;
    const double height = (box.size.height * 1.3 + 24) * scale;
    cv::Matx23d toCrop = cv::getRotationMatrix2D(box.center, box.angle, scale);
    toCrop(0, 2) += width / 2 - box.center.x;
    toCrop(1, 2) += height / 2 - box.center.y;
    Crop crop;
    // Enlarging a code held far away: cubic keeps a two-pixel module's edges steeper than linear.
    const int interpolation = scale > 1.2 ? cv::INTER_CUBIC : cv::INTER_LINEAR;
    cv::warpAffine(luma, crop.luma, toCrop, {static_cast<int>(width), static_cast<int>(height)}, interpolation,
                   cv::BORDER_REPLICATE);
    cv::invertAffineTransform(toCrop, crop.toFrame);
    if (isolate) {
        // Everything around the box becomes plain paper: a caption or a line beside a DataMatrix
        // or an Aztec code otherwise leads ZXing 1.4's detector astray.
        const cv::Rect keep =
            cv::Rect(static_cast<int>((width - box.size.width * scale) / 2),
                     static_cast<int>((height - box.size.height * scale) / 2), static_cast<int>(box.size.width * scale),
                     static_cast<int>(box.size.height * scale)) &
            cv::Rect(0, 0, crop.luma.cols, crop.luma.rows);
        cv::Mat paper(crop.luma.size(), CV_8UC1, cv::Scalar(percentile(crop.luma, 0.95)));
        crop.luma(keep).copyTo(paper(keep));
        crop.luma = paper;
    }
    return crop;
}

Crop centredOnInk(const Crop& crop) {
    cv::Mat ink;
    cv::threshold(crop.luma, ink, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
    // Specks of noise or JPEG must not count; then the modules are joined into one blob while a
    // caption a few modules away stays a blob of its own.
    cv::morphologyEx(ink, ink, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
    cv::dilate(ink, ink, cv::getStructuringElement(cv::MORPH_RECT, {7, 7}));
    cv::Mat labels, stats, centroids;
    const int count = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
    const cv::Point middle(crop.luma.cols / 2, crop.luma.rows / 2);
    int best = 0, bestArea = 0;
    for (int i = 1; i < count; ++i) {
        const cv::Rect r(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                         stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
        // The code is the largest blob, counted double when it covers the middle of the crop.
        const int area = stats.at<int>(i, cv::CC_STAT_AREA) * (r.contains(middle) ? 2 : 1);
        if (area > bestArea) best = i, bestArea = area;
    }
    if (best == 0) return crop;
    const cv::Rect box(stats.at<int>(best, cv::CC_STAT_LEFT), stats.at<int>(best, cv::CC_STAT_TOP),
                       stats.at<int>(best, cv::CC_STAT_WIDTH), stats.at<int>(best, cv::CC_STAT_HEIGHT));
    const double dx = middle.x - (box.x + box.width / 2.0);
    const double dy = middle.y - (box.y + box.height / 2.0);
    // Only the code's blob is kept, moved to the middle, on plain paper.
    const cv::Scalar paper(percentile(crop.luma, 0.95));
    cv::Mat kept(crop.luma.size(), CV_8UC1, paper);
    crop.luma(box).copyTo(kept(box));
    Crop moved;
    const cv::Matx23d shift(1, 0, dx, 0, 1, dy);
    cv::warpAffine(kept, moved.luma, shift, crop.luma.size(), cv::INTER_NEAREST, cv::BORDER_CONSTANT, paper);
    // A pixel p of the moved crop was p - (dx, dy) in the old one.
    moved.toFrame = crop.toFrame;
    moved.toFrame(0, 2) -= crop.toFrame(0, 0) * dx + crop.toFrame(0, 1) * dy;
    moved.toFrame(1, 2) -= crop.toFrame(1, 0) * dx + crop.toFrame(1, 1) * dy;
    return moved;
}

cv::Mat enhanced(const cv::Mat& luma) {
    const int lo = percentile(luma, 0.01);
    const int hi = percentile(luma, 0.99);
    cv::Mat stretched;
    const double gain = hi > lo ? 255.0 / (hi - lo) : 1.0;
    luma.convertTo(stretched, CV_8U, gain, -lo * gain);
    cv::Mat blurred, sharp;
    cv::GaussianBlur(stretched, blurred, {}, 1.2);
    cv::addWeighted(stretched, 1.8, blurred, -0.8, 0, sharp);
    return sharp;
}

cv::Mat averagedAlongBars(const cv::Mat& luma) {
    cv::Mat averaged;
    const int band = std::max(3, luma.rows / 3);
    cv::blur(luma, averaged, {1, band}, {-1, -1}, cv::BORDER_REPLICATE);
    return enhanced(averaged);
}

cv::Mat locallyThresholded(const cv::Mat& luma) {
    cv::Mat binary;
    const int block = std::max(15, (std::min(luma.cols, luma.rows) / 8) | 1);
    cv::adaptiveThreshold(luma, binary, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY, block, 5);
    return binary;
}

}  // namespace kiosk::vision
