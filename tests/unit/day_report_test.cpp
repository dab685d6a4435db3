// The end-of-day report's JSON, member by member and in a fixed order; its local times and day
// window; and what may stand in it as a code.

#include "kiosk/core/day_report.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace kiosk::core {
namespace {

using namespace std::chrono_literals;
using Json = nlohmann::ordered_json;

// 2026-03-02T01:30:00Z: 08:30 WIB.
const Clock::TimePoint kMorning{std::chrono::seconds{1772415000}};

DayReport sample() {
    DayReport r;
    r.siteId = "LTSA-3578";
    r.kioskId = "KIOSK-3578-01";
    r.day = Date{std::chrono::year{2026}, std::chrono::March, std::chrono::day{2}};
    r.generatedAt = kMorning + 9h;
    auto& f = r.figures;
    f.records = {11, 12, 13};
    f.registrations = {21, 22, 23, 24};
    f.outbox = {31, 32, 33, 34, 35, 36};
    f.queue = {41, kMorning - 24h, std::chrono::seconds{42}};
    f.underAgeStops = {51, 52};
    f.decisions = {{"approve", 61}, {"refer.minor", 62}};
    f.decisionsWithoutCode = 63;
    f.devices = {{"receipt_printer", "paper_out", "status=0x12", kMorning + 1h, 71}};
    return r;
}

std::vector<std::string> memberNames(const Json& j) {
    std::vector<std::string> names;
    for (const auto& [name, value] : j.items()) names.push_back(name);
    return names;
}

TEST(DayReportJson, TopLevelMembersComeInAFixedOrder) {
    const auto j = Json::parse(dayReportJson(sample()));
    EXPECT_EQ(memberNames(j), (std::vector<std::string>{"site_id", "kiosk_id", "date", "time_zone", "generated_at",
                                                        "records", "registrations_by_verification", "outbox",
                                                        "staff_decisions", "under_age_stops", "queue", "devices"}));
}

TEST(DayReportJson, IdentityDateAndTimeAreLocal) {
    const auto j = Json::parse(dayReportJson(sample()));
    EXPECT_EQ(j["site_id"], "LTSA-3578");
    EXPECT_EQ(j["kiosk_id"], "KIOSK-3578-01");
    EXPECT_EQ(j["date"], "2026-03-02");
    EXPECT_EQ(j["time_zone"], "WIB");
    EXPECT_EQ(j["generated_at"], "2026-03-02T17:30:00+07:00");
}

TEST(DayReportJson, EveryCountIsInItsMember) {
    const auto j = Json::parse(dayReportJson(sample()));
    EXPECT_EQ(j["records"], Json::parse(R"({"registration":11,"returnee_checkin":12,"staff_decision":13})"));
    EXPECT_EQ(j["registrations_by_verification"], Json::parse(R"({"not_required":21,"pending":22,"verified":23,"returned":24})"));
    EXPECT_EQ(j["outbox"], Json::parse(R"({"pending":31,"in_flight":32,"sent":33,"acknowledged":34,
                                           "rejected":35,"conflicts":36})"));
    EXPECT_EQ(j["staff_decisions"],
              Json::parse(R"({"by_decision":{"approve":61,"refer.minor":62},"without_decision":63})"));
    EXPECT_EQ(j["under_age_stops"], Json::parse(R"({"day":51,"total":52})"));
}

TEST(DayReportJson, TheQueueNamesItsOldestUnsentByTimeAndAge) {
    const auto j = Json::parse(dayReportJson(sample()));
    EXPECT_EQ(j["queue"], Json::parse(R"({"unsent":41,"oldest_unsent_created_at":"2026-03-01T08:30:00+07:00",
                                          "oldest_unsent_age_s":42})"));
}

TEST(DayReportJson, AQueueWithNothingUnsentHasNulls) {
    auto r = sample();
    r.figures.queue = {};
    const auto j = Json::parse(dayReportJson(r));
    EXPECT_EQ(j["queue"]["unsent"], 0);
    EXPECT_TRUE(j["queue"]["oldest_unsent_created_at"].is_null());
    EXPECT_TRUE(j["queue"]["oldest_unsent_age_s"].is_null());
}

TEST(DayReportJson, DevicesListTheirLastEvent) {
    const auto j = Json::parse(dayReportJson(sample()));
    EXPECT_EQ(j["devices"], Json::parse(R"([{"device":"receipt_printer","state":"paper_out","detail":"status=0x12",
                                             "last_event_at":"2026-03-02T09:30:00+07:00","events":71}])"));
    auto none = sample();
    none.figures.devices.clear();
    EXPECT_EQ(Json::parse(dayReportJson(none))["devices"], Json::array());
}

TEST(DayReportJson, TextIsEscaped) {
    auto r = sample();
    r.figures.devices[0].detail = "say \"hi\"\\\n\x01";
    const auto j = Json::parse(dayReportJson(r));
    EXPECT_EQ(j["devices"][0]["detail"], "say \"hi\"\\\n\x01");
}

TEST(DayReportJson, TheSameReportGivesTheSameText) { EXPECT_EQ(dayReportJson(sample()), dayReportJson(sample())); }

TEST(DayReport, TheDayWindowIsLocalMidnightToMidnight) {
    const Date day{std::chrono::year{2026}, std::chrono::March, std::chrono::day{2}};
    const auto wib = dayWindow(day, 7h);
    EXPECT_EQ(wib.start, Clock::TimePoint{std::chrono::sys_days{day}} - 7h);
    EXPECT_EQ(wib.end - wib.start, 24h);
    const auto wit = dayWindow(day, 9h);
    EXPECT_EQ(wib.start - wit.start, 2h);
}

TEST(DayReport, LocalTimestampsCarryTheirOffset) {
    EXPECT_EQ(localTimestamp(kMorning, 7h), "2026-03-02T08:30:00+07:00");
    EXPECT_EQ(localTimestamp(kMorning, 9h), "2026-03-02T10:30:00+09:00");
    EXPECT_EQ(localTimestamp(kMorning + 999ms, 0min), "2026-03-02T01:30:00+00:00");
    EXPECT_EQ(localTimestamp(kMorning, -90min), "2026-03-02T00:00:00-01:30");
}

TEST(DayReport, OnlyShortLowerCaseCodesAreCodes) {
    for (const auto* code : {"approve", "refer.trafficking", "return_for_correction", "x-1"})
        EXPECT_TRUE(isReportCode(code)) << code;
    for (const auto* text : {"", "Approve", "CANARYNAMA ZQXW", "ok!", "approve ", "ok\tok"})
        EXPECT_FALSE(isReportCode(text)) << text;
    EXPECT_TRUE(isReportCode(std::string(40, 'a')));
    EXPECT_FALSE(isReportCode(std::string(41, 'a')));
}

}  // namespace
}  // namespace kiosk::core
