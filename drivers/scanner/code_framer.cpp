#include "drivers/scanner/code_framer.h"

#include <utility>

namespace kiosk::drivers {

namespace {

char suffixByte(CodeSuffix suffix) {
    switch (suffix) {
    case CodeSuffix::Cr: return '\r';
    case CodeSuffix::Lf: return '\n';
    case CodeSuffix::Tab: return '\t';
    case CodeSuffix::CrLf:  // handled byte by byte in push()
    case CodeSuffix::None: break;
    }
    return 0;
}

}  // namespace

void CodeFramer::feed(std::string_view bytes, TimePoint at) {
    if (bytes.empty()) return;
    expire(at);
    for (const char byte : bytes) push(byte);
    lastByteAt_ = at;
}

void CodeFramer::push(char byte) {
    if (framing_.suffix == CodeSuffix::CrLf) {
        // A CR is held back until the next byte says whether it starts the suffix, which may
        // arrive in the next read.
        if (heldCr_) {
            heldCr_ = false;
            if (byte == '\n') return finish();
            append('\r');
        }
        if (byte == '\r') {
            heldCr_ = true;
            pending_ = true;
            return;
        }
        return append(byte);
    }
    if (framing_.suffix != CodeSuffix::None && byte == suffixByte(framing_.suffix)) return finish();
    append(byte);
}

void CodeFramer::append(char byte) {
    pending_ = true;
    if (dropping_) return;
    if (partial_.size() >= framing_.maxLength) {
        ++counts_.tooLong;
        dropping_ = true;
        partial_.clear();
        partial_.shrink_to_fit();
        return;
    }
    partial_.push_back(byte);
}

void CodeFramer::finish() {
    // A suffix with nothing before it, or the end of a too-long or rejected code, delivers nothing.
    if (!dropping_ && !partial_.empty()) {
        ready_.push_back(std::move(partial_));
        ++counts_.delivered;
    }
    reset();
}

void CodeFramer::expire(TimePoint now) {
    if (!pending_ || now - lastByteAt_ < framing_.interByteTimeout) return;
    if (framing_.suffix == CodeSuffix::None) {
        finish();
        return;
    }
    if (!dropping_) ++counts_.incomplete;
    reset();
}

void CodeFramer::rejectCurrent(TimePoint at) {
    expire(at);
    if (!dropping_) ++counts_.rejected;
    partial_.clear();
    dropping_ = true;
    pending_ = true;
    heldCr_ = false;
    lastByteAt_ = at;
}

void CodeFramer::discardPartial() {
    if (pending_ && !dropping_) ++counts_.incomplete;
    reset();
}

void CodeFramer::reset() {
    partial_.clear();
    dropping_ = false;
    pending_ = false;
    heldCr_ = false;
}

std::optional<std::string> CodeFramer::take() {
    if (ready_.empty()) return std::nullopt;
    std::string code = std::move(ready_.front());
    ready_.pop_front();
    return code;
}

std::optional<CodeFramer::TimePoint> CodeFramer::deadline() const {
    if (!pending_) return std::nullopt;
    return lastByteAt_ + framing_.interByteTimeout;
}

}  // namespace kiosk::drivers
