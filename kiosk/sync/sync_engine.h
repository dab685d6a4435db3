#pragma once
// The sync side put together from the settings: its own Store connection, the device key, the
// curl connection to the national server and the worker. Opened on the thread that will use it
// (the sync thread, or kioskctl's main thread) and used only there.

#include <memory>
#include <stop_token>

#include "kiosk/base/clock.h"
#include "kiosk/base/result.h"
#include "kiosk/store/master_key.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/curl_server_api.h"
#include "kiosk/sync/device_key.h"
#include "kiosk/sync/sync_settings.h"
#include "kiosk/sync/sync_thread.h"
#include "kiosk/sync/sync_worker.h"

namespace kiosk::sync {

enum class DeviceKeyPolicy {
    CreateIfMissing,  // the kiosk on first start
    MustExist,        // operator commands: never sign with a key the server has never seen
};

class SyncEngine final : public SyncLoop {
public:
    // Needs kiosk.id, store.database, sync.server_url, sync.device_key, sync.state_dir and both
    // server keys. `masterKey` and `clock` must outlive the engine.
    static Result<std::unique_ptr<SyncEngine>> open(const SyncSettings& settings, const store::MasterKey& masterKey,
                                                    const Clock& clock, std::stop_token stop = {},
                                                    DeviceHealthSource devices = {},
                                                    DeviceKeyPolicy keyPolicy = DeviceKeyPolicy::CreateIfMissing);

    PassReport runOnce() override { return worker_->runOnce(); }
    Clock::TimePoint nextWake() override { return worker_->nextWake(); }
    SyncStatus status() const override { return worker_->status(); }

    SyncWorker& worker() { return *worker_; }
    store::Store& store() { return *store_; }

private:
    SyncEngine() = default;
    std::unique_ptr<FileDeviceKey> deviceKey_;
    std::unique_ptr<store::Store> store_;
    std::unique_ptr<CurlServerApi> server_;
    std::unique_ptr<SyncWorker> worker_;  // last: it refers to the three above
};

}  // namespace kiosk::sync
