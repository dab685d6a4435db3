// A document held up to the camera is kept only when a person could read it: a sharp page in
// reasonable light passes and comes back as a JPEG no bigger than asked; a page out of focus or
// moving, too dark or burnt out is refused with the reason, which the screen says in words.

#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <string>

#include "kiosk/vision/document_still.h"

namespace kiosk::vision {
namespace {

// A white page of small print filling the middle of a 1280x720 frame on a grey desk.
cv::Mat page() {
    cv::Mat frame(720, 1280, CV_8UC3, cv::Scalar(120, 125, 130));
    const cv::Rect paper(300, 90, 680, 540);
    frame(paper).setTo(cv::Scalar(245, 245, 245));
    for (int line = 0; line < 18; ++line)
        cv::putText(frame, "SURAT KETERANGAN CONTOH BARIS " + std::to_string(line + 1),
                    {paper.x + 20, paper.y + 30 + line * 28}, cv::FONT_HERSHEY_SIMPLEX, 0.7, cv::Scalar(30, 30, 30), 1,
                    cv::LINE_AA);
    return frame;
}

drivers::CameraFrame frameOf(const cv::Mat& bgr) {
    drivers::CameraFrame f;
    f.size = {bgr.cols, bgr.rows};
    f.format = drivers::PixelFormat::Bgr8;
    f.pixels.assign(bgr.datastart, bgr.dataend);
    return f;
}

TEST(DocumentStill, ASharpPageIsKeptAsAJpegNoBiggerThanAsked) {
    DocumentStillSettings settings;
    settings.maxSide = 640;
    const auto check = checkDocumentStill(frameOf(page()));
    ASSERT_TRUE(check) << check.error().detail;
    EXPECT_GT(check->sharpness, settings.minSharpness * 3);
    auto jpeg = documentStill(frameOf(page()), settings);
    ASSERT_TRUE(jpeg) << jpeg.error().code << ": " << jpeg.error().detail;
    const cv::Mat decoded = cv::imdecode(*jpeg, cv::IMREAD_COLOR);
    ASSERT_FALSE(decoded.empty());
    EXPECT_EQ(decoded.cols, 640);
    EXPECT_EQ(decoded.rows, 360);
}

TEST(DocumentStill, APageOutOfFocusOrMovingIsRefused) {
    cv::Mat soft;
    cv::GaussianBlur(page(), soft, cv::Size(), 4);
    auto refused = documentStill(frameOf(soft));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, "document.blurry");
    cv::Mat moving;
    cv::blur(page(), moving, cv::Size(31, 1));
    refused = documentStill(frameOf(moving));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, "document.blurry");
}

TEST(DocumentStill, TooDarkOrBurntOutIsRefusedBeforeSharpness) {
    cv::Mat dark;
    page().convertTo(dark, -1, 0.15, 0);
    auto refused = documentStill(frameOf(dark));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, "document.too_dark");
    cv::Mat bright;
    page().convertTo(bright, -1, 1, 200);
    refused = documentStill(frameOf(bright));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, "document.too_bright");
}

TEST(DocumentStill, AnEmptyFrameIsNoPicture) {
    const auto refused = documentStill(drivers::CameraFrame{});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, "document.no_picture");
}

}  // namespace
}  // namespace kiosk::vision
