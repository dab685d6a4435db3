#include "kiosk/receipt/day_report_printout.h"

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/core/receipt_content.h"
#include "kiosk/ui/text_keys.h"

namespace kiosk::receipt {

namespace {

using drivers::Alignment;
using drivers::TextLine;
using drivers::TextSize;
using ui::Text;
using Values = std::vector<std::pair<std::string, std::string>>;

class Paper {
public:
    Paper(const core::DayReport& report, const TextLookup& texts) : report_(report), texts_(texts) {}

    Paper& title(Text key) { return add(ReportTextLine::Style::Title, say(key, {})); }
    Paper& heading(Text key) { return add(ReportTextLine::Style::Heading, say(key, {})); }
    Paper& line(Text key, const Values& values = {}) { return add(ReportTextLine::Style::Line, say(key, values)); }
    Paper& count(Text key, std::int64_t n) { return line(key, {{"count", std::to_string(n)}}); }

    std::string time(Clock::TimePoint at) const { return reportTime(report_, at); }

    std::vector<ReportTextLine> lines() { return std::move(lines_); }
    std::vector<ReportTextLine> finish() {
        add(ReportTextLine::Style::Note, say(Text::ReportNoPersonalData, {}));
        return std::move(lines_);
    }

private:
    Paper& add(ReportTextLine::Style style, std::string text) {
        lines_.push_back(ReportTextLine{style, std::move(text)});
        return *this;
    }
    std::string say(Text key, const Values& values) const { return fillPlaceholders(texts_(ui::textKey(key)), values); }

    const core::DayReport& report_;
    const TextLookup& texts_;
    std::vector<ReportTextLine> lines_;
};

void addQueue(Paper& paper, const core::UnsentQueue& queue) {
    paper.heading(Text::ReportQueueHeading);
    if (queue.unsent == 0) {
        paper.line(Text::ReportQueueEmpty);
        return;
    }
    paper.count(Text::ReportQueueUnsent, queue.unsent);
    if (!queue.oldestCreatedAt) return;
    const auto age =
        std::chrono::duration_cast<std::chrono::minutes>(queue.oldestAge.value_or(std::chrono::seconds{0}));
    paper.line(Text::ReportQueueOldest, {{"time", paper.time(*queue.oldestCreatedAt)},
                                         {"hours", std::to_string(age.count() / 60)},
                                         {"minutes", std::to_string(age.count() % 60)}});
}

void addDevices(Paper& paper, const std::vector<core::DeviceHealthLine>& devices) {
    paper.heading(Text::ReportDevicesHeading);
    if (devices.empty()) paper.line(Text::ReportDevicesNone);
    for (const auto& d : devices) {
        paper.line(Text::ReportDeviceItem, {{"device", d.device},
                                            {"state", d.state},
                                            {"time", paper.time(d.lastEventAt)},
                                            {"events", std::to_string(d.events)}});
        if (!d.detail.empty()) paper.line(Text::ReportDeviceDetail, {{"detail", d.detail}});
    }
}

}  // namespace

std::string reportDate(Date day) {
    char text[16];
    std::snprintf(text, sizeof text, "%02u-%02u-%04d", static_cast<unsigned>(day.day()),
                  static_cast<unsigned>(day.month()), static_cast<int>(day.year()));
    return text;
}

std::string reportTime(const core::DayReport& report, Clock::TimePoint at) {
    core::ReceiptSettings zone;
    zone.utcOffset = report.utcOffset;
    zone.zoneName = report.zoneName;
    return core::formatReceiptTime(std::chrono::floor<std::chrono::seconds>(at), zone);
}

std::vector<ReportTextLine> dayReportText(const core::DayReport& report, const TextLookup& texts, ReportDetail detail) {
    const bool full = detail == ReportDetail::Full;
    const auto& f = report.figures;
    Paper paper(report, texts);
    if (full)
        paper.title(Text::ReportTitle)
            .line(Text::ReportSite, {{"site", report.siteId}})
            .line(Text::ReportKiosk, {{"kiosk", report.kioskId}})
            .line(Text::ReportDate, {{"date", reportDate(report.day)}})
            .line(Text::ReportGeneratedAt, {{"time", paper.time(report.generatedAt)}});

    paper.heading(Text::ReportRecordsHeading)
        .count(Text::ReportRegistrations, f.records.registrations)
        .count(Text::ReportCheckins, f.records.returneeCheckIns)
        .count(Text::ReportDecisions, f.records.staffDecisions);

    paper.heading(Text::ReportVerificationHeading)
        .count(Text::ReportVerificationPending, f.registrations.pending)
        .count(Text::ReportVerificationVerified, f.registrations.verified)
        .count(Text::ReportVerificationReturned, f.registrations.returned);
    if (full) paper.count(Text::ReportVerificationNotRequired, f.registrations.notRequired);

    paper.heading(Text::ReportOutboxHeading);
    if (full)
        paper.count(Text::ReportOutboxPending, f.outbox.pending)
            .count(Text::ReportOutboxInFlight, f.outbox.inFlight)
            .count(Text::ReportOutboxSent, f.outbox.sent);
    paper.count(Text::ReportOutboxAcknowledged, f.outbox.acknowledged).count(Text::ReportOutboxRejected, f.outbox.rejected);
    if (full) paper.count(Text::ReportOutboxConflicts, f.outbox.conflicts);

    if (full) {
        paper.heading(Text::ReportDecisionsHeading);
        for (const auto& d : f.decisions)
            paper.line(Text::ReportDecisionItem, {{"decision", d.decision}, {"count", std::to_string(d.count)}});
        paper.count(Text::ReportDecisionWithoutCode, f.decisionsWithoutCode);
    }

    paper.heading(Text::ReportUnderAgeHeading).count(Text::ReportUnderAgeDay, f.underAgeStops.day);
    if (full) paper.count(Text::ReportUnderAgeTotal, f.underAgeStops.total);

    addQueue(paper, f.queue);
    addDevices(paper, f.devices);
    if (!full) return paper.lines();
    return paper.finish();
}

drivers::ReceiptDocument dayReportDocument(const core::DayReport& report, const TextLookup& texts) {
    drivers::ReceiptDocument doc;
    for (const auto& line : dayReportText(report, texts)) {
        switch (line.style) {
        case ReportTextLine::Style::Title:
            doc.add(TextLine{line.text, TextSize::Double, true, Alignment::Centre});
            break;
        case ReportTextLine::Style::Heading:
            doc.add(drivers::PaperFeed{1});
            doc.add(TextLine{line.text, TextSize::Normal, true, Alignment::Left});
            break;
        case ReportTextLine::Style::Line: doc.add(TextLine{line.text}); break;
        case ReportTextLine::Style::Note:
            doc.add(drivers::PaperFeed{1});
            doc.add(TextLine{line.text, TextSize::Normal, false, Alignment::Centre});
            break;
        }
    }
    doc.add(drivers::Cut{});
    return doc;
}

}  // namespace kiosk::receipt
