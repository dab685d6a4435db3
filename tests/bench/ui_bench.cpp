// ui_bench: what a frame of the camera screen costs, and how long a touch takes to show.
// Prints figures; asserts nothing.
//
//   ui_bench [--frames N] [--codes DIR] [--documents DIR] [--decoding-only]
//
// 1. Conversion of a 1280x720 BGR camera frame into I420, NV12 and RGB24 (the camera thread's
//    share of the preview).
// 2. Frame time of a camera screen (header, a full-width 1280x720 preview with the face guide, a
//    button, the footer) with a new picture streamed into the texture every frame as I420, NV12
//    or RGB24: draw + upload + present, median and 95th percentile, on SDL's offscreen driver
//    with the software renderer and, where SDL offers one, an accelerated renderer.
//    Each figure is wall time, and for the work on this thread its CPU time too (on a busy machine
//    the wall clock also counts other programs' turns; the GL renderer's own threads are not in it).
// 3. Touch to frame: from a pointer press pushed into SDL's queue to the presented frame that
//    shows the button pressed, on the camera screen with the picture streaming in the layout the
//    renderer prefers.
// 4. With decoding running, as the kiosk runs its camera: a simulated camera plays a folder of
//    1280x720 frames at 15 a second into the frame pipeline on its own thread (FramePipeline::
//    create, as the app builds it), demanding barcodes of every format (--codes DIR, e.g. the
//    barcode bench's frames), the MRZ or the face photo (--documents DIR, the MRZ bench's pages;
//    no face there is detectable, so the face work searches every whole frame, its worst case).
//    This thread waits for each preview frame, converts it to the renderer's layout and draws the
//    camera screen: frame time from the frame's arrival to its present, and what the camera
//    thread's decoding cost. Run under `taskset -c 0` so both threads share one core.

#include <SDL.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "drivers/camera/simulated_camera.h"
#include "kiosk/base/clock.h"
#include "kiosk/base/mailbox.h"
#include "kiosk/base/thread_priority.h"
#include "kiosk/ui/camera_preview.h"
#include "kiosk/ui/catalog.h"
#include "kiosk/ui/display.h"
#include "kiosk/ui/painter.h"
#include "kiosk/ui/sdl_handles.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/video_image.h"
#include "kiosk/ui/widgets.h"
#include "kiosk/vision/frame_pipeline.h"
#include "tests/ui/test_picture.h"

