#pragma once
// Device health in the CUSS2 manner: each component is required or optional per site. A required
// one failing puts the kiosk out of service; an optional one failing changes the journey instead
// ("bring this document to desk 3").

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::drivers {

enum class Component { Camera, CodeScanner, MrzReader, ReceiptPrinter };

enum class DeviceState {
    Ready,
    Degraded,  // working with a limitation, e.g. printer paper low
    Failed,    // unplugged, not answering, paper out
};

struct ComponentHealth {
    Component component;
    bool required = false;  // from the site configuration
    DeviceState state = DeviceState::Failed;
    std::string lastError;  // plain words for staff; never personal data
};

// Every backend, real or simulated, says how it is. `required` comes from the site configuration
// the backend was built with, so a list of these is all that serviceState() and `kioskctl devices`
// need.
class Device {
public:
    virtual ~Device() = default;
    virtual ComponentHealth health() const = 0;
};

enum class KioskService { InService, Degraded, OutOfService };

inline KioskService serviceState(const std::vector<ComponentHealth>& components) {
    KioskService service = KioskService::InService;
    for (const auto& c : components) {
        if (c.state == DeviceState::Ready) continue;
        if (c.required && c.state == DeviceState::Failed) return KioskService::OutOfService;
        service = KioskService::Degraded;
    }
    return service;
}

constexpr std::string_view componentCode(Component c) {
    switch (c) {
    case Component::Camera: return "camera";
    case Component::CodeScanner: return "code_scanner";
    case Component::MrzReader: return "mrz_reader";
    case Component::ReceiptPrinter: return "receipt_printer";
    }
    return "unknown";
}

constexpr std::string_view deviceStateCode(DeviceState s) {
    switch (s) {
    case DeviceState::Ready: return "ready";
    case DeviceState::Degraded: return "degraded";
    case DeviceState::Failed: return "failed";
    }
    return "unknown";
}

constexpr std::string_view kioskServiceCode(KioskService s) {
    switch (s) {
    case KioskService::InService: return "in_service";
    case KioskService::Degraded: return "degraded";
    case KioskService::OutOfService: return "out_of_service";
    }
    return "unknown";
}

}  // namespace kiosk::drivers
