#pragma once
// The kiosk's sync engine against the national-server-sim process on loopback, as the end-to-end
// tests and the sync benchmark use it: a kiosk (its own store on a SQLite file in a temp folder, its
// device key and a fake clock) holding generated submissions, the simulator started for it as a
// child process (tests/national_server/sim_test_support.h), a CurlServerApi and a SyncWorker between
// the two, and a drain loop that jumps the fake clock over every wait so that backoff costs no real
// time. Payloads are generated ("PEMOHON UJI 000001"); no real person's data.

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/clock.h"
#include "kiosk/base/result.h"
#include "kiosk/store/master_key.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/curl_server_api.h"
#include "kiosk/sync/device_key.h"
#include "kiosk/sync/sync_worker.h"
#include "tests/national_server/sim_test_support.h"

namespace kiosk::e2e {

using sim::test::SimClient;
using sim::test::SimProcess;
using sim::test::TempDir;

inline constexpr std::string_view kKioskId = "KIOSK-E2E-01";
inline constexpr std::string_view kSiteId = "LTSA-E2E-01";

// The integer in environment variable `name`, or `fallback` when it is unset or not a number.
std::int64_t environmentNumber(const char* name, std::int64_t fallback);

// Submission n: a registration, a returnee check-in or (every tenth) a staff decision, whose payload
// is a JSON object of made-up values that differs for every n (its "photo" is random bytes from a
// generator seeded with n).
std::string generatedPayload(std::int64_t n);
store::NewSubmission generatedSubmission(std::int64_t n);

// What the kiosk enqueued, to compare with what the server holds.
struct Enqueued {
    store::RecordId recordId = 0;
    std::string submissionId;
    std::string payloadSha256;
    std::string payload;
};

// A kiosk: master key, device key and store in `dir`, and a fake clock set to the real time now
// (the simulator refuses signatures more than a day away from its own clock).
class Kiosk {
public:
    explicit Kiosk(std::filesystem::path dir, std::string database = "kiosk.db",
                   store::Synchronous synchronous = store::Synchronous::Full);

    // Submissions first .. first + count - 1; throws when the store refuses one.
    std::vector<Enqueued> enqueue(std::int64_t count, std::int64_t first = 1);
    // For national-server-sim --kiosk: ID=BASE64_PUBLIC_KEY,SITE.
    std::string simArgument() const;

    store::Store& store() { return *store_; }
    const sync::FileDeviceKey& deviceKey() const { return *deviceKey_; }
    FakeClock& clock() { return clock_; }
    const std::filesystem::path& dir() const { return dir_; }
    std::filesystem::path database() const { return dir_ / database_; }
    std::filesystem::path masterKeyFile() const { return dir_ / "master.key"; }
    std::filesystem::path deviceKeyFile() const { return dir_ / "device.key"; }

private:
    std::filesystem::path dir_;
    std::string database_;
    FakeClock clock_;
    std::unique_ptr<store::FileMasterKey> masterKey_;
    std::unique_ptr<sync::FileDeviceKey> deviceKey_;
    std::unique_ptr<store::Store> store_;
};

// "http://127.0.0.1:PORT" and "https://127.0.0.1:PORT" of a running simulator.
std::string httpUrl(const SimProcess& sim);
std::string httpsUrl(const SimProcess& sim);

// Transport options for tests: the given base URL and timeouts short enough that a hung or
// dripping request costs seconds, not minutes.
sync::TransportOptions quickTransport(std::string baseUrl);

// The kiosk's side of the link to a running simulator. The CurlServerApi signs with the kiosk's
// device key and clock; the worker seals to the simulator's key and verifies its documents.
struct SyncLink {
    std::unique_ptr<sync::CurlServerApi> api;
    std::unique_ptr<sync::SyncWorker> worker;  // refers to `api`

    // Drops the worker and the kept-alive connection, so that a simulator stopped next need not wait
    // for the connection's keep-alive timeout.
    void close() {
        worker.reset();
        api.reset();
    }
};
Result<SyncLink> connect(store::Store& store, const sync::DeviceKey& deviceKey, const Clock& clock,
                         const SimProcess& sim, sync::TransportOptions transport, sync::UploadOptions upload,
                         std::uint64_t retrySeed, const std::filesystem::path& stateDir);
Result<SyncLink> connect(Kiosk& kiosk, const SimProcess& sim, sync::TransportOptions transport,
                         sync::UploadOptions upload = {}, std::uint64_t retrySeed = 1);

// Sync passes until the outbox has nothing unsent or `maxPasses` have run. Before each pass,
// `beforePass(pass)` runs (if given) and then, when nothing is due yet, the fake clock jumps to the
// worker's next wake.
struct DrainResult {
    bool drained = false;
    int passes = 0;
    sync::PassReport total;
    std::map<std::string, std::int64_t> uploadFailures;  // passes that saw each upload failure code
    std::chrono::seconds fakeTimeSpent{0};
    std::chrono::milliseconds wallTime{0};
    std::string problem;  // when not drained: the queue, the last errors and a few unsent rows
};
DrainResult drain(sync::SyncWorker& worker, store::Store& store, FakeClock& clock, int maxPasses,
                  const std::function<void(int pass)>& beforePass = {});

// The simulator's view, through its admin endpoints.
nlohmann::json heldSubmissions(SimClient& admin);  // GET /admin/submissions, the list
nlohmann::json requestLog(SimClient& admin);       // GET /admin/requests, the whole answer
// Requests in the log by the fault applied to them ("" for none).
std::map<std::string, std::int64_t> faultCounts(const nlohmann::json& log);
// Requests in the log whose method and path (without the query) are these.
std::int64_t countRequests(const nlohmann::json& log, std::string_view method, std::string_view path);

// The outbox row of one submission; throws when there is none.
store::OutboxEntry outboxRow(store::Store& store, std::string_view submissionId);
// Audit entries with this action.
std::int64_t auditCount(store::Store& store, std::string_view action);

}  // namespace kiosk::e2e
