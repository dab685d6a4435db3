// The camera MRZ reader against plain `tesseract` over the generated document frames
// (tests/imagegen/make-documents.sh bench DIR): exact reads, wrong reads accepted, and time per
// frame on one core. Prints figures, asserts nothing.
//
//   mrz_bench DIR [--tesseract N] [--tesseract-only] [--verbose]
//
// Each frame is read on its own (no voting), as `kioskctl mrz IMAGE` does, from a grey frame
// (the camera thread works on luma). Times are wall clock and this thread's CPU time: on a busy
// machine the second is the fairer measure of one core's cost. Tesseract runs on the
// first N frames (all when N is omitted; 0 skips it), twice: as is, and with --psm 6 and the MRZ
// alphabet as a whitelist. Its MRZ is the last two or three lines of MRZ-like text, repaired by
// kiosk/core's readMrz and taken when every check passes.

#include <opencv2/core.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <string>
#include <vector>

#include "kiosk/core/mrz.h"
#include "kiosk/vision/frame_file.h"
#include "kiosk/vision/mrz_frame_reader.h"
#include "tests/imagegen/document_manifest.h"

namespace {

using Ms = std::chrono::duration<double, std::milli>;

double threadCpuMs() {
    timespec t{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}
const kiosk::Date kReference{std::chrono::year{2026}, std::chrono::November, std::chrono::day{29}};

struct Tally {
    int frames = 0;
    int exact = 0;
    int wrongAccepted = 0;
    int refused = 0;
    std::vector<double> ms;
    std::vector<double> cpuMs;  // this thread's CPU time: what the frame costs on a core of its own

    static double quantile(std::vector<double> v, double q) {
        std::sort(v.begin(), v.end());
        return v.empty() ? 0.0 : v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))];
    }

    void print(const std::string& name) const {
        const auto at = [&](double q) { return quantile(ms, q); };
        std::printf(
            "%-34s frames %4d  exact %4d (%5.1f%%)  wrong accepted %3d  refused %4d  median %7.1f ms  p90 %7.1f ms\n",
            name.c_str(), frames, exact, frames ? 100.0 * exact / frames : 0.0, wrongAccepted, refused, at(0.5),
            at(0.9));
        if (!cpuMs.empty())
            std::printf("%-34s cpu time  median %7.1f ms  p90 %7.1f ms\n", "", quantile(cpuMs, 0.5),
                        quantile(cpuMs, 0.9));
    }
};

std::string run(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return out;
    std::array<char, 4096> buffer{};
    std::size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
    ::pclose(pipe);
    return out;
}

// The last two or three lines that look like MRZ lines (mostly A-Z, 0-9 and '<', 25 or more
// characters once spaces are gone), as tesseract printed them.
std::string mrzLinesOf(const std::string& ocr) {
    std::vector<std::string> lines;
    std::string line;
    const auto flush = [&] {
        std::string clean;
        int good = 0;
        for (const char c : line) {
            if (c == ' ') continue;
            const char u = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
            if ((u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '<') ++good;
            clean.push_back(u);
        }
        if (clean.size() >= 25 && good * 10 >= static_cast<int>(clean.size()) * 9) lines.push_back(clean);
        line.clear();
    };
    for (const char c : ocr) {
        if (c == '\n')
            flush();
        else
            line.push_back(c);
    }
    flush();
    if (lines.size() >= 3 && lines[lines.size() - 1].size() <= 32 && lines[lines.size() - 3].size() <= 32)
        return lines[lines.size() - 3] + '\n' + lines[lines.size() - 2] + '\n' + lines.back();
    if (lines.size() >= 2) return lines[lines.size() - 2] + '\n' + lines.back();
    return {};
}

void tesseract(const std::vector<kiosk::testimages::DocumentSample>& samples, std::size_t limit,
               const std::string& name, const std::string& options) {
    Tally t;
    for (std::size_t i = 0; i < samples.size() && i < limit; ++i) {
        const auto& s = samples[i];
        const auto start = std::chrono::steady_clock::now();
        const std::string out =
            run("OMP_THREAD_LIMIT=1 tesseract '" + s.file.string() + "' stdout " + options + " 2>/dev/null");
        t.ms.push_back(Ms(std::chrono::steady_clock::now() - start).count());
        ++t.frames;
        const auto mrz = kiosk::core::readMrz(mrzLinesOf(out), kReference);
        if (!mrz || !mrz->valid()) {
            ++t.refused;
            continue;
        }
        if (mrz->text() == s.mrz)
            ++t.exact;
        else
            ++t.wrongAccepted;
    }
    t.print(name);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: mrz_bench DIR [--tesseract N] [--tesseract-only] [--verbose]\n");
        return 2;
    }
    std::size_t tesseractLimit = static_cast<std::size_t>(-1);
    bool verbose = false;
    bool readerToo = true;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--tesseract" && i + 1 < argc)
            tesseractLimit = std::stoul(argv[++i]);
        else if (a == "--verbose")
            verbose = true;
        else if (a == "--tesseract-only")
            readerToo = false;
    }
    cv::setNumThreads(1);  // one core, as the camera thread has
    std::vector<kiosk::testimages::DocumentSample> samples;
    for (auto& s : kiosk::testimages::readDocumentManifest(argv[1]))
        if (s.kind == "mrz") samples.push_back(std::move(s));
    if (samples.empty()) {
        std::fprintf(stderr, "mrz_bench: no frames with an MRZ in %s/manifest.tsv\n", argv[1]);
        return 1;
    }

    std::map<std::string, Tally> tallies;
    std::map<std::string, int> reasons;
    for (const auto& s : samples) {
        if (!readerToo) break;
        const auto frame = kiosk::vision::readFrameFile(s.file, kiosk::drivers::PixelFormat::Gray8);
        if (!frame) continue;
        const double cpuStart = threadCpuMs();
        const auto start = std::chrono::steady_clock::now();
        const auto mrz = kiosk::vision::readMrzFrame(*frame, kReference);
        const double ms = Ms(std::chrono::steady_clock::now() - start).count();
        const double cpuMs = threadCpuMs() - cpuStart;
        for (const auto& key : {std::string("all"), s.format, s.severity}) {
            auto& t = tallies[key];
            ++t.frames;
            t.ms.push_back(ms);
            t.cpuMs.push_back(cpuMs);
            if (!mrz)
                ++t.refused;
            else if (mrz->text() == s.mrz)
                ++t.exact;
            else
                ++t.wrongAccepted;
        }
        if (!mrz) ++reasons[mrz.error().code + " " + mrz.error().detail];
        if (verbose && (!mrz || mrz->text() != s.mrz))
            std::printf("%s %s %s %s: %s\n", s.file.filename().c_str(), s.format.c_str(), s.severity.c_str(),
                        s.degradation.c_str(), mrz ? ("WRONG " + mrz->text()).c_str() : mrz.error().detail.c_str());
    }
    if (readerToo) std::printf("MRZ reader, one frame each, one core (%zu frames)\n", samples.size());
    if (readerToo) tallies["all"].print("kiosk reader (all)");
    for (const auto& key : {"TD3", "TD1", "TD2", "mild", "hard"})
        if (tallies.count(key)) tallies[key].print(std::string("kiosk reader (") + key + ")");
    for (const auto& [reason, n] : reasons) std::printf("  refused %3d: %s\n", n, reason.c_str());
    if (tesseractLimit > 0) {
        tesseract(samples, tesseractLimit, "tesseract (default)", "");
        tesseract(samples, tesseractLimit, "tesseract --psm 6 whitelist",
                  "--psm 6 -c tessedit_char_whitelist=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\\<");
    }
    return 0;
}
