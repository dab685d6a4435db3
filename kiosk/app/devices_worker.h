#pragma once
// One round of the devices thread: asks the code scanner, then the MRZ reader, for what they read
// (each waiting at most `wait`) and hands every reading to the UI thread's queue, in the order it
// came, then rings the UI. A reading the full queue refuses is counted there, never lost quietly.
// The thread is only a loop around runOnce() (DeviceThreads); tests call it directly.
//
// Lives on the devices thread.

#include <chrono>
#include <cstdint>
#include <functional>

#include "drivers/api/code_scanner.h"
#include "drivers/api/mrz_reader.h"
#include "kiosk/app/input_channels.h"

namespace kiosk::app {

class DevicesWorker {
public:
    // Either device may be null (not fitted). `delivered` is called after each reading is queued.
    DevicesWorker(drivers::CodeScanner* scanner, drivers::MrzReader* mrzReader, BoundedQueue<DeviceInput>& out,
                  std::function<void()> delivered, std::chrono::milliseconds wait);

    // How many readings this round took from the devices (0, 1 or 2).
    int runOnce();

private:
    void deliver(DeviceInput input);

    drivers::CodeScanner* scanner_;
    drivers::MrzReader* mrzReader_;
    BoundedQueue<DeviceInput>& out_;
    std::function<void()> delivered_;
    std::chrono::milliseconds wait_;
};

}  // namespace kiosk::app
