#include "kiosk/vision/mrz_zone_finder.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace kiosk::vision {
namespace {

// Detection runs at this width: an MRZ character is still 5 or more pixels there, and the
// morphology costs a quarter of full size.
constexpr int kWorkWidth = 640;

struct Segment {
    cv::Point2f centre;
    cv::Point2f dir;  // unit, pointing right
    float length = 0;
    float height = 0;

    cv::Point2f normal() const { return {-dir.y, dir.x}; }  // pointing down
};

float dot(cv::Point2f a, cv::Point2f b) { return a.x * b.x + a.y * b.y; }

Segment segmentOf(const cv::RotatedRect& box) {
    cv::Point2f p[4];
    box.points(p);
    const cv::Point2f e1 = p[1] - p[0];
    const cv::Point2f e2 = p[2] - p[1];
    const float l1 = static_cast<float>(cv::norm(e1));
    const float l2 = static_cast<float>(cv::norm(e2));
    Segment s;
    s.centre = box.center;
    const cv::Point2f along = l1 >= l2 ? e1 : e2;
    s.length = std::max(l1, l2);
    s.height = std::min(l1, l2);
    s.dir = along * (1.0f / std::max(s.length, 1e-3f));
    if (s.dir.x < 0) s.dir = -s.dir;
    return s;
}

// Two pieces of one line (broken by glare or a faint run of fillers) become one.
bool mergeCollinear(Segment& a, const Segment& b) {
    if (std::abs(a.dir.x * b.dir.y - a.dir.y * b.dir.x) > 0.07f) return false;
    const cv::Point2f d = b.centre - a.centre;
    const float across = std::abs(dot(d, a.normal()));
    if (across > 0.6f * std::max(a.height, b.height)) return false;
    const float along = dot(d, a.dir);
    const float gap = std::abs(along) - (a.length + b.length) / 2;
    if (gap > 1.5f * std::max(a.height, b.height)) return false;
    const float lo = std::min(-a.length / 2, along - b.length / 2);
    const float hi = std::max(a.length / 2, along + b.length / 2);
    a.centre += a.dir * ((lo + hi) / 2);
    a.length = hi - lo;
    a.height = std::max(a.height, b.height);
    return true;
}

std::vector<Segment> textLines(const cv::Mat& small) {
    cv::Mat blackhat, mask;
    cv::morphologyEx(small, blackhat, cv::MORPH_BLACKHAT, cv::getStructuringElement(cv::MORPH_RECT, {11, 7}));
    const double otsu = cv::threshold(blackhat, mask, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    // Somewhat below Otsu's level, so that the faint strokes of a run of fillers stay joined.
    cv::threshold(blackhat, mask, std::max(12.0, 0.75 * otsu), 255, cv::THRESH_BINARY);
    // A page's edge against a dark desk shows as a tall thin line that would join every text line
    // beside it into one blob: what is taller than any character is taken out first.
    cv::Mat tall;
    cv::morphologyEx(mask, tall, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {1, 17}));
    mask -= tall;
    cv::morphologyEx(mask, mask, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {7, 1}));
    cv::morphologyEx(mask, mask, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {3, 2}));

    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(mask, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    std::vector<Segment> pieces;
    for (const auto& c : contours) {
        if (c.size() < 4) continue;
        const Segment s = segmentOf(cv::minAreaRect(c));
        if (s.length < 12 || s.height < 2.5f || s.height > 40 || s.length < 1.5f * s.height) continue;
        pieces.push_back(s);
    }
    std::sort(pieces.begin(), pieces.end(), [](const Segment& a, const Segment& b) { return a.length > b.length; });
    std::vector<Segment> lines;
    for (const auto& p : pieces) {
        bool merged = false;
        for (auto& l : lines) merged = merged || mergeCollinear(l, p);
        if (!merged) lines.push_back(p);
    }
    std::erase_if(lines, [](const Segment& s) { return s.length < 60 || s.length < 8 * s.height; });
    return lines;
}

// How far `b` lies below `a` in units of a's height, or a negative value when they are not two
// lines of one zone (not parallel, not stacked, not of a kind).
float stackedBelow(const Segment& a, const Segment& b) {
    if (std::abs(a.dir.x * b.dir.y - a.dir.y * b.dir.x) > 0.1f) return -1;
    const float ratio = std::min(a.length, b.length) / std::max(a.length, b.length);
    if (ratio < 0.55f) return -1;
    const cv::Point2f d = b.centre - a.centre;
    const float across = dot(d, a.normal());
    const float along = dot(d, a.dir);
    const float h = (a.height + b.height) / 2;
    // A line merged with a piece of the page's pattern reads taller than it is: the nearer bound
    // holds against the thinner of the two.
    if (across < 1.1f * std::min(a.height, b.height) || across > 4.0f * h) return -1;
    if (std::abs(along) > 0.3f * std::max(a.length, b.length)) return -1;
    return across / h;
}

TextLine scaledLine(const Segment& s, float toFrame) {
    return {(s.centre - s.dir * (s.length / 2)) * toFrame, (s.centre + s.dir * (s.length / 2)) * toFrame,
            s.height * toFrame};
}

}  // namespace

float TextLine::length() const { return static_cast<float>(cv::norm(end - start)); }

std::vector<MrzZoneCandidate> findMrzZones(const cv::Mat& luma, std::size_t limit) {
    if (luma.empty()) return {};
    const double toSmall = luma.cols > kWorkWidth ? static_cast<double>(kWorkWidth) / luma.cols : 1.0;
    cv::Mat small;
    if (toSmall < 1.0)
        cv::resize(luma, small, {}, toSmall, toSmall, cv::INTER_AREA);
    else
        small = luma;
    const auto lines = textLines(small);
    const auto toFrame = static_cast<float>(1.0 / toSmall);

    struct Scored {
        float score;
        std::vector<std::size_t> members;
    };
    std::vector<Scored> zones;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        for (std::size_t j = 0; j < lines.size(); ++j) {
            if (i == j) continue;
            const float gap = stackedBelow(lines[i], lines[j]);
            if (gap < 0) continue;
            const float longest = std::max(lines[i].length, lines[j].length);
            zones.push_back({longest, {i, j}});
            for (std::size_t k = 0; k < lines.size(); ++k) {
                if (k == i || k == j) continue;
                const float gap2 = stackedBelow(lines[j], lines[k]);
                if (gap2 < 0 || std::abs(gap2 - gap) > 0.35f * gap) continue;
                // Three lines are tried before any two of them.
                zones.push_back({longest * 2, {i, j, k}});
            }
        }
    }
    std::stable_sort(zones.begin(), zones.end(), [](const Scored& a, const Scored& b) { return a.score > b.score; });
    std::vector<MrzZoneCandidate> out;
    for (const auto& z : zones) {
        if (out.size() >= limit) break;
        MrzZoneCandidate c;
        for (const auto m : z.members) c.lines.push_back(scaledLine(lines[m], toFrame));
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace kiosk::vision
