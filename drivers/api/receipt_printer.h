#pragma once
// A receipt printer: ESC/POS over serial, USB or TCP, or a simulated one that draws the paper.

#include <string_view>

#include "drivers/api/device_health.h"
#include "drivers/api/receipt_document.h"
#include "kiosk/base/result.h"

namespace kiosk::drivers {

// When several conditions hold at once, the one that stops printing wins:
// Offline, then CoverOpen, then PaperOut, then PaperLow.
enum class PrinterStatus {
    Ready,
    PaperLow,  // still prints; staff should change the roll soon
    PaperOut,
    CoverOpen,
    Offline,  // not answering, unplugged, or in an error state
};

constexpr std::string_view printerStatusCode(PrinterStatus s) {
    switch (s) {
    case PrinterStatus::Ready: return "ready";
    case PrinterStatus::PaperLow: return "paper_low";
    case PrinterStatus::PaperOut: return "paper_out";
    case PrinterStatus::CoverOpen: return "cover_open";
    case PrinterStatus::Offline: return "offline";
    }
    return "unknown";
}

// For staff on the health screen and in `kioskctl devices`.
constexpr std::string_view printerStatusWords(PrinterStatus s) {
    switch (s) {
    case PrinterStatus::Ready: return "ready";
    case PrinterStatus::PaperLow: return "paper is running low";
    case PrinterStatus::PaperOut: return "out of paper";
    case PrinterStatus::CoverOpen: return "cover is open";
    case PrinterStatus::Offline: return "printer is offline or not answering";
    }
    return "unknown";
}

constexpr bool canPrint(PrinterStatus s) { return s == PrinterStatus::Ready || s == PrinterStatus::PaperLow; }

constexpr DeviceState deviceStateFor(PrinterStatus s) {
    if (s == PrinterStatus::Ready) return DeviceState::Ready;
    if (s == PrinterStatus::PaperLow) return DeviceState::Degraded;
    return DeviceState::Failed;
}

// Lives on the devices thread.
class ReceiptPrinter : public Device {
public:
    // Asks the printer how it is now; Offline when it does not answer.
    virtual PrinterStatus pollStatus() = 0;

    // Sends the whole receipt. Fails without sending anything when the printer cannot print
    // ("printer.paper_out", "printer.cover_open", "printer.offline"), and reports a transport
    // failure during the job as "printer.io". Success means the printer took every byte.
    virtual Result<void> print(const ReceiptDocument& receipt) = 0;
};

}  // namespace kiosk::drivers
