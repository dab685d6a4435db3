#include "kiosk/app/receipt_lookup.h"

namespace kiosk::app {
namespace {

store::RecordKind recordKindOf(core::ReceiptKind kind) {
    return kind == core::ReceiptKind::Registration ? store::RecordKind::Registration
                                                   : store::RecordKind::ReturneeCheckIn;
}

}  // namespace

flow::ReceiptProgress progressOf(store::OutboxState state, const sync::ServerStatus* server) {
    using P = flow::ReceiptProgress;
    switch (state) {
    case store::OutboxState::Pending:
    case store::OutboxState::InFlight: return P::SavedHere;
    case store::OutboxState::Sent: return P::Sent;
    case store::OutboxState::Rejected: return P::Refused;
    case store::OutboxState::Acknowledged: break;
    }
    if (!server) return P::Received;
    if (server->state == "in_review") return P::InReview;
    if (server->state == "verified") return P::Verified;
    if (server->state == "returned") return P::Returned;
    return P::Received;  // "received", or "unknown" while the server's records catch up
}

flow::ReceiptStatus lookUpReceipt(std::string_view text, const ReceiptRecords& records) {
    flow::ReceiptStatus out;
    const auto verified = sync::verifyReceipt(text, records.keys);
    if (!verified) {
        out.verdict = verified.error().code;
        // A well-formed receipt that fails its check still says what it claims; the screen
        // shows the number so that staff can look into it.
        if (const auto token = core::parseReceiptToken(text)) {
            out.number = token->claim.number.text();
            out.kioskId = token->claim.number.kioskId;
            out.issuedAt = token->claim.issuedAt;
        }
        return out;
    }
    const auto& claim = verified->token.claim;
    out.number = claim.number.text();
    out.kioskId = claim.number.kioskId;
    out.issuedAt = claim.issuedAt;
    out.verdict = "valid";
    if (claim.number.kioskId != records.kioskId) return out;  // genuine, and its record is elsewhere

    out.issuedHere = true;
    const auto record = records.store.record(claim.number.sequence);
    if (!record) {
        out.verdict = "receipt.not_found";
        return out;
    }
    if (record->payloadSha256 != claim.payloadSha256 || record->kind != recordKindOf(claim.number.kind)) {
        // Signed by this kiosk, yet not what its record says: a database restored from elsewhere,
        // or a bug. Either way the person needs a member of staff, not a guess.
        out.verdict = "receipt.mismatch";
        return out;
    }
    out.checkedAtDesk = record->verification == store::LocalVerification::Verified;
    const auto entry = records.store.outbox().find(record->submissionId);
    if (!entry || !*entry) {
        out.verdict = "receipt.not_found";
        return out;
    }
    sync::SubmissionStatuses statuses(records.statusesFile);
    // An unreadable file only means the server's review state is not known here yet.
    const bool known = static_cast<bool>(statuses.load());
    const sync::ServerStatus* server = known ? statuses.find(record->submissionId) : nullptr;
    out.progress = progressOf((*entry)->state, server);
    if (*out.progress == flow::ReceiptProgress::Returned && server) out.reasonCode = server->reasonCode;
    if (*out.progress == flow::ReceiptProgress::Refused) out.reasonCode = (*entry)->rejectCode;
    return out;
}

}  // namespace kiosk::app
