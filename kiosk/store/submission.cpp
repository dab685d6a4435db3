#include "kiosk/store/submission.h"

#include <array>
#include <utility>

namespace kiosk::store {

namespace {

constexpr std::array<std::pair<RecordKind, std::string_view>, 3> kKinds{{
    {RecordKind::Registration, "registration"},
    {RecordKind::ReturneeCheckIn, "returnee_checkin"},
    {RecordKind::StaffDecision, "staff_decision"},
}};

constexpr std::array<std::pair<LocalVerification, std::string_view>, 4> kVerifications{{
    {LocalVerification::NotRequired, "not_required"},
    {LocalVerification::Pending, "pending"},
    {LocalVerification::Verified, "verified"},
    {LocalVerification::Returned, "returned"},
}};

template <class E, std::size_t N>
std::string_view nameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
    for (const auto& [v, name] : table)
        if (v == value) return name;
    return {};
}

template <class E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view text) {
    for (const auto& [v, name] : table)
        if (name == text) return v;
    return std::nullopt;
}

}  // namespace

std::string_view toString(RecordKind kind) { return nameOf(kKinds, kind); }
std::optional<RecordKind> recordKindFrom(std::string_view text) { return valueOf(kKinds, text); }
std::string_view toString(LocalVerification state) { return nameOf(kVerifications, state); }
std::optional<LocalVerification> localVerificationFrom(std::string_view text) { return valueOf(kVerifications, text); }

std::int64_t toUnixMillis(Clock::TimePoint t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

Clock::TimePoint fromUnixMillis(std::int64_t ms) {
    return Clock::TimePoint{std::chrono::duration_cast<Clock::TimePoint::duration>(std::chrono::milliseconds{ms})};
}

}  // namespace kiosk::store
