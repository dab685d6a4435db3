#include "drivers/mrz/serial_mrz_reader.h"

#include "drivers/serial/framed_read.h"

namespace kiosk::drivers {

Result<SerialMrzReader> SerialMrzReader::create(SerialMrzReaderConfig config, const Clock& clock, const Waker* waker) {
    if (config.framing.interByteTimeout <= std::chrono::milliseconds(0))
        return makeError("mrz_reader.inter_byte_timeout", "the inter-byte timeout must be positive");
    auto port = SerialPort::create(std::move(config.port), waker);
    if (!port) return port.error();
    return SerialMrzReader{std::move(*port), config.framing, clock, config.required};
}

std::optional<MrzText> SerialMrzReader::next(std::chrono::milliseconds timeout) {
    const auto rejected = framer_.counts().rejected;
    auto read = readFrame(port_, framer_, timeout);
    // The MRZ is personal data: a message says that a frame was dropped, never what it held.
    const bool dropped = framer_.counts().rejected != rejected;
    if (read.disconnected)
        lastError_ = port_.lastError() + (dropped ? "; an incomplete MRZ was discarded" : "");
    else if (dropped)
        lastError_ = "an MRZ of the wrong shape was discarded (move the document and read again)";
    if (!read.frame) return std::nullopt;
    return MrzText{std::move(*read.frame), clock_->now()};
}

ComponentHealth SerialMrzReader::health() const {
    ComponentHealth h{Component::MrzReader, required_, DeviceState::Ready, lastError_};
    if (!port_.connected()) {
        h.state = DeviceState::Failed;
        h.lastError = port_.lastError();
    }
    return h;
}

}  // namespace kiosk::drivers
