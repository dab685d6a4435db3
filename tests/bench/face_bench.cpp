// The face photo's cost per 1280x720 camera frame on one core: detection and every quality check,
// searching the whole frame each time, and tracking (searching near the last face, the whole frame
// every FaceSettings::fullDetectionEvery frames) as FacePhotoTaker does. Prints figures, asserts
// nothing.
//   cmake --preset release -B build-release && cmake --build build-release --target face_bench
//   build-release/bin/face_bench

#include <time.h>

#include <opencv2/core.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/vision/face_quality.h"
#include "kiosk/vision/frame_mats.h"
#include "tests/unit/face_scenes.h"

namespace {

using kiosk::vision::FaceAssessor;

// The thread's CPU time: on a machine shared with other work the wall clock also counts the time
// the thread waited for a core, which the kiosk (a core of its own) does not.
double cpuMs() {
    timespec t{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

struct Figures {
    double median = 0;
    double p90 = 0;
    double cpuMedian = 0;
    double cpuP90 = 0;
    int ready = 0;
    std::map<std::string, int> hints;
};

double quantile(std::vector<double> v, double q) {
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))];
}

Figures run(FaceAssessor& assessor, const std::vector<kiosk::drivers::CameraFrame>& frames, bool tracking) {
    assessor.reset();
    std::vector<double> ms;
    std::vector<double> cpu;
    std::map<std::string, int> hints;
    int ready = 0;
    std::optional<kiosk::vision::PixelRect> last;
    const int every = std::max(1, assessor.settings().fullDetectionEvery);
    for (std::size_t i = 0; i < frames.size(); ++i) {
        const bool full = !tracking || !last || i % static_cast<std::size_t>(every) == 0;
        const auto start = std::chrono::steady_clock::now();
        const double cpuStart = cpuMs();
        auto check = assessor.assess(frames[i], full ? std::nullopt : last);
        cpu.push_back(cpuMs() - cpuStart);
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        if (!check) continue;
        last = check->faces.empty() ? std::nullopt : std::optional(check->faces.front());
        if (check->acceptable()) ++ready;
        ++hints[std::string(kiosk::vision::faceHintCode(check->hint))];
    }
    return {quantile(ms, 0.5), quantile(ms, 0.9), quantile(cpu, 0.5), quantile(cpu, 0.9), ready, std::move(hints)};
}

}  // namespace

int main() {
    cv::setNumThreads(1);
    const cv::Mat photo = kiosk::test::portrait();
    if (photo.empty()) {
        std::fprintf(stderr, "face_bench: %s is missing (python-matplotlib-data)\n",
                     kiosk::test::kPortraitFile.c_str());
        return 1;
    }
    auto assessor = FaceAssessor::create();
    if (!assessor) {
        std::fprintf(stderr, "face_bench: %s\n", assessor.error().detail.c_str());
        return 1;
    }
    // A person swaying a little in front of the camera, with sensor noise: 150 frames.
    std::vector<kiosk::drivers::CameraFrame> frames;
    cv::RNG rng(6);
    for (int i = 0; i < 150; ++i) {
        const double t = i / 15.0;
        cv::Mat scene = kiosk::test::sceneWithFace(photo, 1.0 + 0.05 * std::sin(t / 2),
                                                   {0.5 + 0.02 * std::sin(t), 0.4 + 0.01 * std::cos(t)});
        cv::Mat noise(scene.size(), CV_8UC3);
        rng.fill(noise, cv::RNG::NORMAL, 0, 3);
        cv::add(scene, noise, scene, cv::noArray(), CV_8UC3);
        frames.push_back(kiosk::vision::frameOf(scene, {}, static_cast<std::uint64_t>(i)));
    }
    run(*assessor, frames, false);  // warm-up: caches, allocations
    const auto full = run(*assessor, frames, false);
    const auto tracked = run(*assessor, frames, true);
    std::printf("face_bench: %zu frames of 1280x720 BGR, one core, detection at %d px wide\n", frames.size(),
                assessor->settings().detectWidth);
    const auto print = [&](const char* name, const Figures& f) {
        std::printf("  %-28s wall median %6.2f ms p90 %6.2f ms | cpu median %6.2f ms p90 %6.2f ms | ready %d/%zu\n",
                    name, f.median, f.p90, f.cpuMedian, f.cpuP90, f.ready, frames.size());
        std::printf("  %-28s", "advice given:");
        for (const auto& [hint, count] : f.hints) std::printf(" %s %d", hint.c_str(), count);
        std::printf("\n");
    };
    print("full search every frame:", full);
    print("tracking (full every 5th):", tracked);
    return 0;
}
