#pragma once
// The camera thread's loop body: take the newest frame, run on it only what the screen needs now,
// and hand what was found to the UI.
//
// - The latest frame wins: after a frame arrives, every frame already waiting is taken too and only
//   the newest is worked on, so a slow pass never builds a backlog.
// - The UI says what it needs with setDemand() (nothing, barcodes of some formats, the MRZ, a face
//   photo); with nothing demanded, frames are taken and dropped without any work.
// - Results go out through the injected sink as VisionEvents; the app turns each into an SDL user
//   event that wakes the UI thread.
//
// Kinds of work plug in as FrameWork objects, one per Demand::Kind. The constructor installs only
// the barcode work; FramePipeline::create() also installs the MRZ and face-photo work
// (kiosk/vision/frame_works.h) built from WorkSettings, and setWork() replaces any of them
// (tests install fakes). A work object lives on the camera thread; reset() is called whenever the
// UI sets a demand of its kind (a new screen, a new attempt), onFrame() for every frame while the
// demand stands.

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "drivers/api/camera.h"
#include "kiosk/base/mailbox.h"
#include "kiosk/base/result.h"
#include "kiosk/core/mrz.h"
#include "kiosk/vision/barcode.h"
#include "kiosk/vision/barcode_reader.h"
#include "kiosk/vision/face_photo.h"
#include "kiosk/vision/face_quality.h"
#include "kiosk/vision/mrz_frame_reader.h"

namespace kiosk::vision {

struct Demand {
    // Picture: frames for the preview only (a document photographed when the person says so).
    enum class Kind : std::uint8_t { Nothing, Barcodes, Mrz, FacePhoto, Picture };
    Kind kind = Kind::Nothing;
    BarcodeFormats formats;  // with Kind::Barcodes: the formats the screen accepts

    static Demand nothing() { return {}; }
    static Demand barcodes(BarcodeFormats formats) { return {Kind::Barcodes, formats}; }
    static Demand mrz() { return {Kind::Mrz, {}}; }
    static Demand facePhoto() { return {Kind::FacePhoto, {}}; }
    static Demand picture() { return {Kind::Picture, {}}; }
    friend bool operator==(const Demand&, const Demand&) = default;
};

// Codes seen for the first time since the demand was set, in one frame.
struct BarcodesRead {
    std::uint64_t frameSequence = 0;
    Clock::TimePoint at;
    std::vector<Barcode> codes;
};

// How far the MRZ vote has come; sent only when the stage or the count of agreeing frames changes,
// so the screen can say "hold the page here" or "hold still" without a message per frame.
struct MrzProgressed {
    std::uint64_t frameSequence = 0;
    Clock::TimePoint at;
    MrzStage stage = MrzStage::NoZone;
    int agreeing = 0;
    int needed = 0;
};

// The MRZ the frames agreed on; sent once per demand, after which the MRZ work rests until the
// demand is set again.
struct MrzAccepted {
    std::uint64_t frameSequence = 0;
    Clock::TimePoint at;
    std::string text;  // the lines joined by '\n'
    core::Mrz mrz;
};

// The advice to show the person; sent only when it differs from the last advice sent.
struct FaceGuidance {
    std::uint64_t frameSequence = 0;
    Clock::TimePoint at;
    FaceHint hint = FaceHint::NoFace;
};

// The photo, taken once per demand; the face work rests afterwards until the demand is set again.
struct FacePhotoTaken {
    std::uint64_t frameSequence = 0;
    Clock::TimePoint at;
    std::vector<std::uint8_t> jpeg;  // the passport crop, JPEG
    PixelRect crop;                  // where it was cut from the frame
    FaceCheck check;                 // the verdict of that frame
};

// Everything the pipeline tells the UI.
using VisionEvent = std::variant<BarcodesRead, MrzProgressed, MrzAccepted, FaceGuidance, FacePhotoTaken>;
using VisionSink = std::function<void(VisionEvent)>;

// One kind of work on frames. Lives on the camera thread.
class FrameWork {
public:
    virtual ~FrameWork() = default;
    // Forget everything from earlier frames: the UI has just set `demand` (of this work's kind).
    virtual void reset(const Demand& demand) = 0;
    // Works on one frame; returns what the UI should hear about (often nothing).
    virtual std::vector<VisionEvent> onFrame(const drivers::CameraFrame& frame) = 0;
};

// Reads the demanded formats in every frame and reports each code once per demand.
class BarcodeWork final : public FrameWork {
public:
    explicit BarcodeWork(BarcodeReader reader) : reader_(std::move(reader)) {}
    void reset(const Demand& demand) override;
    std::vector<VisionEvent> onFrame(const drivers::CameraFrame& frame) override;
    // Frames the reader refused as malformed since construction (a driver bug if ever non-zero).
    std::size_t refusedFrames() const { return refused_; }

private:
    BarcodeReader reader_;
    BarcodeFormats formats_;
    std::vector<Barcode> reported_;
    std::size_t refused_ = 0;
};

struct PipelineSettings {
    std::chrono::milliseconds frameWait{100};  // how long runOnce() waits for a frame
};

// The MRZ and face work that create() installs: the vote (frames to agree) and the face photo
// (cascade files, thresholds, good frames before the photo).
struct WorkSettings {
    MrzReaderOptions mrz;
    FaceSettings face;
};

// What one runOnce() did, for the loop and for tests.
struct PipelineStep {
    bool gotFrame = false;
    bool worked = false;         // a FrameWork ran on the frame
    std::size_t dropped = 0;     // older frames taken and dropped for the newest
    std::size_t events = 0;      // events handed to the sink
    std::uint64_t sequence = 0;  // the frame worked on (or dropped, with nothing demanded)
};

// runOnce() lives on the camera thread; setDemand() may be called from any thread.
class FramePipeline {
public:
    // `camera` must outlive the pipeline. With a `preview` mailbox, every frame taken is left there
    // for the UI to draw (the newest wins there too).
    FramePipeline(drivers::Camera& camera, VisionSink sink, PipelineSettings settings = {},
                  Mailbox<drivers::CameraFrame>* preview = nullptr);

    // The pipeline the app runs: barcodes, the MRZ and the face photo all installed.
    // "vision.face_cascade" when a face or eye cascade named in work.face cannot be loaded.
    static Result<std::unique_ptr<FramePipeline>> create(drivers::Camera& camera, VisionSink sink,
                                                         const WorkSettings& work = {}, PipelineSettings settings = {},
                                                         Mailbox<drivers::CameraFrame>* preview = nullptr);

    // What the screen needs from now on; takes effect at the next runOnce(), which resets the
    // work of that kind even when the demand equals the last one (the screen starts over).
    void setDemand(Demand demand) { pendingDemand_.put(demand); }

    // Installs the work for one kind of demand (composition time, before the loop starts).
    void setWork(Demand::Kind kind, std::unique_ptr<FrameWork> work);

    PipelineStep runOnce();

    const Demand& demand() const { return demand_; }

private:
    FrameWork* workFor(Demand::Kind kind) const;

    drivers::Camera& camera_;
    VisionSink sink_;
    PipelineSettings settings_;
    Mailbox<drivers::CameraFrame>* preview_;
    Mailbox<Demand> pendingDemand_;
    Demand demand_;
    std::array<std::unique_ptr<FrameWork>, 5> works_;  // by Demand::Kind; Picture has no work
};

}  // namespace kiosk::vision
