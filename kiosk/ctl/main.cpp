// kioskctl: the operator's command-line tool. One JSON object on stdout per answer.

#include <CLI/CLI.hpp>

#include <iostream>

#include "kiosk/ctl/command.h"

int main(int argc, char** argv) {
    CLI::App app{"kioskctl: check and operate a Loket kiosk", "kioskctl"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("kioskctl ") + LOKET_VERSION);

    kiosk::ctl::Runner run;
    kiosk::ctl::addNikCommand(app, run);
    kiosk::ctl::addMrzCommand(app, run);
    kiosk::ctl::addQueueCommand(app, run);
    kiosk::ctl::addReportCommand(app, run);
    kiosk::ctl::addAuditCommand(app, run);
    kiosk::ctl::addSyncCommand(app, run);
    kiosk::ctl::addExportCommand(app, run);
    kiosk::ctl::addDeviceKeyCommand(app, run);
    kiosk::ctl::addEnrolCommand(app, run);
    kiosk::ctl::addDevicesCommand(app, run);
    kiosk::ctl::addPrintTestCommand(app, run);
    kiosk::ctl::addDecodeCommand(app, run);
    kiosk::ctl::addFaceCommand(app, run);
    kiosk::ctl::addVerifyReceiptCommand(app, run);

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);  // --help, --version
    } catch (const CLI::ParseError& e) {
        app.exit(e);  // prints the reason and the usage to stderr
        return kiosk::ctl::kUsage;
    }
    return run ? run() : kiosk::ctl::kUsage;
}
