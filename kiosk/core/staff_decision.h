#pragma once
// A member of staff's decision on a record a kiosk made (a registration or a returnee check-in):
// the review of the eight Art. 13 documents, one of four outcomes, and the supervisor's sign-off
// that an override needs. Pure: the caller brings what the record says (its automatic check codes,
// the decision already standing on it) and the time as text.
//
// Overrides, which an officer may make only with a supervisor's or an admin's sign-off:
//   "override.check_findings"      approving a record whose automatic checks raised findings
//   "override.documents_not_valid" approving while a reviewed document is invalid or missing
//   "override.changes_decision"    deciding again on a record whose approval, rejection or
//                                  referral stands (a return for correction awaits a next decision
//                                  by design, so deciding after it is no override)
// A supervisor or an admin deciding needs no second person. The sign-off is by another member of
// staff whose role is supervisor or admin.

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/result.h"
#include "kiosk/core/documents.h"
#include "kiosk/core/receipt_number.h"
#include "kiosk/core/staff.h"

namespace kiosk::core {

enum class DocumentVerdict { NotReviewed, Valid, Invalid, Missing };

// Why a document is invalid or missing; the applicant's correction list prints these by i18n key.
//   doc.missing               not brought (the only reason for a missing document)
//   doc.expired               past its validity
//   doc.illegible             cannot be read
//   doc.name_mismatch         the name differs from the identity documents
//   doc.data_mismatch         another fact (birth date, NIK, employer) differs
//   doc.not_original          a copy where the original is required
//   doc.incomplete            a page, signature, stamp or acknowledgement is missing
//   doc.wrong_document        another document than the one asked for
//   doc.suspected_forgery     looks altered or forged
inline constexpr std::array<std::string_view, 9> kDocumentReasons{
    "doc.missing",      "doc.expired",    "doc.illegible",      "doc.name_mismatch",     "doc.data_mismatch",
    "doc.not_original", "doc.incomplete", "doc.wrong_document", "doc.suspected_forgery",
};

// Mandatory with a rejection; "reject.other" also needs a note.
inline constexpr std::array<std::string_view, 5> kRejectReasons{
    "reject.fraudulent_documents", "reject.not_eligible", "reject.duplicate", "reject.withdrawn", "reject.other",
};

// Mandatory with a referral. "refer.suspected_trafficking" covers non-procedural recruitment too.
inline constexpr std::array<std::string_view, 3> kReferralCategories{
    "refer.suspected_minor",
    "refer.suspected_trafficking",
    "refer.complaint_escalation",
};

// A note is short staff text for the record, in code points; printable only (no control, line
// or bidirectional-override characters), so that it shows and prints as it was typed.
inline constexpr std::size_t kMaxNoteLength = 200;

struct DocumentReview {
    bool originalSeen = false;
    DocumentVerdict verdict = DocumentVerdict::NotReviewed;
    std::string reasonCode;  // from kDocumentReasons when invalid or missing; empty otherwise
    std::string note;        // optional
};

enum class DecisionKind { Approve, ReturnForCorrection, Reject, Refer };

struct StaffIdentity {
    std::string staffId;
    StaffRole role = StaffRole::Officer;
};

struct StaffDecision {
    std::string subjectSubmissionId;  // the decided record's submission id
    ReceiptKind subjectKind = ReceiptKind::Registration;
    DecisionKind kind = DecisionKind::Approve;
    std::string reasonCode;        // a rejection's, from kRejectReasons; empty for the other kinds
    std::string referralCategory;  // a referral's, from kReferralCategories; empty for the other kinds
    std::string note;              // optional, except with "reject.other"
    std::array<DocumentReview, kAllDocuments.size()> documents{};  // in kAllDocuments order
    StaffIdentity decidedBy;
    std::optional<StaffIdentity> signedOffBy;

    DocumentReview& review(DocumentKind document);
    const DocumentReview& review(DocumentKind document) const;
};

// What the record says, for the override rules.
struct DecisionContext {
    std::vector<std::string> checkFindings;  // codes its automatic checks raised, e.g. "nik.mrz_mismatch"
    std::optional<DecisionKind> standing;    // the latest decision already made on it
};

// One line of the applicant's correction list.
struct Correction {
    DocumentKind document = DocumentKind::MaritalStatus;
    std::string reasonCode;

    friend bool operator==(const Correction&, const Correction&) = default;
};

std::string_view decisionKindCode(DecisionKind kind);  // "approve", "return_for_correction", "reject", "refer"
std::optional<DecisionKind> decisionKindFromCode(std::string_view code);
std::string_view documentVerdictCode(DocumentVerdict verdict);  // "not_reviewed", "valid", "invalid", "missing"

// The overrides this decision makes (codes above), whoever decides; empty for an ordinary one.
std::vector<std::string_view> overridesOf(const StaffDecision& decision, const DecisionContext& context);

// True when the decision is an override and the one deciding is an officer.
bool needsSignOff(const StaffDecision& decision, const DecisionContext& context);

// A supervisor or an admin decided, or signed off: such a decision may replace one that stands.
// Meaningful for a decision that validated.
bool backedBySupervisor(const StaffDecision& decision);

// The documents marked invalid or missing, in Art. 13 order, with their reasons: what a return for
// correction asks the applicant to bring.
std::vector<Correction> correctionsOf(const StaffDecision& decision);

// Whether the decision may be recorded. The first problem found, in this order:
//   decision.subject_required          no subject submission id
//   decision.staff_required            no staff id for the one deciding
//   decision.note_too_long             a note (the decision's or a document's) over kMaxNoteLength
//   decision.note_not_printable        a note that is not valid UTF-8 or holds a character that does
//                                      not print (see kMaxNoteLength)
//   decision.document_reason_required  an invalid or missing document without a reason
//   decision.document_reason_unknown   a document reason not in kDocumentReasons
//   decision.document_contradiction    a reason that does not fit its verdict ("doc.missing" on an
//                                      invalid document, another reason on a missing one, any
//                                      reason on a valid or unreviewed one), or an original seen
//                                      of a missing document
//   decision.reason_unexpected         a reject reason on another kind of decision
//   decision.category_unexpected       a referral category on another kind of decision
//   decision.documents_incomplete      approving a registration with a document not reviewed
//   decision.nothing_to_correct        a return for correction with no document invalid or missing
//   decision.reason_required           a rejection without a reason
//   decision.reason_unknown            a reject reason not in kRejectReasons
//   decision.note_required             "reject.other" without a note (blanks do not count)
//   decision.category_required         a referral without a category
//   decision.category_unknown          a category not in kReferralCategories
//   decision.supervisor_required       an override by an officer without a sign-off
//   decision.supervisor_same_person    signed off by the one who decided
//   decision.supervisor_not_supervisor signed off by an officer
// The detail names the document at fault, never a note's text nor an unlisted code.
Result<void> validateDecision(const StaffDecision& decision, const DecisionContext& context);

// What goes with the payload but is not in StaffDecision.
struct DecisionOrigin {
    std::string decidedAt;  // RFC 3339 UTC, "2026-11-29T05:04:00Z"
    std::string kioskId;
    std::string siteId;
};

// The payload the national server receives (docs/api.md, kind "staff_decision", schema 1): JSON
// text, members in a fixed order. Meant for a decision that validated.
std::string decisionPayload(const StaffDecision& decision, const DecisionContext& context,
                            const DecisionOrigin& origin);

// The record's public fields: the kind, the codes and the staff ids, never a note.
std::string decisionPublicFields(const StaffDecision& decision);

}  // namespace kiosk::core
