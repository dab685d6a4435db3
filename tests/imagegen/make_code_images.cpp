// Writes camera-like 1280x720 frames holding one code each (QR, PDF417, DataMatrix, Aztec, Code 128)
// and a manifest of what each frame holds, from a seed:
//
//   make_code_images --seed 6 --count 100 --out DIR
//
// DIR/manifest.tsv has one line per frame: file, format (ZXing's name), the exact text, the size
// class (small or large), the module size in frame pixels, and the degradation (camera_scene.h).
// Frame i depends only on the seed and i, so a smaller count gives a prefix of a larger set.

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <array>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

#include "tests/imagegen/camera_scene.h"

namespace {

using kiosk::testimages::Rng;

constexpr std::array<ZXing::BarcodeFormat, 5> kFormats = {ZXing::BarcodeFormat::QRCode, ZXing::BarcodeFormat::PDF417,
                                                          ZXing::BarcodeFormat::DataMatrix, ZXing::BarcodeFormat::Aztec,
                                                          ZXing::BarcodeFormat::Code128};

int uniformInt(Rng& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }
double uniform(Rng& rng, double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); }

std::string digits(Rng& rng, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s.push_back(static_cast<char>('0' + uniformInt(rng, 0, 9)));
    return s;
}

std::string alnum(Rng& rng, int n) {
    static constexpr std::string_view kChars = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789abcdefghijkmnpqrstuvwxyz";
    std::string s;
    for (int i = 0; i < n; ++i) s.push_back(kChars[static_cast<std::size_t>(uniformInt(rng, 0, kChars.size() - 1))]);
    return s;
}

std::string hex(Rng& rng, int n) {
    static constexpr std::string_view kHex = "0123456789abcdef";
    std::string s;
    for (int i = 0; i < n; ++i) s.push_back(kHex[static_cast<std::size_t>(uniformInt(rng, 0, 15))]);
    return s;
}

// Invented payloads of the kinds the kiosk meets: its own receipts, verification links, document
// numbers and GS1-like strings. Code 128 gets short ones, as printed on forms and parcels.
std::string payload(Rng& rng, bool linear) {
    const std::string date = "2026" + std::to_string(uniformInt(rng, 10, 12)) + std::to_string(uniformInt(rng, 10, 28));
    switch (uniformInt(rng, 0, 3)) {
    case 0:
        return linear ? "REG-2026-" + digits(rng, 6)
                      : "LKT1|REG-2026-" + digits(rng, 6) + "|KSK-" + alnum(rng, 3) + "-" + digits(rng, 2) + "|" +
                            date + "|" + hex(rng, linear ? 8 : 32);
    case 1:
        return linear ? "LKT/" + alnum(rng, 8)
                      : "https://verifikasi.loket.example/r/" + alnum(rng, uniformInt(rng, 8, 24));
    case 2: return digits(rng, linear ? uniformInt(rng, 8, 16) : uniformInt(rng, 12, 40));
    default:
        return linear ? "(01)" + digits(rng, 14)
                      : "(01)" + digits(rng, 14) + "(17)" + date.substr(2) + "(10)" +
                            alnum(rng, uniformInt(rng, 4, 10)) + "(21)" + digits(rng, uniformInt(rng, 6, 12));
    }
}

// The code's modules, one pixel each, black on white, with ZXing's quiet zone.
cv::Mat symbol(ZXing::BarcodeFormat format, const std::string& text) {
    const auto bits =
        ZXing::MultiFormatWriter(format).encode(text, 0, format == ZXing::BarcodeFormat::Code128 ? 40 : 0);
    cv::Mat out(bits.height(), bits.width(), CV_8UC1);
    for (int y = 0; y < bits.height(); ++y)
        for (int x = 0; x < bits.width(); ++x) out.at<std::uint8_t>(y, x) = bits.get(x, y) ? 0 : 255;
    return out;
}

