#include "drivers/printer/serial_printer_link.h"

namespace kiosk::drivers {

Result<void> SerialPrinterLink::open() {
    auto opened = port_.ensureOpen();
    if (!opened) {
        lastError_ = opened.error().detail;
        return makeError("printer.open", lastError_);
    }
    return {};
}

Result<void> SerialPrinterLink::send(std::string_view bytes, std::chrono::milliseconds timeout) {
    if (auto opened = open(); !opened) return opened;
    auto sent = port_.write(bytes, timeout);
    if (!sent) lastError_ = sent.error().detail;
    return sent;
}

std::optional<std::uint8_t> SerialPrinterLink::ask(std::string_view request, std::chrono::milliseconds timeout) {
    if (!open()) return std::nullopt;
    port_.discardInput();
    if (auto sent = port_.write(request, timeout); !sent) {
        lastError_ = sent.error().detail;
        return std::nullopt;
    }
    const auto read = port_.read(timeout);
    if (read.event == SerialEvent::Disconnected) lastError_ = port_.lastError();
    if (read.event != SerialEvent::Data) return std::nullopt;
    return static_cast<std::uint8_t>(read.bytes.front());
}

}  // namespace kiosk::drivers
