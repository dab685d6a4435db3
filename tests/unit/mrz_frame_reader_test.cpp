// The camera MRZ reader on the generated document frames (the mrz_documents fixture writes them
// with tests/imagegen/make_document_images, seed 20261129): exact reads above a floor, never a
// wrong read accepted, nothing read where there is no MRZ, and the vote over frames.

#include "kiosk/vision/mrz_frame_reader.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "kiosk/vision/frame_file.h"
#include "tests/imagegen/document_manifest.h"

namespace {

using kiosk::testimages::DocumentSample;
using kiosk::vision::MrzFrameReader;
using kiosk::vision::MrzStage;

const kiosk::Date kReference{std::chrono::year{2026}, std::chrono::November, std::chrono::day{29}};

std::vector<DocumentSample> samples(const std::string& kind, const std::string& format = {}) {
    std::vector<DocumentSample> out;
    for (auto& s : kiosk::testimages::readDocumentManifest(LOKET_DOCUMENT_IMAGES_DIR))
        if (s.kind.rfind(kind, 0) == 0 && (format.empty() || s.format == format)) out.push_back(std::move(s));
    return out;
}

kiosk::drivers::CameraFrame frameOf(const DocumentSample& s) {
    auto frame = kiosk::vision::readFrameFile(s.file, kiosk::drivers::PixelFormat::Gray8);
    EXPECT_TRUE(frame) << s.file;
    return frame ? *frame : kiosk::drivers::CameraFrame{};
}

struct Count {
    int frames = 0;
    int exact = 0;
    int wrong = 0;
};

Count readEach(const std::vector<DocumentSample>& set) {
    Count c;
    for (const auto& s : set) {
        ++c.frames;
        const auto mrz = kiosk::vision::readMrzFrame(frameOf(s), kReference);
        if (!mrz) continue;
        EXPECT_TRUE(mrz->valid()) << s.file;
        if (mrz->text() == s.mrz)
            ++c.exact;
        else
            ADD_FAILURE() << s.file << " read wrongly as\n" << mrz->text() << "\ninstead of\n" << s.mrz, ++c.wrong;
    }
    return c;
}

// Each format separately, so each test stays short under the sanitizers. The floors sit below
// what the reader does today (tests/bench/mrz_bench prints it), above what a broken reader does.
TEST(MrzFrameSet, PassportPagesAreReadExactlyAndNeverWrongly) {
    const auto c = readEach(samples("mrz", "TD3"));
    ASSERT_GE(c.frames, 15);
    EXPECT_EQ(c.wrong, 0);
    EXPECT_GE(c.exact, c.frames * 8 / 10) << c.exact << " of " << c.frames;
}

TEST(MrzFrameSet, IdCardsAreReadExactlyAndNeverWrongly) {
    const auto c = readEach(samples("mrz", "TD1"));
    ASSERT_GE(c.frames, 10);
    EXPECT_EQ(c.wrong, 0);
    EXPECT_GE(c.exact, c.frames * 8 / 10) << c.exact << " of " << c.frames;
}

TEST(MrzFrameSet, Td2DocumentsAreNeverReadWrongly) {
    const auto c = readEach(samples("mrz", "TD2"));
    EXPECT_EQ(c.wrong, 0);
}

TEST(MrzFrameSet, FramesWithoutAnMrzGiveNoReading) {
    const auto none = samples("none");
    ASSERT_GE(none.size(), 6u);
    for (const auto& s : none) {
        const auto mrz = kiosk::vision::readMrzFrame(frameOf(s), kReference);
        ASSERT_FALSE(mrz) << s.file << " read as\n" << mrz->text();
        EXPECT_TRUE(mrz.error().code == "vision.mrz_not_found" || mrz.error().code == "vision.mrz_unsure")
            << mrz.error().code;
    }
}

TEST(MrzFrameSet, CoveredOrMisprintedZonesAreRefused) {
    auto refused = samples("occluded");
    const auto misprinted = samples("badcheck");
    refused.insert(refused.end(), misprinted.begin(), misprinted.end());
    ASSERT_GE(refused.size(), 6u);
    for (const auto& s : refused) {
        const auto mrz = kiosk::vision::readMrzFrame(frameOf(s), kReference);
        EXPECT_FALSE(mrz) << s.kind << " " << s.file << " read as\n" << mrz->text();
    }
}

TEST(MrzFrameReader, MalformedFrameIsAnError) {
    MrzFrameReader reader;
    const auto progress = reader.onFrame(kiosk::drivers::CameraFrame{});
    ASSERT_FALSE(progress);
    EXPECT_EQ(progress.error().code, "vision.frame");
    EXPECT_FALSE(kiosk::vision::readMrzFrame(kiosk::drivers::CameraFrame{}, kReference));
}

// The first readable frame in the set: the same picture twice is the steadiest camera there is.
DocumentSample readable() {
    for (const auto& s : samples("mrz"))
        if (kiosk::vision::readMrzFrame(frameOf(s), kReference)) return s;
    ADD_FAILURE() << "no readable frame in the set";
    return {};
}

TEST(MrzFrameReader, AcceptsOnlyOnceFramesAgree) {
    const auto sample = readable();
    const auto frame = frameOf(sample);
    MrzFrameReader reader({.framesToAgree = 2});
    const auto first = reader.onFrame(frame);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->stage, MrzStage::Reading);
    EXPECT_FALSE(first->mrz);
    EXPECT_EQ(first->agreeing, 1);
    const auto second = reader.onFrame(frame);
    ASSERT_TRUE(second);
    ASSERT_EQ(second->stage, MrzStage::Accepted);
    ASSERT_TRUE(second->mrz);
    EXPECT_EQ(second->mrz->text(), sample.mrz);
    EXPECT_TRUE(second->mrz->valid());