namespace {

using Millis = std::chrono::duration<double, std::milli>;
using Steady = std::chrono::steady_clock;
namespace ui = kiosk::ui;

const std::filesystem::path kAssets = LOKET_SOURCE_ASSETS_DIR;
constexpr int kCameraWidth = 1280;
constexpr int kCameraHeight = 720;
constexpr int kPictures = 8;  // distinct frames cycled through, so every upload carries new pixels

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

// This thread's CPU time: on a busy machine the wall clock also counts other programs' turns.
double threadCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

void report(const std::string& what, const std::vector<double>& ms, const std::vector<double>& cpuMs = {}) {
    std::printf("  %-44s median %7.2f ms   p95 %7.2f ms", what.c_str(), percentile(ms, 0.5), percentile(ms, 0.95));
    if (!cpuMs.empty())
        std::printf("   cpu median %6.2f p95 %6.2f ms", percentile(cpuMs, 0.5), percentile(cpuMs, 0.95));
    std::printf("   (%zu)\n", ms.size());
}

const char* layoutName(ui::PixelLayout l) {
    switch (l) {
    case ui::PixelLayout::I420: return "I420 (SDL IYUV)";
    case ui::PixelLayout::Nv12: return "NV12";
    case ui::PixelLayout::Rgb24: return "RGB24";
    }
    return "?";
}

std::vector<kiosk::drivers::CameraFrame> cameraFrames() {
    std::vector<kiosk::drivers::CameraFrame> frames;
    for (int i = 0; i < kPictures; ++i)
        frames.push_back(kiosk::ui::testing::makeTestPicture(kCameraWidth, kCameraHeight, i * 5));
    return frames;
}

struct CameraScreen {
    ui::Rect preview;
    ui::Rect button;
};

CameraScreen cameraScreenLayout(ui::Size window) {
    const auto outline = ui::layoutAttract(window);
    const auto& m = outline.metrics;
    const int top = outline.header.band.bottom() + m.px(2);
    const int buttonHeight = m.px(12);
    const int bottom = outline.footer.y - m.px(2) - buttonHeight - m.px(2);
    // The preview keeps the camera's 16:9 within the space it has.
    int h = bottom - top;
    int w = h * 16 / 9;
    if (w > window.w - 2 * m.margin) {
        w = window.w - 2 * m.margin;
        h = w * 9 / 16;
    }
    return {ui::Rect{(window.w - w) / 2, top, w, h},
            ui::Rect{(window.w - m.px(50)) / 2, bottom + m.px(2), m.px(50), buttonHeight}};
}

// Returns true when the button is drawn pressed. `picture` nullptr: the screen without a preview;
// `guide` false: the preview without its dimmed surround.
bool drawCameraScreen(ui::Painter& p, const ui::Catalog& say, const ui::VideoImage* picture, const ui::Touch& touch,
                      bool guide = true) {
    const ui::Size window = p.size();
    const auto outline = ui::layoutAttract(window);
    const auto& m = outline.metrics;
    const auto l = cameraScreenLayout(window);
    p.clear(ui::colors::kBackground);
    ui::drawHeader(p, outline.header, m, say);
    if (picture)
        ui::cameraPreview(
            p, l.preview, m,
            ui::CameraPreviewSpec{picture, guide ? ui::CameraGuide::Face : ui::CameraGuide::None, true,
                                  say.text(ui::Text::CameraFaceHint), say.text(ui::Text::CameraNotReady)});
    ui::button(p, touch, l.button, m,
               ui::ButtonSpec{.label = say.text(ui::Text::KeyboardDone),
                              .labelPx = m.type.control,
                              .kind = ui::ButtonKind::Primary,
                              .icon = ui::Icon::Camera,
                              .iconAfterLabel = false,
                              .note = {},
                              .selected = false});
    ui::drawHelpFooter(p, outline.footer, m, say);
    return touch.pressingInside(l.button);
}

void benchConversion(const std::vector<kiosk::drivers::CameraFrame>& frames, int count) {
    std::printf("\nConverting a %dx%d BGR camera frame (camera thread's share):\n", kCameraWidth, kCameraHeight);
    for (const auto layout : {ui::PixelLayout::I420, ui::PixelLayout::Nv12, ui::PixelLayout::Rgb24}) {
        ui::VideoImage image;
        std::vector<double> ms;
        std::vector<double> cpu;
        for (int i = 0; i < count; ++i) {
            const auto t0 = Steady::now();
            const double c0 = threadCpuMs();
            ui::convertFrame(frames[static_cast<std::size_t>(i % kPictures)], layout, image);
            ms.push_back(Millis(Steady::now() - t0).count());
            cpu.push_back(threadCpuMs() - c0);
        }
        report(std::string("BGR -> ") + layoutName(layout) + " (" + std::to_string(image.bytes.size() / 1024) + " KiB)",
               ms, cpu);
    }
}

struct Surface {
    ui::Window window;
    ui::Renderer renderer;
    std::string name;
};

// A window on the offscreen driver with the software renderer, or an accelerated one if SDL has it.
std::optional<Surface> openSurface(ui::Size size, bool accelerated) {
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, accelerated ? "1" : "0");
    ui::Window window{SDL_CreateWindow("ui_bench", 0, 0, size.w, size.h, accelerated ? SDL_WINDOW_OPENGL : 0)};
    if (!window) {
        std::printf("  (no window: %s)\n", SDL_GetError());
        return std::nullopt;
    }
    ui::Renderer renderer{
        SDL_CreateRenderer(window.get(), -1, accelerated ? SDL_RENDERER_ACCELERATED : SDL_RENDERER_SOFTWARE)};
    if (!renderer) {
        std::printf("  (no %s renderer: %s)\n", accelerated ? "accelerated" : "software", SDL_GetError());
        return std::nullopt;
    }
    SDL_RendererInfo info{};
    SDL_GetRendererInfo(renderer.get(), &info);
    return Surface{std::move(window), std::move(renderer), info.name};
}

