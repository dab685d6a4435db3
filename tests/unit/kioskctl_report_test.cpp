// kioskctl report run as a separate process against a kiosk database made for the test: the day is
// the kiosk's own (its configured time zone), the answer is the report's JSON, and a wrong date or
// a database that is not there is refused without creating anything.

#include <gtest/gtest.h>

#include "kiosk/store/day_report.h"
#include "tests/unit/kioskctl_process.h"
#include "tests/unit/store_test_support.h"

namespace kiosk::test {
namespace {

using namespace std::chrono_literals;

// 2026-03-01T16:00:00Z: midnight starting 2026-03-02 in WITA (UTC+8), 23:00 on 03-01 in WIB.
const Clock::TimePoint kWitaMidnight{std::chrono::seconds{1772380800}};

class KioskctlReport : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = store::Store::open(storeConfig(dir_), *masterKey_, clock_);
        ASSERT_TRUE(opened) << opened.error().detail;
        store_ = std::move(*opened);
        writeSettings(dir_ / "kiosk.db", "WITA");
    }
    void writeSettings(const std::filesystem::path& database, const std::string& zone) {
        std::ofstream(config_) << "[kiosk]\nid = \"KIOSK-TEST-01\"\nsite_id = \"LTSA-TEST-01\"\ntime_zone = \"" << zone
                               << "\"\n[store]\ndatabase = \"" << database.string() << "\"\n";
    }
    store::Receipt enqueueAt(Clock::TimePoint at) {
        clock_.set(at);
        auto r = store_->enqueue(makeSubmission());
        EXPECT_TRUE(r) << (r ? "" : r.error().detail);
        return r ? *r : store::Receipt{};
    }

    TempDir dir_;
    std::unique_ptr<store::FileMasterKey> masterKey_ = makeMasterKey(dir_);
    FakeClock clock_{testEpoch()};
    std::unique_ptr<store::Store> store_;
    std::string config_ = (dir_ / "kiosk.toml").string();
};

TEST_F(KioskctlReport, ReportsTheKiosksDayInItsTimeZone) {
    enqueueAt(kWitaMidnight - 1ms);  // 23:59:59.999 WITA on 03-01
    enqueueAt(kWitaMidnight + 30min);
    const auto checked = enqueueAt(kWitaMidnight + 2h);
    ASSERT_TRUE(store_->outbox().acknowledge({checked.submissionId, checked.payloadSha256, "SRV-1"}));
    clock_.set(kWitaMidnight + 3h);
    ASSERT_TRUE(store_->incrementCounter(store::kUnderAgeStopCounter));
    ASSERT_TRUE(store_->recordDeviceEvent("receipt_printer", "paper_out", "status=0x12"));

    const auto run = runKioskctl({"report", "--config", config_, "--date", "2026-03-02"});
    ASSERT_EQ(run.exitCode, 0) << run.out;
    const auto j = run.json();
    EXPECT_EQ(j["site_id"], "LTSA-TEST-01");
    EXPECT_EQ(j["kiosk_id"], "KIOSK-TEST-01");
    EXPECT_EQ(j["date"], "2026-03-02");
    EXPECT_EQ(j["time_zone"], "WITA");
    EXPECT_TRUE(j["generated_at"].get<std::string>().ends_with("+08:00")) << j["generated_at"];
    EXPECT_EQ(j["records"]["registration"], 2);
    EXPECT_EQ(j["registrations_by_verification"]["not_required"], 2);
    EXPECT_EQ(j["outbox"]["pending"], 1);
    EXPECT_EQ(j["outbox"]["acknowledged"], 1);
    EXPECT_EQ(j["under_age_stops"]["day"], 1);
    EXPECT_EQ(j["under_age_stops"]["total"], 1);
    EXPECT_EQ(j["queue"]["unsent"], 2);
    EXPECT_EQ(j["queue"]["oldest_unsent_created_at"], "2026-03-01T23:59:59+08:00");
    EXPECT_TRUE(j["queue"]["oldest_unsent_age_s"].is_number_integer());  // from the real clock
    ASSERT_EQ(j["devices"].size(), 1u);
    EXPECT_EQ(j["devices"][0]["device"], "receipt_printer");
    EXPECT_EQ(j["devices"][0]["state"], "paper_out");
    EXPECT_EQ(j["devices"][0]["last_event_at"], "2026-03-02T03:00:00+08:00");

    // In WIB the same instants are 22:59:59 and 23:30 on 03-01, and 01:00 on 03-02.
    writeSettings(dir_ / "kiosk.db", "WIB");
    const auto wib = runKioskctl({"report", "--config", config_, "--date", "2026-03-02"});
    ASSERT_EQ(wib.exitCode, 0) << wib.out;
    EXPECT_EQ(wib.json()["records"]["registration"], 1);
    EXPECT_EQ(wib.json()["devices"].size(), 1u);
    const auto before = runKioskctl({"report", "--config", config_, "--date", "2026-03-01"});
    ASSERT_EQ(before.exitCode, 0) << before.out;
    EXPECT_EQ(before.json()["records"]["registration"], 2);
    EXPECT_EQ(before.json()["devices"], nlohmann::json::array());
}

TEST_F(KioskctlReport, WithoutADateItIsTodayInTheKiosksZone) {
    const auto before = formatIsoDate(dateAt(std::chrono::system_clock::now(), 8h));
    const auto run = runKioskctl({"report", "--config", config_});
    const auto after = formatIsoDate(dateAt(std::chrono::system_clock::now(), 8h));
    ASSERT_EQ(run.exitCode, 0) << run.out;
    const auto date = run.json()["date"].get<std::string>();
    EXPECT_TRUE(date == before || date == after) << date;
    EXPECT_EQ(run.json()["records"]["registration"], 0);
}

TEST_F(KioskctlReport, AWrongDateIsMisuse) {
    for (const auto* date : {"2026-02-30", "02-03-2026", "yesterday"}) {
        const auto run = runKioskctl({"report", "--config", config_, "--date", date});
        EXPECT_EQ(run.exitCode, 2) << date;
        EXPECT_EQ(run.out, "") << date;
    }
}

TEST_F(KioskctlReport, AMissingDatabaseIsNamedAndNotCreated) {
    writeSettings(dir_ / "missing.db", "WIB");
    const auto run = runKioskctl({"report", "--config", config_, "--date", "2026-03-02"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.json().contains("error")) << run.out;
    EXPECT_FALSE(std::filesystem::exists(dir_ / "missing.db"));
}

TEST_F(KioskctlReport, AnUnknownTimeZoneIsAWrongSettingsFile) {
    writeSettings(dir_ / "kiosk.db", "CET");
    const auto run = runKioskctl({"report", "--config", config_, "--date", "2026-03-02"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.json()["error"]["code"], "sync.settings");
}

}  // namespace
}  // namespace kiosk::test
