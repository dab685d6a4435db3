#include "kiosk/vision/barcode_reader.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>
#include <vector>

#include "kiosk/vision/barcode_crops.h"
#include "kiosk/vision/barcode_grid.h"
#include "kiosk/vision/barcode_regions.h"
#include "kiosk/vision/frame_mats.h"
#include "kiosk/vision/zxing_adapter.h"

namespace kiosk::vision {
namespace {

// Crops are scaled so that a module spans about this many pixels: ZXing's detectors read 3-5 pixel
// modules best; a code held at arm's length (2 pixels) is enlarged, a close one shrunk.
constexpr double kModuleTarget = 4.0;
// ZXing 1.4's Aztec reader loses its way below about 4.5 pixels a module, and DataMatrix does not mind.
constexpr double kCentredModuleTarget = 6.0;
constexpr double kMinCropScale = 0.4;
constexpr double kMaxCropScale = 3.0;
// A redrawn grid's module: large enough for every ZXing detector, small enough to stay quick.
constexpr int kRedrawnModulePx = 5;
// Grid sizes redrawn for an outline in round 1 (the sharpest); the rest wait for round 4. Only the
// sharpest few are fitted to the modules, which costs some thirty samplings each.
constexpr std::size_t kFirstGridSizes = 3;
constexpr std::size_t kFittedGrids = 4;

const cv::Matx23d kIdentity(1, 0, 0, 0, 1, 0);

PixelPoint mapped(const PixelPoint& p, const cv::Matx23d& m) {
    const double x = m(0, 0) * p.x + m(0, 1) * p.y + m(0, 2);
    const double y = m(1, 0) * p.x + m(1, 1) * p.y + m(1, 2);
    return {static_cast<int>(std::lround(x)), static_cast<int>(std::lround(y))};
}

// The formats whose ZXing 1.4 detector searches outward from the middle of its image only.
BarcodeFormats centred(BarcodeFormats formats) {
    BarcodeFormats out;
    for (const auto f : {BarcodeFormat::DataMatrix, BarcodeFormat::Aztec})
        if (formats.contains(f)) out.insert(f);
    return out;
}

BarcodeFormats anywhere(BarcodeFormats formats) {
    BarcodeFormats out;
    for (const auto f : {BarcodeFormat::QrCode, BarcodeFormat::Pdf417, BarcodeFormat::Code128})
        if (formats.contains(f)) out.insert(f);
    return out;
}

// A candidate region as round 1 cropped it, for the later rounds.
struct Candidate {
    cv::RotatedRect box;  // turned to the code's axes
    double scale = 1;
    std::optional<cv::RotatedRect> core;  // for DataMatrix and Aztec
    double coreScale = 1;
    // For DataMatrix and Aztec: the grids the code's outline may hold, the sharpest first.
    std::vector<FittedGrid> grids;
};

// One frame's attempt: rounds of passes, cheapest and likeliest first, until a pass reads
// something or the budget is spent.
class Attempt {
public:
    Attempt(const cv::Mat& luma, BarcodeFormats formats, const BarcodeReaderSettings& settings, const SteadyNow& now)
        : luma_(luma), formats_(formats), settings_(settings), now_(now), deadline_(now() + settings.budget) {}

