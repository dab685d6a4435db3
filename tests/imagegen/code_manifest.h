#pragma once
// The manifest that make_code_images writes beside its frames, read back by the barcode tests and
// the barcode benchmark.

#include <filesystem>
#include <string>
#include <vector>

#include "tests/imagegen/manifest_rows.h"

namespace kiosk::testimages {

struct CodeSample {
    std::filesystem::path file;  // absolute: the manifest's folder joined with its file column
    std::string format;          // ZXing's name: "QRCode", "PDF417", "DataMatrix", "Aztec", "Code128"
    std::string text;            // exactly what the code holds
    std::string size;            // "small" or "large"
    double modulePx = 0;         // frame pixels a module
    std::string degradation;     // camera_scene.h describe()
};

// Every line of DIR/manifest.tsv; empty when the file is missing.
inline std::vector<CodeSample> readCodeManifest(const std::filesystem::path& dir) {
    std::vector<CodeSample> samples;
    for (const auto& cols : readManifestRows(dir, 6))
        samples.push_back({dir / cols[0], cols[1], cols[2], cols[3], std::stod(cols[4]), cols[5]});
    return samples;
}

}  // namespace kiosk::testimages
