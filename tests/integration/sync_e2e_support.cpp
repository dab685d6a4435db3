#include "tests/integration/sync_e2e_support.h"

#include <charconv>
#include <cstdlib>
#include <random>
#include <sstream>
#include <stdexcept>

#include "kiosk/sync/request_signer.h"
#include "kiosk/sync/wire_format.h"
#include "tests/unit/test_nik.h"

namespace kiosk::e2e {

namespace {

using Json = nlohmann::json;

template <class T>
T orThrow(Result<T> result, std::string_view what) {
    if (!result)
        throw std::runtime_error(std::string(what) + ": " + result.error().code + ": " + result.error().detail);
    return std::move(*result);
}

std::string number(std::int64_t n, int width) {
    std::string digits = std::to_string(n);
    if (static_cast<int>(digits.size()) < width) digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
    return digits;
}

store::RecordKind kindOf(std::int64_t n) {
    if (n % 10 == 0) return store::RecordKind::StaffDecision;
    return n % 3 == 0 ? store::RecordKind::ReturneeCheckIn : store::RecordKind::Registration;
}

std::string describe(const store::OutboxEntry& e) {
    std::ostringstream out;
    out << e.submissionId << " " << store::toString(e.state) << " attempts=" << e.attempts
        << " last_error=" << (e.lastError.empty() ? "-" : e.lastError);
    return out.str();
}

}  // namespace

std::int64_t environmentNumber(const char* name, std::int64_t fallback) {
    const char* text = std::getenv(name);
    if (!text || !*text) return fallback;
    std::int64_t value = 0;
    const std::string_view view(text);
    const auto [end, error] = std::from_chars(view.data(), view.data() + view.size(), value);
    if (error != std::errc{} || end != view.data() + view.size()) return fallback;
    return value;
}

std::string generatedPayload(std::int64_t n) {
    std::mt19937_64 random(static_cast<std::uint64_t>(n));
    const std::string name = "PEMOHON UJI " + number(n, 6);
    Json payload = {{"generated", true}, {"n", n}};
    switch (kindOf(n)) {
    case store::RecordKind::Registration: {
        store::Bytes photo(64 + random() % 192);
        for (auto& b : photo) b = static_cast<std::uint8_t>(random());
        payload["name"] = name;
        payload["nik"] =
            test::composeNik(33, 74, static_cast<int>(n % 40) + 1, static_cast<int>(n % 28) + 1,
                             static_cast<int>(n % 12) + 1, 90 + static_cast<int>(n % 10), static_cast<int>(n % 10000));
        payload["destination"] = {{"country", n % 2 ? "MY" : "TW"}, {"sector", n % 4 ? "manufacturing" : "care"}};
        payload["photo"] = sync::base64Encode(photo);
        break;
    }
    case store::RecordKind::ReturneeCheckIn:
        payload["name"] = name;
        payload["passport"] = "XT" + number(static_cast<std::int64_t>(random() % 10000000), 7);
        payload["returned_from"] = n % 2 ? "SA" : "HK";
        break;
    case store::RecordKind::StaffDecision:
        payload["decision"] = n % 20 ? "documents_complete" : "returned_for_correction";
        payload["staff_id"] = "STF-0001";
        break;
    }
    return payload.dump();
}

store::NewSubmission generatedSubmission(std::int64_t n) {
    store::NewSubmission s;
    s.kind = kindOf(n);
    s.siteId = std::string(kSiteId);
    s.kioskId = std::string(kKioskId);
    if (s.kind == store::RecordKind::StaffDecision) s.actor = "STF-0001";
    const auto payload = generatedPayload(n);
    s.personalPayload.assign(payload.begin(), payload.end());
    s.publicFields = Json{{"desk", n % 5}}.dump();
    if (s.kind == store::RecordKind::Registration)
        s.consent = store::Consent{"2026-01-id", std::string(64, 'a'), {"registration", "placement_matching"}};
    return s;
}

Kiosk::Kiosk(std::filesystem::path dir, std::string database, store::Synchronous synchronous)
    : dir_(std::move(dir)),
      database_(std::move(database)),
      clock_(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())) {
    std::filesystem::create_directories(dir_);
    masterKey_ = orThrow(store::FileMasterKey::openOrCreate(masterKeyFile()), "master key");
    deviceKey_ = orThrow(sync::FileDeviceKey::openOrCreate(deviceKeyFile()), "device key");
    store::StoreConfig config;
    config.database = this->database();
    config.minFreeBytes = 0;
    config.open.synchronous = synchronous;
    store_ = orThrow(store::Store::open(config, *masterKey_, clock_), "store");
}

