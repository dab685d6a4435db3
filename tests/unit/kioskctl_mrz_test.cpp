// kioskctl mrz IMAGE as an operator runs it: a separate process, a photo of a document, one JSON
// object on stdout (the fields of `kioskctl mrz --text` plus "ms") and the exit code.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "kiosk/vision/frame_file.h"
#include "kiosk/vision/mrz_frame_reader.h"
#include "tests/imagegen/document_manifest.h"
#include "tests/unit/kioskctl_process.h"

namespace {

using kiosk::test::runKioskctl;

std::vector<kiosk::testimages::DocumentSample> samples(const std::string& kind) {
    std::vector<kiosk::testimages::DocumentSample> out;
    for (auto& s : kiosk::testimages::readDocumentManifest(LOKET_DOCUMENT_IMAGES_DIR))
        if (s.kind == kind) out.push_back(std::move(s));
    return out;
}

TEST(KioskctlMrzImage, ReadablePassportGivesEveryFieldAndTheTime) {
    const kiosk::Date on{std::chrono::year{2026}, std::chrono::November, std::chrono::day{29}};
    for (const auto& s : samples("mrz")) {
        if (s.format != "TD3") continue;
        const auto frame = kiosk::vision::readFrameFile(s.file, kiosk::drivers::PixelFormat::Gray8);
        ASSERT_TRUE(frame);
        if (!kiosk::vision::readMrzFrame(*frame, on)) continue;  // the first frame the reader reads
        const auto run = runKioskctl({"mrz", s.file.string(), "--on", "2026-11-29"});
        ASSERT_EQ(run.exitCode, 0) << run.out;
        const auto j = nlohmann::json::parse(run.out);
        EXPECT_EQ(j["valid"], true);
        EXPECT_EQ(j["errors"], nlohmann::json::array());
        EXPECT_EQ(j["format"], "TD3");
        EXPECT_EQ(j["mrz"], s.mrz);
        EXPECT_EQ(j["document_code"], "P");
        EXPECT_EQ(j["checks"]["composite"], true);
        ASSERT_TRUE(j["ms"].is_number()) << run.out;
        EXPECT_GE(j["ms"].get<double>(), 0.0);
        return;
    }
    FAIL() << "no passport frame in the set is readable";
}

TEST(KioskctlMrzImage, PictureWithoutAnMrzIsInvalidWithAnError) {
    const auto none = samples("none");
    ASSERT_FALSE(none.empty());
    const auto run = runKioskctl({"mrz", none.front().file.string()});
    ASSERT_EQ(run.exitCode, 1) << run.out;
    const auto j = nlohmann::json::parse(run.out);
    EXPECT_EQ(j["valid"], false);
    ASSERT_EQ(j["errors"].size(), 1u);
    const std::string code = j["errors"][0]["code"];
    EXPECT_TRUE(code == "vision.mrz_not_found" || code == "vision.mrz_unsure") << code;
    EXPECT_TRUE(j["ms"].is_number());
}

TEST(KioskctlMrzImage, MissingOrBrokenFileIsMisuse) {
    const auto missing = runKioskctl({"mrz", "/nonexistent/passport.jpg"});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_EQ(nlohmann::json::parse(missing.out)["errors"][0]["code"], "vision.image_file");
    const auto notPicture = runKioskctl({"mrz", std::string(LOKET_DOCUMENT_IMAGES_DIR) + "/manifest.tsv"});
    EXPECT_EQ(notPicture.exitCode, 2);
}

TEST(KioskctlMrzImage, ImageAndTextTogetherIsMisuse) {
    const auto none = samples("none");
    ASSERT_FALSE(none.empty());
    EXPECT_EQ(runKioskctl({"mrz", "--text", none.front().file.string()}).exitCode, 2);
}

}  // namespace
