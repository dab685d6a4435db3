// The end-of-day report on paper: every figure printed in the catalogue's words, in Bahasa
// Indonesia and in English, no key missing, and a cut at the end.

#include "kiosk/receipt/day_report_printout.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

namespace kiosk::receipt {
namespace {

using namespace std::chrono_literals;

const std::filesystem::path kSource = LOKET_SOURCE_DIR;

nlohmann::json catalogue(const std::string& language) {
    std::ifstream in(kSource / "assets/i18n" / (language + ".json"));
    return nlohmann::json::parse(in);
}

// 2026-03-02T01:30:00Z: 08:30 WIB.
const Clock::TimePoint kMorning{std::chrono::seconds{1772415000}};

core::DayReport sample() {
    core::DayReport r;
    r.siteId = "LTSA-3578";
    r.kioskId = "KIOSK-3578-01";
    r.day = Date{std::chrono::year{2026}, std::chrono::March, std::chrono::day{2}};
    r.generatedAt = kMorning + 9h;
    auto& f = r.figures;
    f.records = {11, 12, 13};
    f.registrations = {21, 22, 23};
    f.outbox = {31, 32, 33, 34, 35, 36};
    f.queue = {41, kMorning - 24h, std::chrono::seconds{25 * 3600 + 7 * 60 + 5}};
    f.underAgeStops = {51, 52};
    f.decisions = {{"approve", 61}, {"reject", 62}};
    f.decisionsWithoutCode = 63;
    f.devices = {{"code_scanner", "disconnected", "errno=19", kMorning + 1h, 71},
                 {"receipt_printer", "ready", "", kMorning + 2h, 72}};
    return r;
}

struct Printed {
    std::vector<std::string> lines;
    std::set<std::string> missingKeys;
    bool endsWithCut = false;

    bool has(const std::string& line) const { return std::find(lines.begin(), lines.end(), line) != lines.end(); }
};

Printed print(const core::DayReport& report, const std::string& language) {
    const auto texts = catalogue(language);
    Printed out;
    const auto paper = dayReportDocument(report, [&](std::string_view key) {
        const auto it = texts.find(std::string(key));
        if (it != texts.end()) return it->get<std::string>();
        out.missingKeys.insert(std::string(key));
        return "[" + std::string(key) + "]";
    });
    for (const auto& e : paper.elements)
        if (const auto* t = std::get_if<drivers::TextLine>(&e)) out.lines.push_back(t->text);
    out.endsWithCut = !paper.elements.empty() && std::holds_alternative<drivers::Cut>(paper.elements.back());
    return out;
}

TEST(DayReportPrintout, EveryFigureIsPrintedInIndonesian) {
    const auto p = print(sample(), "id");
    EXPECT_TRUE(p.missingKeys.empty());
    for (const std::string line : {
             "Laporan Akhir Hari",
             "Lokasi: LTSA-3578",
             "Kios: KIOSK-3578-01",
             "Tanggal: 02-03-2026",
             "Dibuat: 02-03-2026 17:30 WIB",
             "Pendaftaran CPMI: 11",
             "Lapor diri purna PMI: 12",
             "Keputusan petugas: 13",
             "Tidak perlu diperiksa: 21",
             "Menunggu pemeriksaan: 22",
             "Sudah diperiksa: 23",
             "Menunggu dikirim: 31",
             "Sedang dikirim: 32",
             "Terkirim, menunggu konfirmasi: 33",
             "Diterima server: 34",
             "Ditolak server: 35",
             "Di antaranya nomor bentrok: 36",
             "Belum terkirim (semua hari): 41",
             "Tertua sejak 01-03-2026 08:30 WIB (25 jam 7 menit)",
             "Hari ini: 51",
             "Seluruhnya sejak kios dipasang: 52",
             "approve: 61 keputusan",
             "reject: 62 keputusan",
             "Tanpa jenis: 63",
             "code_scanner: disconnected, 02-03-2026 09:30 WIB (71 kejadian)",
             "Keterangan: errno=19",
             "receipt_printer: ready, 02-03-2026 10:30 WIB (72 kejadian)",
             "Laporan ini tidak memuat data pribadi.",
         })
        EXPECT_TRUE(p.has(line)) << line;
    EXPECT_TRUE(p.endsWithCut);
}

TEST(DayReportPrintout, TheScreensSummaryKeepsWhatNeedsActionAndLeavesTheRestToPaper) {
    const auto texts = catalogue("id");
    const auto lines = dayReportText(
        sample(), [&](std::string_view key) { return texts.at(std::string(key)).get<std::string>(); },
        ReportDetail::Summary);
    std::vector<std::string> text;
    for (const auto& line : lines) {
        EXPECT_NE(line.style, ReportTextLine::Style::Title);
        EXPECT_NE(line.style, ReportTextLine::Style::Note);
        text.push_back(line.text);
    }
    const auto has = [&](const std::string& t) { return std::find(text.begin(), text.end(), t) != text.end(); };
    for (const std::string line : {"Pendaftaran CPMI: 11", "Menunggu pemeriksaan: 22", "Diterima server: 34",
                                   "Ditolak server: 35", "Hari ini: 51", "Belum terkirim (semua hari): 41",
                                   "code_scanner: disconnected, 02-03-2026 09:30 WIB (71 kejadian)",
                                   "Keterangan: errno=19"})
        EXPECT_TRUE(has(line)) << line;
    for (const std::string line : {"Lokasi: LTSA-3578", "Tidak perlu diperiksa: 21", "Sedang dikirim: 32",
                                   "approve: 61 keputusan", "Seluruhnya sejak kios dipasang: 52"})
        EXPECT_FALSE(has(line)) << line;
}

TEST(DayReportPrintout, ADeviceWithoutDetailPrintsNoDetailLine) {
    const auto p = print(sample(), "id");
    EXPECT_EQ(std::count_if(p.lines.begin(), p.lines.end(), [](const auto& l) { return l.starts_with("Keterangan"); }),
              1);
}

TEST(DayReportPrintout, EnglishUsesItsOwnWordsAndTheSameFigures) {
    const auto p = print(sample(), "en");
    EXPECT_TRUE(p.missingKeys.empty());
    for (const std::string line :
         {"End-of-Day Report", "Registrations: 11", "Of which id conflicts: 36",
          "Oldest since 01-03-2026 08:30 WIB (25 h 7 min)", "approve: 61", "This report holds no personal data."})
        EXPECT_TRUE(p.has(line)) << line;
}

TEST(DayReportPrintout, EveryPlaceholderIsFilled) {
    for (const auto* language : {"id", "en"})
        for (const auto& line : print(sample(), language).lines)
            EXPECT_EQ(line.find('{'), std::string::npos) << language << ": " << line;
}

TEST(DayReportPrintout, AnEmptyQueueAndNoDeviceEventsAreSaidSo) {
    auto r = sample();
    r.figures.queue = {};
    r.figures.devices.clear();
    const auto p = print(r, "id");
    EXPECT_TRUE(p.has("Semua data sudah terkirim."));
    EXPECT_TRUE(p.has("Tidak ada kejadian perangkat hari ini."));
    EXPECT_FALSE(std::any_of(p.lines.begin(), p.lines.end(), [](const auto& l) { return l.starts_with("Tertua"); }));
}

TEST(DayReportPrintout, TimesFollowTheKiosksZone) {
    auto r = sample();
    r.utcOffset = 9h;
    r.zoneName = "WIT";
    EXPECT_TRUE(print(r, "id").has("Dibuat: 02-03-2026 19:30 WIT"));
}

}  // namespace
}  // namespace kiosk::receipt
