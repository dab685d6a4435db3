// store_bench: how fast the store takes durable submissions, and how fast the sync side drains a
// large queue. Prints figures; asserts nothing.
//
//   store_bench [--durable N] [--queue N] [--batch N] [--photo BYTES] [--dir DIR]
//
// 1. N durable enqueues (synchronous=FULL, the commit before a receipt): rate and latencies.
// 2. Fills a queue of --queue submissions (synchronous=NORMAL, to get there quickly), then drains it
//    as the sync worker would: claim a batch (one UPDATE ... RETURNING), acknowledge it (one
//    transaction), repeat; prints the drain rate and the batch-claim latencies, worst included.

#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "kiosk/base/clock.h"
#include "kiosk/store/store.h"

namespace {

using namespace std::chrono_literals;
using Micros = std::chrono::duration<double, std::micro>;
using Steady = std::chrono::steady_clock;
namespace store = kiosk::store;

struct Options {
    long durable = 1000;
    long queue = 100000;
    long batch = 100;
    long photo = 2048;
    std::string dir;
};

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

store::NewSubmission submission(std::mt19937& random, long photoBytes, long n) {
    store::NewSubmission s;
    s.siteId = "LTSA-BENCH-01";
    s.kioskId = "KIOSK-BENCH-01";
    const std::string identity = R"({"name":"BENCHNAMA )" + std::to_string(n) + R"(","photo":")";
    s.personalPayload.assign(identity.begin(), identity.end());
    for (long i = 0; i < photoBytes; ++i) s.personalPayload.push_back(static_cast<std::uint8_t>(random()));
    s.publicFields = R"({"desk":3})";
    char nik[17];
    std::snprintf(nik, sizeof nik, "3174%012ld", n);
    s.index.nik = nik;
    s.consent = store::Consent{"bench", std::string(64, 'b'), {"registration"}};
    return s;
}

std::unique_ptr<store::Store> openStore(const std::filesystem::path& dir, const std::string& file,
                                        store::Synchronous sync, const store::MasterKey& key,
                                        const kiosk::Clock& clock) {
    store::StoreConfig config;
    config.database = dir / file;
    config.minFreeBytes = 0;
    config.open.synchronous = sync;
    auto s = store::Store::open(config, key, clock);
    if (!s) {
        std::fprintf(stderr, "store_bench: %s: %s\n", s.error().code.c_str(), s.error().detail.c_str());
        std::exit(1);
    }
    return std::move(*s);
}

void durableEnqueues(const Options& o, const std::filesystem::path& dir, const store::MasterKey& key) {
    kiosk::SystemClock clock;
    auto s = openStore(dir, "durable.db", store::Synchronous::Full, key, clock);
    std::mt19937 random(1);
    std::vector<double> latencies;
    const auto start = Steady::now();
    for (long n = 0; n < o.durable; ++n) {
        const auto one = submission(random, o.photo, n);
        const auto t0 = Steady::now();
        if (auto r = s->enqueue(one); !r) {
            std::fprintf(stderr, "store_bench: enqueue: %s\n", r.error().detail.c_str());
            std::exit(1);
        }
        latencies.push_back(Micros(Steady::now() - t0).count());
    }
    const double seconds = std::chrono::duration<double>(Steady::now() - start).count();
    std::printf(
        "durable enqueue (synchronous=FULL, %ld-byte payload): %ld in %.2f s = %.0f per second; "
        "latency p50 %.0f us, p99 %.0f us, max %.0f us\n",
        o.photo, o.durable, seconds, static_cast<double>(o.durable) / seconds, percentile(latencies, 0.5),
        percentile(latencies, 0.99), percentile(latencies, 1.0));
}

void drain(const Options& o, const std::filesystem::path& dir, const store::MasterKey& key) {
    kiosk::SystemClock clock;
    auto s = openStore(dir, "queue.db", store::Synchronous::Normal, key, clock);
    std::mt19937 random(2);
    auto start = Steady::now();
    for (long n = 0; n < o.queue; ++n)
        if (auto r = s->enqueue(submission(random, 256, n)); !r) {
            std::fprintf(stderr, "store_bench: fill: %s\n", r.error().detail.c_str());
            std::exit(1);
        }
    const double fillSeconds = std::chrono::duration<double>(Steady::now() - start).count();
    std::printf("fill (synchronous=NORMAL): %ld submissions in %.2f s = %.0f per second\n", o.queue, fillSeconds,
                static_cast<double>(o.queue) / fillSeconds);

    std::vector<double> claims;
    long drained = 0;
    start = Steady::now();
    for (;;) {
        const auto t0 = Steady::now();
        auto batch = s->outbox().claimDue(o.batch, 60s);
        claims.push_back(Micros(Steady::now() - t0).count());
        if (!batch) {
            std::fprintf(stderr, "store_bench: claim: %s\n", batch.error().detail.c_str());
            std::exit(1);
        }
        if (batch->empty()) break;
        std::vector<store::Acknowledgement> acks;
        acks.reserve(batch->size());
        for (const auto& c : *batch) acks.push_back({c.submissionId, c.payloadSha256, "SRV"});
        if (auto r = s->outbox().acknowledgeAll(acks); !r) {
            std::fprintf(stderr, "store_bench: acknowledge: %s\n", r.error().detail.c_str());
            std::exit(1);
        }
        drained += static_cast<long>(batch->size());
    }
    const double seconds = std::chrono::duration<double>(Steady::now() - start).count();
    std::printf(
        "drain (claim %ld + acknowledge, synchronous=NORMAL): %ld submissions in %.2f s = %.0f per second; "
        "%zu batch claims, latency p50 %.0f us, p99 %.0f us, worst %.0f us\n",
        o.batch, drained, seconds, static_cast<double>(drained) / seconds, claims.size(), percentile(claims, 0.5),
        percentile(claims, 0.99), percentile(claims, 1.0));
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        const char* value = argv[i + 1];
        if (flag == "--durable")
            o.durable = std::strtol(value, nullptr, 10);
        else if (flag == "--queue")
            o.queue = std::strtol(value, nullptr, 10);
        else if (flag == "--batch")
            o.batch = std::strtol(value, nullptr, 10);
        else if (flag == "--photo")
            o.photo = std::strtol(value, nullptr, 10);
        else if (flag == "--dir")
            o.dir = value;
        else {
            std::fprintf(stderr,
                         "usage: store_bench [--durable N] [--queue N] [--batch N] [--photo BYTES] [--dir DIR]\n");
            return 2;
        }
    }
    std::string pattern =
        (o.dir.empty() ? std::filesystem::temp_directory_path() : std::filesystem::path(o.dir)) / "loket-bench-XXXXXX";
    if (!::mkdtemp(pattern.data())) {
        std::perror("store_bench: mkdtemp");
        return 1;
    }
    const std::filesystem::path dir = pattern;
    int status = 0;
    {
        auto key = store::FileMasterKey::openOrCreate(dir / "master.key");
        if (!key) {
            std::fprintf(stderr, "store_bench: %s\n", key.error().detail.c_str());
            status = 1;
        } else {
            std::printf("store_bench in %s\n", dir.c_str());
            durableEnqueues(o, dir, **key);
            drain(o, dir, **key);
        }
    }
    std::filesystem::remove_all(dir);
    return status;
}
