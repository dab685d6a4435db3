// A return for correction prints the applicant's list: the registration number, each document to
// bring again with why, in Art. 13 order, that the correction is free; nothing else of them (no
// name, no NIK, not the documents that were fine).

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "kiosk/app/registration_desk.h"
#include "kiosk/ui/catalog.h"

namespace kiosk::app {
namespace {

struct Slip {
    std::vector<std::string> lines;
    std::vector<drivers::TextSize> sizes;
    bool endsWithCut = false;
};

Slip read(const drivers::ReceiptDocument& paper) {
    Slip out;
    for (const auto& e : paper.elements)
        if (const auto* t = std::get_if<drivers::TextLine>(&e)) {
            out.lines.push_back(t->text);
            out.sizes.push_back(t->size);
        }
    out.endsWithCut = !paper.elements.empty() && std::holds_alternative<drivers::Cut>(paper.elements.back());
    return out;
}

core::StaffDecision returned() {
    core::StaffDecision d;
    d.kind = core::DecisionKind::ReturnForCorrection;
    d.subjectSubmissionId = "6f1c2b7a-0d4e-4b8a-9c3d-2e5f6a7b8c9d";
    for (auto& review : d.documents) {
        review.originalSeen = true;
        review.verdict = core::DocumentVerdict::Valid;
    }
    // Marked out of order on purpose: the list follows Art. 13.
    auto& visa = d.review(core::DocumentKind::WorkVisa);
    visa = {false, core::DocumentVerdict::Missing, "doc.missing", ""};
    auto& passport = d.review(core::DocumentKind::Passport);
    passport = {true, core::DocumentVerdict::Invalid, "doc.expired", "a note for staff only"};
    d.decidedBy = {"STF-0001", core::StaffRole::Officer};
    return d;
}

TEST(CorrectionSlip, ListsEachDocumentToBringAgainWithWhyAndNothingElse) {
    const auto texts = ui::Catalogs::load(std::filesystem::path(LOKET_SOURCE_ASSETS_DIR) / "i18n");
    ASSERT_TRUE(texts) << texts.error().detail;
    const auto slip = read(correctionSlip("REG-KIOSK-T-000004-5", returned(), texts->in(ui::Language::Indonesian)));
    EXPECT_EQ(slip.lines, (std::vector<std::string>{
                              "DAFTAR PERBAIKAN",
                              "Pendaftaran REG-KIOSK-T-000004-5 dikembalikan. Bawa dokumen berikut ke petugas:",
                              "- Paspor: kedaluwarsa",
                              "- Visa kerja: tidak dibawa",
                              "Perbaikan ini gratis. Jangan bayar calo.",
                          }));
    EXPECT_EQ(slip.sizes.front(), drivers::TextSize::Double);
    EXPECT_TRUE(slip.endsWithCut);
}

TEST(CorrectionSlip, SpeaksTheApplicantsLanguage) {
    const auto texts = ui::Catalogs::load(std::filesystem::path(LOKET_SOURCE_ASSETS_DIR) / "i18n");
    ASSERT_TRUE(texts) << texts.error().detail;
    const auto english = read(correctionSlip("REG-KIOSK-T-000004-5", returned(), texts->in(ui::Language::English)));
    const auto indonesian = read(correctionSlip("REG-KIOSK-T-000004-5", returned(), texts->in(ui::Language::Indonesian)));
    ASSERT_EQ(english.lines.size(), indonesian.lines.size());
    EXPECT_NE(english.lines, indonesian.lines);
    for (const auto& line : english.lines) EXPECT_EQ(line.find('{'), std::string::npos) << line;
}

}  // namespace
}  // namespace kiosk::app
