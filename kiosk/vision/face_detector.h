#pragma once
// Haar cascades for faces and eyes, private to kiosk/vision (OpenCV types). Detection runs on a
// downscaled copy of the frame, or only around the face of the previous frame while tracking.

#include <opencv2/core.hpp>
#include <opencv2/objdetect.hpp>

#include <optional>
#include <vector>

#include "kiosk/base/result.h"
#include "kiosk/vision/face_quality.h"

namespace kiosk::vision {

// Lives on the camera thread, inside a FaceAssessor.
class FaceDetector {
public:
    // "vision.face_cascade" naming the file when a cascade is missing or not a cascade.
    static Result<FaceDetector> load(const FaceSettings& settings);

    // Every face in `luma` (the whole frame), in its pixels, largest first.
    std::vector<cv::Rect> detect(const cv::Mat& luma);
    // The faces within the region around `last`, or nullopt when none is there (the caller then
    // searches the whole frame).
    std::optional<std::vector<cv::Rect>> detectNear(const cv::Mat& luma, const cv::Rect& last);
    // How many of the two eye regions (left and right half of the face's upper part) hold an eye.
    int countEyes(const cv::Mat& luma, const cv::Rect& face);

private:
    FaceDetector(cv::CascadeClassifier face, std::vector<cv::CascadeClassifier> eyes, const FaceSettings& settings);

    std::vector<cv::Rect> search(const cv::Mat& luma, const cv::Rect& area, double scale, double minSide,
                                 double maxSide);

    cv::CascadeClassifier face_;
    std::vector<cv::CascadeClassifier> eyes_;
    int detectWidth_;
    double smallestFace_;
};

}  // namespace kiosk::vision
