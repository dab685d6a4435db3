#include "kiosk/core/documents.h"

#include <gtest/gtest.h>

#include <set>

using namespace kiosk::core;

namespace {

TEST(DocumentChecklist, StartsWithAllEightMissing) {
    const DocumentChecklist list;
    EXPECT_EQ(list.missing().size(), 8u);
    EXPECT_FALSE(list.complete());
}

TEST(DocumentChecklist, CompleteWhenEachIsHeldOrScanned) {
    DocumentChecklist list;
    for (const auto kind : kAllDocuments)
        list.set(kind, kind == DocumentKind::Passport ? DocumentState::Scanned : DocumentState::Have);
    EXPECT_TRUE(list.complete());
    EXPECT_TRUE(list.desksToVisit().empty());
}

TEST(DocumentChecklist, MissingKeepsArticleOrder) {
    DocumentChecklist list;
    for (const auto kind : kAllDocuments) list.set(kind, DocumentState::Have);
    list.set(DocumentKind::EmploymentAgreement, DocumentState::NotYet);
    list.set(DocumentKind::Health, DocumentState::NotYet);
    EXPECT_EQ(list.missing(), (std::vector{DocumentKind::Health, DocumentKind::EmploymentAgreement}));
}

TEST(DocumentChecklist, DesksAreListedOnceInOrderOfNeed) {
    DocumentChecklist list;
    list.set(DocumentKind::MaritalStatus, DocumentState::Have);
    list.set(DocumentKind::Passport, DocumentState::Have);
    // Missing: permission (no desk), competence, health, visa, placement, employment.
    EXPECT_EQ(list.desksToVisit(), (std::vector{Desk::Employment, Desk::Health}));
}

TEST(Documents, CodesAreUniqueAndRoundTrip) {
    std::set<std::string_view> seen;
    for (const auto kind : kAllDocuments) {
        EXPECT_TRUE(seen.insert(documentCode(kind)).second);
        EXPECT_EQ(documentFromCode(documentCode(kind)), kind);
    }
    EXPECT_FALSE(documentFromCode("visa"));
}

TEST(Documents, ArticleItemsRunOneToEight) {
    EXPECT_EQ(articleItem(DocumentKind::MaritalStatus), 1);
    EXPECT_EQ(articleItem(DocumentKind::Passport), 5);
    EXPECT_EQ(articleItem(DocumentKind::EmploymentAgreement), 8);
}

TEST(Documents, FamilyPermissionComesFromTheVillageNotADesk) {
    EXPECT_FALSE(deskFor(DocumentKind::FamilyPermission));
    EXPECT_EQ(deskFor(DocumentKind::Passport), Desk::Immigration);
    EXPECT_EQ(deskFor(DocumentKind::MaritalStatus), Desk::PopulationRegistry);
}

}  // namespace
