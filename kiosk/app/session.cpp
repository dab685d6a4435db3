#include "kiosk/app/session.h"

#include <string.h>  // explicit_bzero

#include "kiosk/ui/flow_layouts.h"
#include "kiosk/ui/screen_targets.h"
#include "kiosk/ui/screens.h"

namespace kiosk::app {

void VisitBuffers::wipe() {
    if (!cameraImage.empty()) explicit_bzero(cameraImage.data(), cameraImage.size());
    cameraImage.clear();
    cameraImage.shrink_to_fit();
    scans = 0;
}

Session::Session(const flow::FlowSettings& settings, const ui::Catalogs& texts, Speaker& speaker, ui::Beeper* beeper)
    : texts_(texts), speaker_(speaker), beeper_(beeper), state_(flow::startState(settings)) {}

void Session::apply(const flow::Event& event) {
    if (std::holds_alternative<flow::CodeScanned>(event) || std::holds_alternative<flow::MrzScanned>(event))
        ++buffers_.scans;
    auto step = flow::onEvent(state_, event);
    state_ = std::move(step.state);
    for (const auto& command : step.commands) run(command);
}

void Session::recordCameraImage(std::vector<std::uint8_t> bytes) {
    buffers_.wipe();
    buffers_.cameraImage = std::move(bytes);
}

void Session::frame(ui::Painter& painter, const ui::Touch& touch, flow::Instant now) {
    // A finger belongs to the view that was on screen when it went down.
    const flow::ViewId onScreen = drawn_ ? drawn_->view : state_.view;
    if (!touch.start) pressView_.reset();
    if (touch.start && !pressView_) pressView_ = onScreen;

    const auto action = ui::drawVisit(painter, texts_, state_, touch);
    drawn_ = state_;
    if (action && touch.end) apply(flow::Tap{pressView_.value_or(onScreen), now, *action});
    if (touch.end) pressView_.reset();
    watchStaffCorner(touch, painter.size(), now);
}

void Session::watchStaffCorner(const ui::Touch& touch, ui::Size window, flow::Instant now) {
    const ui::Rect corner = ui::staffCornerRect(window);
    const bool holding =
        touch.start && touch.current && !touch.end && corner.contains(*touch.start) && corner.contains(*touch.current);
    if (!holding) {
        holdSince_.reset();
        holdFired_ = false;
        return;
    }
    if (!holdSince_) holdSince_ = now;
    if (!holdFired_ && now - *holdSince_ >= kStaffHold) {
        holdFired_ = true;  // once per press, however long it lasts
        apply(flow::StaffGesture{now});
    }
}

void Session::run(const flow::Command& command) {
    std::visit(
        [&](const auto& c) {
            using C = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<C, flow::SpeakInstruction>) {
                const auto text = ui::instructionFor(state_, texts_);
                if (!text.empty()) speaker_.say(text, state_.visit.language);
            } else if constexpr (std::is_same_v<C, flow::StopSpeaking>) {
                speaker_.stop();
            } else if constexpr (std::is_same_v<C, flow::Beep>) {
                if (beeper_) beeper_->beep();
            } else {
                // The flow's state is fresh already; what the app holds goes now. No print job
                // can be pending yet: receipts arrive with the registration journey.
                buffers_.wipe();
                speaker_.stop();
                ++wipes_;
            }
        },
        command);
}

}  // namespace kiosk::app
