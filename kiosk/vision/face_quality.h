#pragma once
// The face photo's quality checks: find the faces in a camera frame and measure what a passport
// photo needs (one face, its size and place, sharpness, exposure, even light, open eyes). Every
// check is reported with its value, its bounds and its verdict, so the screen can guide the person
// and kioskctl can show an operator why a photo was refused. No OpenCV types here: frames come in
// as drivers::CameraFrame, results go out as plain values.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drivers/api/camera.h"
#include "kiosk/base/result.h"

namespace kiosk::vision {

// Where Debian's opencv-data puts OpenCV's cascades.
inline constexpr std::string_view kHaarCascadeDir = "/usr/share/opencv4/haarcascades";

// Thresholds and tuning of the face photo. Fractions are of the frame unless said otherwise; the
// defaults were set on 1280x720 frames made from the portrait in Debian's python-matplotlib-data
// (tests/unit/face_scenes.h) and checked on opencv-doc's example pictures.
struct FaceSettings {
    // alt2 finds no face on opencv-doc's pictures without people, where the default cascade finds
    // faces in a painting, a cat and playing cards.
    std::filesystem::path faceCascade = std::filesystem::path(kHaarCascadeDir) / "haarcascade_frontalface_alt2.xml";
    // An eye counts when any of these finds it: the eyeglasses variant sees eyes behind glasses,
    // the plain one finds some that it misses; neither finds closed eyes.
    std::vector<std::filesystem::path> eyeCascades = {
        std::filesystem::path(kHaarCascadeDir) / "haarcascade_eye_tree_eyeglasses.xml",
        std::filesystem::path(kHaarCascadeDir) / "haarcascade_eye.xml"};

    // Detection runs on a copy this wide (never enlarged): Haar at 640 px costs 36-58 ms a frame;
    // at 320 px a full search plus every check costs about 20 ms of one core (tests/bench/face_bench).
    int detectWidth = 320;
    // Faces smaller than this (of the frame's height) are not searched for at all; smaller than
    // minFaceHeight but above this, the person is told to come closer.
    double smallestFace = 0.15;
    // Between full detections the face is searched only near where it was; every this many frames
    // the whole frame is searched again, so that a second face is noticed.
    int fullDetectionEvery = 5;

    double minFaceHeight = 0.25;  // face box height / frame height: smaller gives a blurry photo
    double maxFaceHeight = 0.55;  // larger and the passport crop no longer fits in the frame
    double maxOffsetX = 0.10;     // |face centre - frame centre| / frame width
    double targetY = 0.40;        // where the face centre should be, of the frame height from the top
    double maxOffsetY = 0.12;     // |face centre - targetY| / frame height
    double maxCropShift = 0.03;   // how far the passport crop may be pushed into the frame, of its size

    // Variance of the Laplacian of the face scaled to 128 px wide. The test portrait (222 px face)
    // gives about 1400 sharp, 100 under a 2 px Gaussian blur and 34 under 3 px; smooth young skin
    // gives less than a wrinkled face, hence the low bar.
    double minSharpness = 60;
    double minLuma = 70;           // mean luma of the inner face; below: too dark
    double maxLuma = 200;          // above: too bright
    double maxClipped = 0.08;      // share of inner-face pixels at 250 or more: burnt-out skin
    double minLightBalance = 0.7;  // darker half / brighter half of the face (left vs right)
    // Mean absolute luma change where the face was, between frames (0-255): sensor noise alone
    // gives under 1, a 222 px face moving 2 px about 7, moving 4 px about 14.
    double maxMotion = 12;
    bool eyesRequired = true;

    // Passport photo, 35 x 45 mm: the head (about headToFace face boxes, crown to chin) fills
    // headFraction of the photo's height, with topMargin of the height above the crown.
    double headToFace = 1.3;
    double headFraction = 0.75;
    double topMargin = 0.08;
    int photoMaxWidth = 413;  // 35 mm at 300 dpi; smaller crops are kept as they are
    int jpegQuality = 92;

