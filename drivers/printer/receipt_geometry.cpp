#include "drivers/printer/receipt_geometry.h"

namespace kiosk::drivers {

int ReceiptGeometry::moduleDotsFor(int modules) const {
    for (int dots = qrModuleDots; dots >= 1; --dots)
        if ((modules + 2 * kQuietModules) * dots <= dotsWide) return dots;
    return 0;
}

Result<void> validateGeometry(const ReceiptGeometry& g) {
    if (g.dotsWide < 96 || g.dotsWide > 1024 || g.dotsWide % 8 != 0)
        return makeError("printer.width", "the paper width must be 96 to 1024 dots, a multiple of 8");
    if (g.qrModuleDots < 1 || g.qrModuleDots > 16)
        return makeError("printer.qr_module", "a QR module must be 1 to 16 dots");
    if (g.cutFeedLines < 0 || g.cutFeedLines > 255)
        return makeError("printer.cut_feed", "the feed before a cut must be 0 to 255 lines");
    return {};
}

}  // namespace kiosk::drivers
