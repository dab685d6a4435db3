#pragma once
// The real receipt printer: ESC/POS over any PrinterLink, with status polling by DLE EOT.

#include <chrono>
#include <memory>
#include <string>

#include "drivers/api/receipt_printer.h"
#include "drivers/printer/escpos_encoder.h"
#include "drivers/printer/escpos_status.h"
#include "drivers/printer/printer_link.h"

namespace kiosk::drivers {

struct EscPosPrinterConfig {
    ReceiptGeometry geometry;
    QrMethod qr = QrMethod::Native;
    // Off for a printer that cannot answer (a USB printer without a back channel): it is then
    // Ready whenever its link opens, and paper and cover are not known.
    bool pollStatus = true;
    std::chrono::milliseconds statusTimeout{400};  // per request; three requests per poll
    std::chrono::milliseconds jobTimeout{20'000};  // a whole receipt, raster QR at 9600 baud included
    bool required = false;                         // from the site configuration
};

// Lives on the devices thread.
class EscPosPrinter final : public ReceiptPrinter {
public:
    // Fails only on a configuration that can never work ("printer.width", ...).
    static Result<EscPosPrinter> create(std::unique_ptr<PrinterLink> link, EscPosPrinterConfig config);

    PrinterStatus pollStatus() override;
    Result<void> print(const ReceiptDocument& receipt) override;
    ComponentHealth health() const override;

    // The last polled status bytes, for `kioskctl devices` and for diagnosing a printer model.
    const EscPosStatusBytes& lastStatusBytes() const { return statusBytes_; }

private:
    EscPosPrinter(std::unique_ptr<PrinterLink> link, EscPosPrinterConfig config)
        : link_(std::move(link)), config_(config) {}

    std::unique_ptr<PrinterLink> link_;
    EscPosPrinterConfig config_;
    PrinterStatus status_ = PrinterStatus::Offline;
    EscPosStatusBytes statusBytes_;
    bool polled_ = false;
    std::string lastError_;
};

}  // namespace kiosk::drivers
