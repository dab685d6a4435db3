// [devices.camera]

#include <string>

#include "drivers/camera/camera_request.h"
#include "drivers/setup/device_readers.h"

namespace kiosk::drivers {

namespace {

Result<CameraMode> readRequest(const SettingsTable& t) {
    CameraMode request;
    Mistakes e;
    e.take(t.integer("width", 16, 7680, 1280), [&](std::int64_t v) { request.size.width = static_cast<int>(v); });
    e.take(t.integer("height", 16, 4320, 720), [&](std::int64_t v) { request.size.height = static_cast<int>(v); });
    e.take(t.number("fps", 0.5, 240, "30"), [&](double v) { request.rate = FrameRate{v}; });
    e.take(t.choice("pixel_format", {"bgr8", "rgb8", "gray8"}), [&](const std::string& v) {
        request.format = v == "rgb8" ? PixelFormat::Rgb8 : v == "gray8" ? PixelFormat::Gray8 : PixelFormat::Bgr8;
    });
    if (e) return *e;
    if ((request.size.width == 0) != (request.size.height == 0))
        return t.error(t.node(request.size.width ? "width" : "height"),
                       "width and height go together: give both or neither, e.g. width = 1280 and height = 720");
    if (auto ok = validateCameraRequest(request); !ok) return t.error(t.node("width"), ok.error().detail);
    return request;
}

// device = "/dev/video0", "/dev/v4l/by-id/...", or an index: device = 0.
Result<std::string> readV4l2Device(const SettingsTable& t) {
    const auto example = R"(device = "/dev/v4l/by-id/usb-Camera-video-index0")";
    const auto* node = t.node("device");
    if (!node) return t.missing("device", example);
    if (const auto index = node->value_exact<std::int64_t>()) {
        if (*index < 0 || *index > 63) return t.error(node, "a camera index is from 0 to 63, e.g. device = 0");
        return std::to_string(*index);
    }
    auto path = t.path("device", example);
    if (!path) return path.error();
    return (*path)->string();
}

}  // namespace

Result<CameraSettings> readCamera(const SettingsTable& t) {
    auto backend = readBackend(t, {"v4l2", "simulated"});
    if (!backend) return backend.error();
    const bool simulated = *backend == "simulated";
    std::vector<std::string_view> keys{"backend",      "required",          "width", "height", "fps",
                                       "pixel_format", "reopen_interval_ms"};
    if (simulated) keys = withKeys(keys, std::array<std::string_view, 3>{"folder", "video", "loop"});
    if (!simulated) keys = withKeys(keys, std::array<std::string_view, 2>{"device", "fourcc"});
    if (auto ok = t.onlyKeys(keys, "for backend \"" + *backend + "\""); !ok) return ok.error();
    auto request = readRequest(t);
    if (!request) return request.error();
    bool required = false;
    std::optional<std::chrono::milliseconds> reopen;
    Mistakes e;
    e.take(t.boolean("required"), [&](bool v) { required = v; });
    e.take(t.milliseconds("reopen_interval_ms", 10, 60'000, 1000), [&](std::chrono::milliseconds v) { reopen = v; });
    if (e) return *e;

    if (!simulated) {
        V4l2CameraConfig config;
        config.request = *request;
        config.required = required;
        if (reopen) config.reopenInterval = *reopen;
        auto device = readV4l2Device(t);
        if (!device) return device.error();
        config.device = std::move(*device);
        e.take(t.text("fourcc", R"(fourcc = "MJPG")"), [&](const std::string& v) { config.fourcc = v; });
        if (e) return *e;
        if (!config.fourcc.empty() && config.fourcc.size() != 4)
            return t.error(t.node("fourcc"), R"(fourcc must be four characters, e.g. fourcc = "MJPG")");
        return CameraSettings{std::move(config)};
    }
    SimulatedCameraConfig config;
    config.request = *request;
    config.required = required;
    if (reopen) config.reopenInterval = *reopen;
    e.take(t.path("folder", R"(folder = "camera-frames")"), [&](const std::filesystem::path& v) { config.folder = v; });
    e.take(t.path("video", R"(video = "camera.avi")"), [&](const std::filesystem::path& v) { config.video = v; });
    e.take(t.boolean("loop"), [&](bool v) { config.loop = v; });
    if (e) return *e;
    if (config.folder.empty() == config.video.empty())
        return t.error(nullptr, R"(a simulated camera needs either folder or video, e.g. folder = "camera-frames")");
    return CameraSettings{std::move(config)};
}

}  // namespace kiosk::drivers
