#pragma once
// Text a person typed or a device read (a phone number, a PIN, a name, an MRZ). It lives in a
// fixed buffer inside the value, never on the heap and never reallocated, and every copy zeroes
// its buffer when it is cleared or destroyed: the flow copies states freely, and a wiped visit
// must not linger in freed memory. A plain value: lives on whichever thread holds it.

#include <array>
#include <cstddef>
#include <string_view>

namespace kiosk::flow {

// Zeroes `size` bytes in a way the compiler may not drop.
void zeroBytes(char* data, std::size_t size);

template <std::size_t Capacity>
class BasicSecretText {
public:
    static constexpr std::size_t kCapacity = Capacity;

    BasicSecretText() = default;
    BasicSecretText(const BasicSecretText&) = default;
    BasicSecretText& operator=(const BasicSecretText&) = default;
    ~BasicSecretText() { clear(); }

    // Appends all of `more`, or nothing when it would not fit.
    bool append(std::string_view more) {
        if (more.size() > kCapacity - size_) return false;
        for (const char c : more) chars_[size_++] = c;
        return true;
    }
    // Replaces the text; nothing changes when `text` does not fit.
    bool assign(std::string_view text) {
        if (text.size() > kCapacity) return false;
        clear();
        return append(text);
    }
    void popBack() {
        if (size_ == 0) return;
        --size_;
        chars_[size_] = '\0';
    }
    void clear() {
        zeroBytes(chars_.data(), chars_.size());
        size_ = 0;
    }

    std::string_view view() const { return {chars_.data(), size_}; }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }

    friend bool operator==(const BasicSecretText& a, const BasicSecretText& b) { return a.view() == b.view(); }

private:
    // Bytes past size_ are always zero, so a copy never carries deleted characters along.
    std::array<char, kCapacity> chars_{};
    std::size_t size_ = 0;
};

// Numbers and PINs.
using SecretText = BasicSecretText<32>;
// Names, places, an address line, the lines of an MRZ.
using LongSecretText = BasicSecretText<96>;
// A scanned code kept as evidence (the family card's QR).
using CodeSecretText = BasicSecretText<512>;

}  // namespace kiosk::flow
