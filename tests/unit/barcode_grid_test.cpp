// Matrix codes redrawn from their module grid: the outline of a turned, small, blurred code, the
// grid sizes its shape allows, the fit that moves a misplaced outline onto the modules, and the
// redrawn code that ZXing reads where it could not read the photographed one.

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>

#include "kiosk/vision/barcode_crops.h"
#include "kiosk/vision/barcode_grid.h"
#include "kiosk/vision/barcode_regions.h"
#include "kiosk/vision/zxing_adapter.h"
#include "tests/unit/code_test_images.h"

namespace kiosk::test {
namespace {

using vision::BarcodeFormat;
using vision::CodeQuad;
using vision::GridSize;

constexpr int kQuietModules = 4;  // renderCode's margin

// A rendered code's symbol size in modules (its side without the quiet zone).
int modulesOf(const cv::Mat& rendered, int modulePx) { return rendered.cols / modulePx - 2 * kQuietModules; }

// The outline of a rendered code pasted at `at`, turned by `degrees` about `centre`.
CodeQuad turnedOutline(cv::Point at, int modules, int modulePx, cv::Point2f centre, double degrees) {
    const auto q = static_cast<float>(kQuietModules * modulePx);
    const auto e = q + static_cast<float>(modules * modulePx);
    const cv::Matx23d turn = cv::getRotationMatrix2D(centre, degrees, 1.0);
    CodeQuad quad = {cv::Point2f(q, q), cv::Point2f(e, q), cv::Point2f(e, e), cv::Point2f(q, e)};
    for (auto& p : quad) {
        p += cv::Point2f(at);
        p = {static_cast<float>(turn(0, 0) * p.x + turn(0, 1) * p.y + turn(0, 2)),
             static_cast<float>(turn(1, 0) * p.x + turn(1, 1) * p.y + turn(1, 2))};
    }
    return quad;
}

std::vector<std::string> textsIn(const cv::Mat& luma, BarcodeFormat format) {
    std::vector<std::string> texts;
    if (const auto found = vision::zxingRead(luma, {{format}}))
        for (const auto& b : *found) texts.push_back(b.text);
    return texts;
}

// An Aztec code of 2.5-pixel modules turned 12 degrees and blurred, on a cluttered frame: small
// and turned enough that ZXing 1.4 alone loses its grid.
struct TurnedAztec {
    static constexpr int kModulePx = 5;  // drawn at 5, then halved
    cv::Mat frame;
    CodeQuad truth;
    int modules = 0;
    TurnedAztec() {
        const cv::Mat code = renderCode(ZXing::BarcodeFormat::Aztec, "LOKET-AZ-2026-0042", kModulePx);
        modules = modulesOf(code, kModulePx);
        cv::Mat big(1440, 2560, CV_8UC1, cv::Scalar(150));
        cv::putText(big, "desk 3 / loket 2026", {200, 1200}, cv::FONT_HERSHEY_SIMPLEX, 3, cv::Scalar(40), 4);
        const cv::Point at(1500, 500);
        code.copyTo(big(cv::Rect(at, code.size())));
        const cv::Point2f centre(static_cast<float>(at.x + code.cols / 2), static_cast<float>(at.y + code.rows / 2));
        cv::warpAffine(big, big, cv::getRotationMatrix2D(centre, 12, 1.0), big.size(), cv::INTER_LINEAR,
                       cv::BORDER_REPLICATE);
        truth = turnedOutline(at, modules, kModulePx, centre, 12);
        cv::resize(big, frame, {}, 0.5, 0.5, cv::INTER_AREA);
        cv::GaussianBlur(frame, frame, {}, 0.7);
        for (auto& p : truth) p *= 0.5F;
    }
};

double farthestCorner(const CodeQuad& a, const CodeQuad& b) {
    double far = 0;
    for (std::size_t i = 0; i < 4; ++i) far = std::max(far, cv::norm(a[i] - b[i]));
    return far;
}

TEST(RedrawnGrid, OfAStraightCodeReadsAsTheCodeItself) {
    constexpr int kPx = 4;
    const cv::Mat code = renderCode(ZXing::BarcodeFormat::Aztec, "STRAIGHT", kPx);
    const int n = modulesOf(code, kPx);
    const CodeQuad quad = turnedOutline({0, 0}, n, kPx, {0, 0}, 0);
    const auto drawn = vision::redrawnGrid(code, quad, {n, n}, 5);
    EXPECT_EQ(drawn.luma.cols, (n + 6) * 5);
    EXPECT_EQ(textsIn(drawn.luma, BarcodeFormat::Aztec), std::vector<std::string>{"STRAIGHT"});
    // The map back to the frame puts the drawing's code corners on the outline's.
    const double c = 3 * 5;
    EXPECT_NEAR(drawn.toFrame(0, 0) * c + drawn.toFrame(0, 1) * c + drawn.toFrame(0, 2), quad[0].x, 1e-3);
    EXPECT_NEAR(drawn.toFrame(1, 0) * c + drawn.toFrame(1, 1) * c + drawn.toFrame(1, 2), quad[0].y, 1e-3);
}

TEST(RedrawnGrid, KeepsEveryModuleOfARectangularGrid) {
    // 8 x 32 random modules at 4 pixels with a margin, as a rectangular DataMatrix stands.
    constexpr int kPx = 4, kMargin = 3 * kPx;
    cv::Mat modules(8, 32, CV_8UC1);
    cv::RNG(7).fill(modules, cv::RNG::UNIFORM, 0, 2);
    modules *= 255;
    cv::Mat drawnByHand;
    cv::resize(modules, drawnByHand, {}, kPx, kPx, cv::INTER_NEAREST);
    cv::copyMakeBorder(drawnByHand, drawnByHand, kMargin, kMargin, kMargin, kMargin, cv::BORDER_CONSTANT,
                       cv::Scalar(255));
    const auto m = static_cast<float>(kMargin);
    const CodeQuad quad = {cv::Point2f(m, m), cv::Point2f(m + 32 * kPx, m), cv::Point2f(m + 32 * kPx, m + 8 * kPx),
                           cv::Point2f(m, m + 8 * kPx)};
    const auto drawn = vision::redrawnGrid(drawnByHand, quad, {32, 8}, 5);
    ASSERT_EQ(drawn.luma.size(), cv::Size((32 + 6) * 5, (8 + 6) * 5));
    for (int i = 0; i < 8; ++i)
        for (int j = 0; j < 32; ++j)
            EXPECT_EQ(drawn.luma.at<std::uint8_t>((i + 3) * 5 + 2, (j + 3) * 5 + 2), modules.at<std::uint8_t>(i, j))
                << "module " << i << ", " << j;
}

TEST(MatrixCodeOutline, FindsATurnedSmallAztecCodesCorners) {
    const TurnedAztec scene;
    const auto regions = vision::findCodeRegions(scene.frame, 6);
    ASSERT_FALSE(regions.empty());
    const auto& region = regions.front();
    const float middle = 1.4F * region.coreRadius;
    const double module = vision::moduleSize(scene.frame, cv::RotatedRect(region.core, {middle, middle}, 0));
    const auto outline = vision::matrixCodeOutline(scene.frame, region, module);
    ASSERT_TRUE(outline.has_value());
    // The corners come back in the frame's order after turning upright, which for 12 degrees is
    // the code's own; each within a module (2.5 pixels).
    EXPECT_LT(farthestCorner(*outline, scene.truth), 2.5);
}

TEST(MatrixCodeOutline, LeavesALinearCodeAlone) {
    const cv::Mat frame = frameWith(renderCode(ZXing::BarcodeFormat::Code128, "LINEAR-128", 3), {300, 300}, false);
    const auto regions = vision::findCodeRegions(frame, 6);
    ASSERT_FALSE(regions.empty());
    const auto& region = regions.front();
    const double module = vision::moduleSize(frame, region.box);
    EXPECT_FALSE(vision::matrixCodeOutline(frame, region, module).has_value());
}

TEST(RedrawnGrid, ReadsTheTurnedSmallAztecCodeThatZxingAloneMisses) {
    const TurnedAztec scene;
    // ZXing's own detector on a crop centred on the code, the best it is given otherwise.
    const cv::Rect around = cv::boundingRect(std::vector<cv::Point2f>(scene.truth.begin(), scene.truth.end()));
    const cv::Rect crop(around.x - 20, around.y - 20, around.width + 40, around.height + 40);
    EXPECT_TRUE(textsIn(scene.frame(crop), BarcodeFormat::Aztec).empty())
        << "ZXing reads this code by itself: the case no longer shows what the grid is for";
    const auto drawn = vision::redrawnGrid(scene.frame, scene.truth, {scene.modules, scene.modules}, 5,
                                           vision::GridThreshold::Unblurred);
    EXPECT_EQ(textsIn(drawn.luma, BarcodeFormat::Aztec), std::vector<std::string>{"LOKET-AZ-2026-0042"});
}

TEST(BarcodeReader, ReadsATurnedSmallAztecCodeByItsGrid) {
    const TurnedAztec scene;
    const vision::BarcodeReader reader({}, tickingClock());
    const auto codes = reader.read(grayFrame(scene.frame), vision::BarcodeFormats::all());
    ASSERT_TRUE(codes.ok());
    ASSERT_EQ(codes->size(), 1u);
    EXPECT_EQ((*codes)[0].format, BarcodeFormat::Aztec);
    EXPECT_EQ((*codes)[0].text, "LOKET-AZ-2026-0042");
    // The corners for the overlay land on the code's, within a couple of modules.
    for (const auto& corner : (*codes)[0].corners) {
        const cv::Point2f p(static_cast<float>(corner.x), static_cast<float>(corner.y));
        double nearest = 1e9;
        for (const auto& t : scene.truth) nearest = std::min(nearest, cv::norm(p - t));
        EXPECT_LT(nearest, 6.0);
    }
}

TEST(FittedGrid, MovesAMisplacedOutlineOntoTheModules) {
    constexpr int kPx = 4;
    const cv::Mat code = renderCode(ZXing::BarcodeFormat::Aztec, "FIT THE GRID", kPx);
    cv::Mat blurred;
    cv::GaussianBlur(code, blurred, {}, 1.0);
    const int n = modulesOf(code, kPx);
    const CodeQuad truth = turnedOutline({0, 0}, n, kPx, {0, 0}, 0);
    CodeQuad off = truth;
    off[0].x -= 1.6F;  // the left side 0.4 module out
    off[3].x -= 1.6F;
    const auto laid = vision::laidGrid(blurred, off, {n, n});
    const auto fitted = vision::fittedGrid(blurred, laid);
    EXPECT_GT(fitted.sharpness, laid.sharpness);
    EXPECT_LT(farthestCorner(fitted.quad, truth), farthestCorner(off, truth));
    // The true grid size scores above its neighbours.
    for (const int other : {n - 4, n + 4})
        EXPECT_GT(fitted.sharpness,
                  vision::fittedGrid(blurred, vision::laidGrid(blurred, truth, {other, other})).sharpness)
            << other;
}

TEST(LikelyGridSizes, FollowTheOutlinesShape) {
    const auto quad = [](float w, float h) {
        return CodeQuad{cv::Point2f(0, 0), cv::Point2f(w, 0), cv::Point2f(w, h), cv::Point2f(0, h)};
    };
    const auto has = [](const std::vector<GridSize>& sizes, GridSize n) {
        return std::find(sizes.begin(), sizes.end(), n) != sizes.end();
    };
    // A wide outline: rectangular DataMatrix sizes only.
    const auto wide = vision::likelyGridSizes(vision::kDataMatrixSizes, quad(108, 36), 3);
    EXPECT_TRUE(has(wide, {36, 12}));
    EXPECT_FALSE(has(wide, {12, 12}));
    // The same code standing on its side.
    const auto tall = vision::likelyGridSizes(vision::kDataMatrixSizes, quad(36, 108), 3);
    EXPECT_TRUE(has(tall, {12, 36}));
    EXPECT_FALSE(has(tall, {36, 12}));
    // A square one: square sizes, the one its module size suggests first, none below 1.5 pixels.
    const auto square = vision::likelyGridSizes(vision::kAztecSizes, quad(60, 60), 3);
    ASSERT_FALSE(square.empty());
    EXPECT_EQ(square.front(), (GridSize{19, 19}));
    EXPECT_TRUE(has(square, {37, 37}));
    EXPECT_FALSE(has(square, {41, 41}));
    EXPECT_FALSE(has(square, {45, 45}));
}

}  // namespace
}  // namespace kiosk::test
