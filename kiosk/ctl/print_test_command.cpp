// kioskctl print-test: prints a test receipt on the configured printer (the kiosk's id, the time,
// a line in Bahasa Indonesia, a QR code, a cut) and reports how it went. With the simulated
// printer the receipt is a PNG, whose path is reported. Exit 0 printed, 1 the printer could not
// print (its status says why), 2 when the settings are wrong.

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

#include "drivers/printer/simulated_printer.h"
#include "drivers/setup/device_set.h"
#include "kiosk/ctl/command.h"
#include "kiosk/ctl/device_settings_file.h"
#include "kiosk/ctl/sync_settings_file.h"
#include "kiosk/receipt/test_page.h"

namespace kiosk::ctl {

namespace {

using nlohmann::json;

struct PrintTestOptions {
    std::string config = kDefaultConfig;
};

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
    const auto printed = (*printer)->print(receipt::testPage(kiosk->kioskId, backend, clock.now()));
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