std::vector<Enqueued> Kiosk::enqueue(std::int64_t count, std::int64_t first) {
    std::vector<Enqueued> out;
    out.reserve(static_cast<std::size_t>(count));
    std::optional<store::RecordId> previous;
    for (std::int64_t n = first; n < first + count; ++n) {
        auto submission = generatedSubmission(n);
        if (submission.kind == store::RecordKind::StaffDecision) submission.subject = previous;
        const auto receipt = orThrow(store_->enqueue(submission), "enqueue");
        previous = receipt.recordId;
        out.push_back({receipt.recordId, receipt.submissionId, receipt.payloadSha256,
                       std::string(submission.personalPayload.begin(), submission.personalPayload.end())});
    }
    return out;
}

std::string Kiosk::simArgument() const {
    return std::string(kKioskId) + "=" + sync::publicKeyBase64(*deviceKey_) + "," + std::string(kSiteId);
}

std::string httpUrl(const SimProcess& sim) { return "http://127.0.0.1:" + std::to_string(sim.httpPort()); }
std::string httpsUrl(const SimProcess& sim) { return "https://127.0.0.1:" + std::to_string(sim.httpsPort()); }

sync::TransportOptions quickTransport(std::string baseUrl) {
    sync::TransportOptions t;
    t.baseUrl = std::move(baseUrl);
    t.connectTimeout = std::chrono::seconds{5};
    t.lowSpeedTime = std::chrono::seconds{2};
    t.uploadTimeout = std::chrono::milliseconds{2500};
    t.pullTimeout = std::chrono::milliseconds{2500};
    return t;
}

Result<SyncLink> connect(store::Store& store, const sync::DeviceKey& deviceKey, const Clock& clock,
                         const SimProcess& sim, sync::TransportOptions transport, sync::UploadOptions upload,
                         std::uint64_t retrySeed, const std::filesystem::path& stateDir) {
    auto seal = sync::publicKeyFromBase64(sim.sealPublicKey(), "the simulator's seal key");
    if (!seal) return seal.error();
    auto signing = sync::publicKeyFromBase64(sim.signingPublicKey(), "the simulator's signing key");
    if (!signing) return signing.error();
    auto api =
        sync::CurlServerApi::create(std::move(transport), sync::RequestSigner(deviceKey, std::string(kKioskId), clock));
    if (!api) return api.error();
    sync::SyncWorkerOptions options;
    options.kioskId = std::string(kKioskId);
    options.stateDir = stateDir;
    options.upload = upload;
    // Nothing but the outbox and the pulls wakes a worker here, and nextWake() knows both: a long
    // idle poll lets the fake clock jump straight to the next due time.
    options.idlePoll = std::chrono::hours{1};
    SyncLink link;
    link.api = std::move(*api);
    link.worker = std::make_unique<sync::SyncWorker>(store, *link.api, deviceKey, sync::ServerKeys{*seal, *signing},
                                                     clock, sync::RetryPolicy(retrySeed), std::move(options));
    return link;
}

Result<SyncLink> connect(Kiosk& kiosk, const SimProcess& sim, sync::TransportOptions transport,
                         sync::UploadOptions upload, std::uint64_t retrySeed) {
    return connect(kiosk.store(), kiosk.deviceKey(), kiosk.clock(), sim, std::move(transport), upload, retrySeed,
                   kiosk.dir() / "sync-state");
}