void benchFrames(const std::vector<kiosk::drivers::CameraFrame>& frames, const ui::Catalogs& texts,
                 const ui::FontFiles& fonts, ui::Size size, bool accelerated, int count) {
    auto surface = openSurface(size, accelerated);
    if (!surface) return;
    auto painter = ui::Painter::create(surface->renderer.get(), fonts, kAssets / "images");
    if (!painter) {
        std::printf("  (no painter: %s)\n", painter.error().detail.c_str());
        return;
    }
    std::printf("\nCamera screen %dx%d, renderer \"%s\" (streams %s best), a new %dx%d picture every frame:\n", size.w,
                size.h, surface->name.c_str(), layoutName(painter->preferredVideoLayout()), kCameraWidth,
                kCameraHeight);
    // One run: `layout` streamed (or no preview at all), with or without the guide.
    const auto run = [&](std::optional<ui::PixelLayout> layout, bool guide, const std::string& what) {
        std::vector<ui::VideoImage> pictures(kPictures);
        if (layout)
            for (int i = 0; i < kPictures; ++i)
                ui::convertFrame(frames[static_cast<std::size_t>(i)], *layout, pictures[static_cast<std::size_t>(i)]);
        std::vector<double> ms;
        std::vector<double> cpu;
        for (int i = -20; i < count; ++i) {  // 20 frames to warm the caches up
            const auto t0 = Steady::now();
            const double c0 = threadCpuMs();
            drawCameraScreen(*painter, texts.indonesian,
                             layout ? &pictures[static_cast<std::size_t>((i + 20) % kPictures)] : nullptr, ui::Touch{},
                             guide);
            SDL_RenderPresent(surface->renderer.get());
            painter->endFrame();
            if (accelerated) {
                // Wait for the GPU, or the figure measures only the queueing of commands.
                std::uint32_t pixel = 0;
                const SDL_Rect one{0, 0, 1, 1};
                SDL_RenderReadPixels(surface->renderer.get(), &one, SDL_PIXELFORMAT_ARGB8888, &pixel, 4);
            }
            if (i >= 0) {
                ms.push_back(Millis(Steady::now() - t0).count());
                cpu.push_back(threadCpuMs() - c0);
            }
        }
        report(what, ms, cpu);
    };
    for (const auto layout : {ui::PixelLayout::I420, ui::PixelLayout::Nv12, ui::PixelLayout::Rgb24})
        run(layout, true, std::string("draw + upload + present, ") + layoutName(layout));
    run(ui::PixelLayout::Rgb24, false, "the same, RGB24, no guide over the picture");
    run(std::nullopt, false, "the screen without a preview");
}

void pushMouse(Uint32 type, ui::Point at) {
    SDL_Event e{};
    e.type = type;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
    e.button.x = at.x;
    e.button.y = at.y;
    e.button.which = 0;
    e.button.windowID = 1;
    SDL_PushEvent(&e);
}