    // The taker: consecutive frames that pass every check before the photo is taken.
    int goodFramesToCapture = 5;
    // Frames that pass everything but the eyes before the eye check is waived for this person:
    // the eye cascade cannot see through some glasses, and "open your eyes" must not loop for ever.
    int eyesWaivedAfter = 40;
};

struct PixelRect {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;
    friend bool operator==(const PixelRect&, const PixelRect&) = default;
};

// What the person should do next, in the camera's view: MoveLeft means "towards the left edge of
// the frame"; a screen that mirrors the preview says it the mirrored way.
enum class FaceHint {
    NoFace,
    SeveralFaces,
    MoveCloser,
    MoveBack,
    MoveLeft,
    MoveRight,
    MoveUp,
    MoveDown,
    TooDark,
    TooBright,
    UnevenLight,
    HoldStill,
    EyesClosed,
    Ready,
};

// A stable code for logs, JSON and the i18n key ("face.move_closer").
std::string_view faceHintCode(FaceHint hint);

// One measured quality: acceptable when min <= value <= max (an absent bound is no bound).
struct QualityCheck {
    std::string name;  // "faces", "face_size", "offset_x", "offset_y", "crop_x", "crop_y",
                       // "brightness", "clipped", "light_balance", "sharpness", "motion", "eyes"
    double value = 0;
    std::optional<double> min;
    std::optional<double> max;
    bool pass = false;
};

struct FaceCheck {
    std::vector<PixelRect> faces;      // in frame pixels, largest first
    std::vector<QualityCheck> checks;  // only those that could be measured (no face: just "faces")
    FaceHint hint = FaceHint::NoFace;  // the first failing check's advice, or Ready
    std::optional<PixelRect> crop;     // the 7:9 passport crop around the one face

    bool acceptable() const { return hint == FaceHint::Ready; }
    const QualityCheck* find(std::string_view name) const;
};

// Finds faces and measures them; holds the cascades. Lives on the camera thread (not shareable:
// OpenCV's cascade keeps scratch buffers).
class FaceAssessor {
public:
    // "vision.face_cascade" naming the file when a cascade is missing or unreadable.
    static Result<FaceAssessor> create(FaceSettings settings = {});

    FaceAssessor(FaceAssessor&&) noexcept;
    FaceAssessor& operator=(FaceAssessor&&) noexcept;
    ~FaceAssessor();

    // Finds the faces and measures the largest. With `near` (the face found in the previous frame)
    // only the region around it is searched, and the whole frame when the face is not there.
    // Motion is measured against the previous call's frame until reset(). "vision.frame" when the
    // frame holds no valid pixels.
    Result<FaceCheck> assess(const drivers::CameraFrame& frame, std::optional<PixelRect> near = {});
    // Forgets the previous frame (a new person, or frames that do not follow each other).
    void reset();

    // The passport crop of `check` as a JPEG; "vision.face_crop" when the check has no crop.
    Result<std::vector<std::uint8_t>> encodeCrop(const drivers::CameraFrame& frame, const FaceCheck& check) const;

    const FaceSettings& settings() const;

private:
    struct Impl;
    explicit FaceAssessor(std::unique_ptr<Impl> impl);
    Result<FaceCheck> assessOrThrow(const drivers::CameraFrame& frame, std::optional<PixelRect> near);
    std::unique_ptr<Impl> impl_;
};

// The advice for a set of checks: the first failing one in the order of FaceCheck::checks, with
// "eyes" ignored unless `eyesRequired`; Ready when all pass.
FaceHint hintOf(const std::vector<QualityCheck>& checks, bool eyesRequired);

// One-off assessment of a still picture (loads the cascades each call: for tools and tests).
Result<FaceCheck> assessFace(const drivers::CameraFrame& frame, const FaceSettings& settings = {});

}  // namespace kiosk::vision
