#pragma once
// The images the barcode reader hands to ZXing besides the frame itself: crops straightened around a
// candidate region and scaled to a module size ZXing reads well, and contrast-repaired copies.
// Private to kiosk/vision (OpenCV types).

#include <opencv2/core.hpp>

namespace kiosk::vision {

// A crop and the affine map from its pixels back to the frame's.
struct Crop {
    cv::Mat luma;
    cv::Matx23d toFrame;
};

// About how many pixels a module of the code inside `box` spans in `luma`: half the mean run length
// of dark and light along a few rows and columns of the box's middle (random modules run two long
// on average). Between 1 and 32.
double moduleSize(const cv::Mat& luma, const cv::RotatedRect& box);

// The angle (degrees, modulo 90) that the module edges seen in the gradients `gx`, `gy` (32-bit
// float) run at: each gradient votes for its direction times four, weighted by its strength, so that
// edges 90 degrees apart fall together.
double moduleEdgeAxis(const cv::Mat& gx, const cv::Mat& gy);

// `box` turned to the code's own axes: a code's module edges all run at one angle (modulo 90 degrees),
// found from the gradients in the box's middle, which is more exact than the outline of a blob that
// may hold a caption too. ZXing 1.4 reads an Aztec code turned by more than a few degrees poorly.
cv::RotatedRect squaredToModules(const cv::Mat& luma, cv::RotatedRect box);

// `box` cut out of `luma`, turned so that its longer side runs across, scaled by `scale`, with a
// margin for the quiet zone. With `isolate`, everything outside the box is painted as plain paper.
Crop cropAround(const cv::Mat& luma, cv::RotatedRect box, double scale, bool isolate);

// `crop` moved so that its dark pixels' bounding box sits in the middle: an Aztec code's bull's-eye,
// where ZXing 1.4 starts its search, is then within a module of the image's centre.
Crop centredOnInk(const Crop& crop);

// The grey range stretched between the 1st and 99th percentile, then sharpened (unsharp mask):
// for washed-out, dim, blurred or JPEG-smeared codes.
cv::Mat enhanced(const cv::Mat& luma);

// A crop of a bar code with its bars upright, each column averaged over a band of its rows (a
// third of the crop's height) and then stretched as `enhanced` does: noise and JPEG blocks fall
// away along the bars while the widths across them stay. For a crop whose module size was
// measured across its bars (Code 128).
cv::Mat averagedAlongBars(const cv::Mat& luma);

// Black and white by OpenCV's local mean, for glare across a code where one threshold never fits.
cv::Mat locallyThresholded(const cv::Mat& luma);

}  // namespace kiosk::vision