void benchTouch(const std::vector<kiosk::drivers::CameraFrame>& frames, const ui::Catalogs& texts, ui::Size size,
                int count) {
    auto display = ui::Display::open(ui::DisplayOptions{ui::VideoMode::Offscreen, size, kAssets});
    if (!display) {
        std::printf("  (no display: %s)\n", display.error().detail.c_str());
        return;
    }
    const ui::PixelLayout layout = display->painter().preferredVideoLayout();
    std::printf("\nTouch to frame, %dx%d offscreen software renderer, preview streaming (%s, converted in the loop):\n",
                size.w, size.h, layoutName(layout));
    const ui::Point target = cameraScreenLayout(size).button.centre();
    ui::VideoImage picture;
    std::vector<double> ms;
    for (int i = 0; i < count; ++i) {
        // A frame or two of plain streaming between touches, as in use.
        for (int k = 0; k < 2; ++k) {
            ui::convertFrame(frames[static_cast<std::size_t>((i + k) % kPictures)], layout, picture);
            const auto input = display->waitInput(std::chrono::milliseconds{0});
            drawCameraScreen(display->painter(), texts.indonesian, &picture, input.touch);
            display->present();
        }
        const auto pressed = Steady::now();
        pushMouse(SDL_MOUSEBUTTONDOWN, target);
        // The loop as the kiosk runs it: events, (new camera picture), draw, present.
        bool shown = false;
        while (!shown) {
            const auto input = display->waitInput(std::chrono::milliseconds{0});
            ui::convertFrame(frames[static_cast<std::size_t>(i % kPictures)], layout, picture);
            shown = drawCameraScreen(display->painter(), texts.indonesian, &picture, input.touch);
            display->present();
        }
        ms.push_back(Millis(Steady::now() - pressed).count());
        pushMouse(SDL_MOUSEBUTTONUP, target);
        const auto input = display->waitInput(std::chrono::milliseconds{0});
        drawCameraScreen(display->painter(), texts.indonesian, &picture, input.touch);
        display->present();
    }
    report("press -> presented frame showing it pressed", ms);
}

double threadCpuMs(pthread_t thread) {
    clockid_t id{};
    timespec t{};
    if (pthread_getcpuclockid(thread, &id) != 0 || clock_gettime(id, &t) != 0) return 0;
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

void benchWithDecoding(const std::filesystem::path& folder, kiosk::vision::Demand demand, const std::string& what,
                       const ui::Catalog& texts, ui::Size size, int count) {
    namespace drivers = kiosk::drivers;
    namespace vision = kiosk::vision;
    const kiosk::SystemClock clock;
    drivers::SimulatedCameraConfig config;
    config.folder = folder;
    config.request = drivers::CameraMode{{kCameraWidth, kCameraHeight}, drivers::FrameRate{15}};
    auto camera = drivers::SimulatedCamera::create(config, clock);
    if (!camera) {
        std::printf("  (no camera on %s: %s)\n", folder.c_str(), camera.error().detail.c_str());
        return;
    }
    kiosk::Mailbox<drivers::CameraFrame> preview;
    std::atomic<int> events{0};
    auto pipeline = vision::FramePipeline::create(
        *camera, [&events](vision::VisionEvent) { ++events; }, {}, {}, &preview);
    if (!pipeline) {
        std::printf("  (no pipeline: %s)\n", pipeline.error().detail.c_str());
        return;
    }
    auto display = ui::Display::open(ui::DisplayOptions{ui::VideoMode::Offscreen, size, kAssets});
    if (!display) {
        std::printf("  (no display: %s)\n", display.error().detail.c_str());
        return;
    }
    const ui::PixelLayout layout = display->painter().preferredVideoLayout();

    (*pipeline)->setDemand(demand);
    std::atomic<bool> stop{false};
    std::atomic<int> worked{0};
    std::thread cameraThread([&] {
        kiosk::lowerThisThreadsPriority(kiosk::kCameraThreadNice);  // as the kiosk's camera thread
        while (!stop) {
            const auto step = (*pipeline)->runOnce();
            if (step.worked) ++worked;
            // The MRZ vote and the photo rest once done, and a code is reported once per demand:
            // start over, so the work never stops.
            if (step.events > 0) (*pipeline)->setDemand(demand);
        }
    });
    const double cameraCpu0 = threadCpuMs(cameraThread.native_handle());
    const auto wall0 = Steady::now();

    ui::VideoImage picture;
    std::vector<double> ms;
    std::vector<double> cpu;
    for (int i = -15; i < count; ++i) {  // a second to warm up
        std::optional<drivers::CameraFrame> frame;
        while (!(frame = preview.take())) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        const auto t0 = Steady::now();
        const double c0 = threadCpuMs();
        ui::convertFrame(*frame, layout, picture);
        const auto input = display->waitInput(std::chrono::milliseconds{0});
        drawCameraScreen(display->painter(), texts, &picture, input.touch);
        display->present();
        if (i >= 0) {
            ms.push_back(Millis(Steady::now() - t0).count());
            cpu.push_back(threadCpuMs() - c0);
        }
    }
    const double cameraCpu = threadCpuMs(cameraThread.native_handle()) - cameraCpu0;
    const double wall = Millis(Steady::now() - wall0).count();
    stop = true;
    cameraThread.join();
    report(what + ", " + layoutName(layout), ms, cpu);
    std::printf("  %-44s %d frames decoded in %.1f s, %.1f ms of CPU each (%.0f%% of a core); %d events\n", "",
                worked.load(), wall / 1e3, worked > 0 ? cameraCpu / worked : 0.0, 100.0 * cameraCpu / wall,
                events.load());
}

}  // namespace

