// kioskctl report: the end-of-day report of one local day (today by default) in the kiosk's time
// zone, as JSON: counts, codes, times and device states, never personal data. Reads the database
// without the master key and without writing to it, so a supervisor's account may run it.

#include <iostream>
#include <memory>

#include "kiosk/base/clock.h"
#include "kiosk/base/date.h"
#include "kiosk/core/day_report.h"
#include "kiosk/ctl/command.h"
#include "kiosk/ctl/sync_settings_file.h"
#include "kiosk/store/day_report.h"
#include "kiosk/store/migrations.h"

namespace kiosk::ctl {

namespace {

struct ReportOptions {
    std::string config = kDefaultConfig;
    std::string date;
};

int report(const ReportOptions& o) {
    auto settings = loadSettings(o.config, {"kiosk.id", "kiosk.site_id", "store.database"});
    if (!settings) return printFailure(settings.error());
    SystemClock clock;
    const auto now = clock.now();
    const auto day = o.date.empty() ? std::optional<Date>{dateAt(now, settings->utcOffset)} : parseIsoDate(o.date);
    if (!day) {
        std::cerr << "kioskctl report: --date is a real day written YYYY-MM-DD, e.g. --date 2026-03-02\n";
        return kUsage;
    }
    auto db = store::openForReading(settings->database);
    if (!db) return printFailure(db.error());
    const auto window = core::dayWindow(*day, settings->utcOffset);
    auto figures = store::dayFigures(*db, clock, window.start, window.end);
    if (!figures) return printFailure(figures.error());

    core::DayReport out;
    out.siteId = settings->siteId;
    out.kioskId = settings->kioskId;
    out.day = *day;
    out.utcOffset = settings->utcOffset;
    out.zoneName = settings->zoneName;
    out.generatedAt = now;
    out.figures = std::move(*figures);
    std::cout << core::dayReportJson(out) << '\n';
    return kValid;
}

}  // namespace

void addReportCommand(CLI::App& app, Runner& run) {
    auto options = std::make_shared<ReportOptions>();
    auto* cmd = app.add_subcommand("report", "The end-of-day report of one day: counts, queue, devices (JSON)");
    cmd->add_option("--config", options->config, "the kiosk's settings file")->capture_default_str();
    cmd->add_option("--date", options->date, "the local day, YYYY-MM-DD (default: today in the kiosk's time zone)");
    cmd->callback([options, &run] { run = [options] { return report(*options); }; });
}

}  // namespace kiosk::ctl
