#include "kiosk/core/flow/secret_text.h"

#include <string.h>  // explicit_bzero: a plain memset before the end of a lifetime may be optimised away

#include <algorithm>

namespace kiosk::flow {

SecretText::~SecretText() { clear(); }

bool SecretText::append(std::string_view more) {
    if (more.size() > kCapacity - size_) return false;
    std::copy(more.begin(), more.end(), chars_.begin() + static_cast<std::ptrdiff_t>(size_));
    size_ += more.size();
    return true;
}

void SecretText::popBack() {
    if (size_ == 0) return;
    --size_;
    chars_[size_] = '\0';
}

void SecretText::clear() {
    explicit_bzero(chars_.data(), chars_.size());
    size_ = 0;
}

}  // namespace kiosk::flow
