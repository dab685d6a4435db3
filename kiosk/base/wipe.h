#pragma once
// Personal data leaves memory zeroed: a buffer that held a photo, a frame or a payload is
// overwritten (in a way the compiler may not drop) before it is emptied. With `release`, its
// memory is handed back too, so that nothing of it is reused unzeroed later.

#include <string.h>  // explicit_bzero

#include <string>
#include <tuple>
#include <utility>

namespace kiosk {

// Any contiguous byte buffer: std::vector<std::uint8_t>, std::string.
template <class Buffer>
void wipe(Buffer& bytes, bool release = false) {
    if (!bytes.empty()) explicit_bzero(bytes.data(), bytes.size() * sizeof(*bytes.data()));
    bytes.clear();
    if (release) bytes.shrink_to_fit();
}

// The texts inside a key (a string, or strings within a tuple or a pair) zeroed; other members
// are left as they are. For a map's key taken out with extract() just before it is freed.
inline void wipeTexts(std::string& text) { wipe(text); }
template <class T>
void wipeTexts(T&) {}
template <class A, class B>
void wipeTexts(std::pair<A, B>& pair) {
    wipeTexts(pair.first);
    wipeTexts(pair.second);
}
template <class... T>
void wipeTexts(std::tuple<T...>& tuple) {
    std::apply([](auto&... member) { (wipeTexts(member), ...); }, tuple);
}

}  // namespace kiosk
