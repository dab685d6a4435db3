#pragma once
// The end-of-day report (kiosk/core/day_report.h) on receipt paper, in the words of one catalogue
// (the "report.*" keys, registered in kiosk/ui/text_keys.h). Every figure of the report is on it;
// codes (decisions, devices, states) print as they are.
//
//   auto paper = receipt::dayReportDocument(report, [&](std::string_view key) {
//       return std::string(catalog.lookup(key));
//   });

#include "drivers/api/receipt_document.h"
#include "kiosk/core/day_report.h"
#include "kiosk/receipt/receipt_printout.h"

namespace kiosk::receipt {

// Ends with a cut.
drivers::ReceiptDocument dayReportDocument(const core::DayReport& report, const TextLookup& texts);

}  // namespace kiosk::receipt