int main(int argc, char** argv) {
    int count = 200;
    std::filesystem::path codes;
    std::filesystem::path documents;
    bool decodingOnly = false;
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--decoding-only") == 0) decodingOnly = true;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--frames") == 0) count = std::max(10, std::atoi(argv[i + 1]));
        if (std::strcmp(argv[i], "--codes") == 0) codes = argv[i + 1];
        if (std::strcmp(argv[i], "--documents") == 0) documents = argv[i + 1];
    }

    auto texts = ui::Catalogs::load(kAssets / "i18n");
    auto fonts = ui::findFonts(kAssets);
    if (!texts || !fonts) {
        std::fprintf(stderr, "ui_bench: no catalogues or fonts under %s\n", kAssets.c_str());
        return 1;
    }
    const auto frames = cameraFrames();
    if (!decodingOnly) benchConversion(frames, count);

    SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0) {
        std::fprintf(stderr, "ui_bench: SDL would not start: %s\n", SDL_GetError());
        return 1;
    }
    if (!decodingOnly)
        for (const ui::Size size : {ui::Size{1920, 1080}, ui::Size{1366, 768}})
            for (const bool accelerated : {false, true}) benchFrames(frames, *texts, *fonts, size, accelerated, count);
    TTF_Quit();
    SDL_Quit();

    if (!decodingOnly)
        for (const ui::Size size : {ui::Size{1920, 1080}, ui::Size{1366, 768}})
            benchTouch(frames, *texts, size, count / 4);

    if (codes.empty() && documents.empty()) {
        std::printf("\n(with decoding running: give --codes DIR and/or --documents DIR)\n");
        return 0;
    }
    using kiosk::vision::Demand;
    for (const ui::Size size : {ui::Size{1920, 1080}, ui::Size{1366, 768}}) {
        std::printf(
            "\nCamera screen %dx%d, offscreen software renderer, a 1280x720 camera at 15 fps and the camera "
            "thread decoding:\n",
            size.w, size.h);
        if (!codes.empty())
            benchWithDecoding(codes, Demand::barcodes(kiosk::vision::BarcodeFormats::all()),
                              "arrival -> present, barcodes (all formats)", texts->indonesian, size, count);
        if (!documents.empty()) {
            benchWithDecoding(documents, Demand::mrz(), "arrival -> present, MRZ", texts->indonesian, size, count);
            benchWithDecoding(documents, Demand::facePhoto(), "arrival -> present, face photo", texts->indonesian, size,
                              count);
        }
    }
    return 0;
}
