#pragma once
// The OCR-B classifier's model, learnt at start-up from the font alone: each character is printed
// many times over as a camera would see it (stroke weight, blur, scale, slant, a neighbour's edge,
// grain, uneven light), and the spread of those prints within a character tells which differences
// between cells are noise and which tell characters apart. Private to kiosk/vision.
//
// Cells are whitened (the within-character covariance divided out, regularised) and then compared
// by cosine in the few dimensions along which the whitened templates differ most: E and F, or 0
// and O, differ in few pixels, and those count for more once the differences every print shows
// are discounted.

#include <opencv2/core.hpp>

#include <vector>

namespace kiosk::vision {

// A cell x (a row: zero mean, unit length) is carried by `projection` into the few dimensions
// that tell characters apart once whitened (the leading axes of the whitened templates), and
// scores there the cosine against each template.
struct OcrbModel {
    cv::Mat projection;        // one row per kept dimension, one column per cell pixel (CV_32F)
    cv::Mat templates;         // one unit-length template per row, in the kept dimensions (CV_32F)
    std::vector<int> classOf;  // template row -> index into kMrzAlphabet
    cv::Mat meanGlyph;         // the average character, unwhitened, to align a cell
};

// Deterministic: the same font gives the same model on every machine.
OcrbModel trainOcrbModel(int cellWidth, int cellHeight);

}  // namespace kiosk::vision
