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
// The print heights a line is cut at, as shares of the height the font predicts from the pitch
// (the prediction first), and how sparse the sample of cells that picks one of them is.
constexpr double kInkHeights[] = {1.0, 0.92, 0.96, 1.04, 1.08, 1.12};
constexpr int kSampleEvery = 3;
// A line's print may look shorter than its characters where glare washes part of it out; the
// placements then run on from the end that was seen.
constexpr double kShortestSpan = 0.6;

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
    // Above the strip's emptiest rows (paper between the lines), which grain and glare lift.
    double floor = 0;
    cv::minMaxLoc(rows, &floor);
    const float threshold = static_cast<float>(floor) + 0.45f * (rows.at<float>(peak) - static_cast<float>(floor));
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
    // The strip reaches well beyond the line, so its emptiest fifth is paper: noise and grain
    // lift that floor, and the threshold sits above it rather than above zero.
    std::vector<float> sorted = p;
    const auto at = [&](std::size_t tenths) {
        const auto k = static_cast<std::ptrdiff_t>(sorted.size() * tenths / 10);
        std::nth_element(sorted.begin(), sorted.begin() + k, sorted.end());
        return sorted[static_cast<std::size_t>(k)];
    };
    const float high = at(9);
    const float floor = at(2);
    const float threshold = floor + 0.2f * (high - floor);
    if (high <= floor) return std::nullopt;
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

// One line cut to the classifier's geometry: a run of cells that holds every placement of its
// `count` characters between the line's ends as measured from the left and from the right, and a
// cell beyond either (a page edge or a stray mark beside the line misleads the measure), cut at
// each of kInkHeights; nullopt when its print does not fit `count` characters.
// `lo` is where the line starts, relative to `centre` along `dir`, and `pitch` a guess from the
// print's height: the line's far end is often lost (a run of fillers is faint at the size the
// zone is found at), so the strip reaches as far as the longest pitch guessed would take it.
struct LineCut {
    std::vector<cv::Mat> strips;  // `cells` cells at the classifier's geometry, one per kInkHeights
    int cells = 0;
    cv::Point2f firstCell;  // the middle of cell 0 in the frame
    cv::Point2f step;       // from one cell's middle to the next's, in the frame
};

