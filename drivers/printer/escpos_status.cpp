#include "drivers/printer/escpos_status.h"

namespace kiosk::drivers {

namespace {

constexpr std::uint8_t kFixedMask = 0x93;   // bits 0, 1, 4, 7
constexpr std::uint8_t kFixedValue = 0x12;  // bits 1 and 4 set

constexpr std::uint8_t kOffline = 0x08;
constexpr std::uint8_t kCoverOpen = 0x04;
constexpr std::uint8_t kStoppedAtPaperEnd = 0x20;
constexpr std::uint8_t kError = 0x40;
// Epson sets both bits of each pair; some compatible printers set only one.
constexpr std::uint8_t kPaperNearEnd = 0x0C;
constexpr std::uint8_t kPaperGone = 0x60;

std::uint8_t valid(const std::optional<std::uint8_t>& b) { return b && isStatusReply(*b) ? *b : 0; }

}  // namespace

bool isStatusReply(std::uint8_t byte) { return (byte & kFixedMask) == kFixedValue; }

PrinterStatus parseEscPosStatus(const EscPosStatusBytes& bytes) {
    if (!bytes.printer || !isStatusReply(*bytes.printer)) return PrinterStatus::Offline;
    const std::uint8_t printer = *bytes.printer;
    const std::uint8_t cause = valid(bytes.offlineCause);
    const std::uint8_t paper = valid(bytes.paperSensor);
    if (cause & kError) return PrinterStatus::Offline;
    if (cause & kCoverOpen) return PrinterStatus::CoverOpen;
    if ((paper & kPaperGone) || (cause & kStoppedAtPaperEnd)) return PrinterStatus::PaperOut;
    if (printer & kOffline) return PrinterStatus::Offline;
    if (paper & kPaperNearEnd) return PrinterStatus::PaperLow;
    return PrinterStatus::Ready;
}

}  // namespace kiosk::drivers
