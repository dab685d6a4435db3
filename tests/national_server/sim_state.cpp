#include "tests/national_server/sim_state.h"

namespace kiosk::sim {

SimState::SimState(SimConfig c, ServerKeys k, std::unique_ptr<SimDatabase> database)
    : config(std::move(c)),
      keys(std::move(k)),
      db(std::move(database)),
      submissions(*db),
      heartbeats(*db),
      intake(keys, submissions),
      faults(config.faultMix) {}

Result<std::unique_ptr<SimState>> SimState::open(SimConfig config) {
    if (config.database.empty()) return Error{"sim.config", "--db is required"};
    ServerKeys keys = ServerKeys::generate();
    if (config.keysDir) {
        auto loaded = ServerKeys::load(*config.keysDir);
        if (!loaded) return loaded.error();
        keys = std::move(*loaded);
    }
    auto db = SimDatabase::open(config.database);
    if (!db) return db.error();
    std::unique_ptr<SimState> state(new SimState(std::move(config), std::move(keys), std::move(*db)));
    auto kiosks = KioskRegistry::open(*state->db, state->config.enrolmentTokens);
    if (!kiosks) return kiosks.error();
    state->kiosks = std::move(*kiosks);
    for (const auto& k : state->config.kiosks)
        if (auto r = state->kiosks->add(k.kioskId, k.siteId, k.signingPublicKey, "command_line", state->now()); !r)
            return r.error();
    if (!state->config.dataDir.empty()) {
        auto documents =
            SignedDocuments::load(state->config.dataDir, state->keys, state->config.staffPinSeed, state->now());
        if (!documents) return documents.error();
        state->documents = std::move(*documents);
    }
    return state;
}

void SimState::requestStop() {
    {
        const std::lock_guard lock(stopMutex_);
        stopRequested_ = true;
    }
    stopChanged_.notify_all();
}

bool SimState::waitForStopRequest(std::chrono::milliseconds timeout) {
    std::unique_lock lock(stopMutex_);
    return stopChanged_.wait_for(lock, timeout, [this] { return stopRequested_; });
}

void SimState::beginStopping() {
    {
        const std::lock_guard lock(stopMutex_);
        stopRequested_ = true;
        stopping_ = true;
    }
    stopChanged_.notify_all();
}

bool SimState::sleepUnlessStopping(std::chrono::milliseconds duration) {
    std::unique_lock lock(stopMutex_);
    return !stopChanged_.wait_for(lock, duration, [this] { return stopping_; });
}

}  // namespace kiosk::sim
