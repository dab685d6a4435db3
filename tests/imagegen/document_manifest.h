#pragma once
// The manifest that make_document_images writes beside its frames, read back by the MRZ tests and
// the MRZ benchmark.

#include <filesystem>
#include <string>
#include <vector>

#include "tests/imagegen/manifest_rows.h"

namespace kiosk::testimages {

struct DocumentSample {
    std::filesystem::path file;  // absolute: the manifest's folder joined with its file column
    // "mrz" (a readable MRZ), "none" (no MRZ in the frame), "occluded" (part of the MRZ covered),
    // "badcheck" (an MRZ printed with a wrong check digit), "seqN" (frame of sequence N: one
    // document, several frames).
    std::string kind;
    std::string format;       // "TD3", "TD1", "TD2"; "-" when there is no MRZ
    std::string severity;     // "mild" or "hard"
    std::string mrz;          // the printed lines joined by '\n'; empty when there is none
    std::string degradation;  // camera_scene.h describe()
};

// Every line of DIR/manifest.tsv; empty when the file is missing.
inline std::vector<DocumentSample> readDocumentManifest(const std::filesystem::path& dir) {
    std::vector<DocumentSample> samples;
    for (const auto& cols : readManifestRows(dir, 6)) {
        std::string mrz = cols[4] == "-" ? std::string() : cols[4];
        for (char& c : mrz)
            if (c == '|') c = '\n';
        samples.push_back({dir / cols[0], cols[1], cols[2], cols[3], mrz, cols[5]});
    }
    return samples;
}

}  // namespace kiosk::testimages
