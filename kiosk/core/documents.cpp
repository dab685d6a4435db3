#include "kiosk/core/documents.h"

#include <algorithm>

namespace kiosk::core {

namespace {

std::size_t indexOf(DocumentKind kind) { return static_cast<std::size_t>(kind); }

}  // namespace

std::string_view documentCode(DocumentKind kind) {
    switch (kind) {
    case DocumentKind::MaritalStatus: return "marital_status";
    case DocumentKind::FamilyPermission: return "family_permission";
    case DocumentKind::Competence: return "competence";
    case DocumentKind::Health: return "health";
    case DocumentKind::Passport: return "passport";
    case DocumentKind::WorkVisa: return "work_visa";
    case DocumentKind::PlacementAgreement: return "placement_agreement";
    case DocumentKind::EmploymentAgreement: return "employment_agreement";
    }
    return "unknown";
}

std::optional<DocumentKind> documentFromCode(std::string_view code) {
    for (const auto kind : kAllDocuments)
        if (documentCode(kind) == code) return kind;
    return std::nullopt;
}

int articleItem(DocumentKind kind) { return static_cast<int>(indexOf(kind)) + 1; }

std::string_view deskCode(Desk desk) {
    switch (desk) {
    case Desk::Employment: return "employment";
    case Desk::ComplaintsInformation: return "complaints_information";
    case Desk::PopulationRegistry: return "population_registry";
    case Desk::Health: return "health";
    case Desk::Immigration: return "immigration";
    case Desk::Police: return "police";
    case Desk::Banking: return "banking";
    case Desk::SocialSecurity: return "social_security";
    }
    return "unknown";
}

std::string_view documentStateCode(DocumentState state) {
    switch (state) {
    case DocumentState::NotYet: return "not_yet";
    case DocumentState::Have: return "have";
    case DocumentState::Scanned: return "scanned";
    }
    return "unknown";
}

std::optional<Desk> deskFor(DocumentKind kind) {
    switch (kind) {
    case DocumentKind::MaritalStatus: return Desk::PopulationRegistry;
    case DocumentKind::FamilyPermission: return std::nullopt;
    case DocumentKind::Competence: return Desk::Employment;
    case DocumentKind::Health: return Desk::Health;
    case DocumentKind::Passport: return Desk::Immigration;
    case DocumentKind::WorkVisa: return Desk::Employment;
    case DocumentKind::PlacementAgreement: return Desk::Employment;
    case DocumentKind::EmploymentAgreement: return Desk::Employment;
    }
    return std::nullopt;
}

void DocumentChecklist::set(DocumentKind kind, DocumentState state) { states_[indexOf(kind)] = state; }

DocumentState DocumentChecklist::state(DocumentKind kind) const { return states_[indexOf(kind)]; }

std::vector<DocumentKind> DocumentChecklist::missing() const {
    std::vector<DocumentKind> out;
    for (const auto kind : kAllDocuments)
        if (state(kind) == DocumentState::NotYet) out.push_back(kind);
    return out;
}

std::vector<Desk> DocumentChecklist::desksToVisit() const { return desksFor(missing()); }

std::vector<Desk> desksFor(const std::vector<DocumentKind>& missing) {
    std::vector<Desk> out;
    for (const auto kind : missing) {
        const auto desk = deskFor(kind);
        if (desk && std::find(out.begin(), out.end(), *desk) == out.end()) out.push_back(*desk);
    }
    return out;
}

}  // namespace kiosk::core
