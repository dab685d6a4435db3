#pragma once
// A receipt printer that draws each receipt as a PNG, for demos and tests: receipt-0001.png,
// receipt-0002.png, ... in the output folder (files from an earlier run are overwritten).
//
// Its status is Ready unless a test or demo says otherwise: setStatus(), or a status file whose
// first word is read at every poll (ready, paper_low, paper_out, cover_open, offline), so that
// `echo paper_out > FILE` during a demo shows the kiosk's paper-out path. A missing or empty
// status file changes nothing.

#include <filesystem>
#include <optional>
#include <string>

#include "drivers/api/receipt_printer.h"
#include "drivers/printer/receipt_renderer.h"

namespace kiosk::drivers {

struct SimulatedPrinterConfig {
    std::filesystem::path outputDir;  // created when missing
    ReceiptGeometry geometry;
    std::filesystem::path fontFile;    // empty: see ReceiptRenderer::create
    std::filesystem::path statusFile;  // empty: no status file
    bool required = false;             // from the site configuration
};

// Lives on the devices thread; create and destroy it on the main thread (see ReceiptRenderer).
class SimulatedPrinter final : public ReceiptPrinter {
public:
    static Result<SimulatedPrinter> create(SimulatedPrinterConfig config);

    PrinterStatus pollStatus() override;
    Result<void> print(const ReceiptDocument& receipt) override;
    ComponentHealth health() const override;

    void setStatus(PrinterStatus status) { status_ = status; }
    // The PNG of the last receipt printed; empty before the first.
    const std::filesystem::path& lastReceipt() const { return lastReceipt_; }
    int printedCount() const { return printed_; }

private:
    SimulatedPrinter(SimulatedPrinterConfig config, ReceiptRenderer renderer)
        : config_(std::move(config)), renderer_(std::move(renderer)) {}

    SimulatedPrinterConfig config_;
    ReceiptRenderer renderer_;
    PrinterStatus status_ = PrinterStatus::Ready;
    std::filesystem::path lastReceipt_;
    std::string lastError_;
    int printed_ = 0;
};

// "ready", "paper_low", ... as printerStatusCode() writes them; nullopt for anything else.
std::optional<PrinterStatus> printerStatusFromCode(std::string_view code);

}  // namespace kiosk::drivers
