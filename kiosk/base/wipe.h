#pragma once
// Personal data leaves memory zeroed: a buffer that held a photo, a frame or a payload is
// overwritten (in a way the compiler may not drop) before it is emptied. With `release`, its
// memory is handed back too, so that nothing of it is reused unzeroed later.

#include <string.h>  // explicit_bzero

namespace kiosk {

// Any contiguous byte buffer: std::vector<std::uint8_t>, std::string.
template <class Buffer>
void wipe(Buffer& bytes, bool release = false) {
    if (!bytes.empty()) explicit_bzero(bytes.data(), bytes.size() * sizeof(*bytes.data()));
    bytes.clear();
    if (release) bytes.shrink_to_fit();
}

}  // namespace kiosk
