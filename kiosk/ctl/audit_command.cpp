// kioskctl audit verify: walks the audit hash chain. Exit 0 and the head when intact; exit 1 and the
// first bad entry when any entry was edited, deleted or moved.

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

#include "kiosk/ctl/command.h"
#include "kiosk/store/audit_log.h"
#include "kiosk/store/migrations.h"

namespace kiosk::ctl {

namespace {

struct AuditOptions {
    std::string database = "/var/lib/loket/kiosk.db";
};

int verify(const AuditOptions& o) {
    auto verdict = [&]() -> Result<store::AuditVerdict> {
        auto db = store::openForReading(o.database);
        if (!db) return db.error();
        return store::verifyAudit(*db);
    }();
    if (!verdict) {
        const auto& e = verdict.error();
        std::cout << nlohmann::json{{"error", {{"code", e.code}, {"detail", e.detail}}}}.dump() << '\n';
        return kUsage;
    }
    nlohmann::json out{{"intact", verdict->intact()}, {"entries", verdict->entries}, {"head", verdict->headHex}};
    if (!verdict->intact()) {
        out["first_bad_seq"] = *verdict->firstBadSeq;
        out["reason"] = verdict->reason;
    }
    std::cout << out.dump() << '\n';
    return verdict->intact() ? kValid : kInvalid;
}

}  // namespace

void addAuditCommand(CLI::App& app, Runner& run) {
    auto options = std::make_shared<AuditOptions>();
    auto* audit = app.add_subcommand("audit", "Check the audit log");
    audit->require_subcommand(1);
    audit->fallthrough();  // --db may come before or after verify
    audit->add_option("--db", options->database, "the kiosk database")->capture_default_str();
    auto* verifyCmd = audit->add_subcommand("verify", "Verify the hash chain; exit 1 at the first bad entry");
    verifyCmd->callback([options, &run] { run = [options] { return verify(*options); }; });
}

}  // namespace kiosk::ctl
