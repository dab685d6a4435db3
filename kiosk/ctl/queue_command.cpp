// kioskctl queue status | list: the outbox as the operator sees it. Reads the database without the
// master key and without writing to it; prints no personal data (there is none in the outbox).

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

#include "kiosk/base/clock.h"
#include "kiosk/ctl/command.h"
#include "kiosk/store/database.h"
#include "kiosk/store/migrations.h"
#include "kiosk/store/outbox.h"

namespace kiosk::ctl {

namespace {

constexpr const char* kDefaultDatabase = "/var/lib/loket/kiosk.db";

struct QueueOptions {
    std::string database = kDefaultDatabase;
    std::string state;
    std::int64_t limit = 100;
};

std::string isoTime(Clock::TimePoint t) {
    const auto seconds = std::chrono::floor<std::chrono::seconds>(t);
    const auto day = std::chrono::floor<std::chrono::days>(seconds);
    const std::chrono::year_month_day ymd{day};
    const std::chrono::hh_mm_ss hms{seconds - day};
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return buffer;
}

// kioskctl may run as another user than the kiosk: it opens read-only and creates no files.
int fail(const Error& e) {
    std::cout << nlohmann::json{{"error", {{"code", e.code}, {"detail", e.detail}}}}.dump() << '\n';
    return kUsage;
}

int status(const QueueOptions& o) {
    auto db = store::openForReading(o.database);
    if (!db) return fail(db.error());
    SystemClock clock;
    auto s = store::Outbox(*db, clock).status();
    if (!s) return fail(s.error());
    nlohmann::json out{{"pending", s->pending},           {"in_flight", s->inFlight}, {"sent", s->sent},
                       {"acknowledged", s->acknowledged}, {"rejected", s->rejected},  {"unsent", s->unsent()},
                       {"oldest_unsent_age_s", nullptr}};
    if (s->oldestUnsentAge) out["oldest_unsent_age_s"] = s->oldestUnsentAge->count();
    std::cout << out.dump() << '\n';
    return kValid;
}

int list(const QueueOptions& o) {
    std::optional<store::OutboxState> state;
    if (!o.state.empty()) {
        state = store::outboxStateFrom(o.state);
        if (!state) {
            std::cerr << "kioskctl queue list: --state is one of pending, in_flight, sent, acknowledged, rejected\n";
            return kUsage;
        }
    }
    auto db = store::openForReading(o.database);
    if (!db) return fail(db.error());
    SystemClock clock;
    auto entries = store::Outbox(*db, clock).list(o.limit, state);
    if (!entries) return fail(entries.error());
    auto out = nlohmann::json::array();
    for (const auto& e : *entries) {
        nlohmann::json j{{"submission_id", e.submissionId},
                         {"record_id", e.recordId},
                         {"state", std::string(store::toString(e.state))},
                         {"attempts", e.attempts},
                         {"created_at", isoTime(e.createdAt)},
                         {"payload_sha256", e.payloadSha256}};
        if (e.dueAt) j["due_at"] = isoTime(*e.dueAt);
        if (!e.lastError.empty()) j["last_error"] = e.lastError;
        if (!e.serverReference.empty()) j["server_reference"] = e.serverReference;
        if (!e.rejectCode.empty()) j["reject_code"] = e.rejectCode;
        out.push_back(std::move(j));
    }
    std::cout << nlohmann::json{{"entries", out}}.dump() << '\n';
    return kValid;
}

}  // namespace

void addQueueCommand(CLI::App& app, Runner& run) {
    auto options = std::make_shared<QueueOptions>();
    auto* queue = app.add_subcommand("queue", "Show the submissions waiting to reach the national server");
    queue->require_subcommand(1);
    queue->fallthrough();  // --db may come before or after status/list
    queue->add_option("--db", options->database, "the kiosk database")->capture_default_str();

    auto* statusCmd = queue->add_subcommand("status", "Counts by state and the oldest unsent age, as JSON");
    statusCmd->callback([options, &run] { run = [options] { return status(*options); }; });

    auto* listCmd = queue->add_subcommand("list", "The outbox rows, oldest first, as JSON");
    listCmd->add_option("--state", options->state, "only rows in this state");
    listCmd->add_option("--limit", options->limit, "at most this many rows")->capture_default_str();
    listCmd->callback([options, &run] { run = [options] { return list(*options); }; });
}

}  // namespace kiosk::ctl
