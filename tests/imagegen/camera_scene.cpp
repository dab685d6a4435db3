#include "tests/imagegen/camera_scene.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace kiosk::testimages {
namespace {

double uniform(Rng& rng, double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); }
int uniformInt(Rng& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }
bool chance(Rng& rng, double p) { return uniform(rng, 0, 1) < p; }

cv::Scalar randomColour(Rng& rng, int lo, int hi) {
    return {static_cast<double>(uniformInt(rng, lo, hi)), static_cast<double>(uniformInt(rng, lo, hi)),
            static_cast<double>(uniformInt(rng, lo, hi))};
}

}  // namespace

Degradation randomDegradation(Rng& rng, Severity severity) {
    Degradation d;
    if (severity == Severity::Clean) return d;
    const bool hard = severity == Severity::Hard;
    d.rotationDeg = uniform(rng, hard ? -25 : -8, hard ? 25 : 8);
    d.perspective = uniform(rng, 0, hard ? 0.15 : 0.05);
    d.blurSigma = chance(rng, hard ? 0.6 : 0.3) ? uniform(rng, 0.3, hard ? 1.6 : 0.8) : 0;
    d.motionBlur = hard && chance(rng, 0.2) ? uniform(rng, 2, 5) : 0;
    d.noiseSigma = uniform(rng, 1, hard ? 12 : 5);
    d.glare = chance(rng, hard ? 0.4 : 0.15) ? uniform(rng, 0.2, hard ? 0.7 : 0.4) : 0;
    d.contrast = hard && chance(rng, 0.4) ? uniform(rng, 0.35, 0.7) : uniform(rng, 0.75, 1.0);
    d.brightness = uniform(rng, hard ? -50 : -20, hard ? 50 : 20);
    d.jpegQuality = chance(rng, hard ? 0.8 : 0.5) ? uniformInt(rng, hard ? 40 : 70, 92) : 0;
    return d;
}

std::string describe(const Degradation& d) {
    char text[160];
    std::snprintf(text, sizeof text,
                  "rot%.0f persp%.2f blur%.1f motion%.0f noise%.0f glare%.2f contrast%.2f bright%.0f q%d",
                  d.rotationDeg, d.perspective, d.blurSigma, d.motionBlur, d.noiseSigma, d.glare, d.contrast,
                  d.brightness, d.jpegQuality);
    return text;
}

cv::Mat clutteredBackground(cv::Size size, Rng& rng) {
    cv::Mat frame(size, CV_8UC3, randomColour(rng, 60, 200));
    // A few large shapes (a desk edge, a sleeve, a sheet of paper), then fine text-like strokes,
    // which are what tempts a barcode or MRZ finder.
    for (int i = 0, n = uniformInt(rng, 3, 7); i < n; ++i) {
        const cv::Point a(uniformInt(rng, 0, size.width), uniformInt(rng, 0, size.height));
        const cv::Point b(uniformInt(rng, 0, size.width), uniformInt(rng, 0, size.height));
        cv::rectangle(frame, a, b, randomColour(rng, 30, 240), cv::FILLED);
    }
    for (int i = 0, n = uniformInt(rng, 20, 60); i < n; ++i) {
        const cv::Point at(uniformInt(rng, 0, size.width), uniformInt(rng, 0, size.height));
        const double scale = uniform(rng, 0.4, 1.2);
        std::string word;
        for (int k = 0, len = uniformInt(rng, 3, 12); k < len; ++k)
            word.push_back(
                static_cast<char>(chance(rng, 0.3) ? '0' + uniformInt(rng, 0, 9) : 'a' + uniformInt(rng, 0, 25)));
        cv::putText(frame, word, at, cv::FONT_HERSHEY_SIMPLEX, scale, randomColour(rng, 0, 120), 1, cv::LINE_AA);
    }
    for (int i = 0, n = uniformInt(rng, 5, 15); i < n; ++i) {
        const cv::Point a(uniformInt(rng, 0, size.width), uniformInt(rng, 0, size.height));
        const cv::Point b(uniformInt(rng, 0, size.width), uniformInt(rng, 0, size.height));
        cv::line(frame, a, b, randomColour(rng, 0, 255), uniformInt(rng, 1, 3), cv::LINE_AA);
    }
    return frame;
}

