#include "kiosk/core/flow/maintenance.h"

#include <algorithm>

namespace kiosk::flow {

std::string_view partCode(Part part) {
    switch (part) {
    case Part::Camera: return "camera";
    case Part::CodeScanner: return "code_scanner";
    case Part::MrzReader: return "mrz_reader";
    case Part::ReceiptPrinter: return "receipt_printer";
    }
    return "unknown";
}

std::string_view partName(Part part) {
    switch (part) {
    case Part::Camera: return "camera";
    case Part::CodeScanner: return "scanner";
    case Part::MrzReader: return "mrz";
    case Part::ReceiptPrinter: return "printer";
    }
    return "unknown";
}

PartCondition partOf(const KioskCondition& condition, Part part) {
    const auto found = std::find_if(condition.parts.begin(), condition.parts.end(),
                                    [part](const PartCondition& p) { return p.part == part; });
    if (found != condition.parts.end()) return *found;
    PartCondition absent;
    absent.part = part;
    return absent;
}

}  // namespace kiosk::flow
