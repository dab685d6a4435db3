#pragma once
// Two-dimensional matrix codes (Aztec, DataMatrix) redrawn from their module grid. ZXing 1.4 finds
// an Aztec code from its bull's-eye and extrapolates the grid outwards from those few modules, which
// drifts off the modules when they are small (2-3 pixels), blurred or turned. Here the grid is laid
// between the code's four outer edges instead, every module is sampled once, and the result is drawn
// again as crisp black and white squares that ZXing cannot misplace. ZXing still does all the
// decoding (and its error correction refuses a grid laid wrongly). Private to kiosk/vision (OpenCV
// types).

#include <opencv2/core.hpp>

#include <array>
#include <optional>
#include <span>
#include <vector>

#include "kiosk/vision/barcode_crops.h"
#include "kiosk/vision/barcode_regions.h"

namespace kiosk::vision {

// A code's outline in frame pixels: top-left, top-right, bottom-right, bottom-left as seen
// after turning the code upright (which of its corners is the symbol's own top-left is ZXing's
// business).
using CodeQuad = std::array<cv::Point2f, 4>;

// The outline of the Aztec or DataMatrix code in `region`, around its core: the code is turned
// upright by its module edges (and by its ink's outline when blur misled them), grown from its
// ink until a band of `moduleSize` * 1.6 pixels of paper surrounds it on every side (a caption or a
// line beyond the quiet zone stays out), and each side is the straight line that most of that
// side's outermost dark pixels touch (a side whose outer modules are partly light still gets its
// true edge). Nothing when no closed outline is found, or when what it holds changes between dark
// and light along one direction only (a linear code) or is longer than a rectangular DataMatrix.
std::optional<CodeQuad> matrixCodeOutline(const cv::Mat& luma, const CodeRegion& region, double moduleSize);

// Modules across (along the outline's top) and down.
struct GridSize {
    int cols = 0;
    int rows = 0;
    friend bool operator==(const GridSize&, const GridSize&) = default;
};

// An outline adjusted so that a grid of `size` falls on the modules' middles, and how sharply it
// does (the mean contrast between a module and its surroundings; the grid size the code really has
// scores highest, near enough always).
struct FittedGrid {
    CodeQuad quad;
    GridSize size;
    double sharpness = 0;
};
// The grid laid into the outline as it is, with its sharpness; then adjusted.
FittedGrid laidGrid(const cv::Mat& luma, const CodeQuad& outline, GridSize size);
FittedGrid fittedGrid(const cv::Mat& luma, const FittedGrid& laid);

// How a sampled module is called dark.
enum class GridThreshold {
    Local,      // darker than the modules around it: glare or a shadow across the code does not matter
    Global,     // darker than the one split between the code's two grey levels (DataMatrix reads best so)
    Unblurred,  // as Local, after taking back what blur mixed in from the neighbouring modules (Aztec
                // reads best so: the single modules of its bull's-eye are the first that blur washes out)
};
// The code inside `quad` read as a grid of `size` and drawn again with `modulePx` pixels a module
// and a quiet zone of three modules, each module dark or light by `threshold`. `toFrame` maps the
// drawing back to the frame (exactly at the code's corners, nearly elsewhere).
Crop redrawnGrid(const cv::Mat& luma, const CodeQuad& quad, GridSize size, int modulePx,
                 GridThreshold threshold = GridThreshold::Local);

// The sizes, columns x rows as the symbol stands (a rectangular DataMatrix lies wider than tall),
// that a code of the format can have and that fit a camera frame's detail. Aztec: compact 15-27,
// full-range up to 45; DataMatrix: square up to 44, and the six rectangles.
inline constexpr std::array<GridSize, 8> kAztecSizes = {GridSize{15, 15}, GridSize{19, 19}, GridSize{23, 23},
                                                        GridSize{27, 27}, GridSize{31, 31}, GridSize{37, 37},
                                                        GridSize{41, 41}, GridSize{45, 45}};
inline constexpr std::array<GridSize, 19> kDataMatrixSizes = {
    GridSize{10, 10}, GridSize{12, 12}, GridSize{14, 14}, GridSize{16, 16}, GridSize{18, 18},
    GridSize{20, 20}, GridSize{22, 22}, GridSize{24, 24}, GridSize{26, 26}, GridSize{32, 32},
    GridSize{36, 36}, GridSize{40, 40}, GridSize{44, 44}, GridSize{18, 8},  GridSize{32, 8},
    GridSize{26, 12}, GridSize{36, 12}, GridSize{36, 16}, GridSize{48, 16}};

// Of `sizes`, those whose shape matches the outline's (within a quarter, turned to lie as the
// outline does) and whose modules come out between 1.5 and 12 pixels, nearest first to the size
// that `moduleSize` (the guess from run lengths, often a little large) suggests.
std::vector<GridSize> likelyGridSizes(std::span<const GridSize> sizes, const CodeQuad& outline, double moduleSize);

}  // namespace kiosk::vision
