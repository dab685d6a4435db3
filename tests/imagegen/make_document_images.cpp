// Camera-like frames of passport data pages (TD3), ID cards (TD1) and TD2 documents with an OCR-B
// MRZ, for the MRZ reader's tests and benchmark. Each page is printed with SDL2_ttf (OCR-B for
// the MRZ, Noto Sans for the printed fields), placed in a cluttered frame and spoiled per
// camera_scene.h. Holders are made up (fake_identity.h); check digits come from kiosk/core.
//
//   make_document_images OUT_DIR COUNT SEED [--extras]
//   make_document_images --certificate OUT_DIR SEED
//
// writes COUNT frames with a readable MRZ, half mildly and half hardly spoiled, and with --extras
// also frames with no MRZ, with part of the MRZ covered, with a wrong check digit printed, and
// sequences of three frames of one document; OUT_DIR/manifest.tsv says what each frame holds.
// --certificate writes a made-up health certificate held up to the camera, once held still
// (certificate.jpg) and once moving (certificate-moving.jpg), for the kiosk's document photos;
// the demo's pair in assets/scenarios was made with seed 20261207.

#include <SDL.h>
#include <SDL_ttf.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>

#include "tests/imagegen/camera_scene.h"
#include "tests/imagegen/fake_identity.h"

namespace {

using kiosk::testimages::Degradation;
using kiosk::testimages::FakeIdentity;
using kiosk::testimages::Rng;
using kiosk::testimages::Severity;

constexpr double kPxPerMm = 8;
const cv::Size kFrame{1280, 720};

double uniform(Rng& rng, double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); }
int uniformInt(Rng& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }

template <auto Fn>
struct FreeWith {
    void operator()(auto* p) const noexcept {
        if (p) Fn(p);
    }
};
using Font = std::unique_ptr<TTF_Font, FreeWith<TTF_CloseFont>>;
using Surface = std::unique_ptr<SDL_Surface, FreeWith<SDL_FreeSurface>>;

class Fonts {
public:
    TTF_Font* get(const std::string& path, int points) {
        auto& slot = open_[{path, points}];
        if (!slot) slot.reset(TTF_OpenFont(path.c_str(), points));
        if (!slot) throw std::runtime_error(path + ": " + TTF_GetError());
        return slot.get();
    }

private:
    std::map<std::pair<std::string, int>, Font> open_;
};

// Alpha-blends `text` onto `page` with its top-left at `at`; returns the text's size. The blend
// runs in OpenCV, so that the sanitizer build of the tests generates its set quickly.
cv::Size drawText(cv::Mat& page, TTF_Font* font, const std::string& text, cv::Point at, cv::Scalar colour) {
    Surface s(TTF_RenderUTF8_Blended(font, text.c_str(), SDL_Color{255, 255, 255, 255}));
    if (!s) return {};
    Surface argb(SDL_ConvertSurfaceFormat(s.get(), SDL_PIXELFORMAT_ARGB8888, 0));
    // ARGB8888 lies in memory as B, G, R, A on a little-endian machine: alpha is channel 3.
    const cv::Mat pixels(argb->h, argb->w, CV_8UC4, argb->pixels, static_cast<std::size_t>(argb->pitch));
    const cv::Rect where = cv::Rect(at, pixels.size()) & cv::Rect(0, 0, page.cols, page.rows);
    if (where.empty()) return pixels.size();
    cv::Mat alpha;
    cv::extractChannel(pixels(cv::Rect(where.tl() - at, where.size())), alpha, 3);
    cv::Mat a, a3, roi, ink(where.size(), CV_32FC3, colour);
    alpha.convertTo(a, CV_32F, 1.0 / 255);
    cv::merge(std::vector<cv::Mat>{a, a, a}, a3);
    page(where).convertTo(roi, CV_32FC3);
    roi = roi.mul(cv::Scalar::all(1.0) - a3) + ink.mul(a3);
    roi.convertTo(page(where), CV_8UC3);
    return pixels.size();
}

