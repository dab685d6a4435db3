#pragma once
// What the maintenance screen asks of the kiosk when the flow returns its commands: the kiosk's
// condition, a test receipt, a sync now, and the export of unsent submissions to a USB stick. The
// Session calls it on the UI thread and turns each answer into the event the flow waits for.

#include <string_view>

#include "kiosk/base/result.h"
#include "kiosk/core/flow/maintenance.h"

namespace kiosk::app {

class MaintenanceServices {
public:
    virtual ~MaintenanceServices() = default;

    // Devices, queue, sync, disk, media, version and the latest problems, as they are now. Reads
    // only, and never waits for the network or a device.
    virtual flow::KioskCondition condition() = 0;
    // Prints the test receipt; audited as "maintenance.test_print" by `staffId`. Errors
    // "print.no_printer", or the printer's own ("print.failed", ...).
    virtual Result<void> printTestPage(std::string_view staffId) = 0;
    // Wakes the sync thread at once; audited as "maintenance.sync_now". Error
    // "maintenance.sync_not_configured" when the kiosk has no server to send to.
    virtual Result<void> syncNow(std::string_view staffId) = 0;
    // Every unsent submission in one signed bundle on the first writable removable medium,
    // audited as "maintenance.export". Errors "export.no_media", "export.read_only",
    // "export.media_full", "export.not_configured", "export.failed". Exporting marks nothing as
    // sent: the kiosk keeps sending until the server acknowledges each submission.
    virtual Result<flow::ExportDone> exportUnsent(std::string_view staffId) = 0;
};

}  // namespace kiosk::app
