#include "kiosk/app/devices_worker.h"

#include <utility>

namespace kiosk::app {

DevicesWorker::DevicesWorker(drivers::CodeScanner* scanner, drivers::MrzReader* mrzReader,
                             BoundedQueue<DeviceInput>& out, std::function<void()> delivered,
                             std::chrono::milliseconds wait)
    : scanner_(scanner), mrzReader_(mrzReader), out_(out), delivered_(std::move(delivered)), wait_(wait) {}

int DevicesWorker::runOnce() {
    int read = 0;
    if (scanner_) {
        if (auto code = scanner_->next(wait_)) {
            deliver(std::move(*code));
            ++read;
        }
    }
    if (mrzReader_) {
        if (auto mrz = mrzReader_->next(wait_)) {
            deliver(std::move(*mrz));
            ++read;
        }
    }
    return read;
}

void DevicesWorker::deliver(DeviceInput input) {
    // Refused only when the UI has not drained sixteen readings: the queue counts it, and the UI
    // is rung all the same.
    out_.push(std::move(input));
    if (delivered_) delivered_();
}

}  // namespace kiosk::app
