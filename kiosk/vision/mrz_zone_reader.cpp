#include "kiosk/vision/mrz_zone_reader.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

#include "kiosk/vision/ocrb_classifier.h"
#include "kiosk/vision/ocrb_glyphs.h"

namespace kiosk::vision {
namespace {

constexpr int kCellW = OcrbClassifier::kCellWidth;
constexpr int kCellH = OcrbClassifier::kCellHeight;
constexpr int kMargin = OcrbClassifier::kMargin;
constexpr std::size_t kMaxCandidates = 6;

float dot(cv::Point2f a, cv::Point2f b) { return a.x * b.x + a.y * b.y; }

// x along the line, y across it (down), each scaled: frame = origin + dir*sx*x + normal*sy*y.
struct StripGeometry {
    cv::Point2f origin;
    cv::Point2f dir;
    float sx = 1;
    float sy = 1;

    cv::Point2f normal() const { return {-dir.y, dir.x}; }
    cv::Point2f toFrame(float x, float y) const { return origin + dir * (sx * x) + normal() * (sy * y); }

    cv::Mat cut(const cv::Mat& luma, cv::Size size) const {
        const cv::Point2f n = normal();
        const cv::Matx23f m(dir.x * sx, n.x * sy, origin.x, dir.y * sx, n.y * sy, origin.y);
        cv::Mat out;
        cv::warpAffine(luma, out, cv::Mat(m), size, cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_REPLICATE);
        return out;
    }
};

struct InkBand {
    int top = 0;
    int bottom = -1;
    double tilt = 0;  // rows the band's centre drops from the left half to the right half
};

// The run of rows around the strip's middle that holds the line's print.
std::optional<InkBand> inkBand(const cv::Mat& ink) {
    cv::Mat rows;
    cv::reduce(ink, rows, 1, cv::REDUCE_AVG, CV_32F);
    const int mid = ink.rows / 2;
    int peak = mid;
    for (int y = std::max(0, mid - kCellH / 2); y <= std::min(ink.rows - 1, mid + kCellH / 2); ++y)
        if (rows.at<float>(y) > rows.at<float>(peak)) peak = y;
    const float threshold = 0.45f * rows.at<float>(peak);
    if (rows.at<float>(peak) < 1.0f) return std::nullopt;
    InkBand band{peak, peak, 0};
    while (band.top > 0 && rows.at<float>(band.top - 1) > threshold) --band.top;
    while (band.bottom < ink.rows - 1 && rows.at<float>(band.bottom + 1) > threshold) ++band.bottom;

    const auto centroid = [&](int x0, int x1) {
        double sum = 0, weighted = 0;
        for (int y = std::max(0, band.top - 2); y <= std::min(ink.rows - 1, band.bottom + 2); ++y) {
            const double s = cv::sum(ink(cv::Range(y, y + 1), cv::Range(x0, x1)))[0];
            sum += s;
            weighted += s * y;
        }
        return sum > 0 ? weighted / sum : 0.0;
    };
    band.tilt = centroid(ink.cols / 2, ink.cols) - centroid(0, ink.cols / 2);
    return band;
}

// The fixed pitch of a line, measured over all of it: the column profile's strongest period near
// the expected pitch, and where in that period the characters' middles fall.
struct Grid {
    double pitch = 0;
    double phase = 0;  // a character's middle lies at phase + k * pitch
    int left = 0;      // the line's ink, first and last column
    int right = 0;
};

std::optional<Grid> gridOf(const cv::Mat& bandInk, double expectedPitch, int walkFrom) {
    cv::Mat cols;
    cv::reduce(bandInk, cols, 0, cv::REDUCE_AVG, CV_32F);
    std::vector<float> p(cols.begin<float>(), cols.end<float>());
    std::vector<float> sorted = p;
    const auto tenth = static_cast<std::ptrdiff_t>(sorted.size() * 9 / 10);
    std::nth_element(sorted.begin(), sorted.begin() + tenth, sorted.end());
    const float threshold = 0.2f * sorted[static_cast<std::size_t>(tenth)];
    if (threshold <= 0) return std::nullopt;
    const int n = static_cast<int>(p.size());
    // From the middle of the line as found outwards while the gaps stay shorter than a character or two: fillers ('<')
    // have ink, so an MRZ line has no longer gap (though print beside the line may join it: the
    // placements tried in cutLine start from either end).
    const int maxGap = static_cast<int>(1.25 * expectedPitch);
    const auto walk = [&](int from, int step) {
        int last = from, gap = 0;
        for (int x = from; x >= 0 && x < n && gap <= maxGap; x += step) {
            if (p[static_cast<std::size_t>(x)] > threshold) {
                last = x;
                gap = 0;
            } else {
                ++gap;
            }
        }
        return last;
    };
    Grid g;
    g.left = walk(std::clamp(walkFrom, 0, n - 1), -1);
    g.right = walk(std::clamp(walkFrom, 0, n - 1), 1);
    double best = -1;
    for (double pitch = 0.7 * expectedPitch; pitch <= 1.35 * expectedPitch; pitch += 0.002 * expectedPitch) {
        // The profile's Fourier coefficient at this period, the phasor turned step by step.
        const double w = 2 * CV_PI / pitch;
        const double stepRe = std::cos(w), stepIm = std::sin(w);
        double turnRe = std::cos(w * g.left), turnIm = std::sin(w * g.left);
        double re = 0, im = 0;
        for (int x = g.left; x <= g.right; ++x) {
            re += p[static_cast<std::size_t>(x)] * turnRe;
            im += p[static_cast<std::size_t>(x)] * turnIm;
            const double next = turnRe * stepRe - turnIm * stepIm;
            turnIm = turnRe * stepIm + turnIm * stepRe;
            turnRe = next;
        }
        if (re * re + im * im <= best) continue;
        best = re * re + im * im;
        g.pitch = pitch;
        g.phase = std::atan2(im, re) / w;
    }
    if (best <= 0) return std::nullopt;
    return g;
}

cv::Mat inkOf(const cv::Mat& gray) {
    cv::Mat ink;
    cv::morphologyEx(gray, ink, cv::MORPH_BLACKHAT, cv::getStructuringElement(cv::MORPH_RECT, {11, 11}));
    return ink;
}

// One line cut to the classifier's geometry, in up to three placements of its `count` cells (the
// line's ends as measured, or one cell either way, where a page edge or a stray mark beside the
// line misleads the measure); empty when its print does not fit `count` characters.
// `lo` is where the line starts, relative to `centre` along `dir`, and `pitch` a guess from the
// print's height: the line's far end is often lost (a run of fillers is faint at the size the
// zone is found at), so the strip reaches as far as the longest pitch guessed would take it.
std::vector<cv::Mat> cutLine(const cv::Mat& luma, cv::Point2f centre, cv::Point2f dir, float lo, float pitch,
                             int count) {
    const float aspect = static_cast<float>(kOcrbGlyphs.height) / static_cast<float>(kOcrbGlyphs.width);
    if (pitch < 4) return {};
    StripGeometry g{{}, dir, pitch / kCellW, pitch / kCellW};
    const int width = static_cast<int>(1.4f * static_cast<float>(count + 8) * kCellW);
    const int height = 3 * kCellH;
    std::optional<InkBand> band;
    cv::Mat ink;
    for (int pass = 0; pass < 3; ++pass) {
        g.origin = centre + g.dir * (lo - 4 * pitch) - g.normal() * (g.sy * static_cast<float>(height) / 2);
        ink = inkOf(g.cut(luma, {width, height}));
        band = inkBand(ink);
        if (!band) return {};
        if (std::abs(band->tilt) < 0.7) break;
        // Turn the axis by the measured tilt (over half the strip's width) and cut again.
        const double angle = std::atan2(band->tilt, width / 2.0);
        const auto c = static_cast<float>(std::cos(angle));
        const auto s = static_cast<float>(std::sin(angle));
        g.dir = {c * g.dir.x - s * g.dir.y, s * g.dir.x + c * g.dir.y};
        // Keep the line's middle where it was measured.
        const float drop = static_cast<float>((band->top + band->bottom) / 2.0 - height / 2.0) * g.sy;
        centre += g.normal() * drop;
    }
    const int bandHeight = band->bottom - band->top + 1;
    const auto grid = gridOf(ink(cv::Range(band->top, band->bottom + 1), cv::Range::all()), kCellW,
                             static_cast<int>((4 * pitch - lo) / g.sx));
    if (!grid) return {};
    const double stripPitch = grid->pitch;
    // The band measured is only a bound: a line of fillers ('<', half as tall as a letter) looks
    // thinner than its letters. The font fixes the letters' height from the pitch.
    const double ratio = bandHeight / stripPitch;
    const double span = grid->right - grid->left;
    if (ratio < 0.5 * aspect || ratio > 1.4 * aspect || span < (count - 2) * stripPitch ||
        span > (count + 8) * stripPitch)
        return {};
    const double inkHeight = stripPitch * aspect;
    const double inkTop = (band->top + band->bottom) / 2.0 - inkHeight / 2;
    const auto sx = static_cast<float>(stripPitch / kCellW);
    const auto sy = static_cast<float>(inkHeight / kCellH);

    // The first character's middle: the period's middle nearest half a pitch in from the ink at
    // the left end, or (when something beside the line reads as ink) from the right end.
    const auto nearest = [&](double x) {
        return grid->phase + std::round((x - grid->phase) / stripPitch) * stripPitch;
    };
    const double fromLeft = nearest(grid->left + stripPitch / 2);
    const double fromRight = nearest(grid->right - stripPitch / 2) - (count - 1) * stripPitch;
    std::vector<double> firsts;
    for (const double shift : {0.0, -1.0, 1.0})
        for (const double anchor : {fromLeft, fromRight}) {
            const double x = anchor + shift * stripPitch;
            if (std::none_of(firsts.begin(), firsts.end(), [&](double f) { return std::abs(f - x) < 1; }))
                firsts.push_back(x);
        }
    std::vector<cv::Mat> cuts;
    for (const double first : firsts) {
        const double x0 = first - stripPitch / 2;
        if (x0 < 0 || x0 + count * stripPitch > width) continue;
        const cv::Point2f origin =
            g.toFrame(static_cast<float>(x0) - kMargin * sx, static_cast<float>(inkTop) - kMargin * sy);
        const StripGeometry out{origin, g.dir, g.sx * sx, g.sy * sy};
        cuts.push_back(out.cut(luma, {count * kCellW + 2 * kMargin, kCellH + 2 * kMargin}));
    }
    return cuts;
}

float meanBest(const std::vector<MrzCharScores>& line) {
    float sum = 0;
    for (const auto& s : line) sum += *std::max_element(s.begin(), s.end());
    return line.empty() ? 0 : sum / static_cast<float>(line.size());
}

// How well a placement's end cells look like characters: the placements differ most at the ends.
float endsFit(const cv::Mat& cut, int count) {
    constexpr int kEnd = 5;
    if (count < 2 * kEnd) return 0;
    const int w = kEnd * kCellW + 2 * kMargin;
    const auto& classifier = ocrbClassifier();
    return meanBest(classifier.classifyLine(cut(cv::Rect(0, 0, w, cut.rows)), kEnd)) +
           meanBest(classifier.classifyLine(cut(cv::Rect((count - kEnd) * kCellW, 0, w, cut.rows)), kEnd));
}

}  // namespace

std::optional<MrzObservation> observeZone(const cv::Mat& luma, const MrzZoneCandidate& zone, int charsPerLine) {
    // The lines of a zone are parallel and equally long: the longest sets the direction and the
    // extent for each.
    const auto longest = std::max_element(zone.lines.begin(), zone.lines.end(),
                                          [](const TextLine& a, const TextLine& b) { return a.length() < b.length(); });
    if (longest == zone.lines.end() || longest->length() < 1) return std::nullopt;
    const cv::Point2f dir = (longest->end - longest->start) * (1.0f / longest->length());
    // The print's height, which the zone finder measures well, guesses the pitch (OCR-B is as
    // tall as its pitch times kOcrbGlyphs' aspect).
    const float aspect = static_cast<float>(kOcrbGlyphs.height) / static_cast<float>(kOcrbGlyphs.width);
    float height = 0;
    for (const auto& line : zone.lines) height += line.height / static_cast<float>(zone.lines.size());
    MrzObservation o;
    for (const auto& line : zone.lines) {
        const cv::Point2f mid = (line.start + line.end) * 0.5f;
        float lo = 0;
        for (const auto& other : zone.lines)
            lo = std::min({lo, dot(other.start - mid, dir), dot(other.end - mid, dir)});
        const auto cuts = cutLine(luma, mid, dir, lo, height / aspect, charsPerLine);
        const cv::Mat* best = nullptr;
        float bestFit = 0;
        for (const auto& cut : cuts) {
            const float fit = cuts.size() == 1 ? 1 : endsFit(cut, charsPerLine);
            if (!best || fit > bestFit) best = &cut, bestFit = fit;
        }
        if (!best) return std::nullopt;
        o.lines.push_back(ocrbClassifier().classifyLine(*best, charsPerLine));
    }
    return o;
}

std::optional<ZoneReading> readMrzZone(const cv::Mat& luma, const MrzDecisionRules& rules) {
    std::optional<ZoneReading> closest;
    for (const auto& found : findMrzZones(luma, kMaxCandidates)) {
        std::vector<std::pair<MrzZoneCandidate, int>> tries;
        if (found.lines.size() == 3) {
            tries.emplace_back(found, 30);
        } else {
            tries.emplace_back(found, 44);
            tries.emplace_back(found, 36);
            // Two lines of an ID card whose third was missed: the same spacing again, above or below.
            const cv::Point2f step =
                (found.lines[1].start + found.lines[1].end - found.lines[0].start - found.lines[0].end) * 0.5f;
            const auto moved = [&](const TextLine& l, cv::Point2f by) {
                return TextLine{l.start + by, l.end + by, l.height};
            };
            tries.push_back({{{moved(found.lines[0], -step), found.lines[0], found.lines[1]}}, 30});
            tries.push_back({{{found.lines[0], found.lines[1], moved(found.lines[1], step)}}, 30});
        }
        for (const auto& [zone, count] : tries) {
            auto o = observeZone(luma, zone, count);
            if (!o) continue;
            ZoneReading reading{std::move(*o), {}};
            reading.verdict = decideMrz(reading.observation, rules);
            if (reading.verdict.accepted) return reading;
            if (!closest || reading.verdict.checksPassing > closest->verdict.checksPassing)
                closest = std::move(reading);
        }
    }
    return closest;
}

}  // namespace kiosk::vision
