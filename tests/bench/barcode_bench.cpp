// The camera's barcode reader against Debian's ZXingReader (zxing-cpp-tools) and zbarimg
// (zbar-tools), run as processes over the same generated frames in the same run: the decode rate
// per format and overall for each, and the kiosk reader's median and p90 time per frame on one
// core (the tools' times include starting a process, so only their rates are compared).
//
// Times, and the reader's per-frame budget, are counted in the CPU time of the bench's thread, so
// that other work on a shared machine moves the figures and what the budget lets the reader try
// far less than it moves the wall clock (a few frames in a thousand between runs, not tens); the
// wall-clock median is printed beside them.
//
//   tests/imagegen/make-images.sh bench build-release/bench-codes
//   taskset -c 0 build-release/bin/barcode_bench build-release/bench-codes
//
// Prints its figures and asserts nothing. --kiosk-only skips the two tools.

#include <opencv2/core.hpp>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "kiosk/vision/barcode_reader.h"
#include "kiosk/vision/frame_file.h"
#include "tests/imagegen/code_manifest.h"

namespace {

using kiosk::testimages::CodeSample;

struct Tally {
    std::map<std::string, int> read;   // by format: frames whose expected code was read exactly
    std::map<std::string, int> wrong;  // by format: frames where a code of that format was read with another text
};

std::string quoted(const std::string& s) {
    std::string q = "'";
    for (const char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

std::string runProcess(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return out;
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
    ::pclose(pipe);
    return out;
}

// What a tool printed as (format, text) pairs, formats renamed to ZXing's names.
using Reads = std::vector<std::pair<std::string, std::string>>;

void score(Tally& tally, const CodeSample& s, const Reads& reads) {
    bool hit = false, wrong = false;
    for (const auto& [format, text] : reads) {
        if (format != s.format) continue;
        (text == s.text ? hit : wrong) = true;
    }
    if (hit) ++tally.read[s.format];
    if (wrong && !hit) ++tally.wrong[s.format];
}

// ZXingReader -1 prints one line per code: `FILE FORMAT "TEXT"`, or `FILE None`.
Reads zxingReader(const CodeSample& s) {
    Reads reads;
    const std::string out = runProcess("ZXingReader -1 -format QRCode,PDF417,DataMatrix,Aztec,Code128 " +
                                       quoted(s.file.string()) + " 2>/dev/null");
    std::size_t at = 0;
    while (at < out.size()) {
        const std::size_t end = std::min(out.find('\n', at), out.size());
        const std::string line = out.substr(at, end - at);
        at = end + 1;
        const std::size_t quote = line.find(" \"");
        if (quote == std::string::npos) continue;
        const std::size_t formatStart = line.rfind(' ', quote - 1) + 1;
        const std::string format = line.substr(formatStart, quote - formatStart);
        const std::size_t last = line.rfind('"');
        reads.emplace_back(format, line.substr(quote + 2, last - quote - 2));
    }
    return reads;
}

// zbarimg prints `TYPE:TEXT` per code; it has no DataMatrix or Aztec decoder.
Reads zbarimg(const CodeSample& s) {
    static const std::map<std::string, std::string> kNames = {
        {"QR-Code", "QRCode"}, {"CODE-128", "Code128"}, {"PDF417", "PDF417"}};
    Reads reads;
    const std::string out = runProcess("zbarimg -q " + quoted(s.file.string()) + " 2>/dev/null");
    std::size_t at = 0;
    while (at < out.size()) {
        const std::size_t end = std::min(out.find('\n', at), out.size());
        const std::string line = out.substr(at, end - at);
        at = end + 1;
        const std::size_t colon = line.find(':');
        if (colon == std::string::npos) continue;
        const auto name = kNames.find(line.substr(0, colon));
        reads.emplace_back(name == kNames.end() ? line.substr(0, colon) : name->second, line.substr(colon + 1));
    }
    return reads;
}

// This thread's CPU time as a steady_clock time point: the reader's budget then counts only the
// time the reader itself ran.
std::chrono::steady_clock::time_point threadCpuNow() {
    timespec t{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return std::chrono::steady_clock::time_point(std::chrono::seconds(t.tv_sec) + std::chrono::nanoseconds(t.tv_nsec));
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5)];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: barcode_bench DIR [--kiosk-only] [--verbose] [--budget-ms N] [--regions N]\n";
        return 2;
    }
    const std::vector<std::string> flags(argv + 2, argv + argc);
    const bool tools = std::find(flags.begin(), flags.end(), "--kiosk-only") == flags.end();
    const bool verbose = std::find(flags.begin(), flags.end(), "--verbose") != flags.end();
    const auto samples = kiosk::testimages::readCodeManifest(argv[1]);
    if (samples.empty()) {
        std::cerr << "barcode_bench: no manifest.tsv in " << argv[1] << "\n";
        return 2;
    }
    cv::setNumThreads(1);  // one core, as the camera thread has

    kiosk::vision::BarcodeReaderSettings settings;
    for (std::size_t i = 0; i + 1 < flags.size(); ++i)
        if (flags[i] == "--budget-ms")
            settings.budget = std::chrono::milliseconds(std::stoi(flags[i + 1]));
        else if (flags[i] == "--regions")
            settings.maxRegions = std::stoul(flags[i + 1]);
    const kiosk::vision::BarcodeReader reader(settings, &threadCpuNow);
    std::map<std::string, int> total;
    Tally kiosk, zxing, zbar;
    std::vector<double> ms, wallMs;
    for (const auto& s : samples) {
        ++total[s.format];
        const auto frame = kiosk::vision::readFrameFile(s.file, kiosk::drivers::PixelFormat::Gray8);
        if (!frame) {
            std::cerr << frame.error().detail << "\n";
            continue;
        }
        const auto start = threadCpuNow();
        const auto wallStart = std::chrono::steady_clock::now();
        const auto codes = reader.read(*frame, kiosk::vision::BarcodeFormats::all());
        ms.push_back(std::chrono::duration<double, std::milli>(threadCpuNow() - start).count());
        wallMs.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wallStart).count());
        Reads reads;
        if (codes)
            for (const auto& c : *codes)
                reads.emplace_back(std::string(kiosk::vision::barcodeFormatName(c.format)), c.text);
        const int before = kiosk.read[s.format];
        score(kiosk, s, reads);
        if (verbose && kiosk.read[s.format] == before)
            std::printf("missed %s %s %s %.1f ms\n", s.file.filename().c_str(), s.size.c_str(), s.degradation.c_str(),
                        ms.back());
        if (tools) {
            score(zxing, s, zxingReader(s));
            score(zbar, s, zbarimg(s));
        }
    }

    const auto row = [&](const char* name, Tally& t) {
        int read = 0, wrong = 0, all = 0;
        std::printf("%-12s", name);
        for (const auto& [format, n] : total) {
            std::printf(" %10.1f%%", 100.0 * t.read[format] / n);
            read += t.read[format], wrong += t.wrong[format], all += n;
        }
        std::printf(" %9.1f%%  (%d/%d, %d misread)\n", 100.0 * read / all, read, all, wrong);
    };
    std::printf("%zu frames of 1280x720 in %s\n%-12s", samples.size(), argv[1], "reader");
    for (const auto& [format, n] : total) std::printf(" %11s", format.c_str());
    std::printf(" %10s\n", "overall");
    row("kiosk", kiosk);
    if (tools) {
        row("ZXingReader", zxing);
        row("zbarimg", zbar);
    }
    std::printf(
        "kiosk reader per frame, one core, CPU time: median %.1f ms, p90 %.1f ms, max %.1f ms"
        " (wall clock: median %.1f ms)\n",
        percentile(ms, 0.5), percentile(ms, 0.9), percentile(ms, 1.0), percentile(wallMs, 0.5));
    return 0;
}