    std::vector<Barcode> run() {
        const auto regions = findCodeRegions(luma_, settings_.maxRegions);
        const BarcodeFormats middleOnly = centred(formats_);
        // Round 1: each candidate region straightened and scaled to its module size; for DataMatrix
        // and Aztec also the code's outline found and its likeliest grids redrawn.
        std::vector<std::pair<Crop, BarcodeFormats>> crops;
        std::vector<Candidate> candidates;
        for (auto region : regions) {
            if (spent()) return {};
            region.box = squaredToModules(luma_, region.box);
            Candidate c;
            c.box = region.box;
            c.scale = std::clamp(kModuleTarget / moduleSize(luma_, region.box), kMinCropScale, kMaxCropScale);
            crops.emplace_back(cropAround(luma_, c.box, c.scale, false), formats_);
            if (pass(crops.back().first, formats_)) return std::move(found_);
            if (!middleOnly.empty()) {
                if (spent()) return {};
                const float side = 2.2F * region.coreRadius + 8;
                c.core = cv::RotatedRect(region.core, {side, side}, region.box.angle);
                c.coreScale = std::clamp(c.scale * kCentredModuleTarget / kModuleTarget, kMinCropScale, kMaxCropScale);
                outline(c, region, middleOnly);
                if (redrawn(c, 0, kFirstGridSizes)) return std::move(found_);
            }
            candidates.push_back(c);
        }
        // Round 2: the whole frame, for a code no region held (ZXing's own scan), in the formats
        // ZXing finds anywhere in an image: a DataMatrix or Aztec code needs a crop centred on it.
        if (spent() || pass({luma_, kIdentity}, anywhere(formats_))) return std::move(found_);
        // Then the DataMatrix and Aztec codes whose grid was not redrawn right, as ZXing reads
        // them itself: centred on the region's core, everything else painted over.
        for (const auto& c : candidates) {
            if (!c.core) continue;
            if (spent()) return {};
            crops.emplace_back(centredOnInk(cropAround(luma_, *c.core, c.coreScale, true)), middleOnly);
            if (pass(crops.back().first, middleOnly)) return std::move(found_);
        }
        // Round 3: a Code 128 crop averaged along its bars, then the crops with their contrast
        // stretched and sharpened.
        if (formats_.contains(BarcodeFormat::Code128)) {
            for (const auto& [crop, formats] : crops) {
                if (!formats.contains(BarcodeFormat::Code128)) continue;
                if (spent()) return {};
                if (pass({averagedAlongBars(crop.luma), crop.toFrame}, {BarcodeFormat::Code128}))
                    return std::move(found_);
            }
        }
        // Then the crops with their contrast stretched and sharpened.
        for (const auto& [crop, formats] : crops) {
            if (spent()) return {};
            if (pass({enhanced(crop.luma), crop.toFrame}, formats)) return std::move(found_);
        }
        // Round 4: the less likely grid sizes, and the regions at other scales, where the module
        // size was guessed wrong (or, for Aztec, where ZXing's sampling grid slipped at this one).
        for (const auto& c : candidates) {
            if (redrawn(c, kFirstGridSizes, c.grids.size())) return std::move(found_);
            for (const double factor : {0.5, 2.0}) {
                if (spent()) return {};
                const double scale = std::clamp(c.scale * factor, kMinCropScale, kMaxCropScale);
                if (scale != c.scale && pass(cropAround(luma_, c.box, scale, false), formats_))
                    return std::move(found_);
            }
            if (!c.core) continue;
            for (const double factor : {1.4, 0.75}) {
                if (spent()) return {};
                const double scale = std::clamp(c.coreScale * factor, kMinCropScale, kMaxCropScale);
                if (scale != c.coreScale && pass(centredOnInk(cropAround(luma_, *c.core, scale, true)), middleOnly))
                    return std::move(found_);
            }
        }
        // Round 5: other binarizers: the likeliest grids with their format's other threshold, then
        // on the repaired crops one threshold per crop and OpenCV's local mean (glare across a code).
        for (const auto& c : candidates)
            if (redrawn(c, 0, kFirstGridSizes, false)) return std::move(found_);
        for (const auto& [crop, formats] : crops) {
            if (spent()) return {};
            const cv::Mat better = enhanced(crop.luma);
            if (pass({better, crop.toFrame}, formats, ZxingBinarizer::GlobalHistogram)) return std::move(found_);
            if (spent()) return {};
            if (pass({locallyThresholded(better), crop.toFrame}, formats, ZxingBinarizer::FixedThreshold))
                return std::move(found_);
        }
        return std::move(found_);
    }

private:
    bool spent() const { return now_() >= deadline_; }

