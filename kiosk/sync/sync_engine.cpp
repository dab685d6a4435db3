#include "kiosk/sync/sync_engine.h"

#include <sodium.h>

namespace kiosk::sync {

Result<std::unique_ptr<SyncEngine>> SyncEngine::open(const SyncSettings& settings, const store::MasterKey& masterKey,
                                                     const Clock& clock, std::stop_token stop,
                                                     DeviceHealthSource devices, DeviceKeyPolicy keyPolicy) {
    if (auto r = settings.require({"kiosk.id", "store.database", "sync.server_url", "sync.device_key", "sync.state_dir",
                                   "sync.server_seal_public_key", "sync.server_signing_public_key"});
        !r)
        return r.error();
    std::unique_ptr<SyncEngine> engine(new SyncEngine());
    auto key = keyPolicy == DeviceKeyPolicy::CreateIfMissing ? FileDeviceKey::openOrCreate(settings.deviceKey)
                                                             : FileDeviceKey::openExisting(settings.deviceKey);
    if (!key) return key.error();
    engine->deviceKey_ = std::move(*key);

    store::StoreConfig config;
    config.database = settings.database;
    auto opened = store::Store::open(config, masterKey, clock);
    if (!opened) return opened.error();
    engine->store_ = std::move(*opened);
    // What a killed or powered-off kiosk (or kioskctl) had in flight is due again at once.
    if (auto released = engine->store_->outbox().releaseDeadLeases(); !released) return released.error();

    auto server = CurlServerApi::create(settings.transport(),
                                        RequestSigner(*engine->deviceKey_, settings.kioskId, clock), std::move(stop));
    if (!server) return server.error();
    engine->server_ = std::move(*server);

    // Backoff jitter only needs to differ between kiosks, not to be secret.
    const std::uint64_t seed = (std::uint64_t{randombytes_random()} << 32) | randombytes_random();
    engine->worker_ =
        std::make_unique<SyncWorker>(*engine->store_, *engine->server_, *engine->deviceKey_, settings.serverKeys(),
                                     clock, RetryPolicy(seed), settings.worker(), std::move(devices));
    return engine;
}

}  // namespace kiosk::sync
