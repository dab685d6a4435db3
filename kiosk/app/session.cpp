#include "kiosk/app/session.h"

#include "kiosk/base/overloaded.h"
#include "kiosk/base/wipe.h"
#include "kiosk/ui/flow_layouts.h"
#include "kiosk/ui/screen_targets.h"
#include "kiosk/ui/screens.h"
#include "kiosk/vision/frame_file.h"

namespace kiosk::app {

void VisitBuffers::wipe() {
    kiosk::wipe(cameraImage, true);
    kiosk::wipe(photo, true);
    for (auto& picture : documents) kiosk::wipe(picture, true);
    kiosk::wipe(recordPhoto.bytes);
    recordPhoto = ui::VideoImage{};
    scans = 0;
}

Session::Session(const flow::FlowSettings& settings, const ui::Catalogs& texts, Speaker& speaker, ui::Beeper* beeper,
                 JourneyServices* services, MaintenanceServices* upkeep)
    : texts_(texts),
      speaker_(speaker),
      beeper_(beeper),
      services_(services),
      upkeep_(upkeep),
      state_(flow::startState(settings)) {}

void Session::apply(const flow::Event& event) {
    // The answers to commands are applied after the commands of the step that asked for them, in order.
    std::vector<flow::Event> pending{event};
    for (std::size_t i = 0; i < pending.size(); ++i) {
        const flow::Event& e = pending[i];
        if (std::holds_alternative<flow::CodeScanned>(e) || std::holds_alternative<flow::MrzScanned>(e))
            ++buffers_.scans;
        auto step = flow::onEvent(state_, e);
        state_ = std::move(step.state);
        for (const auto& command : step.commands)
            if (auto answer = run(command)) pending.push_back(std::move(*answer));
    }
}

bool Session::betweenVisitors() const {
    return std::holds_alternative<flow::AttractScreen>(state_.screen) && !state_.countdown;
}

bool Session::useSettings(const flow::FlowSettings& settings) {
    if (!betweenVisitors()) return false;
    state_.settings = settings;
    return true;
}

void Session::recordCameraImage(std::vector<std::uint8_t> bytes) {
    kiosk::wipe(buffers_.cameraImage);
    buffers_.cameraImage = std::move(bytes);
}

void Session::takePhoto(std::vector<std::uint8_t> jpeg, flow::Instant at) {
    const auto* reg = std::get_if<flow::RegistrationScreen>(&state_.screen);
    if (!reg || reg->step != flow::RegStep::Photo) return;
    kiosk::wipe(buffers_.photo);
    buffers_.photo = std::move(jpeg);
    apply(flow::PhotoTaken{at});
}

void Session::frame(ui::Painter& painter, const ui::Touch& touch, flow::Instant now, const ui::JourneyView& view) {
    // A finger belongs to the view that was on screen when it went down.
    const flow::ViewId onScreen = drawn_ ? drawn_->view : state_.view;
    if (!touch.start) pressView_.reset();
    if (touch.start && !pressView_) pressView_ = onScreen;

    ui::JourneyView shown = view;
    if (!buffers_.recordPhoto.bytes.empty()) shown.recordPhoto = &buffers_.recordPhoto;
    const auto action = ui::drawVisit(painter, texts_, state_, touch, shown);
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

std::optional<flow::Event> Session::run(const flow::Command& command) {
    return std::visit(
        Overloaded{
            [&](const flow::SpeakInstruction&) -> std::optional<flow::Event> {
                const auto text = ui::instructionFor(state_, texts_);
                if (!text.empty()) speaker_.say(text, state_.visit.language);
                return std::nullopt;
            },
            [&](const flow::StopSpeaking&) -> std::optional<flow::Event> {
                speaker_.stop();
                return std::nullopt;
            },
            [&](const flow::Beep&) -> std::optional<flow::Event> {
                if (beeper_) beeper_->beep();
                return std::nullopt;
            },
            [&](const flow::Wipe&) -> std::optional<flow::Event> {
                // The flow's state is fresh already; what the app holds goes now.
                buffers_.wipe();
                speaker_.stop();
                ++wipes_;
                return std::nullopt;
            },
            [&](const flow::LookUpNik&) -> std::optional<flow::Event> {
                const auto nik = state_.visit.form.text(flow::TextField::Nik);
                return flow::NikLookedUp{state_.lastActivity, services_ && services_->nikPendingHere(nik)};
            },
            [&](const flow::SaveRegistration&) -> std::optional<flow::Event> {
                if (!services_) return flow::SaveFailed{state_.lastActivity, "store.failed"};
                auto saved = services_->saveRegistration(state_, buffers_.photo, buffers_.documents);
                if (!saved) return flow::SaveFailed{state_.lastActivity, saved.error().code};
                return flow::RegistrationSaved{state_.lastActivity, std::move(*saved)};
            },
            [&](const flow::PrintReceipt&) -> std::optional<flow::Event> {
                const bool ok =
                    services_ && state_.saved && services_->printReceipt(*state_.saved, state_.visit.language);
                return flow::ReceiptPrinted{state_.lastActivity, ok};
            },
            [&](const flow::RecordUnderAge& r) -> std::optional<flow::Event> {
                if (services_) services_->recordUnderAge(r.minimumAge, state_.visit.language);
                return std::nullopt;
            },
            [&](const flow::CheckStaff& c) -> std::optional<flow::Event> {
                auto answer = services_ ? services_->signInStaff(c.badge, c.pin.view()) : flow::StaffAnswer{};
                return flow::StaffAnswered{state_.lastActivity, std::move(answer)};
            },
            [&](const flow::StaffSignedOut& o) -> std::optional<flow::Event> {
                if (services_) services_->staffSignedOut(o.staffId, o.action);
                return std::nullopt;
            },
            [&](const flow::OpenRecord& o) -> std::optional<flow::Event> {
                buffers_.wipe();
                auto record = services_ ? services_->openRecord(o.recordId, buffers_.photo) : std::nullopt;
                if (record && record->photo)
                    if (auto frame = vision::decodeFrame(buffers_.photo)) {
                        ui::convertFrame(*frame, ui::PixelLayout::I420, buffers_.recordPhoto);
                        kiosk::wipe(frame->pixels);
                    }
                return flow::RecordOpened{state_.lastActivity, std::move(record)};
            },
            [&](const flow::CheckSupervisor& c) -> std::optional<flow::Event> {
                auto answer = services_ ? services_->checkSupervisor(c.badge, c.pin.view()) : flow::StaffAnswer{};
                return flow::SupervisorAnswered{state_.lastActivity, std::move(answer)};
            },
            [&](const flow::RecordDecision&) -> std::optional<flow::Event> {
                if (!services_) return flow::DecisionRecorded{state_.lastActivity, false, "store.failed", {}, {}};
                auto recorded = services_->recordDecision(state_);
                recorded.at = state_.lastActivity;
                return recorded;
            },
            [&](const flow::CaptureDocument& c) -> std::optional<flow::Event> {
                if (c.index >= buffers_.documents.size()) return std::nullopt;
                auto picture = documentCamera_ ? documentCamera_()
                                               : Result<std::vector<std::uint8_t>>(
                                                     makeError("document.no_picture", "no camera to take it with"));
                if (!picture) return flow::DocumentCaptured{state_.lastActivity, c.index, false, picture.error().code};
                auto& kept = buffers_.documents[c.index];
                kiosk::wipe(kept);
                kept = std::move(*picture);
                return flow::DocumentCaptured{state_.lastActivity, c.index, true, {}};
            },
            [&](const flow::MakeDayReport&) -> std::optional<flow::Event> {
                auto report = services_ ? services_->dayReport(state_.today) : std::nullopt;
                return flow::DayReportMade{state_.lastActivity, std::move(report)};
            },
            [&](const flow::PrintDayReport&) -> std::optional<flow::Event> {
                const std::string staffId = state_.staffAnswer ? state_.staffAnswer->staffId : std::string();
                const bool ok = services_ && state_.dayReport &&
                                services_->printDayReport(*state_.dayReport, state_.visit.language, staffId);
                return flow::DayReportPrinted{state_.lastActivity, ok};
            },
            [&](const flow::CheckKiosk&) -> std::optional<flow::Event> {
                flow::KioskCondition condition;
                if (upkeep_)
                    condition = upkeep_->condition();
                else
                    condition.version = LOKET_VERSION;
                return flow::KioskChecked{state_.lastActivity, std::move(condition)};
            },
            [&](const flow::PrintTestPage& t) -> std::optional<flow::Event> {
                if (!upkeep_) return flow::TestPagePrinted{state_.lastActivity, false, "print.no_printer"};
                const auto printed = upkeep_->printTestPage(t.staffId);
                if (printed) return flow::TestPagePrinted{state_.lastActivity, true, {}};
                // The screen has words for these two; the printer's own reason shows on its line.
                const bool none = printed.error().code == "print.no_printer";
                return flow::TestPagePrinted{state_.lastActivity, false, none ? "print.no_printer" : "print.failed"};
            },
            [&](const flow::SyncNow& n) -> std::optional<flow::Event> {
                if (!upkeep_) return flow::SyncRequested{state_.lastActivity, false, "maintenance.sync_not_configured"};
                const auto woken = upkeep_->syncNow(n.staffId);
                return flow::SyncRequested{state_.lastActivity, woken.ok(), woken ? "" : woken.error().code};
            },
            [&](const flow::ExportUnsent& e) -> std::optional<flow::Event> {
                if (!upkeep_) return flow::UnsentExported{state_.lastActivity, false, "export.not_configured", {}};
                auto done = upkeep_->exportUnsent(e.staffId);
                if (!done) return flow::UnsentExported{state_.lastActivity, false, done.error().code, {}};
                return flow::UnsentExported{state_.lastActivity, true, {}, std::move(*done)};
            },
            [&](const flow::LookUpReceipt& l) -> std::optional<flow::Event> {
                auto status =
                    services_ ? services_->receiptStatus(l.text) : flow::ReceiptStatus::because("receipt.unavailable");
                return flow::ReceiptLookedUp{state_.lastActivity, std::move(status)};
            },
        },
        command);
}

}  // namespace kiosk::app
