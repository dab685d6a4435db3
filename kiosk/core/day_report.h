#pragma once
// The end-of-day report a supervisor closes the day with: counts, codes, times and device states
// only. Nothing in it names or identifies a person, so it may be printed, shown and sent freely.
// Pure: the figures come from the store (kiosk/store/day_report.h), the time from the caller.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/clock.h"
#include "kiosk/base/date.h"

namespace kiosk::core {

// One local calendar day as a half-open interval of instants: [start, end).
struct DayWindow {
    Clock::TimePoint start;
    Clock::TimePoint end;

    friend bool operator==(const DayWindow&, const DayWindow&) = default;
};
DayWindow dayWindow(Date day, std::chrono::minutes utcOffset);

struct RecordCounts {
    std::int64_t registrations = 0;
    std::int64_t returneeCheckIns = 0;
    std::int64_t staffDecisions = 0;

    friend bool operator==(const RecordCounts&, const RecordCounts&) = default;
};

// The day's registrations by their local (staff) verification state.
struct VerificationCounts {
    std::int64_t notRequired = 0;
    std::int64_t pending = 0;
    std::int64_t verified = 0;
    std::int64_t returned = 0;  // sent back to the applicant for a correction

    friend bool operator==(const VerificationCounts&, const VerificationCounts&) = default;
};

// The upload state of the day's records.
struct OutboxCounts {
    std::int64_t pending = 0;
    std::int64_t inFlight = 0;
    std::int64_t sent = 0;  // handed over, final word awaited: still unsent
    std::int64_t acknowledged = 0;
    std::int64_t rejected = 0;   // conflicts included
    std::int64_t conflicts = 0;  // of the rejected, those the server refused as an id conflict (409)

    friend bool operator==(const OutboxCounts&, const OutboxCounts&) = default;
};

// The whole queue, whatever day its records are from, as it stood when the report was made.
struct UnsentQueue {
    std::int64_t unsent = 0;  // pending, in flight and sent
    std::optional<Clock::TimePoint> oldestCreatedAt;
    std::optional<std::chrono::seconds> oldestAge;

    friend bool operator==(const UnsentQueue&, const UnsentQueue&) = default;
};

struct UnderAgeStops {
    std::int64_t day = 0;    // from the time-stamped audit entries of the day
    std::int64_t total = 0;  // the counter, since the kiosk's database was made

    friend bool operator==(const UnderAgeStops&, const UnderAgeStops&) = default;
};

struct DecisionCount {
    std::string decision;  // a code such as "approve" (see isReportCode)
    std::int64_t count = 0;

    friend bool operator==(const DecisionCount&, const DecisionCount&) = default;
};

// A device's last event of the day; `state` is that event's code ("paper_out", "ready").
struct DeviceHealthLine {
    std::string device;
    std::string state;
    std::string detail;  // operator text about the device (a status code), never what a person typed
    Clock::TimePoint lastEventAt;
    std::int64_t events = 0;  // how many the device had that day

    friend bool operator==(const DeviceHealthLine&, const DeviceHealthLine&) = default;
};

struct DayFigures {
    RecordCounts records;
    VerificationCounts registrations;
    OutboxCounts outbox;
    UnsentQueue queue;
    UnderAgeStops underAgeStops;
    std::vector<DecisionCount> decisions;   // by decision code, in code order
    std::int64_t decisionsWithoutCode = 0;  // staff decisions whose public fields name no code
    std::vector<DeviceHealthLine> devices;  // in device-name order

    friend bool operator==(const DayFigures&, const DayFigures&) = default;
};

struct DayReport {
    std::string siteId;
    std::string kioskId;
    Date day{};
    std::chrono::minutes utcOffset{7 * 60};  // WIB; WITA is +8 h, WIT +9 h
    std::string zoneName = "WIB";
    Clock::TimePoint generatedAt;
    DayFigures figures;

    friend bool operator==(const DayReport&, const DayReport&) = default;
};

// 1 to 40 of a-z, 0-9, '_', '.' and '-': what may appear in the report as a code. Anything else
// (free text that may hold personal data) is never printed.
bool isReportCode(std::string_view text);

// "2026-03-02T09:15:00+07:00": the local time, to the second, with its offset.
std::string localTimestamp(Clock::TimePoint at, std::chrono::minutes utcOffset);

// One JSON object, members always in the same order (kioskctl report prints it).
std::string dayReportJson(const DayReport& report);

}  // namespace kiosk::core
