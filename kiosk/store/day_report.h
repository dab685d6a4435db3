#pragma once
// The end-of-day figures (kiosk/core/day_report.h) read from the kiosk's database: what was
// recorded in one local day, and how the whole queue stands now. Reads only numbers, codes, times
// and device states; never a payload, a consent or an index hash. All of it is read in one read
// transaction, so the figures agree with each other. Runs on the caller's connection and thread.

#include <string_view>

#include "kiosk/base/clock.h"
#include "kiosk/base/result.h"
#include "kiosk/core/day_report.h"
#include "kiosk/store/database.h"
#include "kiosk/store/store.h"

namespace kiosk::store {

using core::DayFigures;

// The counter of people under 18 turned away at the identity step (nothing else about them is
// kept). Each increment also leaves a time-stamped audit entry "counter.<name>", which is how the
// day's count is known; the counter itself is a running total.
inline constexpr std::string_view kUnderAgeStopCounter = "registration.under_age_stop";

// Records created in [dayStart, dayEnd); the queue and the counter's total as of now.
Result<DayFigures> dayFigures(Store& store, Clock::TimePoint dayStart, Clock::TimePoint dayEnd);
// The same over a bare connection (kioskctl's read-only one); `clock` says when "now" is.
Result<DayFigures> dayFigures(Database& db, const Clock& clock, Clock::TimePoint dayStart, Clock::TimePoint dayEnd);

}  // namespace kiosk::store
