#pragma once
// The eight documents every PMI must have (UU 18/2017 Art. 13), as a checklist the person fills
// in at the kiosk and staff verify later, and the LTSA desk (PP 59/2021 Art. 31) that helps with
// each missing one.

#include <array>
#include <optional>
#include <string_view>
#include <vector>

namespace kiosk::core {

enum class DocumentKind {
    MaritalStatus,        // (1) marital-status certificate, and the marriage book if married
    FamilyPermission,     // (2) permission of spouse, parents or guardian, known to the village head
    Competence,           // (3) competence certificate
    Health,               // (4) health certificate: medical and psychological examination
    Passport,             // (5)
    WorkVisa,             // (6)
    PlacementAgreement,   // (7)
    EmploymentAgreement,  // (8)
};

inline constexpr std::array kAllDocuments{
    DocumentKind::MaritalStatus,      DocumentKind::FamilyPermission,
    DocumentKind::Competence,         DocumentKind::Health,
    DocumentKind::Passport,           DocumentKind::WorkVisa,
    DocumentKind::PlacementAgreement, DocumentKind::EmploymentAgreement,
};

enum class Desk {
    Employment,
    ComplaintsInformation,
    PopulationRegistry,  // Dukcapil
    Health,
    Immigration,
    Police,
    Banking,
    SocialSecurity,
};

enum class DocumentState {
    NotYet,   // the person does not have it yet
    Have,     // the person says they have it (brought or at home)
    Scanned,  // an image was taken at the kiosk
};

std::string_view documentCode(DocumentKind kind);  // stable: "marital_status", ...
std::optional<DocumentKind> documentFromCode(std::string_view code);
int articleItem(DocumentKind kind);  // 1-8, as numbered in Art. 13
std::string_view deskCode(Desk desk);
std::string_view documentStateCode(DocumentState state);

// Where to go for a missing document. No desk for the family permission: it comes from the
// village head or lurah at home. Visa and agreements come through the employment desk.
std::optional<Desk> deskFor(DocumentKind kind);
// Each desk once, in the order its first missing document appears.
std::vector<Desk> desksFor(const std::vector<DocumentKind>& missing);

class DocumentChecklist {
public:
    void set(DocumentKind kind, DocumentState state);
    DocumentState state(DocumentKind kind) const;

    std::vector<DocumentKind> missing() const;  // in Art. 13 order
    bool complete() const { return missing().empty(); }
    // Each desk once, in the order its first missing document appears.
    std::vector<Desk> desksToVisit() const;

private:
    std::array<DocumentState, kAllDocuments.size()> states_{};  // all NotYet
};

}  // namespace kiosk::core
