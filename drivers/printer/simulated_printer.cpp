#include "drivers/printer/simulated_printer.h"

#include <array>
#include <cstdio>
#include <fstream>

namespace kiosk::drivers {

std::optional<PrinterStatus> printerStatusFromCode(std::string_view code) {
    for (const auto s : {PrinterStatus::Ready, PrinterStatus::PaperLow, PrinterStatus::PaperOut,
                         PrinterStatus::CoverOpen, PrinterStatus::Offline})
        if (printerStatusCode(s) == code) return s;
    return std::nullopt;
}

Result<SimulatedPrinter> SimulatedPrinter::create(SimulatedPrinterConfig config) {
    if (config.outputDir.empty()) return makeError("printer.output", "no output folder for the simulated printer");
    std::error_code error;
    std::filesystem::create_directories(config.outputDir, error);
    if (error)
        return makeError("printer.output", "cannot create " + config.outputDir.string() + ": " + error.message());
    auto renderer = ReceiptRenderer::create(config.geometry, config.fontFile);
    if (!renderer) return renderer.error();
    return SimulatedPrinter{std::move(config), std::move(*renderer)};
}

PrinterStatus SimulatedPrinter::pollStatus() {
    if (!config_.statusFile.empty()) {
        std::ifstream in(config_.statusFile);
        std::string word;
        in >> word;
        if (const auto s = printerStatusFromCode(word)) {
            status_ = *s;
        } else if (!word.empty()) {
            lastError_ = "unknown word in " + config_.statusFile.string();
        }
    }
    if (status_ != PrinterStatus::Ready) lastError_ = std::string(printerStatusWords(status_));
    return status_;
}

Result<void> SimulatedPrinter::print(const ReceiptDocument& receipt) {
    if (const auto status = pollStatus(); !canPrint(status))
        return makeError("printer." + std::string(printerStatusCode(status)), lastError_);
    std::array<char, 32> name{};
    std::snprintf(name.data(), name.size(), "receipt-%04d.png", printed_ + 1);
    const auto png = config_.outputDir / name.data();
    if (auto drawn = renderer_.renderPng(receipt, png); !drawn) {
        lastError_ = drawn.error().detail;
        return drawn;
    }
    ++printed_;
    lastReceipt_ = png;
    return {};
}

ComponentHealth SimulatedPrinter::health() const {
    return {Component::ReceiptPrinter, config_.required, deviceStateFor(status_), lastError_};
}

}  // namespace kiosk::drivers
