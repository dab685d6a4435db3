#pragma once
// Text a person typed (a phone number, a PIN). It lives in a fixed buffer inside the value, never
// on the heap and never reallocated, and every copy zeroes its buffer when it is cleared or
// destroyed: the flow copies states freely, and a wiped visit must not linger in freed memory.
// A plain value: lives on whichever thread holds it.

#include <array>
#include <cstddef>
#include <string_view>

namespace kiosk::flow {

class SecretText {
public:
    static constexpr std::size_t kCapacity = 32;

    SecretText() = default;
    SecretText(const SecretText&) = default;
    SecretText& operator=(const SecretText&) = default;
    ~SecretText();

    // Appends all of `more`, or nothing when it would not fit.
    bool append(std::string_view more);
    void popBack();
    void clear();

    std::string_view view() const { return {chars_.data(), size_}; }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }

    friend bool operator==(const SecretText& a, const SecretText& b) { return a.view() == b.view(); }

private:
    // Bytes past size_ are always zero, so a copy never carries deleted characters along.
    std::array<char, kCapacity> chars_{};
    std::size_t size_ = 0;
};

}  // namespace kiosk::flow