int mm(double v) { return static_cast<int>(std::lround(v * kPxPerMm)); }

struct PageShape {
    double widthMm, heightMm;
    int mrzChars;
};

PageShape shapeOf(const std::string& format) {
    if (format == "TD1") return {85.6, 54, 30};
    if (format == "TD2") return {105, 74, 36};
    return {125, 88, 44};
}

struct Page {
    cv::Mat image;
    cv::Rect mrz;  // where the MRZ's print lies on the page
};

void drawBackground(cv::Mat& page, Rng& rng) {
    const cv::Scalar tint(uniformInt(rng, 215, 250), uniformInt(rng, 215, 250), uniformInt(rng, 215, 250));
    page.setTo(tint);
    // Guilloche-like fine curves, a little darker than the paper.
    for (int k = 0, n = uniformInt(rng, 6, 14); k < n; ++k) {
        std::vector<cv::Point> curve;
        const double amplitude = uniform(rng, 5, 40), period = uniform(rng, 40, 200), phase = uniform(rng, 0, 6.3);
        const double base = uniform(rng, 0, page.rows);
        for (int x = 0; x < page.cols; x += 4)
            curve.emplace_back(x, static_cast<int>(base + amplitude * std::sin(x / period * 6.283 + phase)));
        cv::polylines(page, curve, false, tint - cv::Scalar::all(uniformInt(rng, 15, 40)), 1, cv::LINE_AA);
    }
}

void drawPhoto(cv::Mat& page, cv::Rect box, Rng& rng) {
    cv::rectangle(page, box, cv::Scalar::all(uniformInt(rng, 170, 225)), cv::FILLED);
    const cv::Point centre(box.x + box.width / 2, box.y + box.height * 2 / 5);
    const cv::Scalar skin(uniformInt(rng, 80, 150), uniformInt(rng, 110, 170), uniformInt(rng, 150, 210));
    cv::ellipse(page, cv::Point(centre.x, box.y + box.height), cv::Size(box.width * 2 / 5, box.height / 4), 0, 180, 360,
                cv::Scalar::all(uniformInt(rng, 20, 90)), cv::FILLED);
    cv::ellipse(page, centre, cv::Size(box.width / 4, box.height / 4), 0, 0, 360, skin, cv::FILLED);
    cv::ellipse(page, centre - cv::Point(0, box.height / 10), cv::Size(box.width / 4 + 4, box.height / 6), 0, 180, 360,
                cv::Scalar::all(uniformInt(rng, 10, 60)), cv::FILLED);
    cv::rectangle(page, box, cv::Scalar::all(90), 1);
}

std::string issuerTitle(const std::string& issuer) {
    if (issuer == "IDN") return "REPUBLIK INDONESIA";
    if (issuer == "UTO") return "UTOPIA";
    return "PASSPORT  " + issuer;
}

std::string printedDate(const std::string& yymmdd, bool birth) {
    static constexpr const char* kMonths[] = {"JAN", "FEB", "MAR", "APR", "MEI", "JUN",
                                              "JUL", "AGU", "SEP", "OKT", "NOV", "DES"};
    const int yy = std::stoi(yymmdd.substr(0, 2));
    const int year = birth ? (yy > 26 ? 1900 + yy : 2000 + yy) : 2000 + yy;
    return yymmdd.substr(4, 2) + " " + kMonths[std::stoi(yymmdd.substr(2, 2)) - 1] + " " + std::to_string(year);
}

