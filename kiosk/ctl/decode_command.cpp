// kioskctl decode IMAGE...: reads the barcodes in photos with the camera's own reader and prints one
// JSON object per image on its own line:
//
//   {"file":"a.jpg","results":[{"format":"QRCode","text":"...","corners":[[x,y],...]}],"ms":12.3}
//   {"file":"b.png","error":{"code":"vision.image_file","detail":"..."}}
//
// "ms" is the reader's time on the frame (not the file's decoding). Exit code: 0 when every image
// was read and held at least one code, 1 when every image was read but some held none, 2 when an
// image could not be read or the command was misused.

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "kiosk/ctl/command.h"
#include "kiosk/vision/barcode_reader.h"
#include "kiosk/vision/frame_file.h"

namespace kiosk::ctl {

namespace {

struct DecodeOptions {
    std::vector<std::string> images;
    std::string formats;
    int budgetMs = 0;
};

Result<vision::BarcodeFormats> parseFormats(const std::string& list) {
    if (list.empty()) return vision::BarcodeFormats::all();
    vision::BarcodeFormats formats;
    std::stringstream names(list);
    for (std::string name; std::getline(names, name, ',');) {
        const auto format = vision::barcodeFormatFromName(name);
        if (!format) return makeError("decode.format", "unknown format " + name);
        formats.insert(*format);
    }
    return formats;
}

nlohmann::ordered_json toJson(const vision::Barcode& code) {
    auto corners = nlohmann::ordered_json::array();
    for (const auto& c : code.corners) corners.push_back({c.x, c.y});
    return {{"format", std::string(vision::barcodeFormatName(code.format))}, {"text", code.text}, {"corners", corners}};
}

int runDecode(const DecodeOptions& o) {
    const auto formats = parseFormats(o.formats);
    if (!formats) {
        std::cerr << "kioskctl decode: " << formats.error().detail
                  << " (use QRCode, PDF417, DataMatrix, Aztec, Code128)\n";
        return kUsage;
    }
    vision::BarcodeReaderSettings settings;
    if (o.budgetMs > 0) settings.budget = std::chrono::milliseconds(o.budgetMs);
    const vision::BarcodeReader reader(settings);
    int worst = kValid;
    for (const auto& file : o.images) {
        nlohmann::ordered_json line{{"file", file}};
        const auto frame = vision::readFrameFile(file, drivers::PixelFormat::Gray8);
        if (!frame) {
            line["error"] = {{"code", frame.error().code}, {"detail", frame.error().detail}};
            worst = kUsage;
        } else {
            const auto start = std::chrono::steady_clock::now();
            const auto codes = reader.read(*frame, *formats);
            const double ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
            if (!codes) {
                line["error"] = {{"code", codes.error().code}, {"detail", codes.error().detail}};
                worst = kUsage;
            } else {
                auto results = nlohmann::ordered_json::array();
                for (const auto& code : *codes) results.push_back(toJson(code));
                line["results"] = results;
                line["ms"] = std::round(ms * 10) / 10;
                if (codes->empty() && worst == kValid) worst = kInvalid;
            }
        }
        // ZXing renders text as UTF-8, but a file name need not be: never let a byte break the line.
        std::cout << line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    }
    return worst;
}

}  // namespace

void addDecodeCommand(CLI::App& app, Runner& run) {
    auto options = std::make_shared<DecodeOptions>();
    auto* cmd = app.add_subcommand(
        "decode",
        "Read the barcodes in photos as the kiosk's camera does; one JSON line per image. Exit code 0: "
        "every image held a code, 1: some held none, 2: an image could not be read");
    cmd->add_option("IMAGE", options->images, "photos (PNG, JPEG, ...)")->required();
    cmd->add_option("--formats", options->formats,
                    "comma-separated formats to look for (QRCode,PDF417,DataMatrix,Aztec,Code128; default all)");
    cmd->add_option("--budget-ms", options->budgetMs, "time the reader may spend on one image (default: the camera's)")
        ->check(CLI::PositiveNumber);
    cmd->callback([options, &run] { run = [options] { return runDecode(*options); }; });
}

}  // namespace kiosk::ctl
