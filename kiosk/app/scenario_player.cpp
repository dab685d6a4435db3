#include "kiosk/app/scenario_player.h"

#include <csignal>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <ostream>
#include <string>

#include "kiosk/app/main_loop.h"
#include "kiosk/app/still_photo.h"
#include "kiosk/app/vision_demand.h"
#include "kiosk/base/overloaded.h"
#include "kiosk/base/wipe.h"
#include "kiosk/ui/screen_targets.h"
#include "kiosk/ui/video_image.h"
#include "kiosk/vision/document_still.h"
#include "kiosk/vision/frame_file.h"

namespace kiosk::app {
namespace {

// The screens that show the camera's live picture without looking for anything in it: a
// document photographed, the camera's test.
bool holdsStill(const flow::FlowState& state) { return demandFor(state).kind == vision::Demand::Kind::Picture; }

class Player {
public:
    Player(ui::Display& display, Session& session, const Scenario& scenario, std::filesystem::path dir,
           std::ostream& out)
        : display_(display), session_(session), scenario_(scenario), dir_(std::move(dir)), out_(out) {
        // A document is photographed from the picture the script holds in front of the camera.
        session_.useDocumentCamera([this]() -> Result<std::vector<std::uint8_t>> {
            if (!still_) return makeError("document.no_picture", "the script holds no picture to the camera");
            return vision::documentStill(*still_);
        });
    }
    ~Player() { session_.useDocumentCamera({}); }
    Player(const Player&) = delete;
    Player& operator=(const Player&) = delete;

    Result<void> start() { return settle(); }

    Result<void> play(const ScriptLine& line) {
        line_ = line.line;
        return std::visit(Overloaded{
                              [&](const TapStep& s) { return tap(s.target, s.count); },
                              [&](const HoldStep& s) { return hold(s.target, s.duration); },
                              [&](const TypeStep& s) {
                                  return input(flow::KeysTyped{{}, s.text});
                              },
                              [&](const ScanStep& s) -> Result<void> {
                                  if (!s.lastReceipt) return input(flow::CodeScanned{{}, s.text});
                                  if (lastReceipt_.empty()) return failed("no receipt has been given out yet");
                                  return input(flow::CodeScanned{{}, lastReceipt_});
                              },
                              [&](const MrzStep& s) {
                                  return input(flow::MrzScanned{{}, s.lines});
                              },
                              [&](const CameraStep& s) { return camera(s.image); },
                              [&](const LanguageStep& s) {
                                  return tap(Target{"lang-" + std::string(ui::languageCode(s.language))}, 1);
                              },
                              [&](const WaitStep& s) { return waitFor(s.view, s.within); },
                              [&](const AdvanceStep& s) { return advance(s.by); },
                              [&](const ScreenshotStep& s) { return draw(ui::Touch{}, s.name); },
                              [&](const KillStep&) -> Result<void> {
                                  // Nothing is flushed, closed or destroyed: what is on disk now is
                                  // all a restarted kiosk will find.
                                  out_ << std::flush;
                                  std::raise(SIGKILL);
                                  return failed("SIGKILL did not end the kiosk");
                              },
                          },
                          line.step);
    }

    std::vector<std::filesystem::path> files() const { return files_; }

private:
    Error failed(const std::string& what) const {
        return makeError("script.step", scenario_.file.string() + ":" + std::to_string(line_) + ": " + what);
    }

    std::string shown() const { return ui::viewName(session_.state()); }

    // Draws one frame; saves it when it shows a view not saved yet (or when `name` asks for it).
    Result<void> draw(const ui::Touch& touch, const std::string& name = {}) {
        // The picture held up shows in the preview while a document is photographed, and in the
        // camera's test.
        const bool scanning = holdsStill(session_.state());
        if (!scanning) forgetStill();
        session_.frame(display_.painter(), touch, now_,
                       ui::JourneyView{scanning && stillPicture_.size.w > 0 ? &stillPicture_ : nullptr});
        const auto& drawn = session_.drawn();
        // The receipt a person takes home: "scan-receipt" holds it to the scanner later.
        if (drawn.saved && !drawn.saved->token.empty()) lastReceipt_ = drawn.saved->token;
        const std::string view = ui::viewName(drawn) + "-" + std::string(ui::languageCode(drawn.visit.language));
        if (!dir_.empty() && (!name.empty() || view != lastSaved_)) {
            char number[16];
            std::snprintf(number, sizeof number, "%02zu", files_.size() + 1);
            const auto file =
                dir_ / (std::string(number) + "-" + (name.empty() ? view : ui::viewName(drawn) + "-" + name) + ".png");
            if (auto saved = display_.savePng(file); !saved) return saved.error();
            files_.push_back(file);
            out_ << file.string() << '\n' << std::flush;
            if (name.empty()) lastSaved_ = view;
        }
        display_.present();
        return {};
    }

    // Draws until the screen shows the flow's state (a tap's effect takes the frame after it).
    Result<void> settle() {
        for (int i = 0; i < 4 && session_.needsDraw(); ++i)
            if (auto drawn = draw(ui::Touch{}); !drawn) return drawn;
        return {};
    }

