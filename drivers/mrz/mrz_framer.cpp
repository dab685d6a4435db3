#include "drivers/mrz/mrz_framer.h"

#include <algorithm>
#include <cstddef>
#include <utility>

namespace kiosk::drivers {

namespace {

constexpr char kStx = '\x02';
constexpr char kEtx = '\x03';
// The longest MRZ line is 44; a reader's padding may add a little. Anything longer is noise.
constexpr std::size_t kLongestLine = 128;

bool isMrzChar(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<'; }

std::string_view trimmed(std::string_view line) {
    // Readers pad with blanks and frame with control bytes; neither belongs to the MRZ.
    const auto pad = [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == '\x7f'; };
    while (!line.empty() && pad(line.front())) line.remove_prefix(1);
    while (!line.empty() && pad(line.back())) line.remove_suffix(1);
    return line;
}

std::size_t linesFor(std::size_t length) {
    switch (length) {
    case 30: return 3;
    case 36:
    case 44: return 2;
    default: return 0;
    }
}

}  // namespace

bool isMrzLine(std::string_view line) {
    return linesFor(line.size()) != 0 && std::all_of(line.begin(), line.end(), isMrzChar);
}

bool hasMrzShape(const std::vector<std::string>& lines) {
    if (lines.empty() || !isMrzLine(lines.front())) return false;
    const auto length = lines.front().size();
    return lines.size() == linesFor(length) &&
           std::all_of(lines.begin(), lines.end(), [&](const auto& l) { return l.size() == length && isMrzLine(l); });
}

void MrzFramer::feed(std::string_view bytes, TimePoint at) {
    if (bytes.empty()) return;
    expire(at);
    for (const char byte : bytes) push(byte);
    lastByteAt_ = at;
}

void MrzFramer::push(char byte) {
    const bool afterCr = std::exchange(afterCr_, false);
    if (byte == '\n' && afterCr) return;  // the LF of a CR LF, perhaps in the next read
    if (byte == '\r' || byte == '\n') {
        afterCr_ = byte == '\r';
        return endLine();
    }
    if (framing_.terminator == MrzTerminator::Etx && byte == kStx) {
        if (!trimmed(line_).empty() || !lines_.empty()) ++counts_.rejected;
        line_.clear();
        lineTooLong_ = false;
        return resetFrame();
    }
    if (framing_.terminator == MrzTerminator::Etx && byte == kEtx) {
        if (!line_.empty()) endLine();
        return endFrame();
    }
    if (line_.size() >= kLongestLine) {
        lineTooLong_ = true;
        line_.clear();
    }
    if (!lineTooLong_) line_.push_back(byte);
}

void MrzFramer::endLine() {
    const bool tooLong = std::exchange(lineTooLong_, false);
    const std::string line(tooLong ? std::string_view() : trimmed(line_));
    line_.clear();
    if (tooLong || (!line.empty() && !isMrzLine(line))) {
        // Noise breaks a frame: MRZ lines come one straight after another.
        ++counts_.noiseLines;
        if (!lines_.empty()) ++counts_.rejected;
        return resetFrame();
    }
    if (line.empty()) {
        // The end of a frame for BlankLine readers; nothing for the others.
        if (framing_.terminator == MrzTerminator::BlankLine && !lines_.empty()) endFrame();
        return;
    }
    if (!lines_.empty() && lines_.front().size() != line.size()) {
        // A line of another format starts a new frame; the old one was incomplete.
        ++counts_.rejected;
        resetFrame();
    }
    lines_.push_back(line);
    const auto wanted = linesFor(line.size());
    if (lines_.size() > wanted) {
        // More lines than the format has: the newest ones may still be a frame, the oldest not.
        ++counts_.rejected;
        lines_.erase(lines_.begin(), lines_.end() - static_cast<std::ptrdiff_t>(wanted));
    }
    if (framing_.terminator == MrzTerminator::LastLine && hasMrzShape(lines_)) endFrame();
}

void MrzFramer::endFrame() {
    if (hasMrzShape(lines_)) {
        ready_.push_back(std::move(lines_));
        ++counts_.delivered;
    } else if (!lines_.empty()) {
        ++counts_.rejected;
    }
    resetFrame();
}

void MrzFramer::resetFrame() { lines_.clear(); }

void MrzFramer::expire(TimePoint now) {
    if (line_.empty() && lines_.empty() && !lineTooLong_) return;
    if (now - lastByteAt_ < framing_.interByteTimeout) return;
    discardPartial();
}

void MrzFramer::discardPartial() {
    if (!lines_.empty() || !trimmed(line_).empty()) ++counts_.rejected;
    line_.clear();
    lineTooLong_ = false;
    afterCr_ = false;
    resetFrame();
}

std::optional<std::vector<std::string>> MrzFramer::take() {
    if (ready_.empty()) return std::nullopt;
    auto frame = std::move(ready_.front());
    ready_.pop_front();
    return frame;
}

std::optional<MrzFramer::TimePoint> MrzFramer::deadline() const {
    if (line_.empty() && lines_.empty() && !lineTooLong_) return std::nullopt;
    return lastByteAt_ + framing_.interByteTimeout;
}

}  // namespace kiosk::drivers
