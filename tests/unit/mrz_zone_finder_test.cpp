// Finding the MRZ's lines in a frame, on drawn pages: two lines of dense print found as one zone,
// also when the page's pattern touches part of one line and makes it look taller than the other.

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include <cmath>

#include "kiosk/vision/mrz_zone_finder.h"

namespace kiosk::test {
namespace {

constexpr int kChars = 44;
constexpr int kPitch = 24;   // frame pixels from one character to the next
constexpr int kHeight = 22;  // the print's height

// A light page on a darker desk with two MRZ-like lines of print: blocks the size of OCR-B
// characters, 44 to a line, `lineGap` pixels of paper between the lines.
cv::Mat pageWithTwoLines(int lineGap, cv::Point origin) {
    cv::Mat frame(720, 1280, CV_8UC1, cv::Scalar(70));
    cv::rectangle(frame, {origin.x - 40, origin.y - 300}, {origin.x + kChars * kPitch + 40, origin.y + 120},
                  cv::Scalar(225), cv::FILLED);
    for (int line = 0; line < 2; ++line) {
        const int top = origin.y + line * (kHeight + lineGap);
        for (int c = 0; c < kChars; ++c) {
            const int left = origin.x + c * kPitch;
            // Each character as two strokes, so the print is not a solid bar.
            cv::rectangle(frame, {left + 2, top}, {left + 6, top + kHeight}, cv::Scalar(30), cv::FILLED);
            cv::rectangle(frame, {left + 10, top}, {left + 16, top + kHeight}, cv::Scalar(30), cv::FILLED);
        }
    }
    return frame;
}

bool hasTwoLineZoneAt(const std::vector<vision::MrzZoneCandidate>& zones, float firstY, float secondY) {
    for (const auto& z : zones) {
        if (z.lines.size() != 2) continue;
        const float y0 = (z.lines[0].start.y + z.lines[0].end.y) / 2;
        const float y1 = (z.lines[1].start.y + z.lines[1].end.y) / 2;
        if (std::abs(y0 - firstY) < kHeight && std::abs(y1 - secondY) < kHeight) return true;
    }
    return false;
}

TEST(MrzZoneFinder, FindsTwoLinesOfPrintAsOneZone) {
    const cv::Point origin{100, 500};
    const auto zones = vision::findMrzZones(pageWithTwoLines(8, origin), 8);
    const float first = static_cast<float>(origin.y + kHeight / 2);
    EXPECT_TRUE(hasTwoLineZoneAt(zones, first, first + kHeight + 8));
}

TEST(MrzZoneFinder, AMarkTouchingPartOfOneLineDoesNotHideTheZone) {
    // Glare washes out one character of the first line, which so comes in two pieces; the
    // security print's wavy line dips into the top of the shorter piece and makes it taller. The
    // joined line takes the taller height, so the lines look closer than a zone's by the average
    // of the two heights: the zone must still be found.
    const cv::Point origin{100, 500};
    cv::Mat frame = pageWithTwoLines(8, origin);
    const int washed = 30;
    cv::rectangle(frame, {origin.x + washed * kPitch, origin.y},
                  {origin.x + (washed + 1) * kPitch - 1, origin.y + kHeight}, cv::Scalar(225), cv::FILLED);
    std::vector<cv::Point> wave;
    for (int x = origin.x + (washed + 1) * kPitch; x < origin.x + kChars * kPitch; x += 2)
        wave.emplace_back(x, origin.y - 10 - static_cast<int>(9 * std::sin(x / 14.0)));
    cv::polylines(frame, wave, false, cv::Scalar(60), 3);
    const auto zones = vision::findMrzZones(frame, 8);
    const float first = static_cast<float>(origin.y + kHeight / 2);
    EXPECT_TRUE(hasTwoLineZoneAt(zones, first, first + kHeight + 8));
}

TEST(MrzZoneFinder, AParagraphOfShortLinesIsNoZone) {
    cv::Mat frame(720, 1280, CV_8UC1, cv::Scalar(225));
    for (int line = 0; line < 2; ++line)
        for (int c = 0; c < 6; ++c)
            cv::rectangle(frame, {200 + c * kPitch, 300 + line * 30}, {210 + c * kPitch, 300 + line * 30 + kHeight},
                          cv::Scalar(30), cv::FILLED);
    EXPECT_TRUE(vision::findMrzZones(frame, 8).empty());
}

}  // namespace
}  // namespace kiosk::test
