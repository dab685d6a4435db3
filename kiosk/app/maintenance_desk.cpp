#include "kiosk/app/maintenance_desk.h"

#include <sys/statvfs.h>

#include <algorithm>
#include <optional>

#include "drivers/api/removable_media.h"
#include "kiosk/app/kiosk_log.h"
#include "kiosk/app/staff_gate.h"
#include "kiosk/receipt/test_page.h"
#include "kiosk/sync/envelope.h"
#include "kiosk/sync/export_bundle.h"

namespace kiosk::app {
namespace {

std::optional<std::chrono::sys_seconds> seconds(const std::optional<Clock::TimePoint>& t) {
    if (!t) return std::nullopt;
    return std::chrono::floor<std::chrono::seconds>(*t);
}

flow::PartCondition fromHealth(flow::Part part, const drivers::ComponentHealth& h) {
    return flow::PartCondition{part, std::string(drivers::deviceStateCode(h.state)), h.required, h.lastError};
}

// The sync thread's snapshot as the screen shows it; none: the kiosk has no server yet.
flow::SyncCondition syncOf(const std::optional<sync::SyncStatus>& status) {
    flow::SyncCondition out;
    if (!status) return out;
    out.configured = true;
    out.lastSent = seconds(status->lastUploadSuccess);
    out.lastFailed = seconds(std::max(status->lastUploadFailure, status->lastPullFailure));
    out.nextTry = status->queue.unsent() > 0 ? seconds(status->nextUploadTry) : std::nullopt;
    out.pausedUntil = seconds(status->uploadsPausedUntil);
    out.lastFailure = status->lastFailure;
    return out;
}

// The log's warnings and errors with the sync thread's alerts and its last failure, the newest
// first.
std::vector<flow::LoggedProblem> problemsOf(const std::optional<sync::SyncStatus>& status, std::size_t limit) {
    std::vector<flow::LoggedProblem> out;
    for (auto& logged : log::recentProblems()) out.push_back({logged.at, logged.code, logged.detail});
    if (status) {
        for (const auto& alert : status->alerts)
            out.push_back(
                {std::chrono::floor<std::chrono::seconds>(alert.at), "sync.alert." + alert.code, alert.detail});
        const auto failed = std::max(status->lastUploadFailure, status->lastPullFailure);
        if (failed && !status->lastFailure.empty())
            out.push_back({std::chrono::floor<std::chrono::seconds>(*failed), "sync.failed", status->lastFailure});
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.at > b.at; });
    if (out.size() > limit) out.resize(limit);
    return out;
}

void diskOf(const std::filesystem::path& folder, flow::KioskCondition& out) {
    struct statvfs fs {};
    if (::statvfs(folder.c_str(), &fs) != 0) return;
    out.diskFree = static_cast<std::uint64_t>(fs.f_bavail) * fs.f_frsize;
    out.diskTotal = static_cast<std::uint64_t>(fs.f_blocks) * fs.f_frsize;
}

std::filesystem::path folderOf(const std::filesystem::path& file) {
    const auto parent = file.parent_path();
    return parent.empty() ? std::filesystem::path(".") : parent;
}

}  // namespace

std::vector<flow::PartCondition> MaintenanceDesk::parts() {
    const auto posted = p_.health.latest();
    const bool threads = p_.threadsRunning && p_.threadsRunning();
    const auto of = [&](flow::Part part, drivers::Component component,
                        const drivers::Device* device) -> flow::PartCondition {
        flow::PartCondition out;
        out.part = part;
        if (!device) return out;  // not fitted
        // The printer is the UI thread's: it says itself how it is. The others' threads post.
        if (component == drivers::Component::ReceiptPrinter || !threads) return fromHealth(part, device->health());
        const auto found = std::find_if(posted.begin(), posted.end(),
                                        [&](const drivers::ComponentHealth& h) { return h.component == component; });
        if (found != posted.end()) return fromHealth(part, *found);
        out.state = "degraded";
        out.detail = "no report from its thread yet";
        return out;
    };
    auto& d = p_.devices;
    return {of(flow::Part::Camera, drivers::Component::Camera, d.camera.get()),
            of(flow::Part::CodeScanner, drivers::Component::CodeScanner, d.scanner.get()),
            of(flow::Part::MrzReader, drivers::Component::MrzReader, d.mrzReader.get()),
            of(flow::Part::ReceiptPrinter, drivers::Component::ReceiptPrinter, d.printer.get())};
}

