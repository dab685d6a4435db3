#include "drivers/printer/escpos_printer.h"

namespace kiosk::drivers {

Result<EscPosPrinter> EscPosPrinter::create(std::unique_ptr<PrinterLink> link, EscPosPrinterConfig config) {
    if (!link) return makeError("printer.link", "no printer link");
    if (auto ok = validateGeometry(config.geometry); !ok) return ok.error();
    return EscPosPrinter{std::move(link), config};
}

PrinterStatus EscPosPrinter::pollStatus() {
    polled_ = true;
    statusBytes_ = {};
    if (!config_.pollStatus) {
        status_ = link_->open() ? PrinterStatus::Ready : PrinterStatus::Offline;
    } else {
        statusBytes_.printer = link_->ask(kAskPrinterStatus, config_.statusTimeout);
        // A printer that ignored the first question will ignore the others: do not wait twice more.
        if (statusBytes_.printer) {
            statusBytes_.offlineCause = link_->ask(kAskOfflineCause, config_.statusTimeout);
            statusBytes_.paperSensor = link_->ask(kAskPaperSensor, config_.statusTimeout);
        }
        status_ = parseEscPosStatus(statusBytes_);
    }
    if (status_ == PrinterStatus::Offline && !link_->lastError().empty())
        lastError_ = link_->lastError();
    else if (status_ != PrinterStatus::Ready)
        lastError_ = std::string(printerStatusWords(status_));
    return status_;
}

Result<void> EscPosPrinter::print(const ReceiptDocument& receipt) {
    auto bytes = encodeEscPos(receipt, config_.geometry, config_.qr);
    if (!bytes) return bytes.error();
    if (const auto status = pollStatus(); !canPrint(status))
        return makeError("printer." + std::string(printerStatusCode(status)), lastError_);
    if (auto sent = link_->send(*bytes, config_.jobTimeout); !sent) {
        status_ = PrinterStatus::Offline;
        lastError_ = "printing stopped: " + sent.error().detail;
        return makeError("printer.io", lastError_);
    }
    return {};
}

ComponentHealth EscPosPrinter::health() const {
    if (!polled_) return {Component::ReceiptPrinter, config_.required, DeviceState::Failed, "not polled yet"};
    return {Component::ReceiptPrinter, config_.required, deviceStateFor(status_), lastError_};
}

}  // namespace kiosk::drivers