DrainResult drain(sync::SyncWorker& worker, store::Store& store, FakeClock& clock, int maxPasses,
                  const std::function<void(int pass)>& beforePass) {
    DrainResult result;
    const auto wallStart = std::chrono::steady_clock::now();
    const auto fakeStart = clock.now();
    auto queue = store.outbox().status();
    for (;;) {
        if (!queue) {
            result.problem = "the outbox status could not be read: " + queue.error().detail;
            break;
        }
        if (queue->unsent() == 0) {
            result.drained = true;
            break;
        }
        if (result.passes == maxPasses) {
            std::ostringstream out;
            out << "after " << result.passes << " passes the outbox still has " << queue->pending << " pending, "
                << queue->inFlight << " in flight and " << queue->sent << " sent (" << queue->acknowledged
                << " acknowledged, " << queue->rejected << " rejected)";
            for (const auto& e : result.total.errors) out << "\n  local error: " << e.code << ": " << e.detail;
            if (auto rows = store.outbox().list(1000000); rows) {
                int shown = 0;
                for (const auto& row : *rows)
                    if (row.state != store::OutboxState::Acknowledged && row.state != store::OutboxState::Rejected &&
                        shown++ < 5)
                        out << "\n  unsent: " << describe(row);
            }
            result.problem = out.str();
            break;
        }
        if (beforePass) beforePass(result.passes);
        if (const auto wake = worker.nextWake(); wake > clock.now()) clock.set(wake);
        const auto report = worker.runOnce();
        ++result.passes;
        for (const auto& f : report.failures)
            if (f.step == "upload") ++result.uploadFailures[f.code];
        result.total.add(report);
        // The worker counted the queue at the end of its pass; ask the store only when it could not.
        if (report.errors.empty())
            queue = worker.status().queue;
        else
            queue = store.outbox().status();
    }
    result.fakeTimeSpent = std::chrono::duration_cast<std::chrono::seconds>(clock.now() - fakeStart);
    result.wallTime =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - wallStart);
    return result;
}

nlohmann::json heldSubmissions(SimClient& admin) {
    auto answer = admin.admin("GET", "/admin/submissions");
    if (!answer.is_object() || !answer.contains("submissions"))
        throw std::runtime_error("GET /admin/submissions gave no list");
    return answer["submissions"];
}

nlohmann::json requestLog(SimClient& admin) {
    auto answer = admin.admin("GET", "/admin/requests");
    if (!answer.is_object() || !answer.contains("requests"))
        throw std::runtime_error("GET /admin/requests gave no log");
    return answer;
}

std::map<std::string, std::int64_t> faultCounts(const nlohmann::json& log) {
    std::map<std::string, std::int64_t> counts;
    for (const auto& r : log["requests"]) ++counts[r.value("fault", "")];
    return counts;
}

std::int64_t countRequests(const nlohmann::json& log, std::string_view method, std::string_view path) {
    std::int64_t n = 0;
    for (const auto& r : log["requests"]) {
        const auto target = r.value("path", "");
        if (r.value("method", "") == method && std::string_view(target).substr(0, target.find('?')) == path) ++n;
    }
    return n;
}

store::OutboxEntry outboxRow(store::Store& store, std::string_view submissionId) {
    const auto rows = orThrow(store.outbox().list(1000000), "outbox");
    for (const auto& row : rows)
        if (row.submissionId == submissionId) return row;
    throw std::runtime_error("no outbox row for " + std::string(submissionId));
}

std::int64_t auditCount(store::Store& store, std::string_view action) {
    auto query = orThrow(store.database().prepare("SELECT count(*) FROM audit WHERE action = ?1"), "audit");
    query.bind(1, action);
    orThrow(query.step(), "audit");
    return query.integer(0);
}

}  // namespace kiosk::e2e
