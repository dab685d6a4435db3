#pragma once
// A receipt document as ESC/POS bytes for Epson TM-series printers and the many that copy them.
//
// The bytes: ESC @ (initialise), ESC t 16 (WPC1252); per text line only the settings that change
// (ESC a alignment, GS ! size, ESC E bold), the text in WPC1252, LF; a QR code framed by ESC J
// feeds the height of its quiet zone, either with the printer's own QR commands (GS ( k: model 2,
// module size, error correction M, store, print) or, for printers without them, as a raster
// image (GS v 0) drawn from ZXing's matrix; ESC d n for a feed; ESC d and GS V 1 (partial cut).

#include <string>

#include "drivers/api/receipt_document.h"
#include "drivers/printer/receipt_geometry.h"
#include "kiosk/base/result.h"

namespace kiosk::drivers {

enum class QrMethod {
    Native,  // GS ( k: small and sharp; most printers since about 2010
    Raster,  // GS v 0: any printer that prints images
};

// Fails on a geometry validateGeometry() refuses, and on a QR code that cannot be encoded or
// does not fit the paper ("qr.empty", "qr.too_long", "qr.too_large").
Result<std::string> encodeEscPos(const ReceiptDocument& receipt, const ReceiptGeometry& geometry, QrMethod qr);

}  // namespace kiosk::drivers