// A data page: a title, the photo, the printed fields and, unless `withMrz` is false, the MRZ
// along the bottom edge (lines 4.2-4.6 mm apart, 2.54 mm pitch, 6-7 mm from the edge).
Page drawPage(const FakeIdentity& id, bool withMrz, Fonts& fonts, Rng& rng) {
    const auto shape = shapeOf(id.format);
    Page page{cv::Mat(mm(shape.heightMm), mm(shape.widthMm), CV_8UC3), {}};
    drawBackground(page.image, rng);
    const std::string sans = LOKET_PAGE_FONT;
    const std::string bold = LOKET_PAGE_BOLD_FONT;
    const cv::Scalar ink = cv::Scalar::all(uniformInt(rng, 10, 70));
    const bool card = id.format == "TD1";
    drawText(page.image, fonts.get(bold, card ? 22 : 28), issuerTitle(id.issuer), {mm(6), mm(2.5)}, ink);

    const int mrzTop = page.image.rows - mm(card ? 19 : 15);
    const cv::Rect photo(mm(5), mm(card ? 10 : 13), mm(card ? 22 : 30), std::min(mm(card ? 27 : 38), mrzTop - mm(15)));
    drawPhoto(page.image, photo, rng);
    std::string given = id.givenNames.empty() ? "" : ", " + id.givenNames;
    const std::vector<std::pair<std::string, std::string>> fields{
        {"Tipe / Type", id.format == "TD3" ? "P" : "I"},
        {"No. Dokumen / Document No.", id.number},
        {"Nama / Name", id.surname + given},
        {"Kewarganegaraan / Nationality", id.nationality},
        {"Tanggal Lahir / Date of birth", printedDate(id.birth, true)},
        {"Jenis Kelamin / Sex", std::string(1, id.sex == '<' ? 'X' : id.sex)},
        {"Berlaku Hingga / Date of expiry", printedDate(id.expiry, false)},
    };
    const int x = photo.x + photo.width + mm(4);
    int y = photo.y;
    const int step = std::max(mm(4.5), (mrzTop - mm(3) - y) / static_cast<int>(fields.size()));
    for (const auto& [label, value] : fields) {
        if (y + mm(4) > mrzTop - mm(3)) break;
        drawText(page.image, fonts.get(sans, card ? 10 : 12), label, {x, y}, ink + cv::Scalar::all(40));
        drawText(page.image, fonts.get(bold, card ? 15 : 18), value, {x, y + mm(1.6)}, ink);
        y += step;
    }

    if (!withMrz) {
        // Two long lines of ordinary print where an MRZ would be: the reader must not take them.
        const std::string address = "JL. " + id.surname + " NO. " + id.number.substr(1, 3) + " RT 004 RW 011 KEL. " +
                                    id.surname.substr(0, 3) + "ASARI KEC. " + id.nationality;
        drawText(page.image, fonts.get(sans, 22), address, {mm(5), mrzTop + mm(2)}, ink);
        drawText(page.image, fonts.get(sans, 22), address + " " + id.birth, {mm(5), mrzTop + mm(7)}, ink);
        return page;
    }
    const int points = uniformInt(rng, 26, 30);
    TTF_Font* ocrb = fonts.get(LOKET_OCRB_FONT, points);
    int advance = 0;
    TTF_GlyphMetrics(ocrb, 'A', nullptr, nullptr, nullptr, nullptr, &advance);
    const int left = (page.image.cols - advance * shape.mrzChars) / 2 + uniformInt(rng, -mm(1), mm(1));
    const int spacing = mm(uniform(rng, 4.2, 4.6));
    const int bottom = page.image.rows - mm(uniform(rng, 2.5, 4));
    const int top = bottom - spacing * static_cast<int>(id.lines.size());
    const cv::Scalar mrzInk = cv::Scalar::all(uniformInt(rng, 0, 60));
    cv::Rect printed;
    for (std::size_t i = 0; i < id.lines.size(); ++i) {
        const cv::Point at(left, top + spacing * static_cast<int>(i));
        const cv::Size size = drawText(page.image, ocrb, id.lines[i], at, mrzInk);
        printed |= cv::Rect(at, size);
    }
    page.mrz = printed;
    return page;
}

