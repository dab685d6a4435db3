#pragma once
// The devices thread (code scanner, MRZ reader) and the camera thread (the frame pipeline), and the
// channels through which they hand what they read to the UI thread. Each thread is a loop around
// its worker's runOnce() (DevicesWorker, CameraWorker) until stopped; a stop raises the thread's
// Waker, which ends any wait in a backend at once.
//
// Built and destroyed on the main thread. The destructor stops and joins both threads: destroy
// this before the devices and the wakers it was given.

#include <chrono>
#include <functional>
#include <stop_token>
#include <thread>

#include "drivers/api/camera.h"
#include "drivers/api/code_scanner.h"
#include "drivers/api/mrz_reader.h"
#include "drivers/posix/waker.h"
#include "kiosk/app/health_board.h"
#include "kiosk/app/input_channels.h"
#include "kiosk/vision/frame_pipeline.h"

namespace kiosk::app {

// What the threads read, and the wakers the backends were opened with (drivers::openDevices).
// Without a waker a stop waits for the device's current wait to end.
struct ThreadedDevices {
    drivers::CodeScanner* scanner = nullptr;
    drivers::MrzReader* mrzReader = nullptr;
    const drivers::Waker* devicesWaker = nullptr;
    drivers::Camera* camera = nullptr;
    const drivers::Waker* cameraWaker = nullptr;
    // Where each thread posts its devices' health after every round; none when null.
    HealthBoard* health = nullptr;
};

struct DeviceThreadSettings {
    // How long each of the scanner and the MRZ reader is waited for in a round: the other one's
    // reading waits at most this long.
    std::chrono::milliseconds deviceWait{50};
    vision::WorkSettings work;
    vision::PipelineSettings pipeline;
};

class DeviceThreads {
public:
    // Starts the devices thread when there is a scanner or an MRZ reader, the camera thread when
    // there is a camera. `wakeUi` is called from those threads (see UiWake).
    DeviceThreads(ThreadedDevices devices, std::function<void()> wakeUi, DeviceThreadSettings settings = {});
    ~DeviceThreads();  // stop()

    InputChannels& channels() { return channels_; }
    // Returns once both threads have ended. Safe to call more than once.
    void stop();

    DeviceThreads(const DeviceThreads&) = delete;
    DeviceThreads& operator=(const DeviceThreads&) = delete;

private:
    void runDevices(const std::stop_token& stop);
    void runCamera(const std::stop_token& stop);

    ThreadedDevices devices_;
    DeviceThreadSettings settings_;
    InputChannels channels_;
    std::jthread devicesThread_;  // last: started once everything above exists
    std::jthread cameraThread_;
};

}  // namespace kiosk::app
