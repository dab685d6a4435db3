// What the maintenance screen costs the UI thread: the time to gather the kiosk's condition (it is
// read every two seconds while the screen is open), the time to read this machine's real mount
// table and sysfs for USB sticks, and the time to export the queue to a (simulated) stick, for a
// kiosk holding generated submissions. Prints its figures; asserts nothing.
//
//   maintenance_bench [--records N] [--rounds N]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "drivers/storage/system_media.h"
#include "kiosk/app/kiosk_services.h"
#include "tests/integration/sync_e2e_support.h"

namespace {

using namespace kiosk;
using Stopwatch = std::chrono::steady_clock;

struct Figures {
    double median = 0;
    double p95 = 0;
    double max = 0;
};

template <class F>
Figures timeRounds(int rounds, F&& f) {
    std::vector<double> ms;
    for (int i = 0; i < rounds; ++i) {
        const auto start = Stopwatch::now();
        f();
        ms.push_back(std::chrono::duration<double, std::milli>(Stopwatch::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)], ms.back()};
}

void print(const char* what, const Figures& f) {
    std::printf("%-34s median %7.3f ms   p95 %7.3f ms   max %7.3f ms\n", what, f.median, f.p95, f.max);
}

}  // namespace

int main(int argc, char** argv) {
    int records = 500;
    int rounds = 200;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--records")
            records = std::atoi(argv[i + 1]);
        else if (flag == "--rounds")
            rounds = std::atoi(argv[i + 1]);
    }
    records = std::max(records, 1);
    rounds = std::max(rounds, 1);

    e2e::TempDir dir;
    e2e::Kiosk kiosk(dir.path() / "kiosk");
    const auto keys = sim::test::runSim({"keygen", "--out", (dir.path() / "server-keys").string()});
    if (keys.exitCode != 0) {
        std::fprintf(stderr, "national-server-sim keygen failed: %s\n", keys.out.c_str());
        return 1;
    }
    const auto serverKeys = nlohmann::json::parse(keys.out);
    const auto enqueueStart = Stopwatch::now();
    kiosk.enqueue(records);
    const double enqueueMs = std::chrono::duration<double, std::milli>(Stopwatch::now() - enqueueStart).count();

    const auto usb = dir.path() / "usb";
    std::filesystem::create_directories(usb);
    const auto settings = dir.path() / "kiosk.toml";
    std::ofstream(settings) << "[kiosk]\nid = \"" << e2e::kKioskId << "\"\nsite_id = \"" << e2e::kSiteId << "\"\n"
                            << "[store]\ndatabase = \"" << kiosk.database().string() << "\"\nmaster_key = \""
                            << kiosk.masterKeyFile().string() << "\"\n"
                            << "[sync]\ndevice_key = \"" << kiosk.deviceKeyFile().string() << "\"\nstate_dir = \""
                            << (dir.path() / "sync").string() << "\"\n"
                            << "server_seal_public_key = \"" << serverKeys["server_seal_public_key"].get<std::string>()
                            << "\"\n"
                            << "[devices.printer]\nbackend = \"simulated\"\noutput_dir = \""
                            << (dir.path() / "receipts").string() << "\"\n"
                            << "[devices.usb_storage]\nbackend = \"simulated\"\nfolder = \"" << usb.string() << "\"\n";
    const auto texts = ui::Catalogs::load(std::filesystem::path(LOKET_SOURCE_ASSETS_DIR) / "i18n");
    if (!texts) return 1;
    SystemClock clock;
    auto services = app::KioskServices::open(settings, *texts, clock);
    if (!services) {
        std::fprintf(stderr, "%s: %s\n", services.error().code.c_str(), services.error().detail.c_str());
        return 1;
    }
    auto& desk = (*services)->maintenance();

    std::printf("maintenance_bench: %d queued submissions (enqueued in %.0f ms), %d rounds\n", records, enqueueMs,
                rounds);
    std::size_t media = 0;
    print("condition (whole screen's figures)", timeRounds(rounds, [&] { media += desk.condition().media.size(); }));
    const drivers::SystemMedia system;
    std::size_t sticks = 0;
    print("this machine's mounts and sysfs", timeRounds(rounds, [&] {
              if (const auto found = system.mounted()) sticks = found->size();
          }));
    std::printf("  (%zu removable media mounted on this machine)\n", sticks);

    std::fflush(stdout);  // before the export's log line on standard error
    const auto exportStart = Stopwatch::now();
    const auto exported = desk.exportUnsent("STF-BENCH");
    const double exportMs = std::chrono::duration<double, std::milli>(Stopwatch::now() - exportStart).count();
    if (!exported) {
        std::fprintf(stderr, "export: %s: %s\n", exported.error().code.c_str(), exported.error().detail.c_str());
        return 1;
    }
    const auto bytes = std::filesystem::file_size(usb / exported->file);
    std::printf("export of %lld submissions            %.0f ms, %.1f MB on the stick (%.2f ms a submission)\n",
                static_cast<long long>(exported->count), exportMs, static_cast<double>(bytes) / 1e6,
                exportMs / static_cast<double>(exported->count));
    return media > 0 ? 0 : 1;
}
