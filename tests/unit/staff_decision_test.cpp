// The staff decision's rules one by one (each case below fails if its rule is removed), the
// overrides that need a supervisor, and the payload the server receives, read back member by member.

#include "kiosk/core/staff_decision.h"

#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>

namespace kiosk::core {
namespace {

using Json = nlohmann::ordered_json;

const StaffIdentity kOfficer{"STF-0001", StaffRole::Officer};
const StaffIdentity kSupervisor{"STF-0002", StaffRole::Supervisor};
const StaffIdentity kAdmin{"STF-0003", StaffRole::Admin};
const StaffIdentity kOtherOfficer{"STF-0004", StaffRole::Officer};

// An officer approving a registration whose eight documents were all seen and found valid.
StaffDecision cleanApproval() {
    StaffDecision d;
    d.subjectSubmissionId = "6f1d2c3b-4a59-4e68-9d7c-0b1a2c3d4e5f";
    d.subjectKind = ReceiptKind::Registration;
    d.kind = DecisionKind::Approve;
    for (auto& r : d.documents) r = {true, DocumentVerdict::Valid, "", ""};
    d.decidedBy = kOfficer;
    return d;
}

std::string codeOf(const StaffDecision& d, const DecisionContext& context = {}) {
    const auto r = validateDecision(d, context);
    return r ? "" : r.error().code;
}

TEST(StaffDecision, CleanApprovalByAnOfficerNeedsNoSignOff) {
    const auto d = cleanApproval();
    EXPECT_EQ(codeOf(d), "");
    EXPECT_FALSE(needsSignOff(d, {}));
    EXPECT_TRUE(overridesOf(d, {}).empty());
    EXPECT_FALSE(backedBySupervisor(d));
}

struct RuleCase {
    const char* name;
    std::function<void(StaffDecision&, DecisionContext&)> change;
    const char* code;
};

void returnWithHealthExpired(StaffDecision& d) {
    d.kind = DecisionKind::ReturnForCorrection;
    d.review(DocumentKind::Health) = {true, DocumentVerdict::Invalid, "doc.expired", ""};
}

const RuleCase kRules[] = {
    {"no subject", [](auto& d, auto&) { d.subjectSubmissionId.clear(); }, "decision.subject_required"},
    {"no staff id", [](auto& d, auto&) { d.decidedBy.staffId.clear(); }, "decision.staff_required"},
    {"note too long", [](auto& d, auto&) { d.note = std::string(kMaxNoteLength + 1, 'a'); }, "decision.note_too_long"},
    {"document note too long",
     [](auto& d, auto&) { d.review(DocumentKind::Passport).note = std::string(kMaxNoteLength + 1, 'a'); },
     "decision.note_too_long"},
    {"note with a line break", [](auto& d, auto&) { d.note = "paspor\nrusak"; }, "decision.note_not_printable"},
    {"note with a bidi override", [](auto& d, auto&) { d.note = "abc\u202Edef"; }, "decision.note_not_printable"},
    {"note not UTF-8", [](auto& d, auto&) { d.note = "caf\xe9"; }, "decision.note_not_printable"},
    {"note with an overlong encoding", [](auto& d, auto&) { d.note = "\xc0\xaf"; }, "decision.note_not_printable"},
    {"document note with a tab", [](auto& d, auto&) { d.review(DocumentKind::Health).note = "a\tb"; },
     "decision.note_not_printable"},
    {"invalid document without reason",
     [](auto& d, auto&) {
         d.review(DocumentKind::Health) = {true, DocumentVerdict::Invalid, "", ""};
     },
     "decision.document_reason_required"},
    {"missing document without reason",
     [](auto& d, auto&) {
         d.review(DocumentKind::WorkVisa) = {false, DocumentVerdict::Missing, "", ""};
     },
     "decision.document_reason_required"},
    {"unknown document reason",
     [](auto& d, auto&) {
         d.review(DocumentKind::Health) = {true, DocumentVerdict::Invalid, "doc.smudged", ""};
     },
     "decision.document_reason_unknown"},
    {"missing document with another reason",
     [](auto& d, auto&) {
         d.review(DocumentKind::WorkVisa) = {false, DocumentVerdict::Missing, "doc.expired", ""};
     },
     "decision.document_contradiction"},
    {"invalid document said to be missing",
     [](auto& d, auto&) {
         d.review(DocumentKind::Health) = {true, DocumentVerdict::Invalid, "doc.missing", ""};
     },
     "decision.document_contradiction"},
    {"valid document with a reason", [](auto& d, auto&) { d.review(DocumentKind::Health).reasonCode = "doc.expired"; },
     "decision.document_contradiction"},
    {"missing document whose original was seen",
     [](auto& d, auto&) {
         d.review(DocumentKind::WorkVisa) = {true, DocumentVerdict::Missing, "doc.missing", ""};
     },
     "decision.document_contradiction"},
    {"reject reason on an approval", [](auto& d, auto&) { d.reasonCode = "reject.duplicate"; },
     "decision.reason_unexpected"},
    {"category on an approval", [](auto& d, auto&) { d.referralCategory = "refer.suspected_minor"; },
     "decision.category_unexpected"},
    {"approval with a document not reviewed", [](auto& d, auto&) { d.review(DocumentKind::EmploymentAgreement) = {}; },
     "decision.documents_incomplete"},
    {"return with nothing to correct", [](auto& d, auto&) { d.kind = DecisionKind::ReturnForCorrection; },
     "decision.nothing_to_correct"},
    {"rejection without reason", [](auto& d, auto&) { d.kind = DecisionKind::Reject; }, "decision.reason_required"},
    {"rejection with an unknown reason",
     [](auto& d, auto&) {
         d.kind = DecisionKind::Reject;
         d.reasonCode = "reject.because";
     },
     "decision.reason_unknown"},
    {"other rejection with a blank note",
     [](auto& d, auto&) {
         d.kind = DecisionKind::Reject;
         d.reasonCode = "reject.other";
         d.note = "   ";
     },
     "decision.note_required"},
    {"referral without category", [](auto& d, auto&) { d.kind = DecisionKind::Refer; }, "decision.category_required"},
    {"referral with an unknown category",
     [](auto& d, auto&) {
         d.kind = DecisionKind::Refer;
         d.referralCategory = "refer.somewhere";
     },
     "decision.category_unknown"},
    {"officer approving despite check findings", [](auto&, auto& c) { c.checkFindings = {"nik.mrz_mismatch"}; },
     "decision.supervisor_required"},
    {"officer approving an invalid document",
     [](auto& d, auto&) {
         d.review(DocumentKind::Health) = {true, DocumentVerdict::Invalid, "doc.expired", ""};
     },
     "decision.supervisor_required"},
    {"officer approving a missing document",
     [](auto& d, auto&) {
         d.review(DocumentKind::WorkVisa) = {false, DocumentVerdict::Missing, "doc.missing", ""};
     },
     "decision.supervisor_required"},
    {"officer changing an approval",
     [](auto& d, auto& c) {
         returnWithHealthExpired(d);
         c.standing = DecisionKind::Approve;
     },
     "decision.supervisor_required"},
    {"officer changing a rejection",
     [](auto& d, auto& c) {
         d.kind = DecisionKind::Refer;
         d.referralCategory = "refer.suspected_trafficking";
         c.standing = DecisionKind::Reject;
     },
     "decision.supervisor_required"},
    {"signed off by the one deciding",
     [](auto& d, auto& c) {
         c.checkFindings = {"offer.fee_asked"};
         d.signedOffBy = StaffIdentity{kOfficer.staffId, StaffRole::Supervisor};
     },
     "decision.supervisor_same_person"},
    {"signed off by an officer",
     [](auto& d, auto& c) {
         c.checkFindings = {"offer.fee_asked"};
         d.signedOffBy = kOtherOfficer;
     },
     "decision.supervisor_not_supervisor"},
};

TEST(StaffDecision, EveryRuleNamesItsProblem) {
    for (const auto& rule : kRules) {
        auto d = cleanApproval();
        DecisionContext context;
        rule.change(d, context);
        EXPECT_EQ(codeOf(d, context), rule.code) << rule.name;
    }
}

TEST(StaffDecision, ProblemDetailsNeverCarryTheNote) {
    auto d = cleanApproval();
    d.note = std::string(kMaxNoteLength, 'x') + "RAHASIA";
    const auto r = validateDecision(d, {});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().detail.find("RAHASIA"), std::string::npos) << r.error().detail;
}

TEST(StaffDecision, NoteLengthCountsCharactersNotBytes) {
    auto d = cleanApproval();
    std::string note;
    for (std::size_t i = 0; i < kMaxNoteLength; ++i) note += "\u00e9";  // two bytes each
    d.note = note;
    EXPECT_EQ(codeOf(d), "");
    d.note += "e";
    EXPECT_EQ(codeOf(d), "decision.note_too_long");
}

TEST(StaffDecision, PrintableLettersOfAnyScriptAreFine) {
    auto d = cleanApproval();
    d.note = "Dokumen asli sudah dilihat: \"OK\" \\ café ✓ 文字";
    EXPECT_EQ(codeOf(d), "");
}

TEST(StaffDecision, SupervisorsAndAdminsOverrideWithoutASecondPerson) {
    for (const auto& who : {kSupervisor, kAdmin}) {
        auto d = cleanApproval();
        d.decidedBy = who;
        d.review(DocumentKind::Health) = {true, DocumentVerdict::Invalid, "doc.expired", ""};
        const DecisionContext context{{"passport.expires_soon"}, DecisionKind::Reject};
        EXPECT_FALSE(needsSignOff(d, context)) << who.staffId;
        EXPECT_EQ(codeOf(d, context), "") << who.staffId;
        EXPECT_TRUE(backedBySupervisor(d));
    }
}

TEST(StaffDecision, AnOfficersOverrideStandsWithAnotherSupervisorsSignOff) {
    for (const auto& signer : {kSupervisor, kAdmin}) {
        auto d = cleanApproval();
        const DecisionContext context{{"age.below_minimum"}, std::nullopt};
        ASSERT_TRUE(needsSignOff(d, context));
        d.signedOffBy = signer;
        EXPECT_EQ(codeOf(d, context), "") << signer.staffId;
        EXPECT_TRUE(backedBySupervisor(d));
    }
}

TEST(StaffDecision, OverridesAreListedWhoeverDecides) {
    auto d = cleanApproval();
    d.review(DocumentKind::WorkVisa) = {false, DocumentVerdict::Missing, "doc.missing", ""};
    const DecisionContext context{{"offer.not_listed"}, DecisionKind::Approve};
    const std::vector<std::string_view> all{"override.check_findings", "override.documents_not_valid",
                                            "override.changes_decision"};
    EXPECT_EQ(overridesOf(d, context), all);
    d.decidedBy = kSupervisor;
    EXPECT_EQ(overridesOf(d, context), all);
}

TEST(StaffDecision, DecidingAfterAReturnForCorrectionIsNoOverride) {
    const auto d = cleanApproval();
    const DecisionContext context{{}, DecisionKind::ReturnForCorrection};
    EXPECT_TRUE(overridesOf(d, context).empty());
    EXPECT_FALSE(needsSignOff(d, context));
    EXPECT_EQ(codeOf(d, context), "");
}

TEST(StaffDecision, FindingsDoNotStopAReturnOrARejection) {
    const DecisionContext context{{"nik.mrz_mismatch"}, std::nullopt};
    auto back = cleanApproval();
    returnWithHealthExpired(back);
    EXPECT_EQ(codeOf(back, context), "");
    auto reject = cleanApproval();
    reject.kind = DecisionKind::Reject;
    reject.reasonCode = "reject.fraudulent_documents";
    EXPECT_EQ(codeOf(reject, context), "");
}

TEST(StaffDecision, OnlyTheOtherRejectionNeedsANote) {
    auto d = cleanApproval();
    d.kind = DecisionKind::Reject;
    d.reasonCode = "reject.withdrawn";
    EXPECT_EQ(codeOf(d), "");
    d.reasonCode = "reject.other";
    d.note = "Pemohon pindah ke kantor lain";
    EXPECT_EQ(codeOf(d), "");
}

TEST(StaffDecision, EveryListedCodeIsAccepted) {
    for (const auto reason : kRejectReasons) {
        auto d = cleanApproval();
        d.kind = DecisionKind::Reject;
        d.reasonCode = reason;
        d.note = "catatan";
        EXPECT_EQ(codeOf(d), "") << reason;
    }
    for (const auto category : kReferralCategories) {
        auto d = cleanApproval();
        d.kind = DecisionKind::Refer;
        d.referralCategory = category;
        EXPECT_EQ(codeOf(d), "") << category;
    }
    for (const auto reason : kDocumentReasons) {
        auto d = cleanApproval();
        d.kind = DecisionKind::ReturnForCorrection;
        const bool missing = reason == "doc.missing";
        d.review(DocumentKind::Competence) = {!missing, missing ? DocumentVerdict::Missing : DocumentVerdict::Invalid,
                                              std::string(reason), ""};
        EXPECT_EQ(codeOf(d), "") << reason;
    }
}

TEST(StaffDecision, AReturneeCheckInIsApprovedWithoutTheEightDocuments) {
    auto d = cleanApproval();
    d.subjectKind = ReceiptKind::ReturneeCheckIn;
    d.documents = {};
    EXPECT_EQ(codeOf(d), "");
}

TEST(StaffDecision, CorrectionsListInvalidAndMissingDocumentsInArticleOrder) {
    auto d = cleanApproval();
    d.kind = DecisionKind::ReturnForCorrection;
    d.review(DocumentKind::EmploymentAgreement) = {true, DocumentVerdict::Invalid, "doc.name_mismatch", ""};
    d.review(DocumentKind::MaritalStatus) = {false, DocumentVerdict::Missing, "doc.missing", ""};
    d.review(DocumentKind::Health) = {true, DocumentVerdict::Invalid, "doc.illegible", "cap tidak terbaca"};
    const std::vector<Correction> expected{{DocumentKind::MaritalStatus, "doc.missing"},
                                           {DocumentKind::Health, "doc.illegible"},
                                           {DocumentKind::EmploymentAgreement, "doc.name_mismatch"}};
    EXPECT_EQ(correctionsOf(d), expected);
    EXPECT_EQ(codeOf(d), "");
}

TEST(StaffDecision, KindCodesRoundTrip) {
    for (const auto kind :
         {DecisionKind::Approve, DecisionKind::ReturnForCorrection, DecisionKind::Reject, DecisionKind::Refer})
        EXPECT_EQ(decisionKindFromCode(decisionKindCode(kind)), kind);
    EXPECT_EQ(decisionKindCode(DecisionKind::ReturnForCorrection), "return_for_correction");
    EXPECT_FALSE(decisionKindFromCode("approved"));
}

// A return for correction by an officer, changing a standing approval with a supervisor's sign-off.
StaffDecision signedOffReturn() {
    auto d = cleanApproval();
    d.kind = DecisionKind::ReturnForCorrection;
    d.note = "Kata \"asli\" \\ café";
    d.review(DocumentKind::Passport) = {true, DocumentVerdict::Invalid, "doc.expired", "habis \"2026\""};
    d.review(DocumentKind::WorkVisa) = {false, DocumentVerdict::Missing, "doc.missing", ""};
    d.signedOffBy = kSupervisor;
    return d;
}

const DecisionOrigin kOrigin{"2026-11-29T05:04:00Z", "KIOSK-TEST-01", "LTSA-TEST-01"};

TEST(StaffDecisionPayload, MembersComeInAFixedOrder) {
    const auto d = signedOffReturn();
    ASSERT_EQ(codeOf(d, {{}, DecisionKind::Approve}), "");
    const auto payload = Json::parse(decisionPayload(d, {{}, DecisionKind::Approve}, kOrigin));
    std::vector<std::string> keys;
    for (const auto& [key, value] : payload.items()) keys.push_back(key);
    const std::vector<std::string> expected{
        "kind",      "schema",      "decided_at",  "kiosk_id",          "site_id",
        "subject",   "decision",    "reason_code", "referral_category", "note",
        "documents", "corrections", "overrides",   "decided_by",        "signed_off_by"};
    EXPECT_EQ(keys, expected);
    EXPECT_EQ(decisionPayload(d, {{}, DecisionKind::Approve}, kOrigin),
              decisionPayload(d, {{}, DecisionKind::Approve}, kOrigin));
}

TEST(StaffDecisionPayload, EveryMemberReadsBack) {
    const auto d = signedOffReturn();
    const auto p = Json::parse(decisionPayload(d, {{"nik.mrz_mismatch"}, DecisionKind::Approve}, kOrigin));
    EXPECT_EQ(p["kind"], "staff_decision");
    EXPECT_EQ(p["schema"], 1);
    EXPECT_EQ(p["decided_at"], "2026-11-29T05:04:00Z");
    EXPECT_EQ(p["kiosk_id"], "KIOSK-TEST-01");
    EXPECT_EQ(p["site_id"], "LTSA-TEST-01");
    EXPECT_EQ(p["subject"], (Json{{"submission_id", d.subjectSubmissionId}, {"kind", "registration"}}));
    EXPECT_EQ(p["decision"], "return_for_correction");
    EXPECT_TRUE(p["reason_code"].is_null());
    EXPECT_TRUE(p["referral_category"].is_null());
    EXPECT_EQ(p["note"], "Kata \"asli\" \\ café");
    ASSERT_EQ(p["documents"].size(), kAllDocuments.size());
    for (std::size_t i = 0; i < kAllDocuments.size(); ++i) {
        const auto& doc = p["documents"][i];
        const auto& review = d.documents[i];
        EXPECT_EQ(doc["document"], documentCode(kAllDocuments[i])) << i;
        EXPECT_EQ(doc["original_seen"], review.originalSeen) << i;
        EXPECT_EQ(doc["verdict"], documentVerdictCode(review.verdict)) << i;
        if (review.reasonCode.empty())
            EXPECT_TRUE(doc["reason_code"].is_null()) << i;
        else
            EXPECT_EQ(doc["reason_code"], review.reasonCode) << i;
        if (review.note.empty())
            EXPECT_TRUE(doc["note"].is_null()) << i;
        else
            EXPECT_EQ(doc["note"], review.note) << i;
    }
    EXPECT_EQ(p["documents"][4]["verdict"], "invalid");
    EXPECT_EQ(p["documents"][4]["note"], "habis \"2026\"");
    EXPECT_EQ(p["corrections"], (Json::array({{{"document", "passport"}, {"reason_code", "doc.expired"}},
                                              {{"document", "work_visa"}, {"reason_code", "doc.missing"}}})));
    // A return is no approval: the findings raise no override, the standing approval does.
    EXPECT_EQ(p["overrides"], Json::array({"override.changes_decision"}));
    EXPECT_EQ(p["decided_by"], (Json{{"staff_id", "STF-0001"}, {"role", "officer"}}));
    EXPECT_EQ(p["signed_off_by"], (Json{{"staff_id", "STF-0002"}, {"role", "supervisor"}}));
}

TEST(StaffDecisionPayload, ARejectionAndAReferralCarryTheirCodes) {
    auto reject = cleanApproval();
    reject.kind = DecisionKind::Reject;
    reject.reasonCode = "reject.duplicate";
    const auto r = Json::parse(decisionPayload(reject, {}, kOrigin));
    EXPECT_EQ(r["decision"], "reject");
    EXPECT_EQ(r["reason_code"], "reject.duplicate");
    EXPECT_TRUE(r["note"].is_null());
    EXPECT_TRUE(r["signed_off_by"].is_null());
    EXPECT_EQ(r["corrections"], Json::array());
    EXPECT_EQ(r["overrides"], Json::array());

    auto refer = cleanApproval();
    refer.kind = DecisionKind::Refer;
    refer.referralCategory = "refer.suspected_minor";
    refer.subjectKind = ReceiptKind::ReturneeCheckIn;
    const auto f = Json::parse(decisionPayload(refer, {}, kOrigin));
    EXPECT_EQ(f["decision"], "refer");
    EXPECT_EQ(f["referral_category"], "refer.suspected_minor");
    EXPECT_TRUE(f["reason_code"].is_null());
    EXPECT_EQ(f["subject"]["kind"], "returnee_checkin");
}

TEST(StaffDecisionPayload, PublicFieldsHoldCodesAndStaffButNeverANote) {
    auto d = signedOffReturn();
    d.note = "CANARYCATATAN";
    d.review(DocumentKind::Health).note = "CANARYDOKUMEN";
    const auto text = decisionPublicFields(d);
    EXPECT_EQ(text.find("CANARY"), std::string::npos) << text;
    const auto p = Json::parse(text);
    EXPECT_EQ(p, (Json{{"decision", "return_for_correction"},
                       {"reason_code", nullptr},
                       {"referral_category", nullptr},
                       {"decided_by", "STF-0001"},
                       {"role", "officer"},
                       {"signed_off_by", "STF-0002"}}));
}

}  // namespace
}  // namespace kiosk::core