cv::Mat placeSubject(const cv::Mat& background, const cv::Mat& subject, double fraction, const Degradation& d, Rng& rng,
                     std::array<cv::Point2f, 4>* corners) {
    const double shorter = std::min(background.cols, background.rows);
    const double longer = std::max(subject.cols, subject.rows);
    const double scale = fraction * shorter / longer;
    const float w = static_cast<float>(subject.cols * scale);
    const float h = static_cast<float>(subject.rows * scale);

    // The subject's corners around its centre: tilted (the far edge, the top, shrinks), then turned.
    const float shrink = static_cast<float>(d.perspective) * w / 2;
    std::array<cv::Point2f, 4> local = {cv::Point2f(-w / 2 + shrink, -h / 2), cv::Point2f(w / 2 - shrink, -h / 2),
                                        cv::Point2f(w / 2, h / 2), cv::Point2f(-w / 2, h / 2)};
    const double angle = d.rotationDeg * CV_PI / 180;
    const auto c = static_cast<float>(std::cos(angle));
    const auto s = static_cast<float>(std::sin(angle));
    float minX = 0, maxX = 0, minY = 0, maxY = 0;
    for (auto& p : local) {
        p = {c * p.x - s * p.y, s * p.x + c * p.y};
        minX = std::min(minX, p.x), maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y), maxY = std::max(maxY, p.y);
    }
    // A centre that keeps every corner in the frame when the subject fits; centred when it does not.
    const auto lo = [](float need, float room) { return need < room ? need : room / 2; };
    const float cxLo = lo(-minX, static_cast<float>(background.cols) - maxX);
    const float cyLo = lo(-minY, static_cast<float>(background.rows) - maxY);
    const float cxHi = std::max(cxLo, static_cast<float>(background.cols) - maxX);
    const float cyHi = std::max(cyLo, static_cast<float>(background.rows) - maxY);
    const float cx = static_cast<float>(uniform(rng, cxLo, std::nextafter(cxHi, cxHi + 1)));
    const float cy = static_cast<float>(uniform(rng, cyLo, std::nextafter(cyHi, cyHi + 1)));

    std::array<cv::Point2f, 4> placed;
    for (std::size_t i = 0; i < 4; ++i) placed[i] = {local[i].x + cx, local[i].y + cy};
    const std::array<cv::Point2f, 4> source = {
        cv::Point2f(0, 0), cv::Point2f(static_cast<float>(subject.cols), 0),
        cv::Point2f(static_cast<float>(subject.cols), static_cast<float>(subject.rows)),
        cv::Point2f(0, static_cast<float>(subject.rows))};
    const cv::Mat warp = cv::getPerspectiveTransform(source.data(), placed.data());

    cv::Mat frame = background.clone();
    cv::Mat mask(subject.size(), CV_8UC1, cv::Scalar(255));
    cv::Mat warped, warpedMask;
    cv::warpPerspective(subject, warped, warp, frame.size(), cv::INTER_AREA);
    cv::warpPerspective(mask, warpedMask, warp, frame.size(), cv::INTER_LINEAR);
    warped.copyTo(frame, warpedMask);
    if (corners) *corners = placed;
    return frame;
}

cv::Mat spoil(const cv::Mat& frame, const Degradation& d, Rng& rng) {
    cv::Mat out;
    frame.convertTo(out, CV_32FC3);
    if (d.blurSigma > 0) cv::GaussianBlur(out, out, cv::Size(), d.blurSigma);
    if (d.motionBlur >= 2) {
        const int len = static_cast<int>(d.motionBlur);
        cv::Mat kernel = cv::Mat::ones(1, len, CV_32F) / static_cast<float>(len);
        cv::filter2D(out, out, -1, kernel);
    }
    if (d.glare > 0) {
        // One soft highlight, as from a ceiling lamp on a laminated page.
        cv::Mat light(out.size(), CV_32FC1, cv::Scalar(0));
        const cv::Point centre(static_cast<int>(uniform(rng, 0.2, 0.8) * out.cols),
                               static_cast<int>(uniform(rng, 0.2, 0.8) * out.rows));
        const cv::Size axes(static_cast<int>(uniform(rng, 0.08, 0.25) * out.cols),
                            static_cast<int>(uniform(rng, 0.05, 0.15) * out.rows));
        cv::ellipse(light, centre, axes, uniform(rng, 0, 180), 0, 360, cv::Scalar(255 * d.glare), cv::FILLED);
        const double soft = std::max(3.0, axes.height / 3.0);
        cv::GaussianBlur(light, light, cv::Size(), soft);
        cv::Mat light3;
        cv::merge(std::vector<cv::Mat>{light, light, light}, light3);
        out += light3;
    }
    out = (out - 128.0) * d.contrast + 128.0 + d.brightness;
    if (d.noiseSigma > 0) {
        cv::Mat noise(out.size(), CV_32FC3);
        cv::RNG cvRng(rng());
        cvRng.fill(noise, cv::RNG::NORMAL, 0, d.noiseSigma);
        out += noise;
    }
    cv::Mat result;
    out.convertTo(result, CV_8UC3);  // saturates
    if (d.jpegQuality > 0) {
        std::vector<std::uint8_t> bytes;
        cv::imencode(".jpg", result, bytes, {cv::IMWRITE_JPEG_QUALITY, d.jpegQuality});
        result = cv::imdecode(bytes, cv::IMREAD_COLOR);
    }
    return result;
}

}  // namespace kiosk::testimages
