#pragma once
// ESC/POS real-time status: DLE EOT n, answered with one byte even while the printer is offline.
//   n = 1 printer status:  bit 3 offline
//   n = 2 offline cause:   bit 2 cover open, bit 5 stopped at paper end, bit 6 error
//   n = 4 paper sensor:    bits 2-3 roll near its end, bits 5-6 roll gone
// Every reply has bit 1 and bit 4 set and bits 0 and 7 clear; a byte that does not is not a
// status reply (a stray byte, a printer that speaks another language) and counts as no answer.

#include <cstdint>
#include <optional>
#include <string_view>

#include "drivers/api/receipt_printer.h"

namespace kiosk::drivers {

inline constexpr std::string_view kAskPrinterStatus{"\x10\x04\x01", 3};
inline constexpr std::string_view kAskOfflineCause{"\x10\x04\x02", 3};
inline constexpr std::string_view kAskPaperSensor{"\x10\x04\x04", 3};

struct EscPosStatusBytes {
    std::optional<std::uint8_t> printer;       // reply to DLE EOT 1
    std::optional<std::uint8_t> offlineCause;  // reply to DLE EOT 2
    std::optional<std::uint8_t> paperSensor;   // reply to DLE EOT 4
};

bool isStatusReply(std::uint8_t byte);

// No valid reply to DLE EOT 1 is Offline; replies missing for n = 2 or 4 are taken as "nothing
// to report". See PrinterStatus for which condition wins when several hold.
PrinterStatus parseEscPosStatus(const EscPosStatusBytes& bytes);

}  // namespace kiosk::drivers
