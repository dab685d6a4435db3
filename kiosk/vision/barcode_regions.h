#pragma once
// Where in a frame a code may be: the strategy's first guess at which crops are worth a ZXing pass.
// Private to kiosk/vision (OpenCV types).

#include <opencv2/core.hpp>

#include <vector>

namespace kiosk::vision {

struct CodeRegion {
    cv::RotatedRect box;  // in the frame's pixels, turned with the code's edges
    // The point deepest inside the area and its distance to the area's edge: the middle of the code
    // even when a caption or a line was joined to it (DataMatrix and Aztec need a crop centred there).
    cv::Point2f core;
    float coreRadius = 0;
    double score = 0;  // larger is likelier a code
};

// Areas where strong edges are dense (a code's modules), found on a half-size copy: the
// morphological gradient, thresholded; where most pixels around are edges, joined into blobs; each
// blob's turned bounding box and its deepest point. Words and lines are thin, so they rank below any
// code large enough to read. At most `limit` regions, best first. `luma` is 8-bit grey.
std::vector<CodeRegion> findCodeRegions(const cv::Mat& luma, std::size_t limit);

}  // namespace kiosk::vision
