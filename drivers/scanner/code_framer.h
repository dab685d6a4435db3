#pragma once
// Cuts the byte stream of a serial scanner into codes. Pure: bytes and times in, codes out.
//
// Only the configured suffix ends a code; every other byte, NUL and ESC included, is data (GS1
// codes carry GS, ID cards carry binary). Without a suffix, a gap of `interByteTimeout` ends a
// code; with one, such a gap means the rest will not come and the unfinished code is thrown away.
// A code that outgrows `maxLength` is thrown away whole, up to its suffix or gap.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::drivers {

enum class CodeSuffix { None, Cr, Lf, CrLf, Tab };

struct CodeFraming {
    CodeSuffix suffix = CodeSuffix::Cr;
    std::chrono::milliseconds interByteTimeout{150};
    std::size_t maxLength = 8 * 1024;
};

// Lives on the devices thread, inside a scanner backend.
class CodeFramer {
public:
    using TimePoint = std::chrono::steady_clock::time_point;

    struct Counts {
        std::uint64_t delivered = 0;
        std::uint64_t tooLong = 0;     // outgrew maxLength
        std::uint64_t incomplete = 0;  // cut short by a gap (with a suffix) or by a disconnect
        std::uint64_t rejected = 0;    // see rejectCurrent()
    };

    explicit CodeFramer(CodeFraming framing) : framing_(framing) {}

    // Bytes that arrived at `at`. A gap since the previous byte is applied first.
    void feed(std::string_view bytes, TimePoint at);
    // Applies the inter-byte timeout as of `now`.
    void expire(TimePoint now);
    // The device went away: what was half-received is thrown away, never delivered.
    void discardPartial();
    // The code being received at `at` cannot be trusted (a keyboard-wedge scanner sent a key
    // with no character): it is thrown away whole, up to its suffix or gap.
    void rejectCurrent(TimePoint at);

    std::optional<std::string> take();
    // When expire() next has something to do; nullopt when nothing is pending.
    std::optional<TimePoint> deadline() const;
    const Counts& counts() const { return counts_; }
    const CodeFraming& framing() const { return framing_; }

private:
    void push(char byte);
    void append(char byte);
    void finish();
    void reset();

    CodeFraming framing_;
    std::string partial_;
    bool dropping_ = false;  // dropping the rest of a too-long or rejected code
    bool pending_ = false;   // bytes since the last suffix, delivered or not
    bool heldCr_ = false;    // a CR that may be the start of a CR LF suffix
    TimePoint lastByteAt_{};
    std::deque<std::string> ready_;
    Counts counts_;
};

}  // namespace kiosk::drivers
