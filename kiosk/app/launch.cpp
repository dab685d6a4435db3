#include "kiosk/app/launch.h"

#include <cstdlib>
#include <system_error>

namespace kiosk::app {
namespace {

bool holdsAssets(const std::filesystem::path& dir) {
    std::error_code ec;
    return std::filesystem::is_regular_file(dir / "i18n" / "id.json", ec);
}

}  // namespace

std::optional<std::string> processEnvironment(std::string_view name) {
    const char* value = std::getenv(std::string(name).c_str());
    if (!value || !*value) return std::nullopt;
    return std::string(value);
}

Result<std::filesystem::path> locateAssets(const Options& options, const Environment& env,
                                           const std::filesystem::path& exeDir) {
    // A folder the operator named is used or reported, never silently replaced by another.
    if (options.assets) {
        if (holdsAssets(*options.assets)) return *options.assets;
        return makeError("assets.missing", "--assets " + options.assets->string() + " holds no i18n/id.json");
    }
    if (const auto fromEnv = env("LOKET_ASSETS_DIR")) {
        if (holdsAssets(*fromEnv)) return std::filesystem::path(*fromEnv);
        return makeError("assets.missing", "LOKET_ASSETS_DIR=" + *fromEnv + " holds no i18n/id.json");
    }
    std::string tried;
    if (!exeDir.empty()) {
        const auto installed = (exeDir / ".." / "share" / "loket" / "assets").lexically_normal();
        if (holdsAssets(installed)) return installed;
        tried = installed.string() + ", ";
    }
    const std::filesystem::path built = LOKET_SOURCE_ASSETS_DIR;
    if (holdsAssets(built)) return built;
    return makeError("assets.missing", "no assets in " + tried + built.string() + " (use --assets DIR)");
}

std::filesystem::path executableDir() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path{} : exe.parent_path();
}

ui::VideoMode chooseVideoMode(const Options& options, const Environment& env) {
    if (options.screenshots || options.script || options.noScreenshots) return ui::VideoMode::Offscreen;
    const auto driver = env("SDL_VIDEODRIVER");
    if (driver == "offscreen" || driver == "dummy") return ui::VideoMode::Offscreen;
    if (!driver && !env("DISPLAY") && !env("WAYLAND_DISPLAY")) return ui::VideoMode::Offscreen;
    return options.windowed ? ui::VideoMode::Windowed : ui::VideoMode::Fullscreen;
}

}  // namespace kiosk::app
