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
    std::sort(regions.begin(), regions.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
    if (regions.size() > limit) regions.resize(limit);
    return regions;
}

}  // namespace kiosk::vision
