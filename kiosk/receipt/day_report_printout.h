#pragma once
// The end-of-day report (kiosk/core/day_report.h) on receipt paper, in the words of one catalogue
// (the "report.*" keys, registered in kiosk/ui/text_keys.h). Every figure of the report is on it;
// codes (decisions, devices, states) print as they are.
//
//   auto paper = receipt::dayReportDocument(report, [&](std::string_view key) {
//       return std::string(catalog.lookup(key));
//   });

#include <string>
#include <vector>

#include "drivers/api/receipt_document.h"
#include "kiosk/core/day_report.h"
#include "kiosk/receipt/receipt_printout.h"

namespace kiosk::receipt {

struct ReportTextLine {
    enum class Style { Title, Heading, Line, Note };  // Note: the closing line
    Style style = Style::Line;
    std::string text;
};

// Full: every figure (the paper). Summary: what a screen has room for: no title, site, date or
// closing note (the screen says them once), the upload states that need action only, no
// breakdown of the decisions, the under-age stops of the day only.
enum class ReportDetail { Full, Summary };

// The report in words, line by line. Codes (decisions, devices, states) appear as they are.
std::vector<ReportTextLine> dayReportText(const core::DayReport& report, const TextLookup& texts,
                                          ReportDetail detail = ReportDetail::Full);

// "02-03-2026": the report's day as receipts print dates.
std::string reportDate(Date day);
// "02-03-2026 09:15 WIB": a time of the report in its zone.
std::string reportTime(const core::DayReport& report, Clock::TimePoint at);

// Ends with a cut.
drivers::ReceiptDocument dayReportDocument(const core::DayReport& report, const TextLookup& texts);

}  // namespace kiosk::receipt
