#include "kiosk/vision/barcode_regions.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace kiosk::vision {
namespace {

// The half-size copy is enough: a module of 2 frame pixels still leaves an edge in every pixel.
constexpr float kScale = 0.5F;
// Blobs smaller than this (half-size pixels) are specks of text or noise, not a code worth a pass.
constexpr double kMinArea = 14.0 * 14.0;
constexpr double kMinDensity = 0.45;
// Two pieces of one bar code: sides within 8 degrees, heights within a quarter, centres in line
// within a quarter of the height, and apart by at most 0.6 of the height.
const float kJoinCos = static_cast<float>(std::cos(8.0 * CV_PI / 180.0));
constexpr float kJoinHeightShare = 0.25F;
constexpr float kJoinOffsetShare = 0.25F;
constexpr float kJoinGapShare = 0.6F;

float dot(cv::Point2f a, cv::Point2f b) { return a.x * b.x + a.y * b.y; }

// A box's two sides as directions and lengths.
struct Sides {
    cv::Point2f dir[2];
    float length[2];
};

Sides sidesOf(const cv::RotatedRect& box) {
    const float a = box.angle * static_cast<float>(CV_PI / 180.0);
    return {{{std::cos(a), std::sin(a)}, {-std::sin(a), std::cos(a)}}, {box.size.width, box.size.height}};
}

// The wide spaces of a bar code (four modules of paper) can split it into pieces side by side, as
// tall as each other and in line.
bool inLine(const CodeRegion& a, const CodeRegion& b) {
    const Sides sa = sidesOf(a.box);
    const Sides sb = sidesOf(b.box);
    const cv::Point2f d = b.box.center - a.box.center;
    for (int i = 0; i < 2; ++i) {
        const cv::Point2f along = sa.dir[i];
        const cv::Point2f across = sa.dir[1 - i];
        for (int j = 0; j < 2; ++j) {
            if (std::abs(dot(along, sb.dir[j])) < kJoinCos) continue;
            const float tallA = sa.length[1 - i], tallB = sb.length[1 - j];
            if (std::abs(tallA - tallB) > kJoinHeightShare * std::max(tallA, tallB)) continue;
            if (std::abs(dot(d, across)) > kJoinOffsetShare * tallA) continue;
            const float gap = std::abs(dot(d, along)) - (sa.length[i] + sb.length[j]) / 2;
            if (gap <= kJoinGapShare * tallA) return true;
        }
    }
    return false;
}

// Each chain of pieces in line, as one more region around all of them, ranked by their scores
// together; the pieces stay candidates of their own.
void addJoinedPieces(std::vector<CodeRegion>& regions) {
    const std::size_t pieces = regions.size();
    std::vector<std::size_t> group(pieces);
    for (std::size_t i = 0; i < pieces; ++i) group[i] = i;
    const auto root = [&](std::size_t i) {
        while (group[i] != i) i = group[i] = group[group[i]];
        return i;
    };
    for (std::size_t i = 0; i < pieces; ++i)
        for (std::size_t j = i + 1; j < pieces; ++j)
            if (inLine(regions[i], regions[j])) group[root(j)] = root(i);
    for (std::size_t g = 0; g < pieces; ++g) {
        std::vector<cv::Point2f> corners;
        const CodeRegion* best = nullptr;
        double score = 0;
        for (std::size_t i = 0; i < pieces; ++i) {
            if (root(i) != g) continue;
            cv::Point2f p[4];
            regions[i].box.points(p);
            corners.insert(corners.end(), p, p + 4);
            if (!best || regions[i].score > best->score) best = &regions[i];
            score += regions[i].score;
        }
        if (corners.size() < 8) continue;
        CodeRegion whole = *best;
        whole.box = cv::minAreaRect(corners);
        whole.score = score;
        regions.push_back(whole);
    }
}

}  // namespace

std::vector<CodeRegion> findCodeRegions(const cv::Mat& luma, std::size_t limit) {
    std::vector<CodeRegion> regions;
    if (luma.empty() || limit == 0) return regions;
    cv::Mat small;
    cv::resize(luma, small, {}, kScale, kScale, cv::INTER_AREA);
    if (small.cols < 8 || small.rows < 8) return regions;

    cv::Mat gradient;
    cv::morphologyEx(small, gradient, cv::MORPH_GRADIENT, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
    // Otsu splits flat areas from edges; the floor keeps sensor noise on a blank wall out, the cap lets a
    // low-contrast code (a third of the range, blurred) still count as edges.
    cv::Mat edges;
    const double otsu = cv::threshold(gradient, edges, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    cv::threshold(gradient, edges, std::clamp(otsu, 12.0, 40.0), 255, cv::THRESH_BINARY);

    // Where edges are dense: a code's modules make edges nearly everywhere, the strokes of a word
    // or a caption beside the code leave gaps that keep it apart from the code.
    cv::Mat nearby;
    cv::boxFilter(edges, nearby, CV_32F, {7, 7}, {-1, -1}, true, cv::BORDER_REPLICATE);
    cv::Mat blobs;
    cv::compare(nearby, 255.0 * kMinDensity, blobs, cv::CMP_GT);
    cv::morphologyEx(blobs, blobs, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {5, 5}));
    // Opening drops thin lines (a cable, a table edge) that the closing made continuous.
    cv::morphologyEx(blobs, blobs, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {5, 5}));

    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(blobs, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    const auto toFrame = [](cv::Point2f p) { return cv::Point2f(p.x / kScale, p.y / kScale); };
    for (const auto& contour : contours) {
        const double area = cv::contourArea(contour);
        if (area < kMinArea) continue;
        const cv::RotatedRect box = cv::minAreaRect(contour);
        const double boxArea = static_cast<double>(box.size.area());
        const cv::Rect bounds = cv::boundingRect(contour);
        if (boxArea <= 0 || bounds.empty()) continue;
        // The blob alone, for its deepest point: a caption or a line that the closing joined to the
        // code is thinner than the code, so the point farthest from the blob's edge lies in the code.
        // A one-pixel margin: distanceTransform counts the image's own border as inside.
        cv::Mat padded(bounds.height + 2, bounds.width + 2, CV_8UC1, cv::Scalar(0));
        cv::drawContours(padded, std::vector<std::vector<cv::Point>>{contour}, 0, cv::Scalar(255), cv::FILLED,
                         cv::LINE_8, cv::noArray(), 0, cv::Point(1, 1) - bounds.tl());
        cv::Mat depth;
        cv::distanceTransform(padded, depth, cv::DIST_L2, 3);
        double radius = 0;
        cv::Point deepest;
        cv::minMaxLoc(depth, nullptr, &radius, nullptr, &deepest);
        deepest -= cv::Point(1, 1);
        const cv::Mat mask = padded(cv::Rect(1, 1, bounds.width, bounds.height));
        // A code is edges nearly everywhere inside; a word or a photo much less so. Words are also
        // thin, so the depth ranks them below any code large enough to read.
        const double edgeShare = cv::mean(edges(bounds), mask)[0] / 255.0;
        const double solidity = area / boxArea;
        CodeRegion region;
        region.box =
            cv::RotatedRect(toFrame(box.center), {box.size.width / kScale, box.size.height / kScale}, box.angle);
        region.core = toFrame(cv::Point2f(deepest + bounds.tl()));
        region.coreRadius = static_cast<float>(radius / kScale);
        region.score = radius * edgeShare * std::sqrt(solidity);
        regions.push_back(region);
    }
    addJoinedPieces(regions);
    std::sort(regions.begin(), regions.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
    if (regions.size() > limit) regions.resize(limit);
    return regions;
}

}  // namespace kiosk::vision
