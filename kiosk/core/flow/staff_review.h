#pragma once
// What a member of staff works on when they open a record from the worklist: the record as the
// kiosk keeps it (RecordView), and the decision they are putting together (DecisionDraft) until
// it is recorded. visit_flow.cpp moves between the staff screens; core::staff_decision holds the
// rules a decision must pass, so the screens and the store agree on them.
//
// The record's personal data lives here only while the record is open: the view is wiped when the
// staff member goes back to the worklist, signs out, or is signed out for being idle.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/documents.h"
#include "kiosk/core/flow/secret_text.h"
#include "kiosk/core/staff_decision.h"

namespace kiosk::flow {

struct RecordView {
    std::int64_t recordId = 0;
    bool checkIn = false;          // a returnee's check-in, not a registration
    std::string number;            // the receipt number
    std::string submissionId;      // the subject of the decision
    LongSecretText name;
    LongSecretText nik;
    LongSecretText passportNumber;
    std::string birthDate;         // ISO 8601, from the NIK or the passport
    std::string plan;              // codes: "HK domestic_work" (registration), "HK early_termination" (check-in)
    std::vector<std::string> checks;  // the automatic checks' finding codes
    std::array<core::DocumentState, core::kAllDocuments.size()> declared{};  // what the person said
    std::string complaint;         // a check-in's complaint category code; empty when none
    LongSecretText complaintText;
    bool photo = false;            // the app holds the picture while the record is open
    std::optional<core::DecisionKind> standing;  // the latest decision on it, if any
    friend bool operator==(const RecordView&, const RecordView&) = default;
};

// One document as the officer marked it: valid (the original was seen), invalid with a reason,
// missing, or not yet looked at.
struct DocumentMark {
    core::DocumentVerdict verdict = core::DocumentVerdict::NotReviewed;
    std::string reason;  // from core::kDocumentReasons for invalid and missing
    friend bool operator==(const DocumentMark&, const DocumentMark&) = default;
};

struct DecisionDraft {
    std::array<DocumentMark, core::kAllDocuments.size()> documents{};
    std::optional<core::DecisionKind> kind;  // chosen, waiting for its reason or a sign-off
    std::string reason;                      // a rejection's reason or a referral's category
    std::string signedOffBy;                 // the supervisor who signed off (staff id)
    std::string signedOffRole;               // "supervisor" or "admin"
    std::string supervisorBadge;             // on the sign-off screen
    SecretText supervisorPin;
    friend bool operator==(const DecisionDraft&, const DecisionDraft&) = default;
};

// The choices of the document screen, in order: valid, each reason a document can be invalid
// for, missing. Each is a verdict with its reason.
std::span<const DocumentMark> documentChoices();

// The reasons a decision of `kind` takes: core::kRejectReasons without "reject.other" (which needs
// a typed note the kiosk does not take), or core::kReferralCategories.
std::span<const std::string_view> reasonChoices(core::DecisionKind kind);

// The decision as it stands, for core::validateDecision and the store. `staffId` and `role` are
// the signed-in member's.
core::StaffDecision decisionOf(const RecordView& record, const DecisionDraft& draft, std::string_view staffId,
                               std::string_view role);
core::DecisionContext contextOf(const RecordView& record);

}  // namespace kiosk::flow
