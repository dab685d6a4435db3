#pragma once
// The maintenance screen's back office (MaintenanceServices): reads the kiosk's condition from
// the devices' health board, the store, the sync thread's status, the disk, the removable media
// and the log; prints the test receipt; wakes the sync thread; writes the export bundle.
// Lives on the UI thread: the store connection and the printer are that thread's.

#include <functional>
#include <string>

#include "drivers/setup/device_set.h"
#include "kiosk/app/health_board.h"
#include "kiosk/app/maintenance_services.h"
#include "kiosk/base/clock.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/device_key.h"
#include "kiosk/sync/sync_settings.h"
#include "kiosk/sync/sync_thread.h"

namespace kiosk::app {

struct MaintenanceParts {
    store::Store& store;
    const sync::DeviceKey& deviceKey;
    const sync::SyncSettings& settings;
    drivers::DeviceSet& devices;
    HealthBoard& health;
    const Clock& clock;
    sync::SyncThread* sync = nullptr;  // none: the kiosk has no server yet
    std::string printerBackend;        // "escpos-usb", "simulated", ...: printed on the test page
    // True once the devices and camera threads read the devices: their health then comes only
    // through the board.
    std::function<bool()> threadsRunning;
};

class MaintenanceDesk final : public MaintenanceServices {
public:
    // Bundles smaller than this much free space on the stick are not tried.
    static constexpr std::uint64_t kMediaFloor = 1024 * 1024;
    // How many problems the screen lists.
    static constexpr std::size_t kProblems = 5;

    explicit MaintenanceDesk(MaintenanceParts parts) : p_(std::move(parts)) {}

    flow::KioskCondition condition() override;
    Result<void> printTestPage(std::string_view staffId) override;
    Result<void> syncNow(std::string_view staffId) override;
    Result<flow::ExportDone> exportUnsent(std::string_view staffId) override;

private:
    std::vector<flow::PartCondition> parts();

    MaintenanceParts p_;
};

}  // namespace kiosk::app