// A fingertip over a few characters of one MRZ line.
void cover(Page& page, Rng& rng) {
    const int line = uniformInt(rng, 0, 1);
    const cv::Point centre(page.mrz.x + uniformInt(rng, page.mrz.width / 5, page.mrz.width * 4 / 5),
                           page.mrz.y + page.mrz.height * (1 + 2 * line) / 4);
    cv::ellipse(page.image, centre, cv::Size(mm(uniform(rng, 4, 7)), mm(uniform(rng, 3, 5))), uniform(rng, -30, 30), 0,
                360, cv::Scalar(uniformInt(rng, 90, 140), uniformInt(rng, 120, 160), uniformInt(rng, 170, 220)),
                cv::FILLED, cv::LINE_AA);
}

// Where the page's MRZ lands in the frame stays inside it, with a margin, so the truth is readable.
bool mrzInFrame(const Page& page, const std::array<cv::Point2f, 4>& corners) {
    const std::array<cv::Point2f, 4> source{
        cv::Point2f(0, 0), cv::Point2f(static_cast<float>(page.image.cols), 0),
        cv::Point2f(static_cast<float>(page.image.cols), static_cast<float>(page.image.rows)),
        cv::Point2f(0, static_cast<float>(page.image.rows))};
    const cv::Mat warp = cv::getPerspectiveTransform(source.data(), corners.data());
    std::vector<cv::Point2f> mrz{cv::Point2f(static_cast<float>(page.mrz.x), static_cast<float>(page.mrz.y)),
                                 cv::Point2f(static_cast<float>(page.mrz.br().x), static_cast<float>(page.mrz.y)),
                                 cv::Point2f(static_cast<float>(page.mrz.br().x), static_cast<float>(page.mrz.br().y)),
                                 cv::Point2f(static_cast<float>(page.mrz.x), static_cast<float>(page.mrz.br().y))};
    std::vector<cv::Point2f> placed;
    cv::perspectiveTransform(mrz, placed, warp);
    for (const auto& p : placed)
        if (p.x < 8 || p.y < 8 || p.x > static_cast<float>(kFrame.width - 8) ||
            p.y > static_cast<float>(kFrame.height - 8))
            return false;
    return true;
}

cv::Mat frameOf(const Page& page, const std::string& format, const Degradation& d, Rng& rng) {
    const cv::Mat background = kiosk::testimages::clutteredBackground(kFrame, rng);
    const double lo = format == "TD1" ? 0.72 : format == "TD2" ? 0.85 : 0.9;
    const double hi = format == "TD1" ? 0.95 : format == "TD2" ? 1.1 : 1.2;
    cv::Mat placed;
    for (int attempt = 0; attempt < 40; ++attempt) {
        std::array<cv::Point2f, 4> corners;
        placed = kiosk::testimages::placeSubject(background, page.image, uniform(rng, lo, hi), d, rng, &corners);
        if (page.mrz.empty() || mrzInFrame(page, corners)) break;
    }
    return kiosk::testimages::spoil(placed, d, rng);
}

std::string formatFor(Rng& rng) {
    const int r = uniformInt(rng, 0, 19);
    return r < 11 ? "TD3" : r < 18 ? "TD1" : "TD2";
}

struct Writer {
    std::filesystem::path dir;
    std::ofstream manifest;
    int count = 0;

    void write(const cv::Mat& frame, const std::string& kind, const std::string& format, Severity severity,
               const std::vector<std::string>& lines, const Degradation& d) {
        char name[32];
        std::snprintf(name, sizeof name, "doc_%04d.jpg", count++);
        cv::imwrite((dir / name).string(), frame, {cv::IMWRITE_JPEG_QUALITY, 93});
        std::string mrz;
        for (const auto& l : lines) mrz += (mrz.empty() ? "" : "|") + l;
        manifest << name << '\t' << kind << '\t' << format << '\t' << (severity == Severity::Hard ? "hard" : "mild")
                 << '\t' << (mrz.empty() ? "-" : mrz) << '\t' << kiosk::testimages::describe(d) << '\n';
    }
};

