#pragma once
// What a cheap USB camera does to a document or a code held in front of it, for the generated test
// images: a cluttered background, the subject placed small or large, turned and tilted, then blur,
// noise, glare, low contrast and JPEG artefacts. Everything comes from the caller's seeded engine,
// so a seed gives the same images on every machine.

#include <opencv2/core.hpp>

#include <array>
#include <cstdint>
#include <random>
#include <string>

namespace kiosk::testimages {

using Rng = std::mt19937_64;

// How the camera and the hand spoil a frame. Zero everywhere is a clean, straight, sharp frame.
struct Degradation {
    double rotationDeg = 0;  // in the image plane
    double perspective = 0;  // 0..0.2: how far the far edge shrinks (a tilted document)
    double blurSigma = 0;    // Gaussian blur, pixels
    double motionBlur = 0;   // length of a horizontal smear, pixels
    double noiseSigma = 0;   // Gaussian sensor noise, grey levels
    double glare = 0;        // 0..1: strength of one bright elliptical highlight
    double contrast = 1;     // 0.2..1: the image's range squeezed around mid-grey
    double brightness = 0;   // -80..80 grey levels added
    int jpegQuality = 0;     // 0: none; otherwise encoded and decoded at this quality
};

// How hard the random draws are: Mild for the CI set's easy half, Hard for the rest.
enum class Severity { Clean, Mild, Hard };

// A random degradation of the given severity.
Degradation randomDegradation(Rng& rng, Severity severity);

// A short, stable text naming a degradation ("rot12 persp0.08 blur1.5 ..."), for file names and
// benchmark tables.
std::string describe(const Degradation& d);

// A BGR background of the given size: a desk, papers, lines and text-like strokes.
cv::Mat clutteredBackground(cv::Size size, Rng& rng);

// `subject` (BGR) scaled so its longer side is `fraction` of the frame's shorter side, placed at a
// random position (kept inside the frame), turned and tilted per `d`, on `background`. Returns the
// frame; `corners` receives where the subject's corners landed (top-left, top-right,
// bottom-right, bottom-left).
cv::Mat placeSubject(const cv::Mat& background, const cv::Mat& subject, double fraction, const Degradation& d, Rng& rng,
                     std::array<cv::Point2f, 4>* corners = nullptr);

// Blur, noise, glare, contrast, brightness and JPEG per `d`, applied to a whole frame.
cv::Mat spoil(const cv::Mat& frame, const Degradation& d, Rng& rng);

}  // namespace kiosk::testimages
