#include "kiosk/vision/document_still.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <string>

#include "kiosk/vision/frame_mats.h"

namespace kiosk::vision {

namespace {

constexpr int kMeasureWidth = 800;

std::string figure(double value) { return std::to_string(static_cast<long>(value + 0.5)); }

}  // namespace

Result<DocumentStillCheck> checkDocumentStill(const drivers::CameraFrame& frame, const DocumentStillSettings&) {
    auto luma = lumaOf(frame);
    if (!luma || luma->empty()) return makeError("document.no_picture", luma ? "an empty frame" : luma.error().detail);
    // Where the screen's frame guides the document: the middle of the picture, not the desk
    // around it (sharp clutter must not pass for a sharp page).
    const cv::Rect middle(luma->cols / 5, luma->rows * 3 / 20, luma->cols * 3 / 5, luma->rows * 7 / 10);
    if (middle.empty()) return makeError("document.no_picture", "a frame too small to read");
    cv::Mat small;
    const double scale = static_cast<double>(kMeasureWidth) * 3 / 5 / middle.width;
    cv::resize((*luma)(middle), small, cv::Size(), scale, scale, scale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
    // Across and along: a page moving sideways smears the strokes one way only, which the sum of
    // both directions (the Laplacian) would hide. The weaker direction counts.
    const auto variance = [](const cv::Mat& m) {
        cv::Scalar mean;
        cv::Scalar deviation;
        cv::meanStdDev(m, mean, deviation);
        return deviation[0] * deviation[0];
    };
    // Sensor noise is sharp too: smoothed away first, while print survives it.
    cv::GaussianBlur(small, small, cv::Size(), 1.0);
    cv::Mat across;
    cv::Mat along;
    cv::Sobel(small, across, CV_64F, 2, 0);
    cv::Sobel(small, along, CV_64F, 0, 2);
    DocumentStillCheck check;
    check.sharpness = std::min(variance(across), variance(along));
    check.brightness = cv::mean(small)[0];
    return check;
}

Result<std::vector<std::uint8_t>> documentStill(const drivers::CameraFrame& frame,
                                                const DocumentStillSettings& settings) {
    auto check = checkDocumentStill(frame, settings);
    if (!check) return check.error();
    if (check->brightness < settings.minBrightness)
        return makeError("document.too_dark", "mean luma " + figure(check->brightness));
    if (check->brightness > settings.maxBrightness)
        return makeError("document.too_bright", "mean luma " + figure(check->brightness));
    if (check->sharpness < settings.minSharpness)
        return makeError("document.blurry", "sharpness " + figure(check->sharpness));
    auto bgr = bgrOf(frame);
    if (!bgr) return makeError("document.no_picture", bgr.error().detail);
    cv::Mat picture = *bgr;
    const int side = std::max(picture.cols, picture.rows);
    if (settings.maxSide > 0 && side > settings.maxSide) {
        const double scale = static_cast<double>(settings.maxSide) / side;
        cv::resize(picture, picture, cv::Size(), scale, scale, cv::INTER_AREA);
    }
    std::vector<std::uint8_t> jpeg;
    try {
        if (!cv::imencode(".jpg", picture, jpeg, {cv::IMWRITE_JPEG_QUALITY, settings.jpegQuality}))
            return makeError("document.no_picture", "the JPEG encoder refused the picture");
    } catch (const cv::Exception& e) {
        return makeError("document.no_picture", e.what());
    }
    return jpeg;
}

}  // namespace kiosk::vision
