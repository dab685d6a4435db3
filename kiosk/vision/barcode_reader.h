#pragma once
// Reads the codes a screen asks for out of one camera frame, trying harder than one ZXing call, on
// luma only, in rounds, cheapest and likeliest first:
//   1. the areas that look like codes (dense edges), each cropped, turned to the code's own axes and
//      scaled to about 4 pixels a module; for DataMatrix and Aztec, whose ZXing 1.4 detectors lose
//      their grid on small, blurred or turned modules, also the code's outline found and its module
//      grid sampled and drawn again crisp (barcode_grid.h);
//   2. the whole frame, for QR, PDF417 and Code 128 codes no region held; then, for DataMatrix and
//      Aztec, a crop centred on each region's core with its surroundings painted over (their ZXing
//      1.4 detectors search only from the middle of the image);
//   3. the crops with their contrast stretched and sharpened;
//   4. the less likely grid sizes, and the crops at other scales than the guessed one;
//   5. the grids and the repaired crops through other thresholds and binarizers.
// It stops at the first pass that reads something, or when the frame's time budget is spent.
//
// Lives on the camera thread; also used by kioskctl decode. One reader may be shared by calls that
// do not overlap in time; it keeps no state between frames.

#include <chrono>
#include <cstddef>
#include <functional>
#include <vector>

#include "drivers/api/camera.h"
#include "kiosk/base/result.h"
#include "kiosk/vision/barcode.h"

namespace kiosk::vision {

struct BarcodeReaderSettings {
    // Time for one frame. Checked between passes, so a frame may take one pass longer; a frame
    // with no code spends all of it. The camera delivers 15-30 frames a second: a frame a
    // little slower than the camera only means frames are skipped, never a queue.
    std::chrono::milliseconds budget{40};
    std::size_t maxRegions = 6;  // candidate areas tried per frame, best first
};

// The time source for the budget: a steady clock in production, a fake in tests so that what a
// test reads never depends on the machine's speed.
using SteadyNow = std::function<std::chrono::steady_clock::time_point()>;

class BarcodeReader {
public:
    explicit BarcodeReader(BarcodeReaderSettings settings = {}, SteadyNow now = &std::chrono::steady_clock::now);

    // Every code of `formats` read in the first pass that found one, without duplicates, corners
    // in frame pixels. An empty list when there is none (or `formats` is empty); "vision.frame"
    // when the frame is malformed (no pixels, a buffer that does not match its size).
    Result<std::vector<Barcode>> read(const drivers::CameraFrame& frame, BarcodeFormats formats) const;

    const BarcodeReaderSettings& settings() const { return settings_; }

private:
    BarcodeReaderSettings settings_;
    SteadyNow now_;
};

}  // namespace kiosk::vision
