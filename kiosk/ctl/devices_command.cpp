// kioskctl devices: opens every device the settings file describes, asks each how it is (the
// printer's status is polled; a scanner, MRZ reader or camera is read from once), and prints the
// health of each with the kiosk's service state. Exit 0 in service, 1 degraded or out of service,
// 2 when the settings are wrong.
//
// A code scanned or an MRZ read while it runs is dropped: run it while nobody uses the kiosk.

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

#include "drivers/api/device_health.h"
#include "drivers/setup/device_set.h"
#include "kiosk/ctl/command.h"
#include "kiosk/ctl/device_settings_file.h"
#include "kiosk/ctl/sync_settings_file.h"

namespace kiosk::ctl {

namespace {

using nlohmann::json;

struct DevicesOptions {
    std::string config = kDefaultConfig;
    std::chrono::milliseconds cameraWait{3000};
};

json modeJson(const drivers::CameraMode& mode) {
    return {{"width", mode.size.width},
            {"height", mode.size.height},
            {"fps", mode.rate.perSecond},
            {"pixel_format", drivers::pixelFormatCode(mode.format)}};
}

json healthJson(const drivers::ComponentHealth& h, std::string_view backend) {
    return {{"component", drivers::componentCode(h.component)},
            {"backend", backend},
            {"required", h.required},
            {"state", drivers::deviceStateCode(h.state)},
            {"last_error", h.lastError}};
}

int list(const DevicesOptions& o) {
    auto settings = loadDevices(o.config);
    if (!settings) return printFailure(settings.error());
    SystemClock clock;
    auto devices = drivers::openDevices(*settings, clock);
    if (!devices) return printFailure(devices.error());

    json components = json::array();
    std::vector<drivers::ComponentHealth> all;
    const auto add = [&](const drivers::ComponentHealth& h, std::string_view backend) -> json& {
        all.push_back(h);
        components.push_back(healthJson(h, backend));
        return components.back();
    };
    if (auto& printer = devices->printer) {
        const auto status = printer->pollStatus();
        add(printer->health(), drivers::backendName(*settings->printer))["status"] = drivers::printerStatusCode(status);
    }
    // One read opens a scanner or reader that is closed; with a zero wait it takes no longer.
    if (auto& scanner = devices->scanner) {
        (void)scanner->next(std::chrono::milliseconds(0));
        add(scanner->health(), drivers::backendName(*settings->scanner));
    }
    if (auto& reader = devices->mrzReader) {
        (void)reader->next(std::chrono::milliseconds(0));
        add(reader->health(), drivers::backendName(*settings->mrzReader));
    }
    if (auto& camera = devices->camera) {
        // The first call opens the camera; a camera that is not there is not waited for.
        auto frame = camera->next(std::chrono::milliseconds(0));
        if (!frame && camera->health().state != drivers::DeviceState::Failed) frame = camera->next(o.cameraWait);
        auto& c = add(camera->health(), drivers::backendName(*settings->camera));
        c["requested"] = modeJson(camera->requested());
        c["negotiated"] = camera->negotiated() ? modeJson(*camera->negotiated()) : json(nullptr);
        c["frame_received"] = frame.has_value();
    }
    const auto service = drivers::serviceState(all);
    std::cout << json{{"config", o.config}, {"service", drivers::kioskServiceCode(service)}, {"components", components}}
                     .dump()
              << '\n';
    return service == drivers::KioskService::InService ? kValid : kInvalid;
}

}  // namespace

void addDevicesCommand(CLI::App& app, Runner& run) {
    auto options = std::make_shared<DevicesOptions>();
    auto* cmd = app.add_subcommand("devices", "Open every configured device and report its health (JSON)");
    cmd->add_option("--config", options->config, "the kiosk's settings file")->capture_default_str();
    cmd->add_option_function<int>(
           "--camera-wait-ms", [options](int ms) { options->cameraWait = std::chrono::milliseconds(ms); },
           "how long to wait for the camera's first frame (default 3000)")
        ->check(CLI::Range(0, 60'000));
    cmd->callback([options, &run] { run = [options] { return list(*options); }; });
}

}  // namespace kiosk::ctl
