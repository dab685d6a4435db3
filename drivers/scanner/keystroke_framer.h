#pragma once
// Cuts the input events of a keyboard-wedge scanner into codes. Pure: the bytes of struct
// input_event records and arrival times in, codes out; the records may arrive split anywhere
// (a pipe in a test), and what is left of one waits for the next feed.
//
// Key presses become characters through the KeyboardLayout with the shift, caps-lock and control
// state the events themselves set: Shift for capitals, Ctrl with a letter or one of @[\]^_ for the
// control character (Ctrl+] is GS in GS1 codes), and Alt held while keypad digits are typed for
// the byte with that decimal number (Alt+029 is GS too), as scanners offer for control characters.
// The characters then go through a CodeFramer: Enter is '\r' and Tab is '\t', so a suffix of
// CodeSuffix::Cr ends a code on Enter, CodeSuffix::Tab on Tab, CodeSuffix::None on a gap.
//
// A key with no character in the layout, or events the kernel dropped (SYN_DROPPED), spoil the
// code being typed: it is thrown away whole rather than delivered with a hole in it. Releases and
// auto-repeats type nothing.

#include <linux/input.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "drivers/scanner/code_framer.h"
#include "drivers/scanner/keyboard_layout.h"

namespace kiosk::drivers {

// Lives on the devices thread, inside a keyboard-wedge scanner backend.
class KeystrokeFramer {
public:
    using TimePoint = CodeFramer::TimePoint;

    struct Counts {
        std::uint64_t unmappedKeys = 0;   // presses with no character; each spoils its code
        std::uint64_t droppedEvents = 0;  // SYN_DROPPED from the kernel
    };

    // `layout` must outlive the framer (the layouts are static tables).
    KeystrokeFramer(const KeyboardLayout& layout, CodeFraming framing) : layout_(&layout), codes_(framing) {}

    // Bytes of input_event records that arrived at `at`, split anywhere.
    void feed(std::string_view bytes, TimePoint at);
    void feed(const input_event& event, TimePoint at);
    void expire(TimePoint now) { codes_.expire(now); }
    // The device went away: the half-typed code, a half-received record and the state of the
    // modifier keys are forgotten.
    void discardPartial();

    std::optional<std::string> take() { return codes_.take(); }
    std::optional<TimePoint> deadline() const { return codes_.deadline(); }
    const CodeFramer::Counts& codeCounts() const { return codes_.counts(); }
    const Counts& counts() const { return counts_; }
    const KeyboardLayout& layout() const { return *layout_; }
    const CodeFraming& framing() const { return codes_.framing(); }

private:
    void key(std::uint16_t code, bool down, TimePoint at);
    void press(std::uint16_t code, TimePoint at);
    void unmapped(TimePoint at);
    void releaseModifiers();

    const KeyboardLayout* layout_;
    CodeFramer codes_;
    std::string record_;  // the start of a record split across feeds
    bool leftShift_ = false, rightShift_ = false;
    bool leftCtrl_ = false, rightCtrl_ = false;
    bool leftAlt_ = false, rightAlt_ = false;
    bool capsLock_ = false;
    std::optional<unsigned> altNumber_;  // keypad digits typed with Alt held
    bool resyncing_ = false;             // after SYN_DROPPED, until the next SYN_REPORT
    Counts counts_;
};

}  // namespace kiosk::drivers