    reader.reset();
    const auto afterReset = reader.onFrame(frame);
    ASSERT_TRUE(afterReset);
    EXPECT_EQ(afterReset->stage, MrzStage::Reading);
}

TEST(MrzFrameReader, TwoDocumentsInTurnAreNeverAccepted) {
    const auto a = samples("seq0");
    const auto b = samples("seq2");
    ASSERT_FALSE(a.empty());
    ASSERT_FALSE(b.empty());
    MrzFrameReader reader({.framesToAgree = 2});
    for (int round = 0; round < 2; ++round) {
        for (const auto* s : {&a.front(), &b.front()}) {
            const auto progress = reader.onFrame(frameOf(*s));
            ASSERT_TRUE(progress);
            EXPECT_NE(progress->stage, MrzStage::Accepted) << s->file;
        }
    }
}

TEST(MrzFrameReader, FramesOfOneHeldDocumentGiveItsMrzOrNothing) {
    std::map<std::string, std::vector<DocumentSample>> sequences;
    for (auto& s : samples("seq")) sequences[s.kind].push_back(std::move(s));
    ASSERT_GE(sequences.size(), 4u);
    int accepted = 0;
    for (const auto& [kind, frames] : sequences) {
        MrzFrameReader reader({.framesToAgree = 2});
        for (const auto& s : frames) {
            const auto progress = reader.onFrame(frameOf(s));
            ASSERT_TRUE(progress);
            if (progress->stage != MrzStage::Accepted) continue;
            ASSERT_TRUE(progress->mrz);
            EXPECT_EQ(progress->mrz->text(), s.mrz) << kind;
            ++accepted;
            break;
        }
    }
    EXPECT_GE(accepted, 2);
}

TEST(MrzFrameReader, NoDocumentMeansNoZone) {
    MrzFrameReader reader;
    for (const auto& s : samples("none")) {
        const auto progress = reader.onFrame(frameOf(s));
        ASSERT_TRUE(progress);
        EXPECT_NE(progress->stage, MrzStage::Accepted);
        EXPECT_FALSE(progress->mrz);
    }
}

}  // namespace