// A printed label: the code at `modulePx` pixels a module (before placement), on white with a
// caption four modules underneath, as on a receipt or a document's corner.
cv::Mat label(const cv::Mat& code, int modulePx, Rng& rng) {
    cv::Mat big;
    cv::resize(code, big, {}, modulePx, modulePx, cv::INTER_NEAREST);
    const int margin = 4 * modulePx;
    const int caption = 6 * modulePx;
    cv::Mat page(big.rows + 2 * margin + caption, big.cols + 2 * margin, CV_8UC1, cv::Scalar(255));
    big.copyTo(page(cv::Rect(margin, margin, big.cols, big.rows)));
    cv::putText(page, "No. " + digits(rng, 8), {margin, page.rows - margin / 2}, cv::FONT_HERSHEY_SIMPLEX,
                0.03 * caption, cv::Scalar(40), std::max(1, modulePx / 3), cv::LINE_AA);
    cv::Mat bgr;
    cv::cvtColor(page, bgr, cv::COLOR_GRAY2BGR);
    return bgr;
}

struct Options {
    std::uint64_t seed = 6;
    int count = 100;
    std::filesystem::path out;
};

bool parse(int argc, char** argv, Options& o) {
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string_view flag = argv[i];
        const std::string_view value = argv[i + 1];
        if (flag == "--out") {
            o.out = value;
        } else if (flag == "--seed") {
            if (std::from_chars(value.begin(), value.end(), o.seed).ec != std::errc{}) return false;
        } else if (flag == "--count") {
            if (std::from_chars(value.begin(), value.end(), o.count).ec != std::errc{} || o.count < 1) return false;
        } else {
            return false;
        }
    }
    return argc % 2 == 1 && !o.out.empty();
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    if (!parse(argc, argv, o)) {
        std::cerr << "usage: make_code_images --out DIR [--seed N] [--count N]\n";
        return 2;
    }
    std::filesystem::create_directories(o.out);
    std::ofstream manifest(o.out / "manifest.tsv");
    manifest << "file\tformat\ttext\tsize\tmodule_px\tdegradation\n";
    const cv::Size frameSize(1280, 720);
    for (int i = 0; i < o.count; ++i) {
        Rng rng(o.seed * std::uint64_t{1'000'003} + static_cast<std::uint64_t>(i));
        const auto format = kFormats[static_cast<std::size_t>(i) % kFormats.size()];
        const bool linear = format == ZXing::BarcodeFormat::Code128;
        const std::string text = payload(rng, linear);
        const cv::Mat code = symbol(format, text);

        // Small codes at 2-3.5 frame pixels a module (held at arm's length), large ones at 4-8.
        const bool small = uniformInt(rng, 0, 1) == 0;
        const double modulePx = small ? uniform(rng, linear ? 2.2 : 2.0, 3.5) : uniform(rng, 4.0, linear ? 5.5 : 8.0);
        const int printPx = 8;  // drawn large, then scaled down by placeSubject
        const cv::Mat subject = label(code, printPx, rng);
        const double longerModules = std::max(subject.cols, subject.rows) / static_cast<double>(printPx);
        const double fraction = std::min(0.95, longerModules * modulePx / std::min(frameSize.width, frameSize.height));

        const auto severity = i % 10 == 0  ? kiosk::testimages::Severity::Clean
                              : i % 2 == 0 ? kiosk::testimages::Severity::Mild
                                           : kiosk::testimages::Severity::Hard;
        const auto degradation = kiosk::testimages::randomDegradation(rng, severity);
        const cv::Mat background = kiosk::testimages::clutteredBackground(frameSize, rng);
        const cv::Mat placed = kiosk::testimages::placeSubject(background, subject, fraction, degradation, rng);
        const cv::Mat frame = kiosk::testimages::spoil(placed, degradation, rng);

        char name[64];
        std::snprintf(name, sizeof name, "code-%04d-%s.jpg", i, ZXing::ToString(format));
        cv::imwrite((o.out / name).string(), frame, {cv::IMWRITE_JPEG_QUALITY, 95});
        char module[16];
        std::snprintf(module, sizeof module, "%.2f", modulePx);
        manifest << name << '\t' << ZXing::ToString(format) << '\t' << text << '\t' << (small ? "small" : "large")
                 << '\t' << module << '\t' << kiosk::testimages::describe(degradation) << '\n';
    }
    std::cout << "wrote " << o.count << " frames and manifest.tsv to " << o.out.string() << '\n';
    return 0;
}
