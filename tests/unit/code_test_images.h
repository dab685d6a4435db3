#pragma once
// Codes drawn for the vision tests: ZXing's writer renders a symbol, OpenCV places it on a plain or
// cluttered 1280x720 frame. Test code only; the kiosk itself never writes through ZXing here.

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>

#include "kiosk/vision/barcode_reader.h"

namespace kiosk::test {

// The symbol's modules at `modulePx` pixels each, black on white, with ZXing's quiet zone.
inline cv::Mat renderCode(ZXing::BarcodeFormat format, const std::string& text, int modulePx) {
    const bool linear = format == ZXing::BarcodeFormat::Code128;
    const auto bits = ZXing::MultiFormatWriter(format).encode(text, 0, linear ? 30 : 0);
    cv::Mat code(bits.height(), bits.width(), CV_8UC1);
    for (int y = 0; y < bits.height(); ++y)
        for (int x = 0; x < bits.width(); ++x) code.at<std::uint8_t>(y, x) = bits.get(x, y) ? 0 : 255;
    cv::Mat big;
    cv::resize(code, big, {}, modulePx, modulePx, cv::INTER_NEAREST);
    cv::Mat padded;
    cv::copyMakeBorder(big, padded, 4 * modulePx, 4 * modulePx, 4 * modulePx, 4 * modulePx, cv::BORDER_CONSTANT,
                       cv::Scalar(255));
    return padded;
}

// A grey 1280x720 frame (mid-grey with some darker shapes) with `code` pasted at `at` (top-left),
// moved as little as needed to fit.
inline cv::Mat frameWith(const cv::Mat& code, cv::Point at, bool clutter = true) {
    cv::Mat frame(720, 1280, CV_8UC1, cv::Scalar(150));
    if (clutter) {
        cv::rectangle(frame, {40, 40}, {400, 300}, cv::Scalar(90), cv::FILLED);
        cv::putText(frame, "LOKET 2026 desk 3", {700, 650}, cv::FONT_HERSHEY_SIMPLEX, 1.2, cv::Scalar(30), 2);
        cv::line(frame, {0, 500}, {1280, 560}, cv::Scalar(60), 3);
    }
    // Kept inside the frame: a wide PDF417 or Code 128 moves left or up as far as it must.
    at.x = std::clamp(at.x, 0, frame.cols - code.cols);
    at.y = std::clamp(at.y, 0, frame.rows - code.rows);
    code.copyTo(frame(cv::Rect(at, code.size())));
    return frame;
}

inline drivers::CameraFrame grayFrame(const cv::Mat& gray, std::uint64_t sequence = 0) {
    drivers::CameraFrame f{{}, sequence, {gray.cols, gray.rows}, drivers::PixelFormat::Gray8, {}};
    const cv::Mat c = gray.isContinuous() ? gray : gray.clone();
    f.pixels.assign(c.ptr<std::uint8_t>(), c.ptr<std::uint8_t>() + c.total());
    return f;
}

// A time source that moves one millisecond each time it is read, whatever the machine's speed: the
// reader's budget then allows the same passes on every run, under sanitizers too.
inline vision::SteadyNow tickingClock(std::chrono::milliseconds step = std::chrono::milliseconds(1)) {
    auto now = std::make_shared<std::chrono::steady_clock::time_point>();
    return [now, step] { return *now += step; };
}

}  // namespace kiosk::test
