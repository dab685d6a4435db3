#pragma once
// The flow as the app runs it: one state, the events fed to it, the commands it returns carried
// out (speech, the beep, the wipe), the view each tap was aimed at, the staff long press, and the
// buffers of the visit the app itself owns. The main loop and the scenario player both drive
// it. Lives on the UI thread.

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "kiosk/app/journey_services.h"
#include "kiosk/app/maintenance_services.h"
#include "kiosk/app/speaker.h"
#include "kiosk/core/flow/visit_flow.h"
#include "kiosk/ui/beeper.h"
#include "kiosk/ui/catalog.h"
#include "kiosk/ui/painter.h"
#include "kiosk/ui/registration_screens.h"
#include "kiosk/ui/touch.h"
#include "kiosk/ui/video_image.h"

namespace kiosk::app {

// How long a press in the staff corner must last.
inline constexpr std::chrono::seconds kStaffHold{3};

// What the app keeps of a visit outside the flow's state. Camera frames and print jobs land
// here as their screens arrive; a wipe zeroes and frees all of it.
struct VisitBuffers {
    std::vector<std::uint8_t> cameraImage;  // the last camera image the visit produced
    std::vector<std::uint8_t> photo;        // the face photo (JPEG): the registration's, or the open record's
    // The pictures of the documents photographed at the kiosk (JPEG), in core::kAllDocuments order.
    std::array<std::vector<std::uint8_t>, core::kAllDocuments.size()> documents;
    ui::VideoImage recordPhoto;  // the open record's photo as the screen shows it
    int scans = 0;               // codes and MRZs read during the visit (their text is not kept)

    void wipe();
};

class Session {
public:
    // `beeper` may be null (no sound at all); `services` may be null (no store: nothing can be
    // saved, and the journey says so); `upkeep` may be null (the maintenance screen shows the
    // version alone and its actions say they cannot be done).
    Session(const flow::FlowSettings& settings, const ui::Catalogs& texts, Speaker& speaker, ui::Beeper* beeper,
            JourneyServices* services = nullptr, MaintenanceServices* upkeep = nullptr);

    const flow::FlowState& state() const { return state_; }
    const VisitBuffers& buffers() const { return buffers_; }
    int wipes() const { return wipes_; }

    void apply(const flow::Event& event);
    // New settings (catalogues, minimum ages) for the next visitor: taken only on the attract
    // screen with nobody mid-visit; false otherwise (asked again later).
    bool useSettings(const flow::FlowSettings& settings);
    // Nobody is in the middle of anything: the attract screen, no question open.
    bool betweenVisitors() const;
    void recordCameraImage(std::vector<std::uint8_t> bytes);
    // The face photo the camera took (a JPEG): kept for the visit, and the flow is told.
    void takePhoto(std::vector<std::uint8_t> jpeg, flow::Instant at);
    // Where a document's picture comes from when the person presses "take photo": the live
    // camera's newest frame, or a scenario's picture. Without one, the flow hears
    // "document.no_picture".
    using DocumentCamera = std::function<Result<std::vector<std::uint8_t>>()>;
    void useDocumentCamera(DocumentCamera camera) { documentCamera_ = std::move(camera); }

    // Draws the current view with this frame's touch, turns a finished tap into a flow::Tap for
    // the view the finger went down on, and watches for the staff long press. Present afterwards.
    // `view` brings what the state does not hold: the live camera picture.
    void frame(ui::Painter& painter, const ui::Touch& touch, flow::Instant now, const ui::JourneyView& view = {});
    // What the last frame drew (a tap's effect shows in the frame after it).
    const flow::FlowState& drawn() const { return drawn_ ? *drawn_ : state_; }
    // The state changed since it was last drawn.
    bool needsDraw() const { return !drawn_ || *drawn_ != state_; }

private:
    // Carries out a command; the app's answer, if the flow waits for one, comes back as an event.
    std::optional<flow::Event> run(const flow::Command& command);
    void watchStaffCorner(const ui::Touch& touch, ui::Size window, flow::Instant now);

    const ui::Catalogs& texts_;
    Speaker& speaker_;
    ui::Beeper* beeper_;
    JourneyServices* services_;
    MaintenanceServices* upkeep_;
    flow::FlowState state_;
    std::optional<flow::FlowState> drawn_;  // what the screen shows
    std::optional<flow::ViewId> pressView_;
    std::optional<flow::Instant> holdSince_;
    bool holdFired_ = false;
    VisitBuffers buffers_;
    DocumentCamera documentCamera_;
    int wipes_ = 0;
};

}  // namespace kiosk::app
