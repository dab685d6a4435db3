#pragma once
// Where the kiosk finds its assets and how it shows its screens, decided from the command line
// and the environment (passed in, so tests need not change the process's environment).

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/app/command_line.h"
#include "kiosk/base/result.h"
#include "kiosk/ui/display.h"

namespace kiosk::app {

// Returns the variable's value, or nullopt when it is unset or empty.
using Environment = std::function<std::optional<std::string>(std::string_view name)>;
std::optional<std::string> processEnvironment(std::string_view name);

// --assets, else $LOKET_ASSETS_DIR (either must hold i18n/id.json: error "assets.missing"),
// else <exeDir>/../share/loket/assets, else the source tree's assets/ this binary was built from.
Result<std::filesystem::path> locateAssets(const Options& options, const Environment& env,
                                           const std::filesystem::path& exeDir);

// The folder of the running program (from /proc/self/exe); empty if unknown.
std::filesystem::path executableDir();

// Offscreen when asked for a script or screenshots, or when there is nowhere to show a window: no DISPLAY, no
// WAYLAND_DISPLAY and no SDL_VIDEODRIVER chosen by the operator (a kiosk on bare KMS sets
// SDL_VIDEODRIVER=kmsdrm). Offscreen never waits for input.
ui::VideoMode chooseVideoMode(const Options& options, const Environment& env);

}  // namespace kiosk::app
