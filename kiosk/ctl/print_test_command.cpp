// kioskctl print-test: prints a test receipt on the configured printer (the kiosk's id, the time,
// a line in Bahasa Indonesia, a QR code, a cut) and reports how it went. With the simulated
// printer the receipt is a PNG, whose path is reported. Exit 0 printed, 1 the printer could not
// print (its status says why), 2 when the settings are wrong.

#include <nlohmann/json.hpp>

#include <ctime>
#include <iostream>
#include <memory>

#include "drivers/printer/simulated_printer.h"
#include "drivers/setup/device_set.h"
#include "kiosk/ctl/command.h"
#include "kiosk/ctl/device_settings_file.h"
#include "kiosk/ctl/sync_settings_file.h"

namespace kiosk::ctl {

namespace {

using nlohmann::json;

struct PrintTestOptions {
    std::string config = kDefaultConfig;
};

// The operator's local time, as on the kiosk's other receipts.
std::string localTime(Clock::TimePoint t, const char* format) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
    std::tm local{};
    ::localtime_r(&seconds, &local);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, format, &local);
    return buffer;
}

// A page for staff checking the printer, not part of a visitor's journey: its words are fixed
// here rather than in the catalogues.
drivers::ReceiptDocument testReceipt(const std::string& kioskId, std::string_view backend, Clock::TimePoint now) {
    using namespace drivers;
    ReceiptDocument r;
    r.add(TextLine{"LOKET", TextSize::Double, true, Alignment::Centre});
    r.add(TextLine{"Tes printer berhasil", TextSize::Normal, true, Alignment::Centre});
    r.add(PaperFeed{1});
    r.add(TextLine{"Kiosk  : " + kioskId});
    r.add(TextLine{"Waktu  : " + localTime(now, "%Y-%m-%d %H:%M:%S %Z")});
    r.add(TextLine{"Printer: " + std::string(backend)});
    r.add(TextLine{"ABCDEFGHIJKLMNOPQRSTUVWXYZ"});
    r.add(TextLine{"abcdefghijklmnopqrstuvwxyz 0123456789"});
    r.add(PaperFeed{1});
    r.add(QrCode{"LOKET-PRINT-TEST " + kioskId + " " + localTime(now, "%Y%m%dT%H%M%S"), Alignment::Centre});
    r.add(TextLine{"Pindai kode QR ini untuk menguji pemindai.", TextSize::Normal, false, Alignment::Centre});
    r.add(Cut{});
    return r;
}

int printTest(const PrintTestOptions& o) {
    auto settings = loadDevices(o.config);
    if (!settings) return printFailure(settings.error());
    if (!settings->printer)
        return printFailure(Error{"devices.no_printer", o.config + " has no [devices.printer] table"});
    auto kiosk = loadSettings(o.config, {"kiosk.id"});
    if (!kiosk) return printFailure(kiosk.error());
    auto printer = drivers::openPrinter(*settings->printer);
    if (!printer) return printFailure(printer.error());

    const auto backend = drivers::backendName(*settings->printer);
    SystemClock clock;
    const auto printed = (*printer)->print(testReceipt(kiosk->kioskId, backend, clock.now()));
    const auto status = (*printer)->pollStatus();
    const auto health = (*printer)->health();
    json out{{"printed", printed.ok()},
             {"kiosk_id", kiosk->kioskId},
             {"backend", backend},
             {"status", drivers::printerStatusCode(status)},
             {"state", drivers::deviceStateCode(health.state)},
             {"last_error", health.lastError}};
    if (!printed) out["error"] = {{"code", printed.error().code}, {"detail", printed.error().detail}};
    if (const auto* simulated = dynamic_cast<const drivers::SimulatedPrinter*>(printer->get()); simulated && printed)
        out["receipt_png"] = simulated->lastReceipt().string();
    std::cout << out.dump() << '\n';
    return printed ? kValid : kInvalid;
}

}  // namespace

void addPrintTestCommand(CLI::App& app, Runner& run) {
    auto options = std::make_shared<PrintTestOptions>();
    auto* cmd = app.add_subcommand("print-test", "Print a test receipt on the configured printer (JSON report)");
    cmd->add_option("--config", options->config, "the kiosk's settings file")->capture_default_str();
    cmd->callback([options, &run] { run = [options] { return printTest(*options); }; });
}

}  // namespace kiosk::ctl
