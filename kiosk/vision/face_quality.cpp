#include "kiosk/vision/face_quality.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>

#include "kiosk/vision/face_detector.h"
#include "kiosk/vision/frame_mats.h"

namespace kiosk::vision {
namespace {

QualityCheck bounded(std::string name, double value, std::optional<double> min, std::optional<double> max) {
    const bool pass = (!min || value >= *min) && (!max || value <= *max);
    return {std::move(name), value, min, max, pass};
}

PixelRect toPixelRect(const cv::Rect& r) { return {r.x, r.y, r.width, r.height}; }
cv::Rect toRect(const PixelRect& r) { return {r.x, r.y, r.width, r.height}; }

// The skin of the face: the middle of the box, below the forehead (hair, hats) and inside the
// cheeks (background at the sides).
cv::Rect innerFace(const cv::Rect& f) {
    return {f.x + f.width / 5, f.y + f.height / 4, f.width * 3 / 5, f.height * 13 / 20};
}

double sharpnessOf(const cv::Mat& luma, const cv::Rect& face) {
    // Measured on the face scaled to a fixed width, so that the value does not grow with its size.
    cv::Mat fixed;
    const double scale = 128.0 / face.width;
    cv::resize(luma(face), fixed, cv::Size(), scale, scale, scale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
    cv::Mat laplacian;
    cv::Laplacian(fixed, laplacian, CV_32F);
    cv::Scalar mean, deviation;
    cv::meanStdDev(laplacian, mean, deviation);
    return deviation[0] * deviation[0];
}

// The 7:9 passport crop around `face`: where it should be, and where it fits in the frame.
struct Crop {
    cv::Rect ideal;
    cv::Rect placed;  // the ideal shifted (and if need be shrunk) to lie inside the frame
};

Crop passportCrop(const cv::Rect& face, const cv::Size& frame, const FaceSettings& s) {
    const double head = s.headToFace * face.height;
    const int unit = std::max(1, static_cast<int>(std::lround(head / s.headFraction / 9.0)));
    int height = 9 * unit;
    int width = 7 * unit;
    const double crown = face.y + face.height - head;  // the Haar box ends near the chin
    const cv::Rect ideal(static_cast<int>(std::lround(face.x + face.width / 2.0 - width / 2.0)),
                         static_cast<int>(std::lround(crown - s.topMargin * height)), width, height);
    if (height > frame.height || width > frame.width) {
        const int fit = std::max(1, std::min(frame.height / 9, frame.width / 7));
        width = 7 * fit;
        height = 9 * fit;
    }
    const int x = std::clamp(ideal.x + (ideal.width - width) / 2, 0, frame.width - width);
    const int y = std::clamp(ideal.y + (ideal.height - height) / 2, 0, frame.height - height);
    return {ideal, cv::Rect(x, y, width, height)};
}

// The order in which the advice is given: first what the person must fix before anything else can
// be judged (who and where), then light, then stillness, and the eyes last.
constexpr std::array<std::string_view, 12> kOrder = {"faces",         "face_size", "offset_x",   "offset_y",
                                                     "crop_x",        "crop_y",    "brightness", "clipped",
                                                     "light_balance", "sharpness", "motion",     "eyes"};

FaceHint adviceFor(const QualityCheck& c) {
    const bool low = c.min && c.value < *c.min;
    if (c.name == "faces") return low ? FaceHint::NoFace : FaceHint::SeveralFaces;
    if (c.name == "face_size") return low ? FaceHint::MoveCloser : FaceHint::MoveBack;
    if (c.name == "offset_x") return low ? FaceHint::MoveRight : FaceHint::MoveLeft;
    if (c.name == "offset_y") return low ? FaceHint::MoveDown : FaceHint::MoveUp;
    // The crop had to be pushed back into the frame: the face must go the way it was pushed.
    if (c.name == "crop_x") return low ? FaceHint::MoveLeft : FaceHint::MoveRight;
    if (c.name == "crop_y") return low ? FaceHint::MoveUp : FaceHint::MoveDown;
    if (c.name == "brightness") return low ? FaceHint::TooDark : FaceHint::TooBright;
    if (c.name == "clipped") return FaceHint::TooBright;
    if (c.name == "light_balance") return FaceHint::UnevenLight;
    if (c.name == "sharpness" || c.name == "motion") return FaceHint::HoldStill;
    return FaceHint::EyesClosed;
}

}  // namespace

std::string_view faceHintCode(FaceHint hint) {
    switch (hint) {
    case FaceHint::NoFace: return "face.no_face";
    case FaceHint::SeveralFaces: return "face.several_faces";
    case FaceHint::MoveCloser: return "face.move_closer";
    case FaceHint::MoveBack: return "face.move_back";
    case FaceHint::MoveLeft: return "face.move_left";
    case FaceHint::MoveRight: return "face.move_right";
    case FaceHint::MoveUp: return "face.move_up";
    case FaceHint::MoveDown: return "face.move_down";
    case FaceHint::TooDark: return "face.too_dark";
    case FaceHint::TooBright: return "face.too_bright";
    case FaceHint::UnevenLight: return "face.uneven_light";
    case FaceHint::HoldStill: return "face.hold_still";
    case FaceHint::EyesClosed: return "face.eyes_closed";
    case FaceHint::Ready: return "face.ready";
    }
    return "face.unknown";
}

const QualityCheck* FaceCheck::find(std::string_view name) const {
    const auto it = std::find_if(checks.begin(), checks.end(), [&](const QualityCheck& c) { return c.name == name; });
    return it == checks.end() ? nullptr : &*it;
}

FaceHint hintOf(const std::vector<QualityCheck>& checks, bool eyesRequired) {
    for (const auto name : kOrder) {
        if (name == "eyes" && !eyesRequired) continue;
        const auto it =
            std::find_if(checks.begin(), checks.end(), [&](const QualityCheck& c) { return c.name == name; });
        if (it != checks.end() && !it->pass) return adviceFor(*it);
    }
    return FaceHint::Ready;
}

struct FaceAssessor::Impl {
    FaceSettings settings;
    FaceDetector detector;
    // The previous frame's luma at the previous face's box, scaled to a small square, for motion.
    cv::Mat previousPatch;
    cv::Rect previousBox;
};

FaceAssessor::FaceAssessor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FaceAssessor::FaceAssessor(FaceAssessor&&) noexcept = default;
FaceAssessor& FaceAssessor::operator=(FaceAssessor&&) noexcept = default;
FaceAssessor::~FaceAssessor() = default;

Result<FaceAssessor> FaceAssessor::create(FaceSettings settings) {
    auto detector = FaceDetector::load(settings);
    if (!detector) return detector.error();
    return FaceAssessor(std::make_unique<Impl>(Impl{std::move(settings), std::move(*detector), {}, {}}));
}

const FaceSettings& FaceAssessor::settings() const { return impl_->settings; }

void FaceAssessor::reset() {
    impl_->previousPatch.release();
    impl_->previousBox = {};
}

Result<FaceCheck> FaceAssessor::assessOrThrow(const drivers::CameraFrame& frame, std::optional<PixelRect> near) {
    auto lumaResult = lumaOf(frame);
    if (!lumaResult) return lumaResult.error();
    const cv::Mat& luma = *lumaResult;
    const auto& s = impl_->settings;
    auto& detector = impl_->detector;

    std::vector<cv::Rect> faces;
    std::optional<std::vector<cv::Rect>> tracked;
    if (near) tracked = detector.detectNear(luma, toRect(*near));
    faces = tracked ? std::move(*tracked) : detector.detect(luma);

    FaceCheck check;
    for (const auto& f : faces) check.faces.push_back(toPixelRect(f));
    check.checks.push_back(bounded("faces", static_cast<double>(faces.size()), 1.0, 1.0));
    if (faces.empty()) {
        reset();
        check.hint = FaceHint::NoFace;
        return check;
    }

    const cv::Rect face = faces.front();
    const double w = luma.cols;
    const double h = luma.rows;
    check.checks.push_back(bounded("face_size", face.height / h, s.minFaceHeight, s.maxFaceHeight));
    check.checks.push_back(bounded("offset_x", (face.x + face.width / 2.0) / w - 0.5, -s.maxOffsetX, s.maxOffsetX));
    check.checks.push_back(
        bounded("offset_y", (face.y + face.height / 2.0) / h - s.targetY, -s.maxOffsetY, s.maxOffsetY));

    const Crop crop = passportCrop(face, luma.size(), s);
    check.crop = toPixelRect(crop.placed);
    check.checks.push_back(bounded("crop_x", static_cast<double>(crop.placed.x - crop.ideal.x) / crop.ideal.width,
                                   -s.maxCropShift, s.maxCropShift));
    check.checks.push_back(bounded("crop_y", static_cast<double>(crop.placed.y - crop.ideal.y) / crop.ideal.height,
                                   -s.maxCropShift, s.maxCropShift));

    const cv::Rect inner = innerFace(face) & cv::Rect(0, 0, luma.cols, luma.rows);
    if (inner.width >= 4 && inner.height >= 4) {
        const cv::Mat skin = luma(inner);
        check.checks.push_back(bounded("brightness", cv::mean(skin)[0], s.minLuma, s.maxLuma));
        check.checks.push_back(
            bounded("clipped", cv::countNonZero(skin >= 250) / static_cast<double>(skin.total()), {}, s.maxClipped));
        const double left = cv::mean(skin.colRange(0, skin.cols / 2))[0];
        const double right = cv::mean(skin.colRange(skin.cols / 2, skin.cols))[0];
        const double balance = std::max(left, right) > 0 ? std::min(left, right) / std::max(left, right) : 1.0;
        check.checks.push_back(bounded("light_balance", balance, s.minLightBalance, {}));
    }
    check.checks.push_back(bounded("sharpness", sharpnessOf(luma, face), s.minSharpness, {}));

    // Motion: the same place in this frame and the last, so a face moving out of its box counts.
    constexpr int kPatch = 48;
    if (!impl_->previousPatch.empty() &&
        (impl_->previousBox & cv::Rect(0, 0, luma.cols, luma.rows)) == impl_->previousBox) {
        cv::Mat now;
        cv::resize(luma(impl_->previousBox), now, cv::Size(kPatch, kPatch), 0, 0, cv::INTER_AREA);
        cv::Mat difference;
        cv::absdiff(now, impl_->previousPatch, difference);
        check.checks.push_back(bounded("motion", cv::mean(difference)[0], {}, s.maxMotion));
    }
    impl_->previousBox = face;
    cv::resize(luma(face), impl_->previousPatch, cv::Size(kPatch, kPatch), 0, 0, cv::INTER_AREA);

    check.checks.push_back(bounded("eyes", detector.countEyes(luma, face), 2.0, {}));
    check.hint = hintOf(check.checks, s.eyesRequired);
    return check;
}

Result<FaceCheck> FaceAssessor::assess(const drivers::CameraFrame& frame, std::optional<PixelRect> near) {
    try {
        return assessOrThrow(frame, near);
    } catch (const cv::Exception& e) {
        reset();
        return makeError("vision.face", e.what());
    }
}

Result<std::vector<std::uint8_t>> FaceAssessor::encodeCrop(const drivers::CameraFrame& frame,
                                                           const FaceCheck& check) const {
    if (!check.crop) return makeError("vision.face_crop", "no single face to crop");
    auto bgr = bgrOf(frame);
    if (!bgr) return bgr.error();
    const cv::Rect area = toRect(*check.crop);
    if ((area & cv::Rect(0, 0, bgr->cols, bgr->rows)) != area)
        return makeError("vision.face_crop", "the crop lies outside the frame");
    cv::Mat photo = (*bgr)(area);
    const int maxWidth = impl_->settings.photoMaxWidth;
    if (maxWidth > 0 && photo.cols > maxWidth) {
        // Keep 7:9 exactly: the height follows from a width that is a multiple of 7.
        const int unit = maxWidth / 7;
        cv::resize(photo, photo, cv::Size(7 * unit, 9 * unit), 0, 0, cv::INTER_AREA);
    }
    std::vector<std::uint8_t> jpeg;
    try {
        if (!cv::imencode(".jpg", photo, jpeg, {cv::IMWRITE_JPEG_QUALITY, impl_->settings.jpegQuality}))
            return makeError("vision.face_crop", "the JPEG encoder refused the photo");
    } catch (const cv::Exception& e) {
        return makeError("vision.face_crop", e.what());
    }
    return jpeg;
}

Result<FaceCheck> assessFace(const drivers::CameraFrame& frame, const FaceSettings& settings) {
    auto assessor = FaceAssessor::create(settings);
    if (!assessor) return assessor.error();
    return assessor->assess(frame);
}

}  // namespace kiosk::vision
