#include "kiosk/app/device_threads.h"

#include <utility>

#include "kiosk/app/camera_worker.h"
#include "kiosk/app/devices_worker.h"
#include "kiosk/base/thread_priority.h"

namespace kiosk::app {
namespace {

// A wake that was not a stop (none is sent yet, but a backend may share the waker) must not
// leave every later wait returning at once.
void clearUnlessStopping(const drivers::Waker* waker, const std::stop_token& stop) {
    if (waker && !stop.stop_requested() && waker->raised()) waker->clear();
}

void stopThread(std::jthread& thread, const drivers::Waker* waker) {
    if (!thread.joinable()) return;
    thread.request_stop();
    if (waker) waker->wake();
    thread.join();
    // The waker may be shared with a device that outlives the thread (the printer): lower it.
    if (waker) waker->clear();
}

}  // namespace

DeviceThreads::DeviceThreads(ThreadedDevices devices, std::function<void()> wakeUi, DeviceThreadSettings settings)
    : devices_(devices), settings_(std::move(settings)), channels_(std::move(wakeUi)) {
    if (devices_.scanner || devices_.mrzReader)
        devicesThread_ = std::jthread([this](std::stop_token stop) { runDevices(stop); });
    if (devices_.camera) cameraThread_ = std::jthread([this](std::stop_token stop) { runCamera(stop); });
}

DeviceThreads::~DeviceThreads() { stop(); }

void DeviceThreads::stop() {
    stopThread(devicesThread_, devices_.devicesWaker);
    stopThread(cameraThread_, devices_.cameraWaker);
}

void DeviceThreads::runDevices(const std::stop_token& stop) {
    DevicesWorker worker(
        devices_.scanner, devices_.mrzReader, channels_.devices, [this] { channels_.wake.ring(); },
        settings_.deviceWait);
    while (!stop.stop_requested()) {
        worker.runOnce();
        if (auto* board = devices_.health) {
            if (devices_.scanner) board->post(devices_.scanner->health());
            if (devices_.mrzReader) board->post(devices_.mrzReader->health());
        }
        clearUnlessStopping(devices_.devicesWaker, stop);
    }
}

void DeviceThreads::runCamera(const std::stop_token& stop) {
    lowerThisThreadsPriority(kCameraThreadNice);
    auto worker = CameraWorker::create(*devices_.camera, channels_, settings_.work, settings_.pipeline);
    while (!stop.stop_requested()) {
        worker->runOnce();
        if (devices_.health) devices_.health->post(devices_.camera->health());
        clearUnlessStopping(devices_.cameraWaker, stop);
    }
}

}  // namespace kiosk::app
