#pragma once
// The tab-separated manifest.tsv that each test-image generator writes beside its frames: a header
// line, then one row a frame.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace kiosk::testimages {

// The rows of DIR/manifest.tsv after its header, each split at tabs; rows with fewer than
// `columns` fields are passed over. Empty when the file is missing.
inline std::vector<std::vector<std::string>> readManifestRows(const std::filesystem::path& dir, std::size_t columns) {
    std::vector<std::vector<std::string>> rows;
    std::ifstream in(dir / "manifest.tsv");
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
        std::vector<std::string> cols;
        std::stringstream fields(line);
        for (std::string col; std::getline(fields, col, '\t');) cols.push_back(col);
        if (cols.size() >= columns) rows.push_back(std::move(cols));
    }
    return rows;
}

}  // namespace kiosk::testimages
