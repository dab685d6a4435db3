#include "kiosk/vision/barcode_grid.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace kiosk::vision {
namespace {

// The angle (degrees, modulo 90) of the module edges inside `area`.
double moduleAxis(const cv::Mat& luma, cv::Rect area) {
    area &= cv::Rect(0, 0, luma.cols, luma.rows);
    if (area.width < 3 || area.height < 3) return 0;
    cv::Mat gx, gy;
    cv::Sobel(luma(area), gx, CV_32F, 1, 0);
    cv::Sobel(luma(area), gy, CV_32F, 0, 1);
    return moduleEdgeAxis(gx, gy);
}

struct Line {
    cv::Point2f a, b;
};

cv::Point2f crossing(const Line& p, const Line& q) {
    const cv::Point2f r = p.b - p.a, s = q.b - q.a;
    const float den = r.x * s.y - r.y * s.x;
    if (std::abs(den) < 1e-6F) return p.a;
    const float t = ((q.a.x - p.a.x) * s.y - (q.a.y - p.a.y) * s.x) / den;
    return p.a + t * r;
}

enum Side { kTop, kRight, kBottom, kLeft };

// Grows a box from `box` until a band `band` pixels wide beyond each side holds no dark pixel.
// False when the box reaches the image's edge (the code is not all inside).
bool grownToPaper(const cv::Mat& dark, cv::Rect& box, int band) {
    const cv::Rect all(0, 0, dark.cols, dark.rows);
    const auto inked = [&](cv::Rect r) {
        r &= all;
        return !r.empty() && cv::countNonZero(dark(r)) > 0;
    };
    for (bool moved = true; moved;) {
        moved = false;
        if (inked({box.x, box.y - band, box.width, band})) --box.y, ++box.height, moved = true;
        if (inked({box.x, box.y + box.height, box.width, band})) ++box.height, moved = true;
        if (inked({box.x - band, box.y, band, box.height})) --box.x, ++box.width, moved = true;
        if (inked({box.x + box.width, box.y, band, box.height})) ++box.width, moved = true;
        if (box.x <= 0 || box.y <= 0 || box.x + box.width >= dark.cols || box.y + box.height >= dark.rows) return false;
    }
    return true;
}

// Moves `box` (around the region's core) onto the code's own ink: the core may lie at the code's
// edge when the region held a caption or a word too, and a box that starts outside the code grows
// over the quiet zone into whatever lies beyond. The code is the largest blob of ink, its modules
// joined, that meets the box and not the image's edge (a dark background does). `tilt` is how
// many degrees the blob's sides lean.
bool startedInCode(const cv::Mat& dark, cv::Rect& box, double moduleSize, double& tilt) {
    const int k = std::max(3, static_cast<int>(std::lround(1.2 * moduleSize)) | 1);
    cv::Mat joined, labels, stats, centroids;
    cv::morphologyEx(dark, joined, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {k, k}));
    const int count = cv::connectedComponentsWithStats(joined, labels, stats, centroids, 8, CV_32S);
    int best = 0, bestArea = 0;
    for (int i = 1; i < count; ++i) {
        const cv::Rect r(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                         stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
        const bool atEdge = r.x == 0 || r.y == 0 || r.x + r.width == dark.cols || r.y + r.height == dark.rows;
        const int area = stats.at<int>(i, cv::CC_STAT_AREA);
        if (!atEdge && (r & box).area() > 0 && area > bestArea) best = i, bestArea = area;
    }
    if (best == 0) return false;
    const cv::Rect blob(stats.at<int>(best, cv::CC_STAT_LEFT), stats.at<int>(best, cv::CC_STAT_TOP),
                        stats.at<int>(best, cv::CC_STAT_WIDTH), stats.at<int>(best, cv::CC_STAT_HEIGHT));
    // The blob's own outline tells how far the module edges' angle missed (blur, and motion blur
    // most, pull it towards the direction of the smear).
    std::vector<cv::Point> points;
    cv::findNonZero(labels == best, points);
    tilt = std::fmod(static_cast<double>(cv::minAreaRect(points).angle), 90.0);
    if (tilt > 45) tilt -= 90;
    if (tilt < -45) tilt += 90;
    // The middle of the blob: growing from there finds its true extent.
    const int half = std::max(1, std::min(blob.width, blob.height) / 4);
    box = cv::Rect(blob.x + blob.width / 2 - half, blob.y + blob.height / 2 - half, 2 * half, 2 * half);
    return true;
}

// The code's neighbourhood turned upright, dark and light split as inside the code, and the
// box grown from the code's ink until paper surrounds it.
struct UprightCode {
    cv::Mat dark;
    cv::Rect box;
    cv::Matx23d toUpright;
    double scale = 1;
};

std::optional<UprightCode> uprightCode(const cv::Mat& luma, const CodeRegion& region, double moduleSize) {
    const cv::Point2f core = region.core;
    const float radius = region.coreRadius;
    double axis = moduleAxis(luma, cv::Rect(cv::Point(cvRound(core.x - 0.6F * radius), cvRound(core.y - 0.6F * radius)),
                                            cv::Size(cvRound(1.2F * radius), cvRound(1.2F * radius))));
    // The window: the whole region with room for a quiet zone (a rectangular DataMatrix reaches
    // far beyond `radius` from the core, which may lie near one end), unless the region is much
    // longer than any code it can hold (a code joined to a line of text): then around the core.
    cv::Point2f centre = region.box.center;
    const double reach = std::max(region.box.size.width, region.box.size.height) / 2.0;
    double window = std::max(2.4 * reach, 2 * (cv::norm(core - centre) + 1.7 * radius));
    if (window > 9.0 * radius) centre = core, window = std::clamp(2.4 * reach, 3.4 * radius, 9.0 * radius);
    // Turned upright; small modules are doubled so that the outline falls between pixels. Once
    // more when the code's blob still leans: the box grown around it must not cut the corners.
    UprightCode u;
    u.scale = moduleSize < 3 ? 2.0 : 1.0;
    const double scale = u.scale;
    const int side = static_cast<int>(window * scale) + 8;
    cv::Matx23d& toUpright = u.toUpright;
    cv::Mat upright;
    cv::Mat& dark = u.dark;
    cv::Rect& box = u.box;
    for (int attempt = 0;; ++attempt) {
        toUpright = cv::getRotationMatrix2D(centre, axis, scale);
        toUpright(0, 2) += side / 2.0 - centre.x;
        toUpright(1, 2) += side / 2.0 - centre.y;
        cv::warpAffine(luma, upright, toUpright, {side, side}, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
        const cv::Point2d coreUpright(toUpright(0, 0) * core.x + toUpright(0, 1) * core.y + toUpright(0, 2),
                                      toUpright(1, 0) * core.x + toUpright(1, 1) * core.y + toUpright(1, 2));
        // Dark and light split as inside the code, where about half the modules are each.
        const int start = std::max(2, static_cast<int>(0.3 * radius * scale));
        box = cv::Rect(cvRound(coreUpright.x) - start, cvRound(coreUpright.y) - start, 2 * start, 2 * start) &
              cv::Rect(0, 0, side, side);
        if (box.width < 2 || box.height < 2) return std::nullopt;
        cv::Mat ignored;
        const double threshold = cv::threshold(upright(box), ignored, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
        dark = upright < threshold;
        double tilt = 0;
        if (!startedInCode(dark, box, moduleSize * scale, tilt)) return std::nullopt;
        if (attempt > 0 || std::abs(tilt) < 1.5) break;
        axis += tilt;
    }
    if (!grownToPaper(dark, box, std::max(2, static_cast<int>(std::ceil(1.6 * moduleSize * scale)))))
        return std::nullopt;
    // A matrix code changes from dark to light as often down as across; a linear code (or a
    // stacked one's rows) hardly ever along its bars.
    {
        cv::Mat across, down;
        cv::absdiff(dark(box).colRange(1, box.width), dark(box).colRange(0, box.width - 1), across);
        cv::absdiff(dark(box).rowRange(1, box.height), dark(box).rowRange(0, box.height - 1), down);
        const double a = cv::countNonZero(across) / static_cast<double>(box.height);
        const double d = cv::countNonZero(down) / static_cast<double>(box.width);
        if (std::min(a, d) < 0.3 * std::max(a, d)) return std::nullopt;
    }
    // No Aztec or DataMatrix code is longer than this: a longer box is a linear code or a word.
    if (std::max(box.width, box.height) > 4.5 * std::min(box.width, box.height)) return std::nullopt;
    return u;
}

// The code's outline in the upright image: each side is the edge of the ink's convex hull that
// most of that side's outermost dark pixels touch. Corners in `box`'s image, clockwise from the
// top-left.
std::optional<CodeQuad> inkOutline(const cv::Mat& dark, cv::Rect box, double tolerance) {
    // Each side's profile: the outermost dark pixel of every row or column.
    std::array<std::vector<cv::Point2f>, 4> profile;
    std::vector<cv::Point> ink;
    for (int y = box.y; y < box.y + box.height; ++y) {
        const auto* row = dark.ptr<std::uint8_t>(y);
        for (int x = box.x; x < box.x + box.width; ++x)
            if (row[x]) ink.emplace_back(x, y);
    }
    if (ink.size() < 16) return std::nullopt;
    {
        std::vector<int> left(static_cast<std::size_t>(dark.rows), -1), right(left),
            top(static_cast<std::size_t>(dark.cols), -1), bottom(top);
        for (const auto& p : ink) {
            const auto y = static_cast<std::size_t>(p.y), x = static_cast<std::size_t>(p.x);
            if (left[y] < 0) left[y] = p.x;
            right[y] = p.x;
            if (top[x] < 0 || p.y < top[x]) top[x] = p.y;
            bottom[x] = std::max(bottom[x], p.y);
        }
        for (int y = 0; y < dark.rows; ++y)
            if (const auto i = static_cast<std::size_t>(y); left[i] >= 0) {
                profile[kLeft].emplace_back(left[i], y);
                profile[kRight].emplace_back(right[i], y);
            }
        for (int x = 0; x < dark.cols; ++x)
            if (const auto i = static_cast<std::size_t>(x); top[i] >= 0) {
                profile[kTop].emplace_back(x, top[i]);
                profile[kBottom].emplace_back(x, bottom[i]);
            }
    }
    // Every edge of the ink's convex hull has all ink on one side; of those along a side, the one
    // most of the side's profile touches is the code's edge there (not a shortcut across a corner
    // whose outer modules happen to be light).
    std::vector<cv::Point> hull;
    cv::convexHull(ink, hull);
    const cv::Point2f middle(static_cast<float>(box.x) + static_cast<float>(box.width) / 2,
                             static_cast<float>(box.y) + static_cast<float>(box.height) / 2);
    std::array<int, 4> support{};
    std::array<Line, 4> edges{};
    for (std::size_t i = 0; i < hull.size(); ++i) {
        const cv::Point2f a = hull[i], b = hull[(i + 1) % hull.size()];
        const cv::Point2f d = b - a, halfway = (a + b) * 0.5F - middle;
        const double length = cv::norm(d);
        if (length < 1) continue;
        const Side s =
            std::abs(d.x) > std::abs(d.y) ? (halfway.y < 0 ? kTop : kBottom) : (halfway.x > 0 ? kRight : kLeft);
        const cv::Point2f normal(static_cast<float>(-d.y / length), static_cast<float>(d.x / length));
        const auto touching = static_cast<int>(std::count_if(profile[s].begin(), profile[s].end(), [&](cv::Point2f p) {
            return std::abs((p - a).dot(normal)) <= tolerance;
        }));
        if (touching > support[s]) support[s] = touching, edges[s] = {a, b};
    }
    if (*std::min_element(support.begin(), support.end()) < 2) return std::nullopt;

    return CodeQuad{crossing(edges[kLeft], edges[kTop]), crossing(edges[kTop], edges[kRight]),
                    crossing(edges[kRight], edges[kBottom]), crossing(edges[kBottom], edges[kLeft])};
}

}  // namespace

std::optional<CodeQuad> matrixCodeOutline(const cv::Mat& luma, const CodeRegion& region, double moduleSize) {
    if (region.coreRadius < 4) return std::nullopt;
    const auto upright = uprightCode(luma, region, moduleSize);
    if (!upright) return std::nullopt;
    const cv::Rect& box = upright->box;
    auto quad = inkOutline(upright->dark, box, std::max(0.8, 0.35 * moduleSize * upright->scale));
    if (!quad) return std::nullopt;
    const cv::Point2f middle(static_cast<float>(box.x) + static_cast<float>(box.width) / 2,
                             static_cast<float>(box.y) + static_cast<float>(box.height) / 2);
    cv::Matx23d toFrame;
    cv::invertAffineTransform(upright->toUpright, toFrame);
    for (auto& p : *quad) {
        // A sane outline stays near the grown box.
        if (std::abs(p.x - middle.x) > static_cast<float>(box.width) ||
            std::abs(p.y - middle.y) > static_cast<float>(box.height))
            return std::nullopt;
        // The hull runs through the outermost dark pixels' centres; the code's edge is about half
        // a pixel further out.
        const cv::Point2f out = p - middle;
        p += out * static_cast<float>(0.7 / std::max(1.0, cv::norm(out)));
        p = {static_cast<float>(toFrame(0, 0) * p.x + toFrame(0, 1) * p.y + toFrame(0, 2)),
             static_cast<float>(toFrame(1, 0) * p.x + toFrame(1, 1) * p.y + toFrame(1, 2))};
    }
    return quad;
}

namespace {

// The grey level at the middle of every module of a grid of `size` laid into `quad`, and each
// module's surroundings (the mean over up to 9 x 9 modules: random data is about half dark
// everywhere, so a module is dark when it is darker than its surroundings).
struct SampledGrid {
    cv::Mat grey, around;  // rows x cols, 32-bit float
};

SampledGrid sampled(const cv::Mat& luma, const CodeQuad& quad, GridSize size) {
    const auto w = static_cast<float>(size.cols), h = static_cast<float>(size.rows);
    const std::array<cv::Point2f, 4> grid = {cv::Point2f(0, 0), cv::Point2f(w, 0), cv::Point2f(w, h),
                                             cv::Point2f(0, h)};
    const cv::Matx33d toFrame = cv::getPerspectiveTransform(grid.data(), quad.data());
    cv::Mat mapX(size.rows, size.cols, CV_32F), mapY(size.rows, size.cols, CV_32F);
    for (int i = 0; i < size.rows; ++i)
        for (int j = 0; j < size.cols; ++j) {
            const cv::Vec3d p = toFrame * cv::Vec3d(j + 0.5, i + 0.5, 1);
            mapX.at<float>(i, j) = static_cast<float>(p[0] / p[2]);
            mapY.at<float>(i, j) = static_cast<float>(p[1] / p[2]);
        }
    SampledGrid g;
    cv::Mat grey8;
    cv::remap(luma, grey8, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    grey8.convertTo(g.grey, CV_32F);
    const int window = std::min(std::min(size.cols, size.rows) | 1, 9);
    cv::blur(g.grey, g.around, {window, window}, {-1, -1}, cv::BORDER_REFLECT);
    return g;
}

// How far the modules' middles stand out from their surroundings: largest when every sample
// falls in a module's middle, smaller when samples straddle two modules.
double sharpness(const SampledGrid& g) {
    cv::Mat diff;
    cv::absdiff(g.grey, g.around, diff);
    return cv::mean(diff)[0];
}

// `quad` with side `side` (0 top, 1 right, 2 bottom, 3 left) moved outwards by `by` pixels.
CodeQuad movedSide(const CodeQuad& quad, int side, double by) {
    const auto a = static_cast<std::size_t>(side), b = (a + 1) % 4;
    const cv::Point2f along = quad[b] - quad[a];
    const double length = cv::norm(along);
    if (length < 1) return quad;
    // The corners run clockwise on screen, so the outward normal of a side is its direction turned left.
    const cv::Point2f outward(static_cast<float>(along.y / length), static_cast<float>(-along.x / length));
    CodeQuad moved = quad;
    moved[a] += outward * static_cast<float>(by);
    moved[b] += outward * static_cast<float>(by);
    // The neighbouring sides keep their lines: the moved corners slide along them.
    const std::array<Line, 4> lines = {Line{moved[0], moved[1]}, Line{moved[1], moved[2]}, Line{moved[2], moved[3]},
                                       Line{moved[3], moved[0]}};
    const std::array<Line, 4> kept = {Line{quad[0], quad[1]}, Line{quad[1], quad[2]}, Line{quad[2], quad[3]},
                                      Line{quad[3], quad[0]}};
    const auto before = (a + 3) % 4, after = b;
    moved[a] = crossing(kept[before], lines[a]);
    moved[b] = crossing(lines[a], kept[after]);
    return moved;
}

}  // namespace

FittedGrid laidGrid(const cv::Mat& luma, const CodeQuad& outline, GridSize size) {
    return {outline, size, sharpness(sampled(luma, outline, size))};
}

FittedGrid fittedGrid(const cv::Mat& luma, const FittedGrid& laid) {
    const CodeQuad& outline = laid.quad;
    FittedGrid best = laid;
    // A module's width (for the left and right sides) and height (top and bottom).
    const double across =
        (cv::norm(outline[1] - outline[0]) + cv::norm(outline[2] - outline[3])) / (2.0 * laid.size.cols);
    const double down =
        (cv::norm(outline[3] - outline[0]) + cv::norm(outline[2] - outline[1])) / (2.0 * laid.size.rows);
    // Each side in turn moved by a quarter or half a module, twice round: a side found a pixel off
    // (blur, a light outer module) leaves the far modules half a module out of step. (Turning the
    // sides as well costs twice the time and reads no more codes.)
    for (int round = 0; round < 2; ++round)
        for (int side = 0; side < 4; ++side) {
            const CodeQuad start = best.quad;
            const double module = side % 2 == 0 ? down : across;
            for (const double step : {-0.5, -0.25, 0.25, 0.5}) {
                const CodeQuad tried = movedSide(start, side, step * module);
                const double score = sharpness(sampled(luma, tried, laid.size));
                if (score > best.sharpness) best.quad = tried, best.sharpness = score;
            }
        }
    return best;
}

Crop redrawnGrid(const cv::Mat& luma, const CodeQuad& quad, GridSize size, int modulePx, GridThreshold threshold) {
    const SampledGrid grid = sampled(luma, quad, size);
    cv::Mat grey = grid.grey;
    cv::Mat around = grid.around;
    if (threshold == GridThreshold::Unblurred) {
        // Blur spreads each module into its neighbours; taking the neighbours' mean back out
        // undoes much of it at the modules' own scale.
        cv::Mat neighbours;
        cv::blur(grey, neighbours, {3, 3}, {-1, -1}, cv::BORDER_REPLICATE);
        grey = grey * 3.0 - neighbours * 2.0;
    }
    if (threshold == GridThreshold::Global) {
        cv::Mat grey8, ignored;
        grey.convertTo(grey8, CV_8U);
        around.setTo(cv::threshold(grey8, ignored, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU) + 0.5);
    }
    constexpr int kQuiet = 3;
    Crop drawn;
    drawn.luma =
        cv::Mat((size.rows + 2 * kQuiet) * modulePx, (size.cols + 2 * kQuiet) * modulePx, CV_8UC1, cv::Scalar(255));
    for (int i = 0; i < size.rows; ++i)
        for (int j = 0; j < size.cols; ++j)
            if (grey.at<float>(i, j) < around.at<float>(i, j))
                drawn.luma(cv::Rect((j + kQuiet) * modulePx, (i + kQuiet) * modulePx, modulePx, modulePx)).setTo(0);
    // Three of the code's corners fix the affine map back (exact there, near elsewhere).
    const auto q = static_cast<float>(kQuiet * modulePx);
    const auto right = static_cast<float>((kQuiet + size.cols) * modulePx);
    const auto bottom = static_cast<float>((kQuiet + size.rows) * modulePx);
    const std::array<cv::Point2f, 3> from = {cv::Point2f(q, q), cv::Point2f(right, q), cv::Point2f(q, bottom)};
    const std::array<cv::Point2f, 3> to = {quad[0], quad[1], quad[3]};
    drawn.toFrame = cv::Matx23d(cv::getAffineTransform(from.data(), to.data()));
    return drawn;
}

std::vector<GridSize> likelyGridSizes(std::span<const GridSize> sizes, const CodeQuad& outline, double moduleSize) {
    const double width = (cv::norm(outline[1] - outline[0]) + cv::norm(outline[2] - outline[3])) / 2;
    const double height = (cv::norm(outline[3] - outline[0]) + cv::norm(outline[2] - outline[1])) / 2;
    const double shape = width / std::max(1.0, height);
    std::vector<GridSize> out;
    for (GridSize n : sizes) {
        if (height > width) std::swap(n.cols, n.rows);  // the symbol stands on its side
        const double want = static_cast<double>(n.cols) / n.rows;
        const double px = std::min(width / n.cols, height / n.rows);
        if (shape > want * 0.75 && shape < want / 0.75 && px >= 1.5 && px <= 12) out.push_back(n);
    }
    const double guess = std::max(width, height) / std::max(1.0, moduleSize);
    const auto distance = [&](GridSize n) { return std::abs(std::max(n.cols, n.rows) - guess); };
    std::stable_sort(out.begin(), out.end(), [&](GridSize a, GridSize b) { return distance(a) < distance(b); });
    return out;
}

}  // namespace kiosk::vision
