// How fast a kiosk drains a backlog: COUNT generated submissions (10,000 by default) uploaded over
// loopback HTTPS by CurlServerApi and SyncWorker into the national-server-sim process, once per
// batch size (1, 50 and 100 by default), each run from a copy of the same backlog into a fresh
// simulator. Prints submissions per second; asserts nothing.
//
//   cmake --preset release -B build-release
//   cmake --build build-release --target sync_bench national-server-sim
//   build-release/bin/sync_bench [COUNT [BATCH...]]
//
// The backlog is written once with synchronous=NORMAL (enqueueing is not what is measured); the
// drain runs with the kiosk's real setting, synchronous=FULL. Both sides are on this machine, so
// the figure is the CPU and fsync cost of the two ends, not a network's.

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "tests/integration/sync_e2e_support.h"
#include "tests/national_server/test_pki.h"

namespace {

using namespace kiosk;
using namespace kiosk::e2e;

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void copyFolderFiles(const std::filesystem::path& from, const std::filesystem::path& to) {
    std::filesystem::create_directories(to);
    for (const auto& entry : std::filesystem::directory_iterator(from))
        if (entry.is_regular_file()) std::filesystem::copy_file(entry.path(), to / entry.path().filename());
}

int drainOnce(const std::filesystem::path& backlog, const std::filesystem::path& runDir,
              const kiosk::test::TestPki& pki, std::int64_t count, std::int64_t batchSize) {
    copyFolderFiles(backlog, runDir / "kiosk");
    Kiosk kiosk(runDir / "kiosk", "backlog.db", store::Synchronous::Full);
    auto sim = SimProcess::start({"--db", (runDir / "sim.db").string(), "--kiosk", kiosk.simArgument(), "--tls-cert",
                                  pki.server().cert.string(), "--tls-key", pki.server().key.string()});
    if (!sim) {
        std::cerr << "national-server-sim did not start\n";
        return 1;
    }
    sync::TransportOptions transport;  // the kiosk's real timeouts
    transport.baseUrl = httpsUrl(*sim);
    transport.caFile = pki.caCert();
    transport.pinnedPublicKey = kiosk::test::TestPki::publicKeyPin(pki.server().cert).value();
    sync::UploadOptions upload;
    upload.batchSize = batchSize;
    auto link = connect(kiosk.store(), kiosk.deviceKey(), kiosk.clock(), *sim, transport, upload, 1, runDir / "state");
    if (!link) {
        std::cerr << link.error().detail << "\n";
        return 1;
    }

    const auto result = drain(*link->worker, kiosk.store(), kiosk.clock(), static_cast<int>(3 * count + 100));
    const double seconds = static_cast<double>(result.wallTime.count()) / 1000.0;
    SimClient admin(sim->httpPort());
    const auto held = heldSubmissions(admin).size();
    std::cout << "batch " << batchSize << ": " << count << " submissions in " << seconds
              << " s = " << static_cast<double>(count) / seconds << " submissions/s (" << result.total.requests
              << " requests in " << result.passes << " passes; the server holds " << held << ")"
              << (result.drained ? "" : "; NOT DRAINED: " + result.problem) << std::endl;
    link->close();
    sim->stop();
    return result.drained ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);
    const std::int64_t count = argc > 1 ? std::atoll(argv[1]) : 10000;
    std::vector<std::int64_t> batches;
    for (int i = 2; i < argc; ++i) batches.push_back(std::atoll(argv[i]));
    if (batches.empty()) batches = {1, 50, 100};
    if (count < 1) {
        std::cerr << "usage: sync_bench [COUNT [BATCH...]]\n";
        return 2;
    }

    TempDir dir;
    auto pki = kiosk::test::TestPki::create(dir.path() / "pki");
    if (!pki) {
        std::cerr << pki.error().detail << "\n";
        return 1;
    }
    const auto backlog = dir.path() / "backlog";
    {
        Kiosk kiosk(backlog, "backlog.db", store::Synchronous::Normal);
        const auto start = std::chrono::steady_clock::now();
        kiosk.enqueue(count);
        std::cout << "backlog: " << count << " generated submissions written in " << secondsSince(start) << " s"
                  << std::endl;
    }  // the last connection closes: the WAL is checkpointed into backlog.db

    int failures = 0;
    for (const auto batch : batches)
        failures += drainOnce(backlog, dir.path() / ("run-" + std::to_string(batch)), *pki, count, batch);
    return failures == 0 ? 0 : 1;
}
