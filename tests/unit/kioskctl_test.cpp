// kioskctl as an operator runs it: a separate process, its arguments and stdin, one JSON object on
// stdout and an exit code (0 valid, 1 invalid, 2 misuse).

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/unit/store_test_support.h"
#include "tests/unit/test_nik.h"

namespace {

struct Run {
    int exitCode = -1;
    std::string out;
    nlohmann::json json() const { return nlohmann::json::parse(out); }
};

std::string quote(const std::string& arg) {
    std::string q = "'";
    for (const char c : arg) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

Run kioskctl(const std::vector<std::string>& args, const std::string& input = {}) {
    const auto inputFile =
        std::filesystem::temp_directory_path() / ("kioskctl_test_" + std::to_string(::getpid()) + ".in");
    std::ofstream(inputFile, std::ios::binary) << input;
    std::string command = quote(KIOSKCTL_PATH);
    for (const auto& a : args) command += " " + quote(a);
    command += " <" + quote(inputFile.string()) + " 2>/dev/null";
    Run run;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return run;
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
    const int status = ::pclose(pipe);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::filesystem::remove(inputFile);
    return run;
}

TEST(KioskctlNik, ValidNikGivesEveryField) {
    const auto run = kioskctl({"nik", kiosk::test::composeNik(35, 9, 12, 40 + 17, 8, 95, 3), "--on", "2026-11-28"});
    ASSERT_EQ(run.exitCode, 0) << run.out;
    const auto j = run.json();
    EXPECT_EQ(j["valid"], true);
    EXPECT_EQ(j["errors"], nlohmann::json::array());
    EXPECT_EQ(j["warnings"], nlohmann::json::array());
    EXPECT_EQ(j["birth_date"], "1995-08-17");
    EXPECT_EQ(j["sex"], "F");
    EXPECT_EQ(j["province_code"], "35");
    EXPECT_EQ(j["province"], "Jawa Timur");
    EXPECT_EQ(j["regency_code"], "09");
    EXPECT_EQ(j["district_code"], "12");
    EXPECT_EQ(j["serial"], "0003");
}

TEST(KioskctlNik, InvalidNikExitsOneWithCodes) {
    const auto run = kioskctl({"nik", kiosk::test::composeNik(35, 9, 12, 17, 13, 95, 0), "--on", "2026-11-28"});
    ASSERT_EQ(run.exitCode, 1) << run.out;
    const auto j = run.json();
    EXPECT_EQ(j["valid"], false);
    std::vector<std::string> codes;
    for (const auto& e : j["errors"]) codes.push_back(e["code"]);
    EXPECT_EQ(codes, (std::vector<std::string>{"nik.month", "nik.serial"}));
    EXPECT_FALSE(j.contains("birth_date"));
    EXPECT_EQ(j["serial"], "0000");
}

TEST(KioskctlNik, GarbageIsInvalidNotACrash) {
    const auto run = kioskctl({"nik", "\x01\xff<script>"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.json()["errors"][0]["code"], "nik.characters");
}

TEST(KioskctlNik, UnknownProvinceIsAWarning) {
    const auto run = kioskctl({"nik", kiosk::test::composeNik(99, 1, 1, 1, 1, 90, 1), "--on", "2026-11-28"});
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_EQ(run.json()["warnings"][0]["code"], "nik.province_unknown");
    EXPECT_FALSE(run.json().contains("province"));
}

TEST(KioskctlUsage, MisuseExitsTwo) {
    EXPECT_EQ(kioskctl({}).exitCode, 2);
    EXPECT_EQ(kioskctl({"nik"}).exitCode, 2);
    EXPECT_EQ(kioskctl({"nik", "1", "--on", "28-11-2026"}).exitCode, 2);
    EXPECT_EQ(kioskctl({"no-such-command"}).exitCode, 2);
}

TEST(KioskctlUsage, HelpExitsZero) { EXPECT_EQ(kioskctl({"--help"}).exitCode, 0); }

// ICAO Doc 9303 specimens (DOMAIN.md).
const std::string kTd3 =
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10\n";
const std::string kTd1 =
    "I<UTOD231458907<<<<<<<<<<<<<<<\n"
    "7408122F1204159UTO<<<<<<<<<<<6\n"
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<\n";

TEST(KioskctlMrz, PassportSpecimenGivesEveryField) {
    const auto run = kioskctl({"mrz", "--text", "--on", "2026-11-28"}, kTd3);
    ASSERT_EQ(run.exitCode, 0) << run.out;
    const auto j = run.json();
    EXPECT_EQ(j["valid"], true);
    EXPECT_EQ(j["format"], "TD3");
    EXPECT_EQ(j["document_code"], "P");
    EXPECT_EQ(j["issuer"], "UTO");
    EXPECT_EQ(j["surname"], "ERIKSSON");
    EXPECT_EQ(j["given_names"], "ANNA MARIA");
    EXPECT_EQ(j["document_number"], "L898902C3");
    EXPECT_EQ(j["nationality"], "UTO");
    EXPECT_EQ(j["birth_date"], "1974-08-12");
    EXPECT_EQ(j["sex"], "F");
    EXPECT_EQ(j["expiry_date"], "2012-04-15");
    EXPECT_EQ(j["personal_number"], "ZE184226B");
    EXPECT_EQ(j["checks"], (nlohmann::json{{"document_number", true},
                                           {"birth_date", true},
                                           {"expiry_date", true},
                                           {"personal_number", true},
                                           {"composite", true}}));
    EXPECT_EQ(j["corrected"], false);
    EXPECT_EQ(j["mrz"], kTd3.substr(0, kTd3.size() - 1));
}

TEST(KioskctlMrz, IdCardSpecimenIsTd1) {
    const auto run = kioskctl({"mrz", "--text", "--on", "2026-11-28"}, kTd1);
    ASSERT_EQ(run.exitCode, 0) << run.out;
    const auto j = run.json();
    EXPECT_EQ(j["format"], "TD1");
    EXPECT_EQ(j["document_code"], "I");
    EXPECT_EQ(j["document_number"], "D23145890");
    EXPECT_EQ(j["surname"], "ERIKSSON");
    EXPECT_EQ(j["given_names"], "ANNA MARIA");
    EXPECT_EQ(j["personal_number"], "");
}

TEST(KioskctlMrz, OcrConfusionsAreRepairedAndShown) {
    // Lower case, stray spaces, and O read for 0 in both dates.
    const auto run = kioskctl({"mrz", "--text", "--on", "2026-11-28"},
                              "p<utoeriksson<<anna<maria<<<<<<<<<<<<<<<<<<<\n"
                              "L898902C36 UTO74O8122F12O4159ZE184226B<<<<<10\n");
    ASSERT_EQ(run.exitCode, 0) << run.out;
    const auto j = run.json();
    EXPECT_EQ(j["corrected"], true);
    EXPECT_EQ(j["birth_date"], "1974-08-12");
    EXPECT_EQ(j["mrz"], kTd3.substr(0, kTd3.size() - 1));
    ASSERT_EQ(j["corrections"].size(), 2u);
    EXPECT_EQ(j["corrections"][0], (nlohmann::json{{"line", 2}, {"column", 16}, {"from", "O"}, {"to", "0"}}));
}

TEST(KioskctlMrz, WrongCheckDigitIsInvalidAndNamed) {
    std::string text = kTd3;
    text[45 + 19] = '3';  // birth-date check digit 2 -> 3
    const auto run = kioskctl({"mrz", "--text", "--on", "2026-11-28"}, text);
    ASSERT_EQ(run.exitCode, 1) << run.out;
    const auto j = run.json();
    EXPECT_EQ(j["valid"], false);
    EXPECT_EQ(j["checks"]["birth_date"], false);
    EXPECT_EQ(j["checks"]["document_number"], true);
    EXPECT_EQ(j["checks"]["composite"], false);
    std::vector<std::string> codes;
    for (const auto& e : j["errors"]) codes.push_back(e["code"]);
    EXPECT_NE(std::find(codes.begin(), codes.end(), "mrz.check_digit.birth_date"), codes.end()) << run.out;
}

TEST(KioskctlMrz, GarbageEmptyAndHugeInputAreInvalidNotACrash) {
    for (const std::string& input : {std::string(), std::string("\x01\xff<script>\n"), std::string(200000, 'A')}) {
        const auto run = kioskctl({"mrz", "--text"}, input);
        EXPECT_EQ(run.exitCode, 1) << run.out;
        const auto j = run.json();
        EXPECT_EQ(j["valid"], false);
        EXPECT_FALSE(j["errors"].empty());
    }
}

TEST(KioskctlMrz, MisuseExitsTwo) {
    EXPECT_EQ(kioskctl({"mrz"}).exitCode, 2);
    EXPECT_EQ(kioskctl({"mrz", "passport.jpg"}).exitCode, 2);
    EXPECT_EQ(kioskctl({"mrz", "--text", "--on", "yesterday"}, kTd3).exitCode, 2);
}

// queue and audit read the kiosk's own database; these build one with the store.
class KioskctlStore : public ::testing::Test {
protected:
    void SetUp() override {
        key_ = kiosk::test::makeMasterKey(dir_);
        clock_.set(kiosk::test::testEpoch());
    }
    std::unique_ptr<kiosk::store::Store> open() {
        auto s = kiosk::store::Store::open(kiosk::test::storeConfig(dir_), *key_, clock_);
        if (!s) throw std::runtime_error(s.error().code + ": " + s.error().detail);
        return std::move(*s);
    }
    std::string db() const { return (dir_ / "kiosk.db").string(); }

    kiosk::test::TempDir dir_;
    std::unique_ptr<kiosk::store::FileMasterKey> key_;
    kiosk::FakeClock clock_;
};

TEST_F(KioskctlStore, QueueStatusCountsByState) {
    {
        auto store = open();
        for (int i = 0; i < 3; ++i) ASSERT_TRUE(store->enqueue(kiosk::test::makeSubmission()).ok());
    }
    const auto run = kioskctl({"queue", "status", "--db", db()});
    ASSERT_EQ(run.exitCode, 0) << run.out;
    const auto j = run.json();
    EXPECT_EQ(j["pending"], 3);
    EXPECT_EQ(j["unsent"], 3);
    EXPECT_EQ(j["acknowledged"], 0);
    EXPECT_TRUE(j["oldest_unsent_age_s"].is_number());
}

TEST_F(KioskctlStore, QueueListShowsRowsWithoutPersonalData) {
    {
        auto store = open();
        ASSERT_TRUE(store->enqueue(kiosk::test::makeSubmission()).ok());
    }
    const auto run = kioskctl({"queue", "list", "--db", db()});
    ASSERT_EQ(run.exitCode, 0) << run.out;
    const auto entries = run.json()["entries"];
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0]["state"], "pending");
    EXPECT_EQ(entries[0]["submission_id"].get<std::string>().size(), 36u);
    EXPECT_EQ(run.out.find("CANARYNAMA"), std::string::npos);
    EXPECT_EQ(kioskctl({"queue", "list", "--state", "lost", "--db", db()}).exitCode, 2);
}

TEST_F(KioskctlStore, MissingDatabaseIsAnErrorNotAnEmptyQueue) {
    const auto run = kioskctl({"queue", "status", "--db", (dir_ / "nowhere.db").string()});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.json().contains("error"));
    EXPECT_FALSE(std::filesystem::exists(dir_ / "nowhere.db"));
}

TEST_F(KioskctlStore, AuditVerifyNamesTheFirstBadEntry) {
    {
        auto store = open();
        for (int i = 0; i < 3; ++i) ASSERT_TRUE(store->enqueue(kiosk::test::makeSubmission()).ok());
    }
    auto intact = kioskctl({"audit", "verify", "--db", db()});
    ASSERT_EQ(intact.exitCode, 0) << intact.out;
    EXPECT_EQ(intact.json()["intact"], true);
    const auto entries = intact.json()["entries"].get<int>();
    ASSERT_GE(entries, 3);
    {
        auto store = open();
        ASSERT_TRUE(store->database().exec("UPDATE audit SET actor = 'someone' WHERE seq = 2").ok());
    }
    const auto broken = kioskctl({"audit", "verify", "--db", db()});
    ASSERT_EQ(broken.exitCode, 1) << broken.out;
    EXPECT_EQ(broken.json()["intact"], false);
    EXPECT_EQ(broken.json()["first_bad_seq"], 2);
}

}  // namespace
