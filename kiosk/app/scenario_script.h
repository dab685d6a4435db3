#pragma once
// Scenario scripts: a visit written down as text, one step a line, replayed by
// `kiosk --script FILE --screenshots DIR`. The format is documented in docs/scenario-scripts.md:
//
//   # a comment             blank lines are skipped too
//   tap start               a control by name, or "tap 640,360"; "tap back x3" taps 3 times, 150 ms apart
//   hold staff-corner 3s    press, keep pressing while the time passes, release
//   type 081234567890       keys from a keyboard into the screen's field
//   scan TEXT | mrz LINE LINE [LINE] | camera FILE    device input
//   scan-receipt            the QR of the last receipt the kiosk gave out, held to the scanner
//   language en             tap the screen's button for that language
//   wait-for phone-entry [within 90s]
//   advance 60s             let time pass (ms, s, min)
//   screenshot NAME         save the screen now, whatever changed
//   kill                    the kiosk dies at once (SIGKILL), for crash tests
//
// Parsing is pure: text in, steps or the first error ("script.syntax": "FILE:LINE: what is
// wrong; expected: the form") out.

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kiosk/base/result.h"
#include "kiosk/ui/geometry.h"
#include "kiosk/ui/language.h"

namespace kiosk::app {

using Target = std::variant<std::string, ui::Point>;  // a control's name, or a point in window pixels

struct TapStep {
    Target target;
    int count = 1;
};
struct HoldStep {
    Target target;
    std::chrono::milliseconds duration{0};
};
struct TypeStep {
    std::string text;
};
struct ScanStep {
    std::string text;
    bool lastReceipt = false;  // "scan-receipt": the QR of the receipt the kiosk gave out last
};
struct MrzStep {
    std::vector<std::string> lines;
};
struct CameraStep {
    std::filesystem::path image;  // relative paths are resolved against the script's folder
};
struct LanguageStep {
    ui::Language language;
};
struct WaitStep {
    std::string view;
    std::chrono::milliseconds within{0};
};
struct AdvanceStep {
    std::chrono::milliseconds by{0};
};
struct ScreenshotStep {
    std::string name;
};
// The kiosk is killed on the spot (SIGKILL, as a power cut or a crash would end it): for the
// tests that restart it and check that nothing was lost, half sent or left behind.
struct KillStep {};

using ScenarioStep = std::variant<TapStep, HoldStep, TypeStep, ScanStep, MrzStep, CameraStep, LanguageStep, WaitStep,
                                  AdvanceStep, ScreenshotStep, KillStep>;

struct ScriptLine {
    int line = 0;
    ScenarioStep step;
};

struct Scenario {
    std::filesystem::path file;
    std::vector<ScriptLine> steps;
};

Result<Scenario> parseScenario(std::string_view text, const std::filesystem::path& file);
// Errors: "script.read" (the file), "script.syntax".
Result<Scenario> loadScenario(const std::filesystem::path& file);

// "500ms", "3s", "2min" -> milliseconds.
std::optional<std::chrono::milliseconds> parseDuration(std::string_view text);

}  // namespace kiosk::app
