#pragma once
// Camera frames with a face for the face photo's tests and benchmark. The face is a portrait that a
// Debian package installs (python-matplotlib-data's sample photo, public domain); it is read from
// where the package puts it and never copied into the repository. The frame around it is drawn
// here, and every degradation (dark, burnt out, blurred, side-lit, off-centre, small, two faces) is
// made from it in code.

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <filesystem>

namespace kiosk::test {

inline const std::filesystem::path kPortraitFile = "/usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg";
// Where the portrait's face is (measured once with the frontal-face cascade): centre and height.
inline const cv::Point2d kPortraitFaceCentre{263, 218};
inline constexpr double kPortraitFaceHeight = 222;

// opencv-doc's example pictures, for pictures without faces (optional: tests skip without it).
inline const std::filesystem::path kOpencvExamples = "/usr/share/doc/opencv-doc/examples/data";

inline cv::Mat portrait() { return cv::imread(kPortraitFile.string(), cv::IMREAD_COLOR); }

// A plain wall behind the kiosk: a soft vertical gradient, no edges that could look like a face.
inline cv::Mat wall(cv::Size size) {
    cv::Mat frame(size, CV_8UC3);
    for (int y = 0; y < size.height; ++y)
        frame.row(y).setTo(cv::Scalar(150 - 40.0 * y / size.height, 160 - 30.0 * y / size.height, 165));
    return frame;
}

// The portrait scaled by `scale` and pasted onto a wall of `size` so that its face centre lands at
// `faceAt` (fractions of the frame); whatever falls outside the frame is cut off.
inline cv::Mat sceneWithFace(const cv::Mat& photo, double scale = 1.0, cv::Point2d faceAt = {0.5, 0.4},
                             cv::Size size = {1280, 720}, cv::Mat frame = {}) {
    if (frame.empty()) frame = wall(size);
    cv::Mat scaled;
    cv::resize(photo, scaled, cv::Size(), scale, scale, scale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
    const cv::Point origin(static_cast<int>(faceAt.x * size.width - kPortraitFaceCentre.x * scale),
                           static_cast<int>(faceAt.y * size.height - kPortraitFaceCentre.y * scale));
    const cv::Rect target = cv::Rect(origin, scaled.size()) & cv::Rect(cv::Point(0, 0), size);
    if (target.area() > 0) scaled(target - origin).copyTo(frame(target));
    return frame;
}

// Luma scaled by `gain` and shifted by `offset` (dark: gain < 1; burnt out: gain > 1).
inline cv::Mat exposed(const cv::Mat& frame, double gain, double offset = 0) {
    cv::Mat out;
    frame.convertTo(out, -1, gain, offset);
    return out;
}

inline cv::Mat blurred(const cv::Mat& frame, double sigma) {
    cv::Mat out;
    cv::GaussianBlur(frame, out, cv::Size(), sigma);
    return out;
}

// Light from one side: the left part of the frame (up to `edge`, a fraction of the width) darkened
// to `gain`, with a soft ramp to the lit side.
inline cv::Mat sideLit(const cv::Mat& frame, double edge, double gain) {
    cv::Mat out = frame.clone();
    const int ramp = frame.cols / 40;
    for (int x = 0; x < frame.cols; ++x) {
        const double t = std::clamp((x - edge * frame.cols) / ramp + 0.5, 0.0, 1.0);
        out.col(x).convertTo(out.col(x), -1, gain + (1 - gain) * t);
    }
    return out;
}

}  // namespace kiosk::test