    // The matrix code's outline around the region's core, and the grids it may hold, the sharpest
    // first.
    void outline(Candidate& c, const CodeRegion& region, BarcodeFormats squares) const {
        const float middle = 1.4F * region.coreRadius;
        const double module = moduleSize(luma_, cv::RotatedRect(region.core, {middle, middle}, 0));
        const auto quad = matrixCodeOutline(luma_, region, module);
        if (!quad) return;
        // Aztec's and DataMatrix's sizes, each once.
        std::vector<GridSize> sizes;
        if (squares.contains(BarcodeFormat::Aztec)) sizes = likelyGridSizes(kAztecSizes, *quad, module);
        if (squares.contains(BarcodeFormat::DataMatrix))
            for (const GridSize n : likelyGridSizes(kDataMatrixSizes, *quad, module))
                if (std::find(sizes.begin(), sizes.end(), n) == sizes.end()) sizes.push_back(n);
        // Every size laid as the outline is, then the sharpest few adjusted to the modules (which
        // costs some thirty samplings each).
        const auto sharper = [](const FittedGrid& x, const FittedGrid& y) { return x.sharpness > y.sharpness; };
        for (const GridSize n : sizes) c.grids.push_back(laidGrid(luma_, *quad, n));
        std::stable_sort(c.grids.begin(), c.grids.end(), sharper);
        const auto fitted = std::min(c.grids.size(), kFittedGrids);
        for (std::size_t i = 0; i < fitted; ++i) c.grids[i] = fittedGrid(luma_, c.grids[i]);
        std::stable_sort(c.grids.begin(), c.grids.begin() + static_cast<std::ptrdiff_t>(fitted), sharper);
    }

    // The candidate's grids [from, to) redrawn, one pass each in the format of that size: first
    // with the threshold that reads most of that format (an Aztec code's fine bull's-eye wants
    // the blur taken back out, a DataMatrix code's solid borders one split for the whole code),
    // later with the other.
    bool redrawn(const Candidate& c, std::size_t from, std::size_t to, bool firstChoice = true) {
        for (std::size_t i = from; i < std::min(to, c.grids.size()); ++i) {
            const FittedGrid& grid = c.grids[i];
            // The sizes list the symbols as they stand; the grid may lie on its side.
            const GridSize turned{grid.size.rows, grid.size.cols};
            const auto holds = [&](const auto& sizes) {
                return std::find(sizes.begin(), sizes.end(), grid.size) != sizes.end() ||
                       std::find(sizes.begin(), sizes.end(), turned) != sizes.end();
            };
            // Aztec codes have odd sizes, DataMatrix codes even ones: a grid is one or the other.
            const bool aztec = holds(kAztecSizes);
            const BarcodeFormat format = aztec ? BarcodeFormat::Aztec : BarcodeFormat::DataMatrix;
            if (!formats_.contains(format)) continue;
            const GridThreshold threshold = firstChoice == aztec ? GridThreshold::Unblurred : GridThreshold::Global;
            if (spent()) return false;
            if (pass(redrawnGrid(luma_, grid.quad, grid.size, kRedrawnModulePx, threshold), {format})) return true;
        }
        return false;
    }

    bool pass(const Crop& image, BarcodeFormats formats, ZxingBinarizer binarizer = ZxingBinarizer::LocalAverage) {
        ZxingPass zx;
        zx.formats = formats;
        zx.binarizer = binarizer;
        auto found = zxingRead(image.luma, zx);
        if (!found) return false;
        for (auto& b : *found) {
            const bool seen = std::any_of(found_.begin(), found_.end(),
                                          [&](const Barcode& o) { return o.format == b.format && o.bytes == b.bytes; });
            if (seen) continue;
            for (auto& c : b.corners) c = mapped(c, image.toFrame);
            found_.push_back(std::move(b));
        }
        return !found_.empty();
    }

    const cv::Mat& luma_;
    BarcodeFormats formats_;
    const BarcodeReaderSettings& settings_;
    const SteadyNow& now_;
    std::chrono::steady_clock::time_point deadline_;
    std::vector<Barcode> found_;
};

}  // namespace

BarcodeReader::BarcodeReader(BarcodeReaderSettings settings, SteadyNow now)
    : settings_(settings), now_(std::move(now)) {}

Result<std::vector<Barcode>> BarcodeReader::read(const drivers::CameraFrame& frame, BarcodeFormats formats) const {
    auto luma = lumaOf(frame);
    if (!luma) return luma.error();
    if (formats.empty() || luma->cols < 8 || luma->rows < 8) return std::vector<Barcode>{};
    return Attempt(*luma, formats, settings_, now_).run();
}

}  // namespace kiosk::vision
