#include "kiosk/core/staff_decision.h"

#include <algorithm>
#include <cstdint>

#include "kiosk/core/json_writer.h"
#include "kiosk/core/staff_sign_in.h"

namespace kiosk::core {

namespace {

constexpr std::array kDecisionKinds{DecisionKind::Approve, DecisionKind::ReturnForCorrection, DecisionKind::Reject,
                                    DecisionKind::Refer};

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& list, std::string_view code) {
    return std::find(list.begin(), list.end(), code) != list.end();
}

bool isSupervisor(StaffRole role) { return role == StaffRole::Supervisor || role == StaffRole::Admin; }

bool notValid(const DocumentReview& r) {
    return r.verdict == DocumentVerdict::Invalid || r.verdict == DocumentVerdict::Missing;
}

// Characters that would not show as typed: C0 and C1 controls, DEL, line and paragraph separators,
// bidirectional embeddings, overrides and isolates, and the byte-order mark.
bool unprintable(char32_t c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0xfeff;
}

// Decodes one UTF-8 sequence at `at`; nullopt for an invalid, overlong or surrogate one.
std::optional<char32_t> nextCodePoint(std::string_view text, std::size_t& at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    std::size_t length = 0;
    char32_t c = 0;
    if (lead < 0x80) {
        ++at;
        return lead;
    } else if ((lead & 0xe0) == 0xc0) {
        length = 2;
        c = lead & 0x1f;
    } else if ((lead & 0xf0) == 0xe0) {
        length = 3;
        c = lead & 0x0f;
    } else if ((lead & 0xf8) == 0xf0) {
        length = 4;
        c = lead & 0x07;
    } else {
        return std::nullopt;
    }
    if (at + length > text.size()) return std::nullopt;
    for (std::size_t i = 1; i < length; ++i) {
        const auto next = static_cast<unsigned char>(text[at + i]);
        if ((next & 0xc0) != 0x80) return std::nullopt;
        c = (c << 6) | (next & 0x3f);
    }
    constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < kSmallest[length] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) return std::nullopt;
    at += length;
    return c;
}

Result<void> checkNote(std::string_view note, std::string_view whose) {
    std::size_t count = 0;
    for (std::size_t at = 0; at < note.size();) {
        const auto c = nextCodePoint(note, at);
        if (!c || unprintable(*c)) return makeError("decision.note_not_printable", std::string(whose));
        ++count;
    }
    if (count > kMaxNoteLength)
        return makeError("decision.note_too_long", std::string(whose) + ": " + std::to_string(count) +
                                                       " characters, at most " + std::to_string(kMaxNoteLength));
    return {};
}

bool blank(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c == ' '; });
}

Result<void> checkReview(DocumentKind document, const DocumentReview& r) {
    const std::string name(documentCode(document));
    if (auto ok = checkNote(r.note, "note of " + name); !ok) return ok;
    if (notValid(r) && r.reasonCode.empty()) return makeError("decision.document_reason_required", name);
    if (!r.reasonCode.empty() && !listed(kDocumentReasons, r.reasonCode))
        return makeError("decision.document_reason_unknown", name);
    const bool saysMissing = r.reasonCode == "doc.missing";
    const bool fits = r.verdict == DocumentVerdict::Missing   ? saysMissing && !r.originalSeen
                      : r.verdict == DocumentVerdict::Invalid ? !saysMissing
                                                              : r.reasonCode.empty();
    if (fits) return {};
    // The reason is a listed code by now, so it may go into the detail.
    std::string detail = name + ": " + std::string(documentVerdictCode(r.verdict));
    detail += r.reasonCode.empty() ? " with no reason" : " with " + r.reasonCode;
    if (r.originalSeen) detail += ", original seen";
    return makeError("decision.document_contradiction", detail);
}

Result<void> checkKind(const StaffDecision& d) {
    switch (d.kind) {
    case DecisionKind::Approve:
        if (d.subjectKind == ReceiptKind::Registration)
            for (const auto document : kAllDocuments)
                if (d.review(document).verdict == DocumentVerdict::NotReviewed)
                    return makeError("decision.documents_incomplete", std::string(documentCode(document)));
        return {};
    case DecisionKind::ReturnForCorrection:
        if (correctionsOf(d).empty()) return makeError("decision.nothing_to_correct");
        return {};
    case DecisionKind::Reject:
        if (d.reasonCode.empty()) return makeError("decision.reason_required");
        if (!listed(kRejectReasons, d.reasonCode)) return makeError("decision.reason_unknown");
        if (d.reasonCode == "reject.other" && blank(d.note)) return makeError("decision.note_required", d.reasonCode);
        return {};
    case DecisionKind::Refer:
        if (d.referralCategory.empty()) return makeError("decision.category_required");
        if (!listed(kReferralCategories, d.referralCategory)) return makeError("decision.category_unknown");
        return {};
    }
    return {};
}

void writeStaff(JsonWriter& j, std::string_view key, const StaffIdentity& who) {
    j.object(key);
    j.field("staff_id", who.staffId);
    j.field("role", staffRoleCode(who.role));
    j.close();
}

}  // namespace

DocumentReview& StaffDecision::review(DocumentKind document) { return documents[static_cast<std::size_t>(document)]; }

const DocumentReview& StaffDecision::review(DocumentKind document) const {
    return documents[static_cast<std::size_t>(document)];
}

std::string_view decisionKindCode(DecisionKind kind) {
    switch (kind) {
    case DecisionKind::Approve: return "approve";
    case DecisionKind::ReturnForCorrection: return "return_for_correction";
    case DecisionKind::Reject: return "reject";
    case DecisionKind::Refer: return "refer";
    }
    return "unknown";
}

