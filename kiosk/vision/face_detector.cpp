#include "kiosk/vision/face_detector.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <system_error>

namespace kiosk::vision {
namespace {

Result<cv::CascadeClassifier> loadCascade(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return makeError("vision.face_cascade",
                         path.string() + ": no such file (Debian's opencv-data installs the cascades)");
    cv::CascadeClassifier cascade;
    try {
        if (!cascade.load(path.string()) || cascade.empty())
            return makeError("vision.face_cascade", path.string() + ": not a cascade OpenCV can read");
    } catch (const cv::Exception& e) {
        return makeError("vision.face_cascade", path.string() + ": " + e.what());
    }
    return cascade;
}

cv::Rect scaled(const cv::Rect& r, double by, const cv::Point& offset) {
    return {offset.x + static_cast<int>(std::lround(r.x * by)), offset.y + static_cast<int>(std::lround(r.y * by)),
            static_cast<int>(std::lround(r.width * by)), static_cast<int>(std::lround(r.height * by))};
}

// The share of `a` covered by `b`.
double covered(const cv::Rect& a, const cv::Rect& b) {
    const double area = a.area();
    return area > 0 ? (a & b).area() / area : 0.0;
}

}  // namespace

Result<FaceDetector> FaceDetector::load(const FaceSettings& settings) {
    auto face = loadCascade(settings.faceCascade);
    if (!face) return face.error();
    std::vector<cv::CascadeClassifier> eyes;
    for (const auto& path : settings.eyeCascades) {
        auto eye = loadCascade(path);
        if (!eye) return eye.error();
        eyes.push_back(std::move(*eye));
    }
    return FaceDetector(std::move(*face), std::move(eyes), settings);
}

FaceDetector::FaceDetector(cv::CascadeClassifier face, std::vector<cv::CascadeClassifier> eyes,
                           const FaceSettings& settings)
    : face_(std::move(face)),
      eyes_(std::move(eyes)),
      detectWidth_(std::max(64, settings.detectWidth)),
      smallestFace_(settings.smallestFace) {}

std::vector<cv::Rect> FaceDetector::search(const cv::Mat& luma, const cv::Rect& area, double scale, double minSide,
                                           double maxSide) {
    cv::Mat small;
    const cv::Mat region = luma(area);
    if (scale < 1.0)
        cv::resize(region, small, cv::Size(), scale, scale, cv::INTER_AREA);
    else
        small = region.clone();
    // Equalised, so that a dark or washed-out face is still found and can be told what is wrong.
    cv::equalizeHist(small, small);
    const auto side = [&](double s) { return std::max(20, static_cast<int>(s * scale)); };
    const int smallest = side(minSide);
    const int largest = std::max(smallest + 1, std::min({side(maxSide), small.cols, small.rows}));
    // Steps of 15% and three neighbours: half the cost of OpenCV's 10% and four, and still no face
    // on opencv-doc's pictures without people (the tests keep it so).
    std::vector<cv::Rect> found;
    face_.detectMultiScale(small, found, 1.15, 3, cv::CASCADE_SCALE_IMAGE, cv::Size(smallest, smallest),
                           cv::Size(largest, largest));
    for (auto& r : found) r = scaled(r, 1.0 / scale, area.tl()) & cv::Rect(0, 0, luma.cols, luma.rows);
    std::sort(found.begin(), found.end(), [](const cv::Rect& a, const cv::Rect& b) { return a.area() > b.area(); });
    // A face inside a larger face is the same face found twice at two scales.
    std::vector<cv::Rect> faces;
    for (const auto& r : found)
        if (std::none_of(faces.begin(), faces.end(), [&](const cv::Rect& f) { return covered(r, f) > 0.6; }))
            faces.push_back(r);
    return faces;
}

std::vector<cv::Rect> FaceDetector::detect(const cv::Mat& luma) {
    const double scale = std::min(1.0, static_cast<double>(detectWidth_) / luma.cols);
    return search(luma, cv::Rect(0, 0, luma.cols, luma.rows), scale, smallestFace_ * luma.rows, luma.rows);
}

std::optional<std::vector<cv::Rect>> FaceDetector::detectNear(const cv::Mat& luma, const cv::Rect& last) {
    if (last.width <= 0) return std::nullopt;
    const cv::Rect frame(0, 0, luma.cols, luma.rows);
    const int margin = last.width / 2;
    const cv::Rect area =
        cv::Rect(last.x - margin, last.y - margin, last.width + 2 * margin, last.height + 2 * margin) & frame;
    if (area.width < 24 || area.height < 24) return std::nullopt;
    // The face is searched at about 64 px: enough for the cascade, and a handful of scales only.
    const double scale = std::min(1.0, 64.0 / last.width);
    auto faces = search(luma, area, scale, 0.7 * last.width, 1.45 * last.width);
    if (faces.empty()) return std::nullopt;
    return faces;
}

int FaceDetector::countEyes(const cv::Mat& luma, const cv::Rect& face) {
    // The eyes sit in the band from 1/6 to about 3/5 of a Haar face box, one in each half.
    const cv::Rect band = cv::Rect(face.x, face.y + face.height / 6, face.width, face.height * 2 / 5) &
                          cv::Rect(0, 0, luma.cols, luma.rows);
    if (band.width < 16 || band.height < 8) return 0;
    cv::Mat small;
    const double scale = 120.0 / band.width;
    cv::resize(luma(band), small, cv::Size(), scale, scale, scale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
    int eyes = 0;
    for (int half = 0; half < 2; ++half) {
        const cv::Mat side = small(cv::Rect(half * small.cols / 2, 0, small.cols / 2, small.rows));
        // Eyes are about a quarter of the face wide (30 px here): a narrow range of sizes, fine
        // steps, and two neighbours, since glasses break up what a single cascade sees.
        for (auto& cascade : eyes_) {
            std::vector<cv::Rect> found;
            cascade.detectMultiScale(side, found, 1.05, 2, cv::CASCADE_SCALE_IMAGE, cv::Size(14, 14), cv::Size(32, 32));
            if (found.empty()) continue;
            ++eyes;
            break;
        }
    }
    return eyes;
}

}  // namespace kiosk::vision
