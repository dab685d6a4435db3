#include "kiosk/app/kiosk_services.h"

#include <thread>

#include "drivers/setup/device_settings.h"
#include "kiosk/sync/catalogue_reader.h"
#include "kiosk/sync/document_cache.h"
#include "kiosk/sync/sync_engine.h"

namespace kiosk::app {
namespace {

Error noted(const Error& e, std::string_view what) { return Error{e.code, std::string(what) + ": " + e.detail}; }

}  // namespace

KioskServices::~KioskServices() {
    // The device threads first: they read the devices, which go with this object.
    threads_.reset();
    // Then the sync thread: it holds its own store connection and reads the master key.
    if (sync_) sync_->stop();
    sync_.reset();
}

Result<std::unique_ptr<KioskServices>> KioskServices::open(const std::filesystem::path& config,
                                                           const ui::Catalogs& texts, const Clock& clock) {
    std::unique_ptr<KioskServices> s(new KioskServices());
    // Every mistake in the file at once, the sync part's and the devices', before anything is
    // opened or created: a technician mends them all from one refusal to start.
    auto settings = sync::loadSyncSettings(config);
    auto deviceSettings = drivers::loadDeviceSettings(config);
    std::optional<Error> mistakes;
    if (!settings)
        mistakes = settings.error();
    else if (auto r = settings->require(
                 {"kiosk.id", "kiosk.site_id", "store.database", "store.master_key", "sync.device_key"});
             !r)
        mistakes = r.error();
    if (!deviceSettings) {
        // A file that cannot be read or is not TOML at all is said once.
        const auto& d = deviceSettings.error().detail;
        const bool wholeFile = d.find(": not valid TOML") != std::string::npos || d.starts_with("cannot read");
        if (!mistakes)
            mistakes = deviceSettings.error();
        else if (!wholeFile)
            mistakes->detail += "\n" + d;
    }
    if (mistakes) return *mistakes;
    s->settings_ = std::move(*settings);
    const auto& st = s->settings_;

    auto masterKey = store::FileMasterKey::openOrCreate(st.masterKey);
    if (!masterKey) return masterKey.error();
    s->masterKey_ = std::move(*masterKey);
    store::StoreConfig storeConfig;
    storeConfig.database = st.database;
    auto store = store::Store::open(storeConfig, *s->masterKey_, clock);
    if (!store) return store.error();
    s->store_ = std::move(*store);
    auto deviceKey = sync::FileDeviceKey::openOrCreate(st.deviceKey);
    if (!deviceKey) return deviceKey.error();
    s->deviceKey_ = std::move(*deviceKey);

    // The devices the file describes; a file without [devices.*] tables fits none.
    {
        auto devicesWaker = drivers::Waker::create();
        if (!devicesWaker) return devicesWaker.error();
        s->devicesWaker_.emplace(std::move(*devicesWaker));
        auto cameraWaker = drivers::Waker::create();
        if (!cameraWaker) return cameraWaker.error();
        s->cameraWaker_.emplace(std::move(*cameraWaker));
        auto devices = drivers::openDevices(*deviceSettings, clock, &*s->devicesWaker_, &*s->cameraWaker_);
        if (!devices) return devices.error();
        s->devices_ = std::move(*devices);
    }

    s->loadDocuments();

    // Uploads and pulls on their own thread; only when the server is known.
    if (st.serverSealKey && st.serverSigningKey && !st.serverUrl.empty()) {
        const auto* self = s.get();
        s->sync_ = std::make_unique<sync::SyncThread>(
            [self, &clock](std::stop_token stop) -> Result<std::unique_ptr<sync::SyncLoop>> {
                auto engine = sync::SyncEngine::open(self->settings_, *self->masterKey_, clock, std::move(stop));
                if (!engine) return engine.error();
                return std::unique_ptr<sync::SyncLoop>(std::move(*engine));
            },
            clock);
    }

    auto* syncThread = s->sync_.get();
    s->desk_ = std::make_unique<RegistrationDesk>(*s->store_, *s->deviceKey_, DeskIdentity{st.kioskId, st.siteId},
                                                  clock, texts, s->devices_.printer.get(), s->receipts_, [syncThread] {
                                                      if (syncThread) syncThread->wake();
                                                  });

    s->health_ = std::make_unique<HealthBoard>(clock);
    s->desk_->watchDevicesWith(s->health_.get());
    const auto* owner = s.get();
    s->maintenance_ = std::make_unique<MaintenanceDesk>(MaintenanceParts{
        *s->store_, *s->deviceKey_, s->settings_, s->devices_, *s->health_, clock, syncThread,
        deviceSettings->printer ? std::string(drivers::backendName(*deviceSettings->printer)) : std::string(),
        [owner] { return owner->threads_ != nullptr; }});
    s->clock_ = &clock;
    s->useDocuments();
    return s;
}

namespace {

// The versions of the documents a cache holds: the sync thread replaces a file only with a newer,
// verified document, so a changed stamp means something new to use.
std::string stampOf(const sync::DocumentCache& cache) {
    std::string stamp;
    for (const auto name : {std::string_view("config"), std::string_view("job_openings"),
                            std::string_view("training_programmes"), std::string_view("regencies")})
        if (const auto* doc = cache.find(name)) stamp += std::string(name) + ":" + std::to_string(doc->version) + ";";
    return stamp;
}

}  // namespace

std::string KioskServices::documentsStamp() const {
    if (!settings_.serverSigningKey) return {};
    sync::DocumentCache cache(settings_.stateDir / "documents", *settings_.serverSigningKey, settings_.kioskId);
    static_cast<void>(cache.load());
    return stampOf(cache);
}

void KioskServices::loadDocuments() {
    // The last good documents the server signed; without them the journeys still run (the
    // legal minimum age, no official openings to compare with: every offer is "not listed").
    const auto& st = settings_;
    agePolicy_ = {};
    catalogue_ = {};
    staff_.clear();
    receipts_.hotline = std::string(core::kHotlinePlaceholder);
    receipts_.utcOffset = st.utcOffset;
    receipts_.zoneName = st.zoneName;
    if (!st.serverSigningKey) {
        notes_.push_back(Error{"documents.no_server_key", "no server signing key yet: no configuration is used"});
        return;
    }
    sync::DocumentCache cache(st.stateDir / "documents", *st.serverSigningKey, st.kioskId);
    for (const auto& e : cache.load()) notes_.push_back(e);
    const auto read = [&](std::string_view name, auto reader, auto& into) {
        const auto* doc = cache.find(name);
        if (!doc) {
            notes_.push_back(Error{"documents.missing", std::string(name) + " has not been received yet"});
            return;
        }
        auto parsed = reader(doc->document);
        if (!parsed)
            notes_.push_back(noted(parsed.error(), name));
        else
            into = std::move(*parsed);
    };
    read("config", sync::readMinimumAges, agePolicy_);
    read("config", sync::readStaff, staff_);
    std::optional<std::string> hotline;
    read("config", sync::readHotline, hotline);
    if (hotline)
        receipts_.hotline = *hotline;
    else
        notes_.push_back(Error{"receipt.hotline_not_set", "the configuration names no hotline: receipts say so"});
    read("regencies", sync::readRegencies, catalogue_.regions);
    read("job_openings", sync::readJobOpenings, catalogue_.openings);
    read("training_programmes", sync::readTrainingProgrammes, catalogue_.training);
    // The stamp of what was just read, not of a second look that a new file may already differ from.
    stamp_ = stampOf(cache);
}

void KioskServices::useDocuments() {
    const auto& st = settings_;
    desk_->useReceiptSettings(receipts_);
    // Receipts are checked against this kiosk's key and those the last good configuration lists.
    receiptKeys_ = {};
    if (st.serverSigningKey) {
        std::vector<Error> keyNotes;
        if (auto keys = sync::loadReceiptKeyring(st, deviceKey_.get(), &keyNotes); keys)
            receiptKeys_ = std::move(*keys);
        else
            notes_.push_back(keys.error());
        for (auto& note : keyNotes) notes_.push_back(std::move(note));
    } else {
        receiptKeys_.add(st.kioskId, deviceKey_->publicKey(), sync::KeySource::Own);
    }
    desk_->checkReceiptsWith(receiptKeys_, st.stateDir / "statuses.json");

    // Staff sign in with the badges and PIN hashes of the last good configuration.
    desk_->admitStaffWith(nullptr);
    staffGate_.reset();
    if (!staff_.empty()) {
        staffGate_ = std::make_unique<StaffGate>(*store_, st.kioskId, staff_, core::SignInRules{}, *clock_);
        desk_->admitStaffWith(staffGate_.get());
    }
}

bool KioskServices::refreshDocuments() {
    if (documentsStamp() == stamp_) return false;
    notes_.clear();
    loadDocuments();
    useDocuments();
    return true;
}

void KioskServices::applyTo(flow::FlowSettings& settings, Date today) const {
    settings.utcOffset = settings_.utcOffset;
    settings.agePolicy = agePolicy_;
    settings.catalogue = catalogue_;
    std::erase_if(settings.catalogue.openings, [&](const core::JobOpening& o) {
        return std::chrono::sys_days{o.validUntil} < std::chrono::sys_days{today};
    });
}

InputChannels* KioskServices::startDeviceThreads(std::function<void()> wakeUi) {
    if (threads_) return &threads_->channels();
    if (!devices_.scanner && !devices_.mrzReader && !devices_.camera) return nullptr;
    threads_ = std::make_unique<DeviceThreads>(
        ThreadedDevices{devices_.scanner.get(), devices_.mrzReader.get(), devicesWaker_ ? &*devicesWaker_ : nullptr,
                        devices_.camera.get(), cameraWaker_ ? &*cameraWaker_ : nullptr, health_.get()},
        std::move(wakeUi));
    return &threads_->channels();
}

bool KioskServices::drain(std::chrono::seconds atMost) {
    const auto until = std::chrono::steady_clock::now() + atMost;
    while (true) {
        const auto queue = store_->outbox().status();
        if (queue && queue->unsent() == 0) return true;
        if (!sync_ || std::chrono::steady_clock::now() >= until) return false;
        sync_->wake();
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
}

}  // namespace kiosk::app
