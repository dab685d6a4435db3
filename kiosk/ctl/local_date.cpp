#include "kiosk/ctl/local_date.h"

#include <ctime>

namespace kiosk::ctl {

std::optional<Date> referenceDate(const std::string& on) {
    if (!on.empty()) return parseIsoDate(on);
    const auto now = std::chrono::system_clock::now();
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm local{};
    localtime_r(&t, &local);
    return dateAt(now, std::chrono::duration_cast<std::chrono::minutes>(std::chrono::seconds{local.tm_gmtoff}));
}

}  // namespace kiosk::ctl
