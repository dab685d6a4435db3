// After a full registration with a distinctive name, NIK and passport number, none of those byte
// strings may appear anywhere on disk: not in the database, its -wal or -shm, nor in a temp file.
// After the purge they must still appear nowhere, and the database file must have shrunk.

#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>
#include <iterator>

#include "kiosk/store/retention.h"
#include "tests/unit/store_test_support.h"

namespace kiosk::store {
namespace {

using namespace std::chrono_literals;

struct Finding {
    std::string file;
    std::string canary;
};

std::vector<Finding> scan(const std::vector<std::filesystem::path>& files, const std::vector<std::string>& canaries) {
    std::vector<Finding> found;
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        for (const auto& c : canaries)
            if (bytes.find(c) != std::string::npos) found.push_back({file.string(), c});
    }
    return found;
}

// Everything in the test's folder (database, -wal, -shm, key, SQLite temp files: SQLITE_TMPDIR points
// there) and any SQLite temp file in the system temp folder.
std::vector<std::filesystem::path> filesToScan(const test::TempDir& dir) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path()))
        if (e.is_regular_file()) files.push_back(e.path());
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::temp_directory_path()))
        if (e.is_regular_file() && e.path().filename().string().starts_with("etilqs_")) files.push_back(e.path());
    return files;
}

std::uintmax_t diskBytes(const test::TempDir& dir) {
    std::uintmax_t total = 0;
    for (const auto* name : {"kiosk.db", "kiosk.db-wal"})
        if (std::filesystem::exists(dir / name)) total += std::filesystem::file_size(dir / name);
    return total;
}

TEST(StoreCanary, NoPersonalBytesOnDiskBeforeOrAfterPurge) {
    test::TempDir dir;
    ::setenv("SQLITE_TMPDIR", dir.path().c_str(), 1);
    const auto key = test::makeMasterKey(dir);
    FakeClock clock(test::testEpoch());
    auto opened = Store::open(test::storeConfig(dir), *key, clock);
    ASSERT_TRUE(opened) << opened.error().detail;
    auto& store = **opened;

    const test::Person canary;  // "CANARYNAMA ZQXW", a composed NIK, passport "CX9QZ7714"
    const std::vector<std::string> canaries{canary.name, canary.nik, canary.passport};
    std::vector<Receipt> receipts;
    auto first = store.enqueue(test::makeSubmission(canary, 256 * 1024, 7));
    ASSERT_TRUE(first) << first.error().detail;
    receipts.push_back(*first);
    for (int i = 0; i < 40; ++i) {
        const test::Person filler{"FILLERNAMA " + std::to_string(i), test::composeNik(31, 71, 1, 1, 1, 90, i + 1),
                                  "CF" + std::to_string(100000 + i)};
        auto r = store.enqueue(test::makeSubmission(filler, 64 * 1024, static_cast<unsigned>(i)));
        ASSERT_TRUE(r);
        receipts.push_back(*r);
    }
    // The data is really there, and the lookups work, yet the bytes are nowhere on disk.
    const auto payload = store.personalData(first->recordId);
    ASSERT_TRUE(payload);
    EXPECT_NE(std::string(payload->begin(), payload->end()).find(canary.name), std::string::npos);
    EXPECT_EQ(*store.findByNik(canary.nik), std::vector<RecordId>{first->recordId});
    EXPECT_TRUE(std::filesystem::file_size(dir / "kiosk.db-wal") > 0);
    for (const auto& f : scan(filesToScan(dir), canaries)) ADD_FAILURE() << f.canary << " found in " << f.file;

    ASSERT_TRUE(compact(store.database()));
    const auto before = diskBytes(dir);
    ASSERT_TRUE(store.outbox().claimDue(1000, 60s));
    std::vector<Acknowledgement> acks;
    for (const auto& r : receipts) acks.push_back({r.submissionId, r.payloadSha256, "SRV-" + r.submissionId});
    ASSERT_TRUE(store.outbox().acknowledgeAll(acks));
    clock.advance(31 * 24h);
    const auto report = store.purge(RetentionPolicy{});
    ASSERT_TRUE(report) << report.error().detail;
    EXPECT_EQ(report->purged, static_cast<std::int64_t>(receipts.size()));

    EXPECT_EQ(store.personalData(first->recordId).error().code, "store.purged");
    EXPECT_TRUE(store.findByNik(canary.nik)->empty());
    for (const auto& f : scan(filesToScan(dir), canaries)) ADD_FAILURE() << f.canary << " found in " << f.file;
    const auto after = diskBytes(dir);
    EXPECT_LT(after, before / 4) << "before purge " << before << " bytes, after " << after;
    std::cout << "[ canary   ] database and WAL: " << before << " bytes before the purge, " << after << " after\n";
    EXPECT_EQ(*store.database().queryText("PRAGMA integrity_check"), "ok");
    ::unsetenv("SQLITE_TMPDIR");
}

// The scan above would be worthless if it could not see a canary: plant one and find it.
TEST(StoreCanary, ScanFindsAPlantedCanary) {
    test::TempDir dir;
    std::ofstream(dir / "planted.bin", std::ios::binary) << "xx" << test::Person{}.nik << "yy";
    const auto found = scan(filesToScan(dir), {test::Person{}.nik});
    ASSERT_EQ(found.size(), 1u);
}

}  // namespace
}  // namespace kiosk::store
