#pragma once

#include <optional>
#include <string>

#include "kiosk/base/date.h"

namespace kiosk::ctl {

// The reference day for age and century rules: `--on YYYY-MM-DD` when given, else today in the
// machine's local time zone (the operator's day). nullopt when `on` is given but malformed.
std::optional<Date> referenceDate(const std::string& on);

}  // namespace kiosk::ctl