std::optional<LineCut> cutLine(const cv::Mat& luma, cv::Point2f centre, cv::Point2f dir, float lo, float pitch,
                               int count) {
    const float aspect = static_cast<float>(kOcrbGlyphs.height) / static_cast<float>(kOcrbGlyphs.width);
    if (pitch < 4) return std::nullopt;
    StripGeometry g{{}, dir, pitch / kCellW, pitch / kCellW};
    const int width = static_cast<int>(1.4f * static_cast<float>(count + 8) * kCellW);
    const int height = 3 * kCellH;
    std::optional<InkBand> band;
    cv::Mat ink;
    for (int pass = 0; pass < 3; ++pass) {
        g.origin = centre + g.dir * (lo - 4 * pitch) - g.normal() * (g.sy * static_cast<float>(height) / 2);
        ink = inkOf(g.cut(luma, {width, height}));
        band = inkBand(ink);
        if (!band) return std::nullopt;
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
    if (!grid) return std::nullopt;
    const double stripPitch = grid->pitch;
    // The band measured is only a bound: a line of fillers ('<', half as tall as a letter) looks
    // thinner than its letters. The font fixes the letters' height from the pitch.
    const double ratio = bandHeight / stripPitch;
    const double span = grid->right - grid->left;
    if (ratio < 0.5 * aspect || ratio > 1.4 * aspect || span < kShortestSpan * count * stripPitch ||
        span > (count + 8) * stripPitch)
        return std::nullopt;
    const double inkHeight = stripPitch * aspect;
    const auto sx = static_cast<float>(stripPitch / kCellW);

    // The first character's middle: the period's middle nearest half a pitch in from the ink at
    // the left end, or (when something beside the line reads as ink) from the right end.
    const auto nearest = [&](double x) {
        return grid->phase + std::round((x - grid->phase) / stripPitch) * stripPitch;
    };
    const double fromLeft = nearest(grid->left + stripPitch / 2);
    const double fromRight = nearest(grid->right - stripPitch / 2) - (count - 1) * stripPitch;
    // The placements lie on one grid, whole pitches apart: one cut spans them all and is read
    // once, and each placement is a window of `count` of its cells.
    double lowest = std::min(fromLeft, fromRight) - stripPitch;
    double highest = std::max(fromLeft, fromRight) + stripPitch;
    while (lowest - stripPitch / 2 < 0) lowest += stripPitch;
    while (highest + (count - 0.5) * stripPitch > width) highest -= stripPitch;
    if (highest < lowest - 1) return std::nullopt;
    LineCut out;
    const double x0 = lowest - stripPitch / 2;
    const int cells = count + static_cast<int>(std::lround((highest - lowest) / stripPitch));
    out.cells = cells;
    for (const double tall : kInkHeights) {
        const double top = (band->top + band->bottom) / 2.0 - tall * inkHeight / 2;
        const auto syTall = static_cast<float>(tall * inkHeight / kCellH);
        const cv::Point2f origin =
            g.toFrame(static_cast<float>(x0) - kMargin * sx, static_cast<float>(top) - kMargin * syTall);
        const StripGeometry cut{origin, g.dir, g.sx * sx, g.sy * syTall};
        out.strips.push_back(cut.cut(luma, {cells * kCellW + 2 * kMargin, kCellH + 2 * kMargin}));
        if (out.strips.size() == 1) {
            out.firstCell = cut.toFrame(kMargin + kCellW / 2.0f, kMargin + kCellH / 2.0f);
            out.step = cut.dir * (cut.sx * kCellW);
        }
    }
    return out;
}

float sumBest(const std::vector<MrzCharScores>& line, int from, int count) {
    float sum = 0;
    for (int i = from; i < from + count; ++i) {
        const auto& s = line[static_cast<std::size_t>(i)];
        sum += *std::max_element(s.begin(), s.end());
    }
    return sum;
}

struct LineRead {
    std::vector<MrzCharScores> scores;  // every cell of the cut
    std::vector<float> at;              // each placement's first cell along the zone, in frame pixels
    std::vector<float> fit;             // how much each placement's cells look like characters
    float pitch = 0;                    // in frame pixels
};

LineRead readLine(const LineCut& cut, cv::Point2f dir, int count) {
    LineRead r{{}, {}, {}, static_cast<float>(cv::norm(cut.step))};
    // The print's height as the font predicts it from the pitch, or a little less or more (a
    // page tilted away from the camera shortens one and not the other): the one whose cells, a
    // sample of them, look most like characters.
    const cv::Mat* strip = &cut.strips.front();
    float bestFit = -1;
    for (const auto& s : cut.strips) {
        float fit = 0;
        for (const auto& c : ocrbClassifier().classifyLine(s, cut.cells, kSampleEvery))
            fit += std::max(0.0f, *std::max_element(c.begin(), c.end()));
        if (fit > bestFit) bestFit = fit, strip = &s;
    }
    r.scores = ocrbClassifier().classifyLine(*strip, cut.cells);
    for (int start = 0; start + count <= cut.cells; ++start) {
        r.fit.push_back(sumBest(r.scores, start, count));
        r.at.push_back(dot(cut.firstCell + cut.step * static_cast<float>(start), dir));
    }
    return r;
}

// The placement of every line at once, as each line's first cell; empty when none fits. The lines
// of a zone start at one edge, so their first cells lie side by side across the zone. Of the
// placements that agree so, the one whose cells look most like characters over all lines wins (a
// placement one cell off trades a character for paper or a stray mark at one end). A line with no
// placement beside the others' refuses the zone rather than be read one cell off.
std::vector<int> placeLines(const std::vector<LineRead>& reads) {
    std::vector<int> chosen;
    float bestTotal = 0;
    for (const auto& anchor : reads) {
        for (const float edge : anchor.at) {
            std::vector<int> starts;
            float total = 0;
            for (const auto& r : reads) {
                const auto off = [&](std::size_t k) { return std::abs(r.at[k] - edge); };
                std::size_t nearest = 0;
                for (std::size_t k = 1; k < r.at.size(); ++k)
                    if (off(k) < off(nearest)) nearest = k;
                if (r.at.empty() || off(nearest) > 0.5f * r.pitch) break;
                starts.push_back(static_cast<int>(nearest));
                total += r.fit[nearest];
            }
            if (starts.size() == reads.size() && (chosen.empty() || total > bestTotal))
                chosen = starts, bestTotal = total;
        }
    }
    return chosen;
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
    std::vector<LineRead> reads;
    for (const auto& line : zone.lines) {
        const cv::Point2f mid = (line.start + line.end) * 0.5f;
        float lo = 0;
        for (const auto& other : zone.lines)
            lo = std::min({lo, dot(other.start - mid, dir), dot(other.end - mid, dir)});
        const auto cut = cutLine(luma, mid, dir, lo, height / aspect, charsPerLine);
        if (!cut) return std::nullopt;
        reads.push_back(readLine(*cut, dir, charsPerLine));
    }
    const auto chosen = placeLines(reads);
    if (chosen.empty()) return std::nullopt;
    MrzObservation o;
    for (std::size_t l = 0; l < reads.size(); ++l) {
        auto& scores = reads[l].scores;
        scores.erase(scores.begin(), scores.begin() + chosen[l]);
        scores.resize(static_cast<std::size_t>(charsPerLine));
        o.lines.push_back(std::move(scores));
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
