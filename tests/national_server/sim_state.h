#pragma once
// What every route of the simulator shares: keys, the database and its stores, the kiosks, the
// signed documents, the fault plan, the request log, and the stop signal that releases hung
// requests. Built once by NationalServer::start (or by the offline import) and outlives the HTTP
// servers that use it.

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

#include "kiosk/base/result.h"
#include "tests/national_server/fault_plan.h"
#include "tests/national_server/heartbeat_log.h"
#include "tests/national_server/kiosk_registry.h"
#include "tests/national_server/request_log.h"
#include "tests/national_server/server_keys.h"
#include "tests/national_server/signed_documents.h"
#include "tests/national_server/sim_config.h"
#include "tests/national_server/sim_database.h"
#include "tests/national_server/submission_intake.h"
#include "tests/national_server/submission_store.h"

namespace kiosk::sim {

class SimState {
public:
    // Opens the database, loads or makes the keys, registers --kiosk keys, loads the documents.
    static Result<std::unique_ptr<SimState>> open(SimConfig config);

    TimePoint now() const { return std::chrono::system_clock::now(); }

    // A stop was asked for (SIGTERM, POST /admin/shutdown): whoever runs the server stops it.
    void requestStop();
    bool waitForStopRequest(std::chrono::milliseconds timeout);
    // The server is stopping: hung requests and dripping replies give up now.
    void beginStopping();
    // Sleeps for `duration` unless the server starts stopping first; false when it did.
    bool sleepUnlessStopping(std::chrono::milliseconds duration);

    const SimConfig config;
    const ServerKeys keys;
    std::unique_ptr<SimDatabase> db;
    std::unique_ptr<KioskRegistry> kiosks;
    SubmissionStore submissions;
    HeartbeatLog heartbeats;
    SubmissionIntake intake;
    std::unique_ptr<SignedDocuments> documents;
    FaultPlan faults;
    RequestLog requests;

private:
    SimState(SimConfig config, ServerKeys keys, std::unique_ptr<SimDatabase> database);

    std::mutex stopMutex_;
    std::condition_variable stopChanged_;
    bool stopRequested_ = false;
    bool stopping_ = false;
};

}  // namespace kiosk::sim
