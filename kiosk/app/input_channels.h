#pragma once
// What the devices thread and the camera thread hand to the UI thread, and how they wake it: two
// bounded queues (scanned codes and MRZs; the camera's findings), the newest camera frame for the
// preview, the screen's demand going the other way, and a wake that pushes at most one SDL event
// until the UI has looked.
//
// Made and destroyed on the main thread (by DeviceThreads, which stops its threads first); every
// member is safe to use from any thread.

#include <atomic>
#include <cstddef>
#include <functional>
#include <utility>
#include <variant>

#include "drivers/api/camera.h"
#include "drivers/api/code_scanner.h"
#include "drivers/api/mrz_reader.h"
#include "kiosk/base/bounded_queue.h"
#include "kiosk/base/mailbox.h"
#include "kiosk/base/result.h"
#include "kiosk/vision/frame_pipeline.h"

namespace kiosk::app {

// One reading of the devices thread: a code from the scanner or the lines of the MRZ reader.
using DeviceInput = std::variant<drivers::ScannedCode, drivers::MrzText>;

// Wakes the UI thread without flooding it: a camera at 30 frames a second would otherwise fill
// SDL's event queue while the UI draws. ring() from any thread; rearm() from the UI thread just
// before it drains the queues, so that whatever arrives after the drain rings again.
class UiWake {
public:
    explicit UiWake(std::function<void()> push) : push_(std::move(push)) {}

    void ring() {
        if (!pending_.exchange(true) && push_) push_();
    }
    void rearm() { pending_.store(false); }

private:
    std::function<void()> push_;
    std::atomic<bool> pending_{false};
};

struct InputChannels {
    // A person scans a handful of codes a minute; sixteen unread means the UI has stalled.
    static constexpr std::size_t kDepth = 16;

    explicit InputChannels(std::function<void()> wakeUi) : wake(std::move(wakeUi)) {}

    BoundedQueue<DeviceInput> devices{kDepth};
    BoundedQueue<vision::VisionEvent> vision{kDepth};
    Mailbox<drivers::CameraFrame> preview;
    Mailbox<vision::Demand> demand;  // UI -> camera thread
    Mailbox<Error> cameraProblem;    // camera thread -> UI, for the log
    UiWake wake;
};

}  // namespace kiosk::app
