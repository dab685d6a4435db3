#pragma once
// The read loop shared by devices that cut a byte stream into frames (a scanner's codes, an MRZ
// reader's line groups). A Framer has feed(bytes, at), expire(now), discardPartial(), take() and
// deadline(), all on the monotonic clock. A Port has read(timeout) returning a SerialRead: a
// SerialPort, or the input-event port of a keyboard-wedge scanner.

#include <algorithm>
#include <chrono>
#include <optional>

#include "drivers/serial/serial_port.h"

namespace kiosk::drivers {

template <class Frame>
struct FramedRead {
    std::optional<Frame> frame;
    bool disconnected = false;  // the device went away during the call; its half frame is gone
};

// Waits at most `timeout` for the next whole frame. At least one read is made even with a zero
// timeout, so that a zero wait still picks up what is queued.
template <class Port, class Framer>
auto readFrame(Port& port, Framer& framer, std::chrono::milliseconds timeout)
    -> FramedRead<typename decltype(framer.take())::value_type> {
    using std::chrono::steady_clock;
    FramedRead<typename decltype(framer.take())::value_type> result;
    const auto deadline = steady_clock::now() + timeout;
    do {
        const auto now = steady_clock::now();
        framer.expire(now);
        if ((result.frame = framer.take())) return result;
        auto until = deadline;
        if (const auto due = framer.deadline()) until = std::min(until, *due);
        const auto wait = std::chrono::ceil<std::chrono::milliseconds>(std::max(until - now, now - now));
        auto read = port.read(wait);
        switch (read.event) {
        case SerialEvent::Data: framer.feed(read.bytes, steady_clock::now()); break;
        case SerialEvent::Woken: return result;
        case SerialEvent::Disconnected:
            framer.discardPartial();
            result.disconnected = true;
            break;
        case SerialEvent::Timeout: break;
        }
        if ((result.frame = framer.take())) return result;
    } while (steady_clock::now() < deadline);
    framer.expire(steady_clock::now());
    result.frame = framer.take();
    return result;
}

}  // namespace kiosk::drivers
