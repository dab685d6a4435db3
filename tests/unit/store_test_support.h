#pragma once
// Shared by the store tests: a temp folder that cleans up after itself, a master key in it, and
// submissions made of generated data only (names like "CANARYNAMA ZQXW", NIKs from test_nik.h).

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "kiosk/base/clock.h"
#include "kiosk/store/master_key.h"
#include "kiosk/store/store.h"
#include "tests/unit/test_nik.h"

namespace kiosk::test {

class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "loket-store-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// 2026-03-01T00:00:00Z: a fixed start so that every run sees the same times.
inline Clock::TimePoint testEpoch() { return Clock::TimePoint{std::chrono::seconds{1772323200}}; }

inline std::unique_ptr<store::FileMasterKey> makeMasterKey(const TempDir& dir) {
    auto key = store::FileMasterKey::openOrCreate(dir / "master.key");
    if (!key) throw std::runtime_error(key.error().code + ": " + key.error().detail);
    return std::move(*key);
}

inline store::StoreConfig storeConfig(const TempDir& dir, std::string file = "kiosk.db") {
    store::StoreConfig config;
    config.database = dir / file;
    config.minFreeBytes = 0;
    return config;
}

struct Person {
    std::string name = "CANARYNAMA ZQXW";
    std::string nik = composeNik(33, 74, 5, 12, 4, 98, 4821);
    std::string passport = "CX9QZ7714";
};

// A registration whose payload holds the person's identity and a generated "photo".
inline store::NewSubmission makeSubmission(const Person& person = {}, std::size_t photoBytes = 64,
                                           unsigned photoSeed = 1) {
    store::NewSubmission s;
    s.kind = store::RecordKind::Registration;
    s.siteId = "LTSA-TEST-01";
    s.kioskId = "KIOSK-TEST-01";
    std::string text = R"({"name":")" + person.name + R"(","nik":")" + person.nik + R"(","passport":")" +
                       person.passport + R"(","photo":")";
    s.personalPayload.assign(text.begin(), text.end());
    std::mt19937 random(photoSeed);
    for (std::size_t i = 0; i < photoBytes; ++i) s.personalPayload.push_back(static_cast<std::uint8_t>(random()));
    s.personalPayload.push_back('"');
    s.personalPayload.push_back('}');
    s.publicFields = R"({"documents_missing":["medical"],"desk":3})";
    s.index.nik = person.nik;
    s.index.passportNumber = person.passport;
    s.consent = store::Consent{"2026-01-id", std::string(64, 'a'), {"registration", "placement_matching"}};
    return s;
}

inline std::int64_t countRows(store::Database& db, const std::string& table) {
    auto n = db.queryInteger("SELECT count(*) FROM " + table);
    EXPECT_TRUE(n.ok()) << (n ? "" : n.error().detail);
    return n ? *n : -1;
}

}  // namespace kiosk::test
