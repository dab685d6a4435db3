// kioskctl mrz --text: reads MRZ lines from stdin, repairs OCR look-alikes where the check digits
// leave one reading, and prints every field with each check digit's verdict.
// kioskctl mrz IMAGE: the same, read by OCR from a photo of the document, plus the time it took.

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <iostream>
#include <iterator>
#include <memory>

#include "kiosk/core/mrz.h"
#include "kiosk/ctl/command.h"
#include "kiosk/ctl/local_date.h"
#include "kiosk/vision/frame_file.h"
#include "kiosk/vision/mrz_frame_reader.h"

namespace kiosk::ctl {

namespace {

// Nobody pastes more than a few lines of MRZ; anything longer is refused before parsing.
constexpr std::size_t kMaxInput = 64 * 1024;

nlohmann::json problems(const std::vector<Error>& list) {
    auto out = nlohmann::json::array();
    for (const auto& e : list) out.push_back({{"code", e.code}, {"detail", e.detail}});
    return out;
}

nlohmann::json optionalDate(const std::optional<Date>& d) {
    return d ? nlohmann::json(formatIsoDate(*d)) : nlohmann::json(nullptr);
}

nlohmann::json toJson(const core::Mrz& m) {
    nlohmann::json corrections = nlohmann::json::array();
    for (const auto& c : m.corrections) {
        corrections.push_back({{"line", c.line + 1},
                               {"column", c.column + 1},
                               {"from", std::string(1, c.from)},
                               {"to", std::string(1, c.to)}});
    }
    return {
        {"valid", m.valid()},
        {"errors", problems(m.problems)},
        {"format", std::string(core::mrzFormatName(m.format))},
        {"document_code", m.documentCode},
        {"issuer", m.issuer},
        {"surname", m.surname},
        {"given_names", m.givenNames},
        {"document_number", m.documentNumber},
        {"nationality", m.nationality},
        {"birth_date", optionalDate(m.birthDate)},
        {"sex", m.sex ? nlohmann::json(std::string(core::sexLetter(*m.sex))) : nlohmann::json(nullptr)},
        {"expiry_date", optionalDate(m.expiryDate)},
        {"personal_number", m.personalNumber},
        {"optional_data", m.optionalData},
        {"optional_data_2", m.optionalData2},
        {"checks",
         {{"document_number", m.checks.documentNumber},
          {"birth_date", m.checks.birthDate},
          {"expiry_date", m.checks.expiryDate},
          {"personal_number", m.checks.personalNumber},
          {"composite", m.checks.composite}}},
        {"corrected", m.corrected()},
        {"corrections", corrections},
        {"mrz", m.text()},
    };
}

struct MrzOptions {
    bool text = false;
    std::string image;
    std::string on;
};

// One photo, one frame: no voting, so a reading is shown only when every check digit and every
// character's certainty allow it; otherwise an error says whether a zone was found at all.
int runMrzImage(const std::string& path, Date reference) {
    const auto frame = vision::readFrameFile(path, drivers::PixelFormat::Gray8);
    if (!frame) {
        std::cout << nlohmann::json{{"valid", false}, {"errors", problems({frame.error()})}}.dump() << '\n';
        return kUsage;
    }
    const auto start = std::chrono::steady_clock::now();
    const auto mrz = vision::readMrzFrame(*frame, reference);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    nlohmann::json out = mrz ? toJson(*mrz) : nlohmann::json{{"valid", false}, {"errors", problems({mrz.error()})}};
    out["ms"] = std::round(ms * 10) / 10;
    std::cout << out.dump() << '\n';
    return mrz && mrz->valid() ? kValid : kInvalid;
}

int runMrz(const MrzOptions& o) {
    if (o.text == !o.image.empty()) {
        std::cerr << "kioskctl mrz: give either an IMAGE or --text with the MRZ lines on stdin\n";
        return kUsage;
    }
    const auto reference = referenceDate(o.on);
    if (!reference) {
        std::cerr << "kioskctl mrz: --on needs a date as YYYY-MM-DD\n";
        return kUsage;
    }
    if (!o.image.empty()) return runMrzImage(o.image, *reference);
    std::string input;
    char buffer[4096];
    while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
        input.append(buffer, static_cast<std::size_t>(std::cin.gcount()));
        if (input.size() > kMaxInput) {
            const nlohmann::json out{
                {"valid", false},
                {"errors", problems({makeError("mrz.too_long", "more than 64 KiB on stdin; an MRZ is 3 lines")})}};
            std::cout << out.dump() << '\n';
            return kInvalid;
        }
    }
    const auto mrz = core::readMrz(input, *reference);
    if (!mrz) {
        std::cout << nlohmann::json{{"valid", false}, {"errors", problems({mrz.error()})}}.dump() << '\n';
        return kInvalid;
    }
    std::cout << toJson(*mrz).dump() << '\n';
    return mrz->valid() ? kValid : kInvalid;
}

}  // namespace

void addMrzCommand(CLI::App& app, Runner& run) {
    auto options = std::make_shared<MrzOptions>();
    auto* cmd = app.add_subcommand("mrz", "Read a passport, ID card or visa MRZ and check every check digit");
    cmd->add_flag("--text", options->text, "read the MRZ lines from stdin (newline-separated)");
    cmd->add_option("IMAGE", options->image, "a photo of the document: the MRZ is read by OCR");
    cmd->add_option("--on", options->on, "reference day YYYY-MM-DD for the birth century (default: today)");
    cmd->callback([options, &run] { run = [options] { return runMrz(*options); }; });
}

}  // namespace kiosk::ctl
