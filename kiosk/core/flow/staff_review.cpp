#include "kiosk/core/flow/staff_review.h"

#include <algorithm>

namespace kiosk::flow {
namespace {

using V = core::DocumentVerdict;

const std::array<DocumentMark, 10> kDocumentChoices{{
    {V::Valid, ""},
    {V::Invalid, "doc.expired"},
    {V::Invalid, "doc.illegible"},
    {V::Invalid, "doc.name_mismatch"},
    {V::Invalid, "doc.data_mismatch"},
    {V::Invalid, "doc.not_original"},
    {V::Invalid, "doc.incomplete"},
    {V::Invalid, "doc.wrong_document"},
    {V::Invalid, "doc.suspected_forgery"},
    {V::Missing, "doc.missing"},
}};

constexpr std::array<std::string_view, 4> kRejectChoices{"reject.fraudulent_documents", "reject.not_eligible",
                                                         "reject.duplicate", "reject.withdrawn"};

core::StaffRole roleFrom(std::string_view code) {
    if (code == "admin") return core::StaffRole::Admin;
    if (code == "supervisor") return core::StaffRole::Supervisor;
    return core::StaffRole::Officer;
}

}  // namespace

std::span<const DocumentMark> documentChoices() { return kDocumentChoices; }

std::span<const std::string_view> reasonChoices(core::DecisionKind kind) {
    if (kind == core::DecisionKind::Reject) return kRejectChoices;
    if (kind == core::DecisionKind::Refer) return core::kReferralCategories;
    return {};
}

core::StaffDecision decisionOf(const RecordView& record, const DecisionDraft& draft, std::string_view staffId,
                               std::string_view role) {
    core::StaffDecision d;
    d.subjectSubmissionId = record.submissionId;
    d.subjectKind = record.checkIn ? core::ReceiptKind::ReturneeCheckIn : core::ReceiptKind::Registration;
    d.kind = draft.kind.value_or(core::DecisionKind::Approve);
    if (d.kind == core::DecisionKind::Reject) d.reasonCode = draft.reason;
    if (d.kind == core::DecisionKind::Refer) d.referralCategory = draft.reason;
    for (std::size_t i = 0; i < d.documents.size(); ++i) {
        const DocumentMark& mark = draft.documents[i];
        core::DocumentReview& review = d.documents[i];
        review.verdict = mark.verdict;
        review.reasonCode = mark.reason;
        // Valid means the officer held the original; a copy is invalid for "doc.not_original".
        review.originalSeen = mark.verdict == V::Valid ||
                              (mark.verdict == V::Invalid && mark.reason != "doc.not_original");
    }
    d.decidedBy = core::StaffIdentity{std::string(staffId), roleFrom(role)};
    if (!draft.signedOffBy.empty())
        d.signedOffBy = core::StaffIdentity{draft.signedOffBy, roleFrom(draft.signedOffRole)};
    return d;
}

core::DecisionContext contextOf(const RecordView& record) {
    core::DecisionContext c;
    c.checkFindings = record.checks;
    c.standing = record.standing;
    return c;
}

}  // namespace kiosk::flow
