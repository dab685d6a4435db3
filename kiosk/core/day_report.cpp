#include "kiosk/core/day_report.h"

#include <cstdio>
#include <cstdlib>
#include <utility>

#include "kiosk/core/json_writer.h"

namespace kiosk::core {

namespace {

// Members are written in the order they are added; values are already JSON.
class Object {
public:
    Object& add(std::string_view name, std::string json) {
        members_.emplace_back(std::string(name), std::move(json));
        return *this;
    }
    Object& add(std::string_view name, std::int64_t value) { return add(name, std::to_string(value)); }
    Object& text(std::string_view name, std::string_view value) { return add(name, jsonQuoted(value)); }

    std::string str() const {
        std::string out = "{";
        for (const auto& [name, json] : members_) {
            if (out.size() > 1) out += ',';
            out += jsonQuoted(name) + ':' + json;
        }
        return out + '}';
    }

private:
    std::vector<std::pair<std::string, std::string>> members_;
};

std::string timeOrNull(const std::optional<Clock::TimePoint>& at, std::chrono::minutes utcOffset) {
    return at ? jsonQuoted(localTimestamp(*at, utcOffset)) : "null";
}

std::string figuresRecords(const RecordCounts& r) {
    return Object{}
        .add("registration", r.registrations)
        .add("returnee_checkin", r.returneeCheckIns)
        .add("staff_decision", r.staffDecisions)
        .str();
}

std::string figuresVerification(const VerificationCounts& v) {
    return Object{}
        .add("not_required", v.notRequired)
        .add("pending", v.pending)
        .add("verified", v.verified)
        .add("returned", v.returned)
        .str();
}

std::string figuresOutbox(const OutboxCounts& o) {
    return Object{}
        .add("pending", o.pending)
        .add("in_flight", o.inFlight)
        .add("sent", o.sent)
        .add("acknowledged", o.acknowledged)
        .add("rejected", o.rejected)
        .add("conflicts", o.conflicts)
        .str();
}

std::string figuresDecisions(const DayFigures& f) {
    Object byDecision;
    for (const auto& d : f.decisions) byDecision.add(d.decision, d.count);
    return Object{}.add("by_decision", byDecision.str()).add("without_decision", f.decisionsWithoutCode).str();
}

std::string figuresQueue(const UnsentQueue& q, std::chrono::minutes utcOffset) {
    return Object{}
        .add("unsent", q.unsent)
        .add("oldest_unsent_created_at", timeOrNull(q.oldestCreatedAt, utcOffset))
        .add("oldest_unsent_age_s", q.oldestAge ? std::to_string(q.oldestAge->count()) : "null")
        .str();
}

std::string figuresDevices(const std::vector<DeviceHealthLine>& devices, std::chrono::minutes utcOffset) {
    std::string out = "[";
    for (const auto& d : devices) {
        if (out.size() > 1) out += ',';
        out += Object{}
                   .text("device", d.device)
                   .text("state", d.state)
                   .text("detail", d.detail)
                   .text("last_event_at", localTimestamp(d.lastEventAt, utcOffset))
                   .add("events", d.events)
                   .str();
    }
    return out + ']';
}

}  // namespace

DayWindow dayWindow(Date day, std::chrono::minutes utcOffset) {
    const Clock::TimePoint start = std::chrono::sys_days{day} - utcOffset;
    return DayWindow{start, start + std::chrono::days{1}};
}

bool isReportCode(std::string_view text) {
    if (text.empty() || text.size() > 40) return false;
    for (const char c : text)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-')) return false;
    return true;
}

std::string localTimestamp(Clock::TimePoint at, std::chrono::minutes utcOffset) {
    using namespace std::chrono;
    const auto local = floor<seconds>(at) + utcOffset;
    const auto day = floor<days>(local);
    const year_month_day date{day};
    const hh_mm_ss clock{local - day};
    const auto offset = std::abs(utcOffset.count());
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d%c%02d:%02d", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                  static_cast<int>(clock.seconds().count()), utcOffset.count() < 0 ? '-' : '+',
                  static_cast<int>(offset / 60), static_cast<int>(offset % 60));
    return text;
}

std::string dayReportJson(const DayReport& r) {
    const auto& f = r.figures;
    return Object{}
        .text("site_id", r.siteId)
        .text("kiosk_id", r.kioskId)
        .text("date", formatIsoDate(r.day))
        .text("time_zone", r.zoneName)
        .text("generated_at", localTimestamp(r.generatedAt, r.utcOffset))
        .add("records", figuresRecords(f.records))
        .add("registrations_by_verification", figuresVerification(f.registrations))
        .add("outbox", figuresOutbox(f.outbox))
        .add("staff_decisions", figuresDecisions(f))
        .add("under_age_stops", Object{}.add("day", f.underAgeStops.day).add("total", f.underAgeStops.total).str())
        .add("queue", figuresQueue(f.queue, r.utcOffset))
        .add("devices", figuresDevices(f.devices, r.utcOffset))
        .str();
}

}  // namespace kiosk::core