    Result<void> advance(std::chrono::milliseconds by, const ui::Touch* held = nullptr) {
        const auto until = now_ + by;
        while (now_ < until) {
            now_ = std::min(now_ + kTickEvery, until);
            session_.apply(flow::Tick{now_, today_});
            if (held) {
                if (auto drawn = draw(*held); !drawn) return drawn;
            }
            if (auto settled = settle(); !settled) return settled;
        }
        return {};
    }

    Result<ui::Point> resolve(const Target& target) const {
        if (const auto* point = std::get_if<ui::Point>(&target)) return *point;
        const auto& name = std::get<std::string>(target);
        if (const auto place = ui::findTarget(session_.state(), display_.size(), name)) return place->centre();
        std::string names;
        for (const auto& t : ui::targetsOf(session_.state(), display_.size()))
            names += (names.empty() ? "" : ", ") + t.name;
        return failed("no control \"" + name + "\" on " + shown() + " (there: " + names + ")");
    }

    Result<void> tap(const Target& target, int count) {
        if (auto paced = advance(kScriptPace); !paced) return paced;
        const auto point = resolve(target);  // repeated taps land where the first one did
        if (!point) return point.error();
        for (int i = 0; i < count; ++i) {
            if (i > 0)
                if (auto paced = advance(kRepeatedTap); !paced) return paced;
            if (auto drawn = draw(ui::Touch::tapAt(*point)); !drawn) return drawn;
            if (auto settled = settle(); !settled) return settled;
        }
        return {};
    }

    Result<void> hold(const Target& target, std::chrono::milliseconds duration) {
        if (auto paced = advance(kScriptPace); !paced) return paced;
        const auto point = resolve(target);
        if (!point) return point.error();
        const ui::Touch held{*point, *point, std::nullopt};
        if (auto drawn = draw(held); !drawn) return drawn;
        if (auto waited = advance(duration, &held); !waited) return waited;
        if (auto drawn = draw(ui::Touch{*point, std::nullopt, *point}); !drawn) return drawn;
        return settle();
    }

    Result<void> input(flow::Event event) {
        if (auto paced = advance(kScriptPace); !paced) return paced;
        std::visit(
            [&](auto& e) {
                if constexpr (!std::is_same_v<std::decay_t<decltype(e)>, flow::Tick>) e.at = now_;
            },
            event);
        session_.apply(event);
        return settle();
    }

    Result<void> camera(const std::filesystem::path& image) {
        // On the photo step the picture is held in front of the camera until the photo is taken.
        if (const auto* reg = std::get_if<flow::RegistrationScreen>(&session_.state().screen);
            reg && reg->step == flow::RegStep::Photo) {
            if (auto paced = advance(kScriptPace); !paced) return paced;
            auto photo = photoFromStill(image);
            if (!photo) return failed(photo.error().code + ": " + photo.error().detail);
            session_.takePhoto(std::move(*photo), now_);
            return settle();
        }
        // A document to photograph, or the camera's test: the picture stays in front of the camera
        // until the screen is left.
        if (holdsStill(session_.state())) {
            auto frame = vision::readFrameFile(image);
            if (!frame) return failed(frame.error().code + ": " + frame.error().detail);
            forgetStill();
            ui::convertFrame(*frame, ui::PixelLayout::I420, stillPicture_);
            still_ = std::move(*frame);
            if (auto paced = advance(kScriptPace); !paced) return paced;
            return settle();
        }
        std::ifstream in(image, std::ios::binary);
        if (!in) return failed("cannot read the camera image " + image.string());
        session_.recordCameraImage(
            std::vector<std::uint8_t>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()));
        return {};
    }

    Result<void> waitFor(const std::string& view, std::chrono::milliseconds within) {
        const auto until = now_ + within;
        while (shown() != view && now_ < until)
            if (auto ticked = advance(std::min<std::chrono::milliseconds>(
                    kTickEvery, std::chrono::duration_cast<std::chrono::milliseconds>(until - now_)));
                !ticked)
                return ticked;
        if (shown() == view) return {};
        return failed("wait-for " + view + ": the kiosk shows " + shown() +
                      (within.count() > 0 ? " after " + std::to_string(within.count()) + " ms" : ""));
    }

    void forgetStill() {
        if (still_) wipe(still_->pixels);
        still_.reset();
        wipe(stillPicture_.bytes);
        stillPicture_ = ui::VideoImage{};
    }

    ui::Display& display_;
    Session& session_;
    const Scenario& scenario_;
    std::filesystem::path dir_;
    std::ostream& out_;
    flow::Instant now_{};
    // The steady clock is fake, the calendar day is the real one (in the kiosk's zone).
    Date today_ = localToday(session_.state().settings.utcOffset);
    int line_ = 0;
    std::string lastSaved_;
    std::string lastReceipt_;                    // the QR text of the last receipt shown (not personal)
    std::optional<drivers::CameraFrame> still_;  // held in front of the camera for a document
    ui::VideoImage stillPicture_;                // the same, as the preview shows it
    std::vector<std::filesystem::path> files_;
};

}  // namespace

Result<std::vector<std::filesystem::path>> playScenario(ui::Display& display, Session& session,
                                                        const Scenario& scenario, const std::filesystem::path& dir,
                                                        std::ostream& out) {
    Player player(display, session, scenario, dir, out);
    if (auto started = player.start(); !started) return started.error();
    for (const auto& line : scenario.steps)
        if (auto played = player.play(line); !played) return played.error();
    return player.files();
}

}  // namespace kiosk::app