flow::KioskCondition MaintenanceDesk::condition() {
    flow::KioskCondition out;
    out.version = LOKET_VERSION;
    out.kioskId = p_.settings.kioskId;
    out.siteId = p_.settings.siteId;
    out.parts = parts();
    out.queue = queueFigures(p_.store);
    // One snapshot of the sync thread for both the sync lines and the problems.
    const auto status = p_.sync ? std::optional(p_.sync->status()) : std::nullopt;
    out.sync = syncOf(status);
    diskOf(folderOf(p_.settings.database), out);
    if (p_.devices.media) {
        const auto media = p_.devices.media->mounted();
        if (!media)
            out.mediaUnknown = true;
        else
            for (const auto& m : *media) out.media.push_back({m.mountPoint.string(), m.writable, m.freeBytes});
    }
    out.problems = problemsOf(status, kProblems);
    return out;
}

Result<void> MaintenanceDesk::printTestPage(std::string_view staffId) {
    auto* printer = p_.devices.printer.get();
    if (!printer) return makeError("print.no_printer", "no printer is fitted");
    auto printed = printer->print(receipt::testPage(p_.settings.kioskId, p_.printerBackend, p_.clock.now()));
    p_.health.post(printer->health());
    static_cast<void>(
        p_.store.recordStaffEvent(staffId, printed ? "maintenance.test_print" : "maintenance.test_print_failed"));
    if (!printed) log::warn(printed.error());
    return printed;
}

Result<void> MaintenanceDesk::syncNow(std::string_view staffId) {
    if (!p_.sync) return makeError("maintenance.sync_not_configured", "no server address or keys: nothing is sent");
    static_cast<void>(p_.store.recordStaffEvent(staffId, "maintenance.sync_now"));
    p_.sync->wake();
    return {};
}

Result<flow::ExportDone> MaintenanceDesk::exportUnsent(std::string_view staffId) {
    if (!p_.settings.serverSealKey)
        return makeError("export.not_configured", "no server seal key: submissions cannot be sealed for export");
    if (!p_.devices.media) return makeError("export.no_media", "no removable media are watched");
    const auto media = p_.devices.media->mounted();
    if (!media) return makeError("export.no_media", media.error().detail);
    if (media->empty()) return makeError("export.no_media", "no removable medium is mounted");
    const auto medium = std::find_if(media->begin(), media->end(), [](const auto& m) { return m.writable; });
    if (medium == media->end())
        return makeError("export.read_only", media->front().mountPoint.string() + " cannot be written to");
    if (medium->freeBytes && *medium->freeBytes < kMediaFloor)
        return makeError("export.media_full", medium->mountPoint.string() + " is full");

    const sync::EnvelopeBuilder envelopes(p_.store, p_.deviceKey, *p_.settings.serverSealKey);
    auto summary = sync::exportUnsent(p_.store, envelopes, p_.deviceKey, p_.settings.kioskId, p_.settings.siteId,
                                      p_.clock.now(), medium->mountPoint);
    if (!summary) {
        const bool full = summary.error().detail.find("No space left") != std::string::npos;
        Error e{full ? "export.media_full" : "export.failed", summary.error().code + ": " + summary.error().detail};
        log::warn(e);
        static_cast<void>(p_.store.recordStaffEvent(staffId, "maintenance.export_failed"));
        return e;
    }
    for (const auto& skipped : summary->skipped) log::warn(skipped);
    static_cast<void>(p_.store.recordStaffEvent(staffId, "maintenance.export"));
    log::info("maintenance.export", std::to_string(summary->count) + " submissions to " + summary->file.string());
    return flow::ExportDone{summary->count, summary->file.filename().string()};
}

}  // namespace kiosk::app