std::optional<DecisionKind> decisionKindFromCode(std::string_view code) {
    for (const auto kind : kDecisionKinds)
        if (decisionKindCode(kind) == code) return kind;
    return std::nullopt;
}

std::string_view documentVerdictCode(DocumentVerdict verdict) {
    switch (verdict) {
    case DocumentVerdict::NotReviewed: return "not_reviewed";
    case DocumentVerdict::Valid: return "valid";
    case DocumentVerdict::Invalid: return "invalid";
    case DocumentVerdict::Missing: return "missing";
    }
    return "unknown";
}

std::vector<std::string_view> overridesOf(const StaffDecision& d, const DecisionContext& context) {
    std::vector<std::string_view> out;
    if (d.kind == DecisionKind::Approve) {
        if (!context.checkFindings.empty()) out.push_back("override.check_findings");
        if (std::any_of(d.documents.begin(), d.documents.end(), notValid))
            out.push_back("override.documents_not_valid");
    }
    if (context.standing && *context.standing != DecisionKind::ReturnForCorrection)
        out.push_back("override.changes_decision");
    return out;
}

bool needsSignOff(const StaffDecision& d, const DecisionContext& context) {
    return !isSupervisor(d.decidedBy.role) && !overridesOf(d, context).empty();
}

bool backedBySupervisor(const StaffDecision& d) {
    return isSupervisor(d.decidedBy.role) || (d.signedOffBy && isSupervisor(d.signedOffBy->role));
}

std::vector<Correction> correctionsOf(const StaffDecision& d) {
    std::vector<Correction> out;
    for (const auto document : kAllDocuments)
        if (const auto& r = d.review(document); notValid(r)) out.push_back({document, r.reasonCode});
    return out;
}

Result<void> validateDecision(const StaffDecision& d, const DecisionContext& context) {
    if (d.subjectSubmissionId.empty()) return makeError("decision.subject_required");
    if (d.decidedBy.staffId.empty()) return makeError("decision.staff_required");
    if (auto ok = checkNote(d.note, "decision note"); !ok) return ok;
    for (const auto document : kAllDocuments)
        if (auto ok = checkReview(document, d.review(document)); !ok) return ok;
    if (!d.reasonCode.empty() && d.kind != DecisionKind::Reject)
        return makeError("decision.reason_unexpected", std::string(decisionKindCode(d.kind)));
    if (!d.referralCategory.empty() && d.kind != DecisionKind::Refer)
        return makeError("decision.category_unexpected", std::string(decisionKindCode(d.kind)));
    if (auto ok = checkKind(d); !ok) return ok;
    if (needsSignOff(d, context) && (!d.signedOffBy || d.signedOffBy->staffId.empty()))
        return makeError("decision.supervisor_required", std::string(overridesOf(d, context).front()));
    if (d.signedOffBy) {
        if (d.signedOffBy->staffId == d.decidedBy.staffId)
            return makeError("decision.supervisor_same_person", d.signedOffBy->staffId);
        if (!isSupervisor(d.signedOffBy->role))
            return makeError("decision.supervisor_not_supervisor", d.signedOffBy->staffId);
    }
    return {};
}

std::string decisionPayload(const StaffDecision& d, const DecisionContext& context, const DecisionOrigin& origin) {
    JsonWriter j;
    j.open();
    j.field("kind", "staff_decision");
    j.field("schema", 1);
    j.field("decided_at", origin.decidedAt);
    j.field("kiosk_id", origin.kioskId);
    j.field("site_id", origin.siteId);
    j.object("subject");
    j.field("submission_id", d.subjectSubmissionId);
    j.field("kind", receiptKindCode(d.subjectKind));
    j.close();
    j.field("decision", decisionKindCode(d.kind));
    j.optionalText("reason_code", d.reasonCode);
    j.optionalText("referral_category", d.referralCategory);
    j.optionalText("note", d.note);
    j.array("documents");
    for (const auto document : kAllDocuments) {
        const auto& r = d.review(document);
        j.itemObject();
        j.field("document", documentCode(document));
        j.boolean("original_seen", r.originalSeen);
        j.field("verdict", documentVerdictCode(r.verdict));
        j.optionalText("reason_code", r.reasonCode);
        j.optionalText("note", r.note);
        j.close();
    }
    j.endArray();
    // Only a return for correction sends the applicant a list; the reviews above hold the rest.
    j.array("corrections");
    if (d.kind == DecisionKind::ReturnForCorrection)
        for (const auto& c : correctionsOf(d)) {
            j.itemObject();
            j.field("document", documentCode(c.document));
            j.field("reason_code", c.reasonCode);
            j.close();
        }
    j.endArray();
    j.array("overrides");
    for (const auto code : overridesOf(d, context)) j.item(code);
    j.endArray();
    writeStaff(j, "decided_by", d.decidedBy);
    if (d.signedOffBy)
        writeStaff(j, "signed_off_by", *d.signedOffBy);
    else
        j.null("signed_off_by");
    j.close();
    return j.take();
}

std::string decisionPublicFields(const StaffDecision& d) {
    JsonWriter j;
    j.open();
    j.field("decision", decisionKindCode(d.kind));
    j.optionalText("reason_code", d.reasonCode);
    j.optionalText("referral_category", d.referralCategory);
    j.field("decided_by", d.decidedBy.staffId);
    j.field("role", staffRoleCode(d.decidedBy.role));
    j.optionalText("signed_off_by", d.signedOffBy ? std::string_view(d.signedOffBy->staffId) : std::string_view());
    j.close();
    return j.take();
}

}  // namespace kiosk::core
