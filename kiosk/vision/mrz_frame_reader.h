#pragma once
// The MRZ of a passport data page (TD3), an ID card (TD1) or a TD2 document, read by OCR from
// camera frames. The zone is found in the frame, straightened, cut into fixed-pitch OCR-B cells
// and each cell classified against the font; field types and check digits then correct what they
// can prove and refuse the rest. A refused frame costs one more frame; a wrong MRZ accepted costs
// far more, so every doubt refuses.
//
// readMrzFrame() reads one frame on its own (kioskctl mrz IMAGE). MrzFrameReader, for the camera,
// shows a result only once it is stable over several frames.

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "drivers/api/camera.h"
#include "kiosk/base/date.h"
#include "kiosk/base/result.h"
#include "kiosk/core/mrz.h"

namespace kiosk::vision {

// One frame, no voting. Errors: "vision.frame" (a malformed frame), "vision.mrz_not_found" (no
// zone that looks like an MRZ), "vision.mrz_unsure" (a zone, but its reading was refused; the
// detail says why). An accepted reading comes back parsed against `reference` (the birth century).
Result<core::Mrz> readMrzFrame(const drivers::CameraFrame& frame, Date reference);

struct MrzReaderOptions {
    // Frames whose readings must agree, character by character, before a result is shown.
    int framesToAgree = 2;
    // How many recent frames of the same zone are kept for the vote.
    int window = 5;
    // Frames with no zone in a row after which the vote starts afresh (the document went away).
    int framesToForget = 8;
    // The kiosk's day for the birth century comes from the frame's time in this zone (WIB).
    std::chrono::minutes utcOffset{7 * 60};
};

enum class MrzStage {
    NoZone,    // nothing like an MRZ in the frame: show the "hold the page here" hint
    Reading,   // a zone is being read but not yet stable: "hold still"
    Accepted,  // `mrz` holds the result; it stays accepted until reset()
};

struct MrzProgress {
    MrzStage stage = MrzStage::NoZone;
    int agreeing = 0;  // frames that agree with the current best reading
    int needed = 0;    // framesToAgree
    std::optional<core::Mrz> mrz;
};

// Lives on the camera thread; the UI gets copies of MrzProgress.
class MrzFrameReader {
public:
    explicit MrzFrameReader(MrzReaderOptions options = {});
    ~MrzFrameReader();
    MrzFrameReader(MrzFrameReader&&) noexcept;
    MrzFrameReader& operator=(MrzFrameReader&&) noexcept;

    // Reads one frame and votes with the recent ones. "vision.frame" for a malformed frame.
    Result<MrzProgress> onFrame(const drivers::CameraFrame& frame);

    // Forgets every frame seen: the next document starts from nothing.
    void reset();

private:
    struct Votes;
    MrzReaderOptions options_;
    std::unique_ptr<Votes> votes_;
};

}  // namespace kiosk::vision