void writeExtras(Writer& out, Fonts& fonts, Rng& rng) {
    for (int i = 0; i < 6; ++i) {  // no MRZ: clutter alone, or a page with ordinary print instead
        const Degradation d = kiosk::testimages::randomDegradation(rng, i % 2 ? Severity::Hard : Severity::Mild);
        cv::Mat frame;
        if (i < 3) {
            frame = kiosk::testimages::spoil(kiosk::testimages::clutteredBackground(kFrame, rng), d, rng);
        } else {
            const auto id = kiosk::testimages::makeFakeIdentity(rng, formatFor(rng));
            frame = frameOf(drawPage(id, false, fonts, rng), id.format, d, rng);
        }
        out.write(frame, "none", "-", i % 2 ? Severity::Hard : Severity::Mild, {}, d);
    }
    for (int i = 0; i < 6; ++i) {  // three with a covered MRZ, three with a wrong check digit
        auto id = kiosk::testimages::makeFakeIdentity(rng, i % 2 ? "TD1" : "TD3");
        const Degradation d = kiosk::testimages::randomDegradation(rng, Severity::Mild);
        if (i >= 3) {
            const std::size_t line = id.format == "TD3" ? 1 : 0;
            const std::size_t at = id.format == "TD3" ? 9 : 14;  // the document number's check digit
            id.lines[line][at] = static_cast<char>('0' + (id.lines[line][at] - '0' + uniformInt(rng, 1, 9)) % 10);
        }
        Page page = drawPage(id, true, fonts, rng);
        if (i < 3) cover(page, rng);
        out.write(frameOf(page, id.format, d, rng), i < 3 ? "occluded" : "badcheck", id.format, Severity::Mild,
                  id.lines, d);
    }
    for (int s = 0; s < 4; ++s) {  // one document, three frames as a held page moves
        const auto id = kiosk::testimages::makeFakeIdentity(rng, s % 2 ? "TD1" : "TD3");
        const Page page = drawPage(id, true, fonts, rng);
        for (int k = 0; k < 3; ++k) {
            const Severity severity = k == 1 ? Severity::Hard : Severity::Mild;
            const Degradation d = kiosk::testimages::randomDegradation(rng, severity);
            out.write(frameOf(page, id.format, d, rng), "seq" + std::to_string(s), id.format, severity, id.lines, d);
        }
    }
}

}  // namespace

// A health certificate of a made-up clinic for a made-up person: a white A5 page of ordinary print.
cv::Mat drawCertificate(Fonts& fonts) {
    cv::Mat page(mm(148), mm(105), CV_8UC3, cv::Scalar(246, 248, 250));
    const std::string sans = LOKET_PAGE_FONT;
    const std::string bold = LOKET_PAGE_BOLD_FONT;
    const cv::Scalar ink = cv::Scalar::all(30);
    drawText(page, fonts.get(bold, 26), "KLINIK CONTOH SEHAT", {mm(8), mm(8)}, ink);
    drawText(page, fonts.get(sans, 16), "Jalan Contoh 9, Surabaya", {mm(8), mm(13)}, ink);
    cv::line(page, {mm(8), mm(18)}, {page.cols - mm(8), mm(18)}, ink, 3);
    drawText(page, fonts.get(bold, 28), "SURAT KETERANGAN SEHAT", {mm(14), mm(24)}, ink);
    drawText(page, fonts.get(sans, 18), "Nomor: 0042/SKS/XI/2026", {mm(30), mm(31)}, ink);
    const std::vector<std::string> lines{
        "Yang bertanda tangan di bawah ini menerangkan bahwa:",
        "Nama          : SITI AMINAH",
        "Tanggal lahir : 15-06-1995",
        "telah diperiksa kesehatan dan psikologinya dan",
        "dinyatakan SEHAT untuk bekerja di luar negeri.",
        "Surabaya, 20 November 2026",
    };
    int y = mm(42);
    for (const auto& line : lines) {
        drawText(page, fonts.get(sans, 19), line, {mm(8), y}, ink);
        y += mm(7);
    }
    cv::circle(page, {mm(70), mm(120)}, mm(11), cv::Scalar(170, 60, 40), 3, cv::LINE_AA);
    drawText(page, fonts.get(sans, 16), "dr. Contoh Dokter", {mm(58), mm(133)}, ink);
    return page;
}

