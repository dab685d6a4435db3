#pragma once
// The paper as an ESC/POS printer sees it, shared by the ESC/POS encoder and the simulated
// printer so that the picture wraps and places things where the printer does.

#include "drivers/api/receipt_document.h"
#include "kiosk/base/result.h"

namespace kiosk::drivers {

struct ReceiptGeometry {
    // Font A is 12 x 24 dots; the default line spacing is about 30 dots.
    static constexpr int kCellWidth = 12;
    static constexpr int kCellHeight = 24;
    static constexpr int kLineHeight = 30;
    static constexpr int kQuietModules = 4;  // the white border a QR reader needs on every side

    int dotsWide = 576;    // 80 mm paper at 203 dpi (72 mm printable); 384 for 58 mm paper
    int qrModuleDots = 6;  // a QR module's side; smaller when a large code would not fit
    int cutFeedLines = 4;  // fed before a cut, so that the last line clears the cutter

    int scale(TextSize size) const { return size == TextSize::Double ? 2 : 1; }
    int columns(TextSize size) const { return dotsWide / (kCellWidth * scale(size)); }
    // The module size for a QR of `modules` per side with its quiet zone; 0 when none fits.
    int moduleDotsFor(int modules) const;
};

// "printer.width" (96 to 1024 dots, a multiple of 8), "printer.qr_module" (1 to 16),
// "printer.cut_feed" (0 to 255).
Result<void> validateGeometry(const ReceiptGeometry& geometry);

}  // namespace kiosk::drivers
