// Any bytes in, never a crash, and a NIK called valid really has the parts a valid NIK has.

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kiosk/core/nik.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace std::chrono;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const kiosk::Date reference{year{2026}, month{11}, day{28}};
    const auto check = kiosk::core::checkNik(text, reference);
    if (check.valid()) {
        const bool whole = check.digits.size() == 16 && check.birthDate && check.birthDate->ok() && check.sex &&
                           check.serial != "0000" && check.regencyCode != "00" && check.districtCode != "00";
        const bool notFuture = check.birthDate && sys_days{*check.birthDate} <= sys_days{reference};
        if (!whole || !notFuture) std::abort();
    }
    return 0;
}