int writeCertificate(const std::filesystem::path& dir, std::uint64_t seed) {
    Rng rng(seed);
    Fonts fonts;
    std::filesystem::create_directories(dir);
    const cv::Mat page = drawCertificate(fonts);
    const cv::Mat background = kiosk::testimages::clutteredBackground(kFrame, rng);
    Degradation held;
    held.rotationDeg = 3;
    held.perspective = 0.03;
    held.noiseSigma = 3;
    held.jpegQuality = 90;
    const cv::Mat placed = kiosk::testimages::placeSubject(background, page, 0.95, held, rng);
    cv::Mat still = kiosk::testimages::spoil(placed, held, rng);
    Degradation moving = held;
    moving.motionBlur = 28;
    moving.blurSigma = 4;
    cv::Mat blurred = kiosk::testimages::spoil(placed, moving, rng);
    const bool ok = cv::imwrite((dir / "certificate.jpg").string(), still, {cv::IMWRITE_JPEG_QUALITY, 85}) &&
                    cv::imwrite((dir / "certificate-moving.jpg").string(), blurred, {cv::IMWRITE_JPEG_QUALITY, 85});
    if (!ok) std::fprintf(stderr, "make_document_images: cannot write into %s\n", dir.c_str());
    return ok ? 0 : 1;
}

int main(int argc, char** argv) {
    if (argc == 4 && std::string(argv[1]) == "--certificate") {
        if (TTF_Init() != 0) {
            std::fprintf(stderr, "make_document_images: %s\n", TTF_GetError());
            return 1;
        }
        int status = 1;
        try {
            status = writeCertificate(argv[2], std::stoull(argv[3]));
        } catch (const std::exception& e) {
            std::fprintf(stderr, "make_document_images: %s\n", e.what());
        }
        TTF_Quit();
        return status;
    }
    if (argc < 4 || argc > 5 || (argc == 5 && std::string(argv[4]) != "--extras")) {
        std::fprintf(stderr,
                     "usage: make_document_images OUT_DIR COUNT SEED [--extras]\n"
                     "       make_document_images --certificate OUT_DIR SEED\n");
        return 2;
    }
    if (TTF_Init() != 0) {
        std::fprintf(stderr, "make_document_images: %s\n", TTF_GetError());
        return 1;
    }
    int status = 0;
    try {
        Writer out{argv[1], {}, 0};
        std::filesystem::create_directories(out.dir);
        out.manifest.open(out.dir / "manifest.tsv");
        out.manifest << "file\tkind\tformat\tseverity\tmrz\tdegradation\n";
        Rng rng(std::stoull(argv[3]));
        Fonts fonts;
        const int count = std::stoi(argv[2]);
        for (int i = 0; i < count; ++i) {
            const Severity severity = i % 2 ? Severity::Hard : Severity::Mild;
            const auto id = kiosk::testimages::makeFakeIdentity(rng, formatFor(rng));
            const Degradation d = kiosk::testimages::randomDegradation(rng, severity);
            out.write(frameOf(drawPage(id, true, fonts, rng), id.format, d, rng), "mrz", id.format, severity, id.lines,
                      d);
        }
        if (argc == 5) writeExtras(out, fonts, rng);
        if (!out.manifest) throw std::runtime_error("cannot write the manifest");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "make_document_images: %s\n", e.what());
        status = 1;
    }
    TTF_Quit();
    return status;
}
