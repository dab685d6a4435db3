#pragma once
// Everything behind the screen when the kiosk runs with its settings file (--config): the store
// (connection A, on the UI thread), the device key, the devices, the sync thread, the cached
// configuration and catalogues, and the registration desk that ties them to the journeys.
// Built and destroyed on the main thread.

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "drivers/setup/device_set.h"
#include "kiosk/app/device_threads.h"
#include "kiosk/app/maintenance_desk.h"
#include "kiosk/app/registration_desk.h"
#include "kiosk/app/staff_gate.h"
#include "kiosk/base/clock.h"
#include "kiosk/core/flow/visit_flow.h"
#include "kiosk/core/receipt_content.h"
#include "kiosk/store/master_key.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/device_key.h"
#include "kiosk/sync/receipt_signature.h"
#include "kiosk/sync/sync_settings.h"
#include "kiosk/sync/sync_thread.h"
#include "kiosk/ui/catalog.h"

namespace kiosk::app {

class KioskServices {
public:
    // Errors name the file and what is wrong ("sync.settings", "store.*", "devices.*"). A missing
    // server (no keys yet, no network) is not an error: the kiosk works offline and queues.
    static Result<std::unique_ptr<KioskServices>> open(const std::filesystem::path& config, const ui::Catalogs& texts,
                                                       const Clock& clock);
    ~KioskServices();

    JourneyServices& journeys() { return *desk_; }
    // The maintenance screen's back office.
    MaintenanceServices& maintenance() { return *maintenance_; }
    // The journeys' settings from the last good configuration and catalogues the kiosk holds:
    // minimum ages, regions, the official openings still valid today, training programmes.
    void applyTo(flow::FlowSettings& settings, Date today) const;
    // The configured zone's offset from UTC ([kiosk] time_zone).
    std::chrono::minutes utcOffset() const { return settings_.utcOffset; }
    // Problems found reading the cached documents, for the log (the kiosk goes on without them).
    const std::vector<Error>& notes() const { return notes_; }
    // Between visitors: when the sync thread has stored newer documents since they were read,
    // reads them again (the catalogues, minimum ages, staff list, hotline, kiosk keys) and
    // returns true; applyTo() then gives the journeys the new ones. notes() are the new read's.
    bool refreshDocuments();

    // Waits until the outbox holds nothing unsent, or `atMost` passed; true when it is empty.
    bool drain(std::chrono::seconds atMost);

    // Starts the devices thread (scanner, MRZ reader) and the camera thread for an interactive
    // kiosk; a scripted run feeds its own inputs and never calls this. They hand what they read
    // over through the channels returned, and call `wakeUi` from their threads when they did.
    // Null when no scanner, MRZ reader or camera is fitted. Stopped before the devices go.
    InputChannels* startDeviceThreads(std::function<void()> wakeUi);
    // Writes the devices' health changes since the last call to the store (between visitors).
    void logDeviceHealth() { desk_->logDeviceHealth(); }

    KioskServices(const KioskServices&) = delete;
    KioskServices& operator=(const KioskServices&) = delete;

private:
    KioskServices() = default;
    void loadDocuments();
    void useDocuments();
    std::string documentsStamp() const;

    sync::SyncSettings settings_;
    std::unique_ptr<store::FileMasterKey> masterKey_;
    std::unique_ptr<store::Store> store_;
    std::unique_ptr<sync::FileDeviceKey> deviceKey_;
    // The devices' wakers outlive them; the threads that read the devices go before them.
    std::optional<drivers::Waker> devicesWaker_;
    std::optional<drivers::Waker> cameraWaker_;
    drivers::DeviceSet devices_;
    std::unique_ptr<HealthBoard> health_;  // outlives the threads that post to it
    std::unique_ptr<DeviceThreads> threads_;
    std::unique_ptr<sync::SyncThread> sync_;
    std::unique_ptr<RegistrationDesk> desk_;
    std::unique_ptr<MaintenanceDesk> maintenance_;
    sync::ReceiptKeyring receiptKeys_;
    std::unique_ptr<StaffGate> staffGate_;
    flow::Catalogue catalogue_;
    core::AgePolicy agePolicy_;
    core::ReceiptSettings receipts_;  // the hotline from the configuration
    std::vector<core::StaffMember> staff_;
    std::vector<Error> notes_;
    std::string stamp_;  // the versions of the documents in use
    const Clock* clock_ = nullptr;
};

}  // namespace kiosk::app
