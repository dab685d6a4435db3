#pragma once
// Finds MRZ frames in the byte stream of a full-page or swipe reader. Pure: bytes and times in,
// frames out. A frame is delivered only with a valid shape (2 x 44, 2 x 36 or 3 x 30 characters
// from A-Z, 0-9 and '<'); everything else between frames is noise and skipped.
//
// Lines end with CR, LF or CR LF. Blanks and control bytes around a line are trimmed (readers pad
// with spaces, STX, NUL); what remains must be all MRZ characters. A frame ends
//   - LastLine:  with the end of the line that completes a valid shape;
//   - BlankLine: with an empty line after its lines;
//   - Etx:       with an ETX byte (0x03); an STX (0x02) starts a frame afresh.
// A gap of `interByteTimeout` inside a frame means the rest will not come: the frame is dropped.
// Whether the check digits hold is for kiosk/core to say, not for the framer. The shape cannot
// tell a first line from a second, so a stray MRZ-like line straight before a frame (no gap
// between) can pair up with the frame's first line; the check digits then reject that reading.

#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::drivers {

enum class MrzTerminator { LastLine, BlankLine, Etx };

struct MrzFraming {
    MrzTerminator terminator = MrzTerminator::LastLine;
    std::chrono::milliseconds interByteTimeout{500};
};

// True for 2 x 44, 2 x 36 and 3 x 30 lines of [A-Z0-9<].
bool hasMrzShape(const std::vector<std::string>& lines);
bool isMrzLine(std::string_view line);

// Lives on the devices thread, inside an MRZ reader backend.
class MrzFramer {
public:
    using TimePoint = std::chrono::steady_clock::time_point;

    struct Counts {
        std::uint64_t delivered = 0;
        std::uint64_t noiseLines = 0;  // lines that cannot be MRZ lines
        std::uint64_t rejected = 0;    // frames ended without a valid shape, or cut short
    };

    explicit MrzFramer(MrzFraming framing) : framing_(framing) {}

    void feed(std::string_view bytes, TimePoint at);
    void expire(TimePoint now);
    // The device went away: a half-read frame is dropped, never delivered.
    void discardPartial();

    std::optional<std::vector<std::string>> take();
    std::optional<TimePoint> deadline() const;
    const Counts& counts() const { return counts_; }

private:
    void push(char byte);
    void endLine();
    void endFrame();
    void resetFrame();

    MrzFraming framing_;
    std::string line_;
    bool lineTooLong_ = false;
    bool afterCr_ = false;
    std::vector<std::string> lines_;
    TimePoint lastByteAt_{};
    std::deque<std::vector<std::string>> ready_;
    Counts counts_;
};

}  // namespace kiosk::drivers
