#include "kiosk/app/staff_gate.h"

#include <sodium.h>

#include <chrono>

#include <nlohmann/json.hpp>

#include "kiosk/app/registration_desk.h"
#include "kiosk/core/receipt_number.h"

namespace kiosk::app {
namespace {

flow::StaffAnswer answer(flow::StaffAnswer::Outcome outcome) {
    flow::StaffAnswer a;
    a.outcome = outcome;
    return a;
}

int minutesUntil(Clock::TimePoint until, Clock::TimePoint now) {
    return static_cast<int>(std::chrono::ceil<std::chrono::minutes>(until - now).count());
}

}  // namespace

StaffGate::StaffGate(store::Store& store, std::string kioskId, std::vector<core::StaffMember> staff,
                     core::SignInRules rules, const Clock& clock)
    : store_(store), kioskId_(std::move(kioskId)), staff_(std::move(staff)), rules_(rules), clock_(clock) {}

flow::StaffAnswer StaffGate::signIn(std::string_view badge, std::string_view pin) {
    auto in = check(badge, pin, "staff.sign_in");
    if (in.outcome == flow::StaffAnswer::Outcome::SignedIn) {
        in.queue = figures();
        in.worklist = worklist();
    }
    return in;
}

flow::StaffAnswer StaffGate::signOff(std::string_view badge, std::string_view pin) {
    return check(badge, pin, "staff.sign_off");
}

flow::StaffAnswer StaffGate::check(std::string_view badge, std::string_view pin, std::string_view goodAction) {
    using Outcome = flow::StaffAnswer::Outcome;
    if (staff_.empty() || sodium_init() < 0) return answer(Outcome::Unavailable);
    const auto* member = core::memberWithBadge(staff_, badge);
    if (!member) {
        static_cast<void>(store_.recordStaffEvent("kiosk", "staff.unknown_badge"));
        return answer(Outcome::UnknownBadge);
    }
    const auto now = clock_.now();
    const auto history = store_.staffSignIns(member->staffId, now - 2 * rules_.lockout);
    if (!history) return answer(Outcome::Unavailable);
    core::SignInHistory failures{history->failures};
    const auto before = core::signInState(failures, now, rules_);
    if (before.locked) {
        auto locked = answer(Outcome::Locked);
        locked.lockedMinutes = minutesUntil(before.lockedUntil, now);
        return locked;
    }
    const bool good = crypto_pwhash_str_verify(member->pinHash.c_str(), pin.data(), pin.size()) == 0;
    if (!good) {
        // Counted before anything is shown: a kill right after a wrong PIN does not give a free try.
        if (!store_.recordStaffEvent(member->staffId, "staff.sign_in_failed")) return answer(Outcome::Unavailable);
        failures.failures.push_back(now);
        const auto after = core::signInState(failures, now, rules_);
        if (after.locked) {
            auto locked = answer(Outcome::Locked);
            locked.lockedMinutes = minutesUntil(after.lockedUntil, now);
            return locked;
        }
        auto wrong = answer(Outcome::WrongPin);
        wrong.triesLeft = after.triesLeft;
        return wrong;
    }
    if (!store_.recordStaffEvent(member->staffId, goodAction)) return answer(Outcome::Unavailable);
    auto in = answer(Outcome::SignedIn);
    in.staffId = member->staffId;
    in.displayName = member->displayName;
    in.role = std::string(core::staffRoleCode(member->role));
    return in;
}

void StaffGate::signedOut(std::string_view staffId, std::string_view action) {
    static_cast<void>(store_.recordStaffEvent(staffId, action));
}

flow::QueueFigures queueFigures(store::Store& store) {
    flow::QueueFigures f;
    if (const auto queue = store.outbox().status()) {
        f.unsent = queue->unsent();
        f.acknowledged = queue->acknowledged;
        f.rejected = queue->rejected;
        if (queue->oldestUnsentAge)
            f.oldestUnsentMinutes = std::chrono::duration_cast<std::chrono::minutes>(*queue->oldestUnsentAge).count();
    }
    if (const auto stops = store.counter(RegistrationDesk::kUnderAgeCounter)) f.underAgeStops = *stops;
    return f;
}

std::vector<flow::WorkRow> StaffGate::worklist(std::int64_t limit) {
    std::vector<flow::WorkRow> rows;
    const auto items = store_.pendingVerification(limit);
    if (!items) return rows;
    for (const auto& item : *items) {
        flow::WorkRow row;
        const auto kind = item.kind == store::RecordKind::ReturneeCheckIn ? core::ReceiptKind::ReturneeCheckIn
                                                                          : core::ReceiptKind::Registration;
        const auto number = core::makeReceiptNumber(kind, kioskId_, item.id);
        row.number = number ? number->text() : std::to_string(item.id);
        row.recordId = item.id;
        row.checkIn = item.kind == store::RecordKind::ReturneeCheckIn;
        row.returned = item.verification == store::LocalVerification::Returned;
        row.createdAt = std::chrono::floor<std::chrono::seconds>(item.createdAt);
        // The public part: a registration's checklist (which documents are there), or whether a
        // check-in holds a complaint; nothing else.
        const auto fields = nlohmann::json::parse(item.publicFields, nullptr, false);
        if (fields.is_object() && row.checkIn)
            row.complaint = fields.value("complaint", false);
        else if (fields.is_object())
            for (const auto& [code, state] : fields.items())
                if (state.is_string() && state.get<std::string>() != "not_yet") ++row.documentsHave;
        row.sync = std::string(store::toString(item.outbox));
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace kiosk::app
